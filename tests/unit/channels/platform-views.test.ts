// What a platform is told of a case (shared/cases/views/platform.ts): the feedback on its order carries what
// S0 第七条(三) names — 调查情况、处理意见、佐证材料、办理结果、承办单位及承办人 — derived from the history and the
// catalogue's fields; a return of a referred order states the 5-working-day objection period (S2 第十五条); the
// national record (S3 第四条) has exactly its documented fields. Neither holds anything of the reporter.
import { createWorkingCalendar } from '@shared/calendar'
import { NATIONAL_RECORD_FIELDS, nationalRecordOf, platformFeedbackOf } from '@shared/cases/views/platform'
import type { Arrival } from '@shared/cases/new-case'
import { advance, fileCase, IDENTITY, TO_REPLY, unitName, type Step } from '../cases/case-fixture'
import { actors } from '../workflow/driver'

const ORDER: Arrival = {
  channel: 'hotline-12345',
  referredBy: '焦作市12345热线',
  externalNo: 'JZ12345-20261123-0042',
  platformDue: '2026-11-30',
  attachments: [],
}
const ctx = {
  unitName,
  staff: (id: string) => ({ name: `姓名(${id})`, title: `职务(${id})` }),
  refNoOf: (id: string) => (id === 'c-target' ? 'JZ-20261120-0007' : null),
  calendar: createWorkingCalendar(),
}
const ACCEPT_REPLY: Step = [{ type: 'accept-reply', rating: null, comment: '' }, actors.intake]
const last = (doc: { history: unknown[] }) => doc.history.length - 1

/** Everything that identifies the reporter, or is what the bureau said to them. */
const SECRETS = [...Object.values(IDENTITY), 'PRIVATE-CALL', 'PRIVATE-RATING', 'REPORTER-KEY-HASH']

test('a closed order: what S0 第七条(三) names, from the history and the reply’s fields', () => {
  const closed = advance(fileCase({ arrival: ORDER }), [...TO_REPLY, ACCEPT_REPLY])
  const record = platformFeedbackOf(closed, last(closed), '12345', ctx)!
  expect(record).toMatchObject({
    platform: '12345',
    externalNo: 'JZ12345-20261123-0042',
    refNo: closed.refNo,
    kind: 'result',
    basis: 'S0 第七条(三)',
    investigation: '现场核查夜间打桩属实',
    opinion: '责令停止夜间施工并立案查处',
    result: '反映人认可答复，已办结。发现的环境违法问题：未经批准夜间施工',
    unit: { id: 'jz-shanyang', name: unitName('jz-shanyang') },
    officer: { id: actors.officer.id, name: `姓名(${actors.officer.id})` },
    objection: null,
  })
  expect(record.repliedAt).not.toBeNull()
  const text = JSON.stringify(record)
  for (const secret of SECRETS) expect(text).not.toContain(secret)
})

test('the evidence is the handling’s files (a site visit’s photos), never the original material', () => {
  const withPhotos = advance(
    fileCase({ arrival: { ...ORDER, attachments: ['cloud://env/uploads/letter.pdf'] } }),
    [
      ...TO_REPLY.slice(0, 3),
      [
        {
          type: 'record-site-visit',
          record: {
            visitedAt: '2026-11-23T23:10:00+08:00',
            reportedEntity: '某项目部',
            address: '塔南路',
            productionStatus: '施工',
            pollutionControl: '无',
            discharge: '噪声',
            cause: '夜间施工',
            findings: '属实',
            fileIds: ['cloud://env/uploads/site-1.jpg'],
          },
        },
        actors.officer,
      ],
      ...TO_REPLY.slice(4),
      ACCEPT_REPLY,
    ],
  )
  const record = platformFeedbackOf(withPhotos, last(withPhotos), '12345', ctx)!
  expect(record.evidence).toEqual([
    { fileId: 'cloud://env/uploads/site-1.jpg', label: '录入现场检查记录 · 附件 1' },
  ])
})

test('no feedback for a report of the mini-program, nor for a state that owes none', () => {
  const own = advance(fileCase(), [...TO_REPLY, ACCEPT_REPLY])
  expect(platformFeedbackOf(own, last(own), '12345', ctx)).toBeNull()
  const replied = advance(fileCase({ arrival: ORDER }), TO_REPLY)
  expect(platformFeedbackOf(replied, last(replied), '12345', ctx)).toBeNull()
})

const RETURN: Step[] = [
  [
    { type: 'find-out-of-remit', finding: 'other-department', note: '反映的是餐饮油烟，属城市管理部门职责' },
    actors.intake,
  ],
  [
    { type: 'transfer', target: 'department', to: '焦作市城市管理局', reason: '餐饮油烟由城市管理部门处理' },
    actors.intake,
  ],
]

test('a returned order (S0 第五条): the finding and the reason; within 5 working days of receipt (S2 第十五条)', () => {
  const returned = advance(fileCase({ arrival: ORDER }), RETURN)
  expect(platformFeedbackOf(returned, last(returned), '12345', ctx)).toMatchObject({
    kind: 'returned',
    basis: 'S0 第五条; S2 第十五条',
    investigation: '反映的是餐饮油烟，属城市管理部门职责',
    opinion: '餐饮油烟由城市管理部门处理',
    result: '退回：属其他部门职责，应由焦作市城市管理局办理',
    // Received Monday 2026-11-23: five working days end on Monday 2026-11-30.
    objection: { due: '2026-11-30', withinPeriod: true },
    officer: { id: actors.intake.id },
  })
})

test('an objection after the 5 working days is recorded as late', () => {
  const returned = advance(fileCase({ arrival: ORDER, at: '2026-11-13T10:00:00+08:00' }), RETURN)
  // The transfer made on Wednesday 2026-11-25 instead, past Friday 2026-11-20.
  const history = returned.history.map((e, i) =>
    i === last(returned) ? { ...e, at: '2026-11-25T10:00:00+08:00' } : e,
  )
  const late = { ...returned, history }
  expect(platformFeedbackOf(late, last(late), '12345', ctx)?.objection).toEqual({
    due: '2026-11-20',
    withinPeriod: false,
  })
})

test('refused and merged orders are answered with the reason and the case they joined', () => {
  const refused = advance(fileCase({ arrival: ORDER }), [
    [{ type: 'not-accept', reason: 'legal-proceedings', guidance: '请向人民法院提起诉讼' }, actors.intake],
  ])
  expect(platformFeedbackOf(refused, last(refused), '12345', ctx)).toMatchObject({
    kind: 'not-accepted',
    opinion: '请向人民法院提起诉讼',
    result: expect.stringContaining('不予受理：应当通过诉讼') as unknown,
  })
  const merged = advance(fileCase({ arrival: ORDER }), [
    [{ type: 'merge', intoCaseId: 'c-target' }, actors.intake],
  ])
  expect(platformFeedbackOf(merged, last(merged), '12345', ctx)).toMatchObject({
    kind: 'merged',
    result: '同一事项已在办理，合并办理（并入 JZ-20261120-0007）',
  })
})

test('the national record (S3 第四条): exactly its documented fields, without the reporter', () => {
  const closed = advance(fileCase({ arrival: ORDER }), [...TO_REPLY, ACCEPT_REPLY])
  const record = nationalRecordOf(closed, { unitName, handlingDue: '2026-11-30' })
  expect(Object.keys(record)).toEqual(Object.keys(NATIONAL_RECORD_FIELDS))
  expect(record).toMatchObject({
    refNo: closed.refNo,
    externalNo: 'JZ12345-20261123-0042',
    channel: '12345 热线工单',
    referredBy: '焦作市12345热线',
    requestType: '投诉',
    category: '噪声污染',
    anonymous: '否',
    status: '已办结',
    handlingDue: '2026-11-30',
    result: '反映人认可答复，已办结',
  })
  const text = JSON.stringify(record)
  for (const secret of SECRETS) expect(text).not.toContain(secret)
})

test('the national record gives no coordinates where only the county was known', () => {
  const record = nationalRecordOf(
    { ...fileCase({ arrival: ORDER }), placedBy: 'locality' },
    { unitName, handlingDue: null },
  )
  expect(record).toMatchObject({ longitude: '', latitude: '' })
})
