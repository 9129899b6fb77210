// Retention, run by the hourly timer on a controlled clock: an ended case is archived 30 days after its last
// step once its objection windows have closed (S3 第二十四条); 3 years (1095 days) after archiving the sealed
// reporter name, phone and query code are destroyed with an audit record, the case keeping the masked name and
// 已销毁 (the national profile's retention, a configurable decision). Resumable, idempotent, paged.
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { ARCHIVE_JOB_ID, DESTROYED, runRetention } from '../../cloudfunctions/timers/retention'
import type { CaseDoc } from '../../shared/cases/case-doc'
import { effectivePolicy, getPolicyProfile } from '../../shared/policy'
import { startHarness, type Harness } from '../support/local-harness'
import { handleToReply, reportInput, STAFF } from '../support/reports'

jest.setTimeout(60_000)

const DAY = 24 * 3600_000
const RETENTION = effectivePolicy(getPolicyProfile('jiaozuo-12345')).retention

let h: Harness
beforeEach(async () => {
  h = await startHarness({ now: '2026-11-23T09:00:00+08:00' })
})
afterEach(async () => {
  await h.close()
})

const get = async (caseId: string) => (await h.runtime.db.get<CaseDoc>(COLLECTIONS.cases, caseId))!

/** A real-name report taken to the reply and accepted by its reporter: closed now. */
async function closedCase(): Promise<string> {
  const { caseId } = await h.ok<{ caseId: string }>('cases', 'submitReport', reportInput(), 'dev-citizen')
  await handleToReply(h, caseId)
  await h.ok('cases', 'rateReply', { caseId, stars: 5, accept: true }, 'dev-citizen')
  expect((await get(caseId)).status).toBe('closed')
  return caseId
}

async function anonymousNotAccepted(): Promise<{ caseId: string; queryCode: string }> {
  const filed = await h.ok<{ caseId: string; queryCode: string }>(
    'cases',
    'submitReport',
    reportInput({ reporter: { mode: 'anonymous' } }),
    'dev-citizen-anon',
  )
  await h.act(STAFF.supervisor, filed.caseId, {
    type: 'not-accept',
    reason: 'outside-remit',
    guidance: '请向住建部门反映',
  })
  return filed
}

test('the jurisdiction’s retention: 30 days to archiving, 1095 days to destroying the identity', () => {
  expect(RETENTION.archive.days).toBe(30)
  expect(RETENTION.archive.basis).toContain('S3 第二十四条')
  expect(RETENTION.reporterIdentity).toMatchObject({ days: 1095, decision: true })
})

test('ended cases are archived after their period, open ones never; then identities are destroyed, once', async () => {
  const closed = await closedCase()
  const anon = await anonymousNotAccepted()
  const { caseId: open } = await h.ok<{ caseId: string }>(
    'cases',
    'submitReport',
    reportInput(),
    'dev-citizen',
  )
  const closedAt = (await get(closed)).updatedAt

  // One day short of the period: nothing.
  h.clock.set(new Date(Date.parse(closedAt) + (RETENTION.archive.days - 1) * DAY))
  await h.fireTimer('timers')
  expect((await get(closed)).status).toBe('closed')

  h.clock.advance(2 * DAY)
  await h.fireTimer('timers')
  for (const caseId of [closed, anon.caseId]) {
    const doc = await get(caseId)
    expect(doc.status).toBe('archived')
    expect(doc.history.at(-1)).toMatchObject({
      event: { type: 'archive' },
      actor: { kind: 'system', id: 'retention-timer' },
    })
    // Archived, the identity is still kept: staff can still reveal it for a call back.
    expect(doc.reporter.destroyedAt).toBeUndefined()
  }
  expect((await get(open)).status).toBe('registered')
  const revealed = await h.call<{ ok: boolean }>(
    'staff',
    'revealReporter',
    { caseId: closed, reason: '回访核实情况' },
    STAFF.supervisor,
  )
  expect(revealed.body.ok).toBe(true)

  // Three years after archiving: destroyed, audited; the case keeps the masked name.
  const archivedAt = (await get(closed)).updatedAt
  h.clock.set(new Date(Date.parse(archivedAt) + (RETENTION.reporterIdentity.days + 1) * DAY))
  await h.fireTimer('timers')
  const real = await get(closed)
  expect(real.reporter).toEqual({
    openid: 'dev-citizen',
    mode: 'real-name',
    nameMasked: '张*',
    phoneMasked: DESTROYED,
    destroyedAt: expect.any(String),
  })
  const anonymous = await get(anon.caseId)
  expect(anonymous.reporter.queryCodeSealed).toBeUndefined()
  expect(anonymous.reporter.destroyedAt).toBeDefined()
  expect(JSON.stringify(await h.runtime.db.find(COLLECTIONS.cases, { limit: 100 }))).not.toMatch(
    /13800138000|张三/,
  )
  const audit = await h.runtime.db.find<{ action: string; subject: string; staffId: string }>(
    COLLECTIONS.audit,
    { filter: { subject: closed }, orderBy: [['at', 'desc']], limit: 10 },
  )
  expect(audit.items.filter((a) => a.action === 'destroy-reporter-identity')).toEqual([
    expect.objectContaining({
      staffId: 'system:retention-timer',
      refNo: real.refNo,
      destroyed: ['name', 'phone'],
    }),
  ])
  // Staff see the masked form; nothing is left to reveal.
  const inbox = await h.ok<{ items: Array<{ caseId: string; reporter: unknown }> }>(
    'staff',
    'inbox',
    { scope: 'all', limit: 50 },
    STAFF.supervisor,
  )
  expect(inbox.items.find((i) => i.caseId === closed)?.reporter).toEqual({
    mode: 'real-name',
    name: '张*',
    phone: DESTROYED,
  })
  const gone = await h.call<{ ok: boolean; error: { message: string } }>(
    'staff',
    'revealReporter',
    { caseId: closed, reason: '回访核实情况' },
    STAFF.supervisor,
  )
  expect(gone.body.ok).toBe(false)
  expect(gone.body.error.message).toBe('反映人身份信息已按保存期限销毁，无法查看')

  // Idempotent: another run, a day later, changes nothing.
  h.clock.advance(DAY)
  const before = await h.snapshot()
  const casesBefore = await h.runtime.db.find(COLLECTIONS.cases, { limit: 100 })
  await h.fireTimer('timers')
  expect(await h.snapshot()).toEqual(before)
  expect((await h.runtime.db.find(COLLECTIONS.cases, { limit: 100 })).items.map((c) => c._version)).toEqual(
    casesBefore.items.map((c) => c._version),
  )
})

test('a replied case waits for its objection window: deemed closed first, archived 30 days after that', async () => {
  const { caseId } = await h.ok<{ caseId: string }>('cases', 'submitReport', reportInput(), 'dev-citizen')
  await handleToReply(h, caseId)
  // The reporter stays silent: the timer deems it closed after the window (S2 第二十条 style), then archives it.
  h.clock.advance(35 * DAY)
  await h.fireTimer('timers')
  const deemed = await get(caseId)
  expect(deemed.status).toBe('closed')
  h.clock.set(new Date(Date.parse(deemed.updatedAt) + 31 * DAY))
  await h.fireTimer('timers')
  expect((await get(caseId)).status).toBe('archived')
})

test('resumable: a run that stops at its budget is continued by the next', async () => {
  const ids: string[] = []
  for (let i = 0; i < 3; i++) ids.push((await anonymousNotAccepted()).caseId)
  h.clock.advance(31 * DAY)
  let ticks = 0
  // A budget of one page: each run does one page of one case, then saves its cursor.
  const first = await runRetention(h.runtime, { pageSize: 1, budgetMs: 1, elapsedMs: () => ticks++ })
  expect(first).toMatchObject({ archived: 1, complete: false })
  expect(
    (await h.runtime.db.get<{ cursor: string | null }>(COLLECTIONS.jobs, ARCHIVE_JOB_ID))?.cursor,
  ).not.toBeNull()
  // Each later run continues after the saved cursor: one more case each, none twice.
  for (let run = 2; run <= ids.length; run++) {
    ticks = 0
    const next = await runRetention(h.runtime, { pageSize: 1, budgetMs: 1, elapsedMs: () => ticks++ })
    expect({ run, archived: next.archived }).toEqual({ run, archived: 1 })
  }
  // A run with time to spare finds nothing left and completes.
  expect(await runRetention(h.runtime)).toMatchObject({ archived: 0, complete: true })
  for (const id of ids) expect((await get(id)).status).toBe('archived')
})
