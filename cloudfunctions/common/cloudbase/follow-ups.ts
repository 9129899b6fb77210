// Follow-up timer runs on CloudBase: the function calls itself with a timer event (`cloud.callFunction`).
//
// A call from a cloud function carries no user, so the called run has no OPENID and cloudMain (entry.ts) hands
// the event to `onTimer`, as it does the platform's trigger; a client cannot start one (its calls always have
// an OPENID and are routed as client calls). wx-server-sdk has no asynchronous invocation: `callFunction`
// resolves when the called run has finished, up to a minute later. The caller only waits until the call is on
// its way (HANDOFF_MS, or the call's own answer if sooner) and then returns; the platform runs an invocation it
// has accepted to the end whether or not its caller still listens. A call that fails is logged and changes
// nothing: the next hourly trigger takes the work up.
import { toShanghaiIso } from '../../../shared/time'
import { FOLLOW_UP_TRIGGER, type Clock, type FollowUps, type Logger } from '../ports'
import type { TimerEvent } from '../router'
import type { WxCloud } from './sdk'

/** How long the caller waits for a follow-up call to be handed over before it returns. */
const HANDOFF_MS = 1500

export class CloudbaseFollowUps implements FollowUps {
  constructor(
    private readonly cloud: Pick<WxCloud, 'callFunction'>,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly handoffMs = HANDOFF_MS,
  ) {}

  async start(fn: string, followUp: number): Promise<void> {
    const event: TimerEvent = {
      Type: 'Timer',
      TriggerName: FOLLOW_UP_TRIGGER,
      Time: toShanghaiIso(this.clock.now()),
      followUp,
    }
    let call: Promise<unknown>
    try {
      call = Promise.resolve(this.cloud.callFunction({ name: fn, data: { ...event } }))
    } catch (error) {
      call = Promise.reject(error)
    }
    let failed = false
    const settled = call.then(
      () => undefined,
      (error: unknown) => {
        failed = true
        this.log.error('follow-up run: the call failed', { fn, followUp, error: String(error) })
      },
    )
    let timer: ReturnType<typeof setTimeout> | undefined
    const handedOver = new Promise<void>((resolve) => (timer = setTimeout(resolve, this.handoffMs)))
    await Promise.race([settled, handedOver])
    clearTimeout(timer)
    if (!failed) this.log.info('follow-up run started', { fn, followUp })
  }
}
