// Timing helpers for the benchmark: per-call durations, percentiles, aligned columns. Figures are printed,
// never asserted.
import { performance } from 'node:perf_hooks'

export interface Timing {
  runs: number
  p50: number
  p95: number
  mean: number
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!
}

export function summarise(samples: readonly number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b)
  return {
    runs: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    mean: sorted.reduce((s, x) => s + x, 0) / Math.max(1, sorted.length),
  }
}

/** Runs `fn` `runs` times after a few warm-up calls; every call is timed on its own. */
export async function timeCalls(runs: number, fn: (i: number) => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < Math.min(10, runs); i++) await fn(i)
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await fn(i)
    samples.push(performance.now() - start)
  }
  return summarise(samples)
}

export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—'
  if (ms < 1) return `${(ms * 1000).toFixed(0)} µs`
  if (ms < 100) return `${ms.toFixed(2)} ms`
  return `${ms.toFixed(0)} ms`
}

/** `p50 / p95` of a timing. */
export function fmtTiming(t: Timing | null): string {
  return t ? `${fmtMs(t.p50)} / ${fmtMs(t.p95)}` : '—'
}

/** Prints rows as aligned columns; the first row is the header. */
export function table(rows: ReadonlyArray<readonly string[]>, indent = '  '): void {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => [...(r[c] ?? '')].length)))
  for (const [i, row] of rows.entries()) {
    const cells = row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
    console.log(indent + cells.join('   '))
    if (i === 0) console.log(indent + widths.map((w) => '-'.repeat(w)).join('   '))
  }
}

/** Counts a failed result's error code in `failures`. */
export function countFailure(
  failures: Record<string, number>,
  result: { ok: boolean; error?: { code: string } },
) {
  if (result.ok) return
  const code = result.error?.code ?? '?'
  failures[code] = (failures[code] ?? 0) + 1
}
