// One submitting process of the submit benchmark: files reports through the real `cases.submitReport` action
// against a store directory for a number of seconds, then sends its latencies to the parent.
//   node --import tsx bench/submit-worker.ts <dataDir> <seconds> <seed>
import { performance } from 'node:perf_hooks'
import { ControlledClock } from '../cloudfunctions/common/clock'
import { silentLogger } from '../cloudfunctions/common/log'
import { FUNCTIONS } from '../cloudfunctions/registry'
import { loadDeployment } from '../local/deployments'
import { createLocalRuntime } from '../local/runtime'
import { countFailure } from './measure'
import { BENCH_NOW, buildWorld, rng, samplePayload } from './realistic-store'

export interface WorkerReport {
  latencies: number[]
  /** Failed submits by error code. */
  failures: Record<string, number>
}

async function main() {
  const [dataDir, seconds, seed] = process.argv.slice(2)
  const runtime = createLocalRuntime({
    dataDir: dataDir!,
    clock: new ControlledClock(BENCH_NOW),
    log: silentLogger,
    deployment: loadDeployment('jiaozuo'),
  })
  const world = buildWorld(runtime, 100_000, rng(Number(seed)))
  const cases = FUNCTIONS.cases!
  const latencies: number[] = []
  const failures: Record<string, number> = {}
  const clock = runtime.clock as ControlledClock
  const until = performance.now() + Number(seconds) * 1000
  for (let i = 0; performance.now() < until; i++) {
    const { openid, payload } = samplePayload(world, Number(seed) * 1e7 + i)
    clock.advance(2000)
    const start = performance.now()
    const result = await cases.handle({ action: 'submitReport', payload }, { openid }, runtime)
    latencies.push(performance.now() - start)
    countFailure(failures, result)
  }
  runtime.close()
  process.send!({ latencies, failures } satisfies WorkerReport)
}

void main()
