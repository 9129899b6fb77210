// timers: the hourly deadline sweep and the daily removal of uploads nobody attached (config.json timer
// triggers, dispatched by trigger name), each also startable by an administrator.
import { timersContract } from '../../shared/contracts/timers'
import type { Runtime } from '../common/ports'
import { defineFunction, type TimerEvent } from '../common/router'
import { runDeadlineSweep } from './sweep'
import { runUploadCleanup } from './upload-cleanup'

/** The jobs of this function's timer triggers, by the trigger names of config.json. */
export const TIMER_JOBS: Record<string, (runtime: Runtime) => Promise<unknown>> = {
  deadlineSweep: runDeadlineSweep,
  uploadCleanup: runUploadCleanup,
}

async function onTimer(event: TimerEvent, runtime: Runtime): Promise<unknown> {
  const job = Object.prototype.hasOwnProperty.call(TIMER_JOBS, event.TriggerName)
    ? TIMER_JOBS[event.TriggerName]
    : undefined
  if (!job) throw new Error(`timers: no job for trigger ${event.TriggerName}`)
  return job(runtime)
}

export const timersFunction = defineFunction(
  'timers',
  timersContract,
  {
    async runDeadlineSweep(_input, { runtime }) {
      return runDeadlineSweep(runtime)
    },
    async runUploadCleanup(_input, { runtime }) {
      return runUploadCleanup(runtime)
    },
  },
  { onTimer },
)
