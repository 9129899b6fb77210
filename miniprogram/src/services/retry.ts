// Automatic retries for calls that never got an answer (code NETWORK): outdoors, at night, on a weak
// network. Only safe for idempotent calls — submitReport is, through its clientRequestId.
import type { ApiResult } from '@shared/contracts/result'

const RETRY_DELAYS_MS = [1500, 4000]

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export async function retryOnNetwork<T>(
  call: () => Promise<ApiResult<T>>,
  options: { delays?: readonly number[]; onAttempt?: (attempt: number) => void } = {},
): Promise<ApiResult<T> & { attempts: number }> {
  const delays = options.delays ?? RETRY_DELAYS_MS
  for (let attempt = 1; ; attempt++) {
    options.onAttempt?.(attempt)
    const res = await call()
    const delay = delays[attempt - 1]
    if (res.ok || res.error.code !== 'NETWORK' || delay === undefined) return { ...res, attempts: attempt }
    await sleep(delay)
  }
}
