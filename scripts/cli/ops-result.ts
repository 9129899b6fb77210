// Backup and restore answer like the functions do: the result, or {ok:false, error:{code, message}} with the
// problems found (Chinese); a refusal exits 1 and has written nothing.
import { OpsRefusal } from '../ops/refusal'

export type OpsOutput =
  | { ok: true; [key: string]: unknown }
  | { ok: false; error: { code: string; message: string }; problems: string[] }

export async function opsResult(work: () => Promise<{ ok: true }>): Promise<OpsOutput> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof OpsRefusal) {
      return { ok: false, error: { code: error.code, message: error.message }, problems: error.problems }
    }
    throw error
  }
}

export function exitCode(output: unknown): number {
  return (output as OpsOutput).ok ? 0 : 1
}
