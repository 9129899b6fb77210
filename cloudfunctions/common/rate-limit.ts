// Fixed-window rate limits kept in the database (functions are stateless and run in parallel), e.g. anonymous
// lookups by query code: a code cannot be guessed by trying many.
import { createHash } from 'node:crypto'
import { AppError } from '../../shared/contracts/result'
import { COLLECTIONS } from './collections'
import type { Runtime } from './ports'

interface RateLimitDoc {
  key: string
  count: number
  windowStart: string
}

export async function consumeRateLimit(
  runtime: Runtime,
  key: string,
  limit: number,
  windowSeconds: number,
  message: string,
): Promise<void> {
  const now = runtime.clock.now().getTime()
  const windowStart = Math.floor(now / (windowSeconds * 1000)) * windowSeconds * 1000
  const id = 'r' + createHash('sha256').update(`${key}\n${windowStart}`).digest('hex').slice(0, 31)
  const allowed = await runtime.db.transaction(async (tx) => {
    const doc = await tx.get<RateLimitDoc>(COLLECTIONS.rateLimits, id)
    if (doc && doc.count >= limit) return false
    if (doc) await tx.update<RateLimitDoc>(COLLECTIONS.rateLimits, id, { count: doc.count + 1 }, doc._version)
    else
      await tx.insert<RateLimitDoc>(COLLECTIONS.rateLimits, {
        _id: id,
        key,
        count: 1,
        windowStart: new Date(windowStart).toISOString(),
      })
    return true
  })
  if (!allowed) {
    const minutes = Math.ceil((windowStart + windowSeconds * 1000 - now) / 60_000)
    throw new AppError('RATE_LIMITED', `${message}，请 ${minutes} 分钟后再试`)
  }
}
