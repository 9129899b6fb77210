// 抽查 (S3 第十四条: 上级…对下级…举报办理情况进行抽查监督; S0 第九条 现场抽查; S2 第二十二条 不定期抽查): a random
// sample of the cases a unit closed in a period, reproducible by anyone — the draw is a seeded PRNG whose seed is
// the unit and the period (`<unitId>|<YYYY-MM>`), over the candidates in id order. Drawing again for the same unit
// and period gives the same cases, so a sample can be checked after the fact and cannot be redrawn until it
// suits. (FNV-1a hashes the seed to 32 bits; mulberry32 draws; a partial Fisher–Yates shuffle picks.)

/** How many to draw: 5% of the closed cases, at least 3 and at most 20 (decision: no text sets a size). */
export const SPOT_CHECK_SAMPLE = {
  rate: 0.05,
  min: 3,
  max: 20,
  basis: 'S3 第十四条',
  decision:
    '抽查数量法规未作规定：按当期办结件数的 5% 抽取，不少于 3 件、不超过 20 件（不足 3 件的全部抽取）',
} as const

export function sampleSize(population: number): number {
  const wanted = Math.ceil(population * SPOT_CHECK_SAMPLE.rate)
  return Math.min(population, Math.max(SPOT_CHECK_SAMPLE.min, Math.min(SPOT_CHECK_SAMPLE.max, wanted)))
}

/** The seed of a unit's sample for a period. */
export const sampleSeed = (unitId: string, period: string): string => `${unitId}|${period}`

/** FNV-1a, 32 bits. */
function hash32(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** mulberry32: a small, well-mixed 32-bit generator; answers floats in [0, 1). */
export function seededRandom(seed: string): () => number {
  let a = hash32(seed)
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

/** The sample: `size` of the candidates (ids), drawn in order by the seeded generator. */
export function drawSample(
  candidates: readonly string[],
  seed: string,
  size = sampleSize(candidates.length),
): string[] {
  const pool = [...new Set(candidates)].sort()
  const random = seededRandom(seed)
  const count = Math.min(size, pool.length)
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (pool.length - i))
    ;[pool[i], pool[j]] = [pool[j]!, pool[i]!]
  }
  return pool.slice(0, count)
}
