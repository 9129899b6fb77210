// The new case document, built without a store (shared/cases/new-case.ts): what the report, routing, intake, the
// sealed reporter, the opened workflow and content screening each put into it.
import { geoCellsOf } from '@shared/geo/cells'
import type { CaseDoc } from '@shared/cases/case-doc'
import { buildNewCase } from '@shared/cases/new-case'
import { pendingPhotoIds } from '@shared/cases/content-holds'
import {
  anonymousReporter,
  fileCase,
  partsOf,
  realNameReporter,
  reportOf,
  T0,
  WORDS,
  ZHENGZHOU,
  type FileOptions,
} from './case-fixture'

const PHOTO = 'cloud://env/uploads/own-photo-1.jpg'

test('a real-name report in the territory: every field from its source', () => {
  const parts = partsOf()
  const doc = buildNewCase(parts)
  const position = parts.decision.placement.position
  expect(doc).toEqual<CaseDoc>({
    status: 'registered',
    // The workflow as opened on the register event: its profile for life, its facts, no flags yet.
    profile: { id: 'jiaozuo-12345', version: 1 },
    facts: parts.opened.state.facts,
    flags: parts.opened.state.flags,
    // The to-do lists (shared/cases/todo.ts): intake decides on acceptance by the acceptance clock's date.
    assigneeStaffId: null,
    dueOn: expect.stringMatching(/^2026-1[12]-\d\d$/) as string,
    urgent: false,
    todo: { intake: expect.stringMatching(/^B2026-1[12]-\d\d$/) as string },
    open: true,
    refNo: 'JZ-20261123-0001',
    requestType: 'complaint',
    category: 'noise',
    source: 'construction',
    description: WORDS.description,
    photos: [PHOTO],
    location: reportOf().location,
    position,
    geo: geoCellsOf(position),
    occurredAt: null,
    reportedEntity: WORDS.reportedEntity,
    entityKey: parts.entityKey,
    reporter: realNameReporter,
    reporterKey: 'REPORTER-KEY-HASH',
    lastReportedAt: T0,
    screening: 'passed',
    contentHolds: [],
    warningKey: null,
    supervisorStaffId: null,
    history: [parts.opened.entry],
    // S0 第三条: the county branch handles what happens in its county.
    unitId: 'jz-shanyang',
    regionCode: '410811',
    routing: {
      outcome: 'assigned',
      ruleId: null,
      cite: parts.decision.cite,
      guidance: null,
      department: null,
    },
    intake: { importance: 'normal', urgency: 'normal', findings: [] },
    // The acceptance clock runs from registration: the timer looks at the case before it is due.
    nextCheckOn: expect.stringMatching(/^2026-1[12]-\d\d$/) as string,
    timerMarks: [],
    followerCount: 0,
    mergedInto: null,
    clientRequestId: 'device-request-0001',
    createdAt: T0,
    updatedAt: T0,
  })
  expect(doc.facts).toMatchObject({ requestType: 'complaint', channel: 'mini-program', emergency: false })
})

type Row = [
  name: string,
  options: FileOptions,
  expected: Partial<Pick<CaseDoc, 'screening' | 'unitId' | 'regionCode' | 'reporterKey'>> & {
    reporterMode?: 'real-name' | 'anonymous'
    outcome?: CaseDoc['routing']['outcome']
    department?: string | null
    guidance?: 'given' | null
    emergency?: boolean
    urgency?: 'immediate' | 'normal'
    held?: Array<{ id: string; entry: null; pending: string[] }>
  },
]

const ROWS: Row[] = [
  [
    'real-name: the sealed identity and the masks staff see, a reporter key for counting repeats',
    {},
    { reporterMode: 'real-name', reporterKey: 'REPORTER-KEY-HASH', screening: 'passed', held: [] },
  ],
  [
    'anonymous: only the query code’s hash and seal; no reporter key (repeats count each anonymous report once)',
    { reporter: anonymousReporter, report: { reporter: { mode: 'anonymous' } } },
    { reporterMode: 'anonymous', reporterKey: null },
  ],
  [
    'a photo still being checked holds the report back from staff (screening pending) until the check answers',
    {
      hold: { subject: 'report', text: false, photos: [{ fileId: PHOTO, state: 'pending' }], since: T0 },
    },
    { screening: 'pending', held: [{ id: 'report', entry: null, pending: [PHOTO] }] },
  ],
  [
    'text sent to a person (review) is held, but the report reaches staff (flagged)',
    { hold: { subject: 'report', text: true, photos: [], since: T0 } },
    { screening: 'passed', held: [{ id: 'report', entry: null, pending: [] }] },
  ],
  [
    'outside the territory (S0 第五条 退回): held by the unit that answers with guidance, the region named',
    { report: { location: { ...ZHENGZHOU, coordSystem: 'gcj02', address: '郑州市' } } },
    { outcome: 'out-of-jurisdiction', guidance: 'given', department: null, regionCode: '410100' },
  ],
  [
    'another department’s remit (S0 第五条, 噪声污染防治法 第八条: 社会生活噪声 → 公安机关)',
    { report: { source: 'social-life' } },
    { outcome: 'referred', department: '公安机关', guidance: 'given', regionCode: '410811' },
  ],
  [
    'night-time construction noise (S2 第十二条, which the national rules borrow): staff go on site at once',
    { report: { occurredAt: '2026-11-22T23:40:00+08:00' } },
    { emergency: true, urgency: 'immediate', outcome: 'assigned', unitId: 'jz-shanyang' },
  ],
  [
    'the same noise by day is not an emergency',
    { report: { occurredAt: '2026-11-23T09:40:00+08:00' } },
    { emergency: false, urgency: 'normal' },
  ],
]

test.each(ROWS)('%s', (_name, options, expected) => {
  const parts = partsOf(options)
  const doc = buildNewCase(parts)
  if (expected.reporterMode) {
    expect(doc.reporter).toBe(parts.reporter)
    expect(doc.reporter.mode).toBe(expected.reporterMode)
  }
  if (expected.reporterKey !== undefined) expect(doc.reporterKey).toBe(expected.reporterKey)
  if (expected.screening) expect(doc.screening).toBe(expected.screening)
  if (expected.held) {
    expect(doc.contentHolds?.map((h) => ({ id: h.id, entry: h.entry }))).toEqual(
      expected.held.map(({ id, entry }) => ({ id, entry })),
    )
    expect(pendingPhotoIds(doc)).toEqual(expected.held.flatMap((h) => h.pending))
  }
  if (expected.outcome) expect(doc.routing.outcome).toBe(expected.outcome)
  if (expected.department !== undefined) expect(doc.routing.department).toBe(expected.department)
  if (expected.guidance !== undefined) {
    expect(doc.routing.guidance === null ? null : 'given').toBe(expected.guidance)
  }
  if (expected.regionCode !== undefined) expect(doc.regionCode).toBe(expected.regionCode)
  // The case is held by the unit that answers: the handling unit, or the one replying with guidance.
  const answering =
    parts.decision.outcome === 'assigned' ? parts.decision.unit : parts.decision.respondingUnit
  expect(doc.unitId).toBe(expected.unitId ?? answering.id)
  if (expected.emergency !== undefined) {
    expect(doc.facts.emergency).toBe(expected.emergency)
    expect(doc.history[0]!.event).toMatchObject({ type: 'register', emergency: expected.emergency })
    // Urgent: on the duty list, first on the intake list (S2 第十二条).
    expect(doc.urgent).toBe(expected.emergency)
    expect(Object.keys(doc.todo)).toEqual(expected.emergency ? ['duty', 'intake'] : ['intake'])
    expect(doc.todo.intake!.startsWith(expected.emergency ? 'A' : 'B')).toBe(true)
  }
  if (expected.urgency) expect(doc.intake.urgency).toBe(expected.urgency)
})

test('empty optional fields are stored as null, not as empty text', () => {
  const doc = buildNewCase(
    partsOf({ report: { reportedEntity: '', source: undefined, occurredAt: undefined } }),
  )
  expect(doc).toMatchObject({ reportedEntity: null, entityKey: null, source: null, occurredAt: null })
})

test('the builder is pure: the same parts give the same document', () => {
  const parts = partsOf({ report: { occurredAt: '2026-11-22T23:40:00+08:00' } })
  expect(buildNewCase(parts)).toEqual(buildNewCase(parts))
  expect(fileCase().history).toHaveLength(1)
})
