// Cases for the view and builder tests, made the way the submission makes them: the demo 焦作 routing table over
// its boundaries, the jurisdiction's intake rules, the workflow opened on the register event, `buildNewCase` —
// with a reporter whose every identifying value is distinctive, so a test can search any view for it. Later
// steps go through the pure transition function, as `applyCaseEvent` does.
import { createWorkingCalendar } from '@shared/calendar'
import type { ReporterRecord, StoredCase } from '@shared/cases/case-doc'
import type { NewHold } from '@shared/cases/held-content'
import { buildNewCase, registerEventOf, type Arrival, type NewReport } from '@shared/cases/new-case'
import { caseClocks, type CaseClock } from '@shared/deadlines'
import { gcj02 } from '@shared/geo/coordinates'
import { assessIntake } from '@shared/intake/importance'
import { getPolicyProfile } from '@shared/policy'
import { INTAKE_POLICIES } from '@shared/policy/registry'
import { entityKey } from '@shared/routing/entity-names'
import { toShanghaiIso } from '@shared/time'
import { openCase, transition, type Actor, type CaseEventInput } from '@shared/workflow'
import { demoRouter } from '../routing/demo-deployments'
import { actors, ev, REPORTER_ID } from '../workflow/driver'

const PROFILE = 'jiaozuo-12345'
const router = demoRouter(PROFILE)
const calendar = createWorkingCalendar()

/** 山阳区, inside the demo boundary data (GCJ-02, as the mini-program sends it). */
const SHANYANG = gcj02(35.29958, 113.27638)
/** 郑州市: outside the 焦作 territory (S0 第五条 退回). */
export const ZHENGZHOU = gcj02(34.87033, 113.53716)

export const T0 = '2026-11-23T10:00:00+08:00'

/** The reporter's identity as stored, every value distinctive. */
export const IDENTITY = {
  openid: REPORTER_ID,
  nameSealed: 'v1.SEALED-NAME.tag.body',
  phoneSealed: 'v1.SEALED-PHONE.tag.body',
  nameMasked: '王*明',
  phoneMasked: '139****4321',
  queryCodeHash: 'QUERY-CODE-HASH-7f3a',
  queryCodeSealed: 'v1.SEALED-QUERY-CODE.tag.body',
} as const

export const realNameReporter: ReporterRecord = {
  openid: IDENTITY.openid,
  mode: 'real-name',
  nameSealed: IDENTITY.nameSealed,
  phoneSealed: IDENTITY.phoneSealed,
  nameMasked: IDENTITY.nameMasked,
  phoneMasked: IDENTITY.phoneMasked,
}

export const anonymousReporter: ReporterRecord = {
  openid: IDENTITY.openid,
  mode: 'anonymous',
  queryCodeHash: IDENTITY.queryCodeHash,
  queryCodeSealed: IDENTITY.queryCodeSealed,
}

/** What the reporter wrote: words that must never leave their own view (and staff's). */
export const WORDS = {
  description: '我家楼下3单元的工地每晚十一点后还在打桩，我是502的住户，吵得孩子睡不着。',
  address: '焦作市山阳区塔南路幸福小区3单元502楼下',
  reportedEntity: '塔南路某建设工程项目部',
}

export function reportOf(overrides: Partial<NewReport> = {}): NewReport {
  return {
    clientRequestId: 'device-request-0001',
    requestType: 'complaint',
    category: 'noise',
    source: 'construction',
    description: WORDS.description,
    photos: ['cloud://env/uploads/own-photo-1.jpg'],
    location: { ...SHANYANG, coordSystem: 'gcj02', address: WORDS.address },
    reportedEntity: WORDS.reportedEntity,
    reporter: { mode: 'real-name' },
    ...overrides,
  }
}

export interface FileOptions {
  report?: Partial<NewReport>
  reporter?: ReporterRecord
  hold?: NewHold | null
  at?: string
  refNo?: string
  /** A report registered by intake staff or sent by a platform (channel, 工单编号, 平台办理时限 …). */
  arrival?: Arrival
}

/** The parts of a new case as the submission assembles them (crypto and the counter replaced by values). */
export function partsOf(options: FileOptions = {}) {
  const report = reportOf(options.report)
  const at = options.at ?? T0
  const now = new Date(at)
  const decision = router.route({
    location: report.location,
    category: report.category,
    requestType: report.requestType,
    source: report.source,
  })
  const assessment = assessIntake(
    {
      category: report.category,
      source: report.source ?? null,
      reportedAt: toShanghaiIso(now),
      observedAt: report.occurredAt ?? null,
    },
    INTAKE_POLICIES[PROFILE].importance,
  )
  const reporter = options.reporter ?? realNameReporter
  const opened = openCase({
    event: registerEventOf(
      report,
      assessment,
      options.arrival ? null : reporter.openid,
      toShanghaiIso(now),
      options.arrival,
    ),
    actor: options.arrival ? actors.intake : actors.reporter,
    profile: getPolicyProfile(PROFILE),
    ctx: { now: toShanghaiIso(now), clocks: [] },
  })
  if (!opened.ok) throw new Error(opened.error.message)
  return {
    report,
    reporter,
    reporterKey: reporter.mode === 'anonymous' ? null : 'REPORTER-KEY-HASH',
    entityKey: entityKey(report.reportedEntity, router.entityNames),
    decision,
    assessment,
    opened,
    hold: options.hold ?? null,
    refNo: options.refNo ?? 'JZ-20261123-0001',
    calendar,
    now,
  }
}

/** A filed case as stored: inserted, then its reporter's follow counted (version 2). */
export function fileCase(options: FileOptions = {}): StoredCase {
  return { ...buildNewCase(partsOf(options)), followerCount: 1, _id: 'c-fixture-case', _version: 2 }
}

export type Step = readonly [CaseEventInput, Actor]

/** The steps that take a filed case to the sent reply (accept, assign, site visit, draft, approvals, send). */
export const TO_REPLY: Step[] = [
  [{ type: 'accept' }, actors.intake],
  [
    { type: 'assign', unitIds: ['jz-shanyang'], officer: { id: 'officer-1', name: '王磊' } },
    actors.dispatcher,
  ],
  [{ type: 'start-investigation' }, actors.officer],
  [
    {
      type: 'record-site-visit',
      record: {
        visitedAt: '2026-11-23T23:10:00+08:00',
        reportedEntity: WORDS.reportedEntity,
        address: '塔南路工地',
        productionStatus: '夜间施工',
        pollutionControl: '无',
        discharge: '打桩噪声',
        cause: '未取得夜间施工许可',
        findings: '夜间打桩属实',
      },
    },
    actors.officer,
  ],
  [
    {
      type: 'draft-reply',
      reply: {
        matter: '反映塔南路工地夜间施工噪声',
        entityFacts: '某建设工程项目部',
        investigation: '现场核查夜间打桩属实',
        violations: '未经批准夜间施工',
        handlingOpinion: '责令停止夜间施工并立案查处',
        communication: 'PRIVATE-CALL: 已于11月24日电话告知王先生核查情况',
        remedies: '可在 30 日内申请复查',
      },
    },
    actors.officer,
  ],
  [{ type: 'approve-reply' }, actors.head],
  [{ type: 'approve-reply' }, actors.leader],
  [{ type: 'send-reply' }, actors.officer],
]

/** The rating the reporter gives (a history event): stars and words only they may see again. */
export const RATING: Step = [
  { type: 'rate-reply', rating: 2, comment: 'PRIVATE-RATING: 还是有噪声' },
  actors.reporter,
]

/** The case after `steps`, an hour apart from its last entry, through the pure transition function. */
export function advance(doc: StoredCase, steps: readonly Step[]): StoredCase {
  const profile = getPolicyProfile(doc.profile.id, doc.profile.version)
  let current = doc
  for (const [input, actor] of steps) {
    const at = toShanghaiIso(Date.parse(current.history[current.history.length - 1]!.at) + 3_600_000)
    const clocks = caseClocks({ profile, calendar, history: current.history, asOf: at })
    const result = transition(current, ev(input), actor, { now: at, clocks })
    if (!result.ok) throw new Error(`${input.type}: ${result.error.message}`)
    current = {
      ...current,
      ...result.state,
      history: [...current.history, result.entry],
      unitId: result.state.flags.assignment?.leadUnitId ?? current.unitId,
      updatedAt: at,
      _version: current._version + 1,
    }
  }
  return current
}

export function clocksOf(doc: StoredCase, asOf: string): CaseClock[] {
  const profile = getPolicyProfile(doc.profile.id, doc.profile.version)
  return caseClocks({ profile, calendar, history: doc.history, asOf })
}

export const unitName = (id: string) => `单位(${id})`
