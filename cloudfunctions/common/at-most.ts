// Work on many items with at most `limit` of them under way at once: calls to a remote service that should
// overlap (their round trips are the request's time) without flooding it.

/**
 * Runs `work` on every item, at most `limit` at a time, each starting as soon as one before it ends; resolves
 * when all have ended. `work` handles its own failures: a rejection stops nothing else and is rethrown at the end.
 */
export async function eachAtMost<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError(`limit must be a positive integer: ${limit}`)
  let next = 0
  const failures: unknown[] = []
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!
      await work(item).catch((error: unknown) => void failures.push(error))
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  if (failures.length > 0) throw failures[0]
}
