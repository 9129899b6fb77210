// Drives a case through the pure workflow the way a cloud function does: compute the clocks from the history,
// call `transition`, append the entry.
import { createWorkingCalendar } from '@shared/calendar'
import { caseClocks, type CaseClock } from '@shared/deadlines'
import type { StaffRole } from '@shared/vocabulary/units'
import { getPolicyProfile, type PolicyProfile, type ProfileId } from '@shared/policy'
import {
  caseEventSchema,
  openCase,
  transition,
  type Actor,
  type CaseEvent,
  type CaseEventInput,
  type CaseMachineState,
  type HistoryEntry,
  type TransitionResult,
} from '@shared/workflow'

export const calendar = createWorkingCalendar()

const staff = (role: StaffRole): Actor => ({ kind: 'staff', id: `${role}-1`, roles: [role] })
export const REPORTER_ID = 'openid-reporter-1'
export const actors = {
  reporter: { kind: 'reporter', id: REPORTER_ID } as Actor,
  stranger: { kind: 'reporter', id: 'openid-someone-else' } as Actor,
  intake: staff('intake'),
  dispatcher: staff('dispatcher'),
  officer: staff('officer'),
  head: staff('office-head'),
  leader: staff('leader'),
  supervisor: staff('supervisor'),
  rewardAdmin: staff('reward-admin'),
  admin: staff('admin'),
  system: { kind: 'system', id: 'timer' } as Actor,
}

/** Events as a client would send them, with the schema's defaults applied. */
export const ev = <T extends CaseEventInput>(input: T): Extract<CaseEvent, { type: T['type'] }> =>
  caseEventSchema.parse(input) as Extract<CaseEvent, { type: T['type'] }>

export const SITE_VISIT = {
  type: 'record-site-visit',
  record: {
    visitedAt: '2026-03-03T10:00:00+08:00',
    reportedEntity: '某化工厂',
    address: '某路 1 号',
    productionStatus: '正常生产',
    pollutionControl: '活性炭吸附装置运行',
    discharge: '无组织排放',
    cause: '投料口未密闭',
    findings: '异味来自投料口，已责令整改',
  },
} satisfies CaseEventInput

/** A check-in where the report was made, as a phone reports it (GCJ-02, its accuracy, its own clock). */
export const CHECK_IN = {
  type: 'check-in',
  position: {
    lat: 35.29958,
    lng: 113.27638,
    coordSystem: 'gcj02',
    accuracy: 15,
    takenAt: '2026-03-02T09:30:00+08:00',
  },
} satisfies CaseEventInput

export const SITE_PHOTOS = {
  type: 'add-site-photos',
  photos: [
    {
      fileId: 'cloud://env/uploads/site-1.jpg',
      stamp: { takenAt: '2026-03-02T09:31:00+08:00', position: CHECK_IN.position, drawn: true },
    },
  ],
  note: '投料口',
} satisfies CaseEventInput

export const REPLY = {
  type: 'draft-reply',
  reply: {
    matter: '反映某化工厂夜间异味',
    entityFacts: '某化工厂，有排污许可证',
    investigation: '3 月 3 日现场检查，投料口未密闭',
    violations: '无组织排放',
    handlingOpinion: '责令整改并立案调查',
    communication: '已电话告知举报人',
    remedies: '对答复不服的，可在 30 日内申请复查',
  },
} satisfies CaseEventInput

export class CaseDriver {
  readonly profile: PolicyProfile
  readonly history: HistoryEntry[] = []
  state: CaseMachineState
  lastAt: string

  constructor(
    profileId: ProfileId,
    register: Partial<Extract<CaseEventInput, { type: 'register' }>> & { receivedAt: string },
    options: { at?: string; actor?: Actor } = {},
  ) {
    this.profile = getPolicyProfile(profileId)
    const at = options.at ?? register.receivedAt
    const event = ev({
      type: 'register',
      channel: 'mini-program',
      requestType: 'complaint',
      reporterId: REPORTER_ID,
      ...register,
    })
    const result = openCase({
      event,
      actor: options.actor ?? actors.reporter,
      profile: this.profile,
      ctx: { now: at, clocks: [] },
    })
    if (!result.ok) throw new Error(result.error.message)
    this.state = result.state
    this.history.push(result.entry)
    this.lastAt = at
  }

  /** An independent copy, to branch several scenarios off one prepared case. */
  fork(): CaseDriver {
    const copy = Object.create(CaseDriver.prototype) as CaseDriver
    Object.assign(copy, {
      profile: this.profile,
      history: [...this.history],
      state: this.state,
      lastAt: this.lastAt,
    })
    return copy
  }

  clocks(asOf: string = this.lastAt): CaseClock[] {
    return caseClocks({ profile: this.profile, calendar, history: this.history, asOf })
  }

  clock(kind: CaseClock['clock'], asOf?: string): CaseClock | undefined {
    return this.clocks(asOf).find((c) => c.clock === kind)
  }

  attempt(input: CaseEventInput, actor: Actor, at: string): TransitionResult {
    return transition(this.state, ev(input), actor, { now: at, clocks: this.clocks(at) })
  }

  apply(input: CaseEventInput, actor: Actor, at: string): this {
    const result = this.attempt(input, actor, at)
    if (!result.ok)
      throw new Error(
        `${input.type} at ${at}: ${result.error.message} (${result.error.guard ?? result.error.reason})`,
      )
    this.state = result.state
    this.history.push(result.entry)
    this.lastAt = at
    return this
  }
}
