// Timer triggers in local mode: each function's config.json declares CloudBase timer triggers
// (7-field cron: second minute hour day month weekday year, UTC+8); croner runs them here on the same
// schedule in Asia/Shanghai. The scheduler also starts the follow-up runs a timer run asks for (ports.ts
// FollowUps: a job that stopped at its budget with work left), right after that run returns.
import { readFileSync, existsSync } from 'node:fs'
import path from 'node:path'
import { Cron } from 'croner'
import type { CloudFunction, TimerEvent } from '../cloudfunctions/common/router'
import { FOLLOW_UP_TRIGGER, type Runtime } from '../cloudfunctions/common/ports'
import { toShanghaiIso, TIMEZONE } from '../shared/time'
import { PROJECT_ROOT } from './deployments'

interface TimerTrigger {
  name: string
  type: 'timer'
  config: string
}

export interface FunctionConfig {
  triggers?: TimerTrigger[]
  permissions?: { openapi?: string[] }
}

export function readFunctionConfig(name: string): FunctionConfig {
  const file = path.join(PROJECT_ROOT, 'cloudfunctions', name, 'config.json')
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as FunctionConfig) : {}
}

export interface ScheduledTimer {
  fn: string
  trigger: string
  cron: string
  nextRun: Date | null
}

export class LocalScheduler {
  private readonly jobs: Array<{ job: Cron; info: Omit<ScheduledTimer, 'nextRun'> }> = []
  /** Follow-up runs asked for and not started yet. */
  private readonly pending = new Set<ReturnType<typeof setTimeout>>()

  constructor(
    private readonly functions: Record<string, CloudFunction>,
    private readonly runtime: Runtime,
  ) {}

  start(): ScheduledTimer[] {
    for (const [name, fn] of Object.entries(this.functions)) {
      for (const trigger of readFunctionConfig(name).triggers ?? []) {
        if (trigger.type !== 'timer') continue
        if (!fn.onTimer)
          throw new Error(
            `${name}/config.json declares timer ${trigger.name} but the function has no onTimer`,
          )
        const job = new Cron(
          trigger.config,
          { timezone: TIMEZONE, protect: true, name: `${name}:${trigger.name}` },
          async () => {
            await this.fire(name, trigger.name)
          },
        )
        this.jobs.push({ job, info: { fn: name, trigger: trigger.name, cron: trigger.config } })
      }
    }
    this.runtime.followUps = {
      start: async (fn, followUp) => {
        // After the asking run has returned (and released its jobs), never inside it.
        const handle = setTimeout(() => {
          this.pending.delete(handle)
          void this.fire(fn, FOLLOW_UP_TRIGGER, followUp)
        }, 0)
        this.pending.add(handle)
      },
    }
    return this.list()
  }

  list(): ScheduledTimer[] {
    return this.jobs.map(({ job, info }) => ({ ...info, nextRun: job.nextRun() }))
  }

  /** Runs one trigger now (also what the cron job does). Errors are logged, never thrown. */
  async fire(fnName: string, triggerName: string, followUp?: number): Promise<unknown> {
    const fn = this.functions[fnName]
    if (!fn?.onTimer) throw new Error(`no timer on ${fnName}`)
    const event: TimerEvent = {
      Type: 'Timer',
      TriggerName: triggerName,
      Time: toShanghaiIso(this.runtime.clock.now()),
      ...(followUp === undefined ? {} : { followUp }),
    }
    try {
      return await fn.onTimer(event, this.runtime)
    } catch (error) {
      this.runtime.log.error('timer failed', { fn: fnName, trigger: triggerName, error: String(error) })
      return undefined
    }
  }

  stop(): void {
    for (const { job } of this.jobs) job.stop()
    this.jobs.length = 0
    for (const handle of this.pending) clearTimeout(handle)
    this.pending.clear()
    delete this.runtime.followUps
  }
}
