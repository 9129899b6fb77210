// Who may use each action of the staff workbench (issue 13), on the real store: every post, a staff member of
// another unit, and an officer who stepped aside from the case (回避, S2 第六条). A post the contract does not name
// is refused (FORBIDDEN) before anything is read; within the post, whatever the request names outside the caller's
// reach — a case of another unit, a case they recused from, a unit or a template outside their units — answers
// exactly like one that does not exist (the pattern of case-scope.test.ts), and nothing changes.
import type { FunctionContract } from '../../shared/contracts/define'
import { staffContract } from '../../shared/contracts/staff'
import type { StaffRole } from '../../shared/vocabulary/units'
import { CASE_EVENT_TYPES, type CaseEventInput } from '../../shared/workflow'
import { demoPlaces } from '../../local/demo-places'
import { startHarness, type Harness } from '../support/local-harness'
import { REPLY, reportInput } from '../support/reports'

type Answer = { status: number; body: unknown }

const MISSING_CASE = 'c0000000000000000000000000000000'
const MISSING_UNIT = 'jz-nowhere'
const MISSING_TEMPLATE = 't0000000000000000000000000000000'

/** One staff member per post, all of 山阳区分局 (their scope), and the other unit's staff (温县分局). */
const POSTS: Record<StaffRole, string> = {
  intake: 'w-intake',
  dispatcher: 'w-dispatcher',
  officer: 'w-officer',
  'office-head': 'w-head',
  leader: 'w-leader',
  supervisor: 'w-supervisor',
  'reward-admin': 'w-reward',
  admin: 'w-admin',
}
const OUTSIDER = 'w-wenxian' // 温县分局, every post: only the scope can refuse
const RECUSED = 'w-recused' // 山阳区分局 officer, stepped aside from `ours`
const ROLES = Object.keys(POSTS) as StaffRole[]

let h: Harness
let ours: string // 山阳区 case, assigned to w-officer, investigating
let theirs: string // 温县 case
let ourTemplate: string
let theirTemplate: string

async function answer(action: string, payload: unknown, openid: string): Promise<Answer> {
  const res = await h.call('staff', action, payload, openid)
  return { status: res.status, body: res.body }
}

async function staffRecord(id: string, openid: string, roles: StaffRole[], unitIds: string[], name: string) {
  await h.runtime.db.insert('staff', { _id: id, openid, name, title: name, roles, unitIds, active: true })
}

const WENXIAN = () => {
  const place = demoPlaces(h.runtime).find((p) => p.name === '温县')!
  return { lat: place.lat, lng: place.lng, coordSystem: 'wgs84', address: '焦作市温县黄河路' }
}

/** Everything a refused request must leave as it was: every collection's count and both cases' versions. */
async function state() {
  const versions = await Promise.all(
    [ours, theirs].map(async (id) => (await h.runtime.db.get<{ _version: number }>('cases', id))?._version),
  )
  return { counts: await h.snapshot(), versions }
}

const NAMES: Record<string, string> = {
  'w-officer': '孙明',
  'w-recused': '钱亮',
}

beforeAll(async () => {
  h = await startHarness({ now: '2026-11-23T09:00:00+08:00' })
  for (const role of ROLES) {
    await staffRecord(POSTS[role], POSTS[role], [role], ['jz-shanyang'], NAMES[POSTS[role]] ?? `山阳${role}`)
  }
  await staffRecord(RECUSED, RECUSED, ['officer'], ['jz-shanyang'], '钱亮')
  await staffRecord(
    OUTSIDER,
    OUTSIDER,
    ['intake', 'dispatcher', 'officer', 'office-head', 'leader', 'supervisor'],
    ['jz-wenxian'],
    '温县工作人员',
  )
  ours = (await h.ok<{ caseId: string }>('cases', 'submitReport', reportInput(), 'dev-citizen')).caseId
  theirs = (
    await h.ok<{ caseId: string }>(
      'cases',
      'submitReport',
      reportInput({ location: WENXIAN(), category: 'water' }),
      'citizen-w',
    )
  ).caseId
  await h.act(POSTS.intake, ours, { type: 'accept' })
  await h.act(POSTS.dispatcher, ours, {
    type: 'assign',
    unitIds: ['jz-shanyang'],
    officer: { id: RECUSED, name: '钱亮' },
  })
  // The named officer steps aside; the dispatcher names another.
  await h.act(RECUSED, ours, { type: 'recuse', ground: 'interest-in-reporter', note: '反映人是本人亲属' })
  await h.act(POSTS.dispatcher, ours, {
    type: 'designate-officer',
    officer: { id: POSTS.officer, name: '孙明' },
  })
  await h.act(POSTS.officer, ours, { type: 'start-investigation' })
  const template = (unitId: string, openid: string) =>
    h.ok<{ templateId: string }>(
      'staff',
      'saveReplyTemplate',
      {
        unitId,
        category: 'noise',
        outcome: 'substantiated',
        title: '夜间施工噪声属实',
        texts: { investigation: '{现场检查时间}到现场核查，{核查结论}', remedies: '{救济渠道}' },
      },
      openid,
    )
  ourTemplate = (await template('jz-shanyang', POSTS['office-head'])).templateId
  theirTemplate = (await template('jz-wenxian', OUTSIDER)).templateId
  // A reveal in each unit, for the disclosure log.
  await h.ok('staff', 'revealReporter', { caseId: ours, reason: '需电话联系核实现场位置' }, POSTS.officer)
  await h.ok('staff', 'revealReporter', { caseId: theirs, reason: '需电话联系核实现场位置' }, OUTSIDER)
})
afterAll(async () => {
  await h.close()
})

/** A well-formed payload of every new action, naming what is ours (in scope) — or `theirs` where given. */
const PAYLOADS: Record<string, (at: { caseId: string; unitId: string; templateId: string }) => unknown> = {
  inbox: () => ({ scope: 'todo', list: 'officer' }),
  listColleagues: ({ unitId, caseId }) => ({ unitId, role: 'officer', caseId }),
  transferOptions: () => ({}),
  counties: () => ({}),
  mergeCandidates: ({ caseId }) => ({ caseId }),
  duty: ({ unitId }) => ({ unitId, days: 7 }),
  setDuty: ({ unitId }) => ({ unitId, date: '2026-11-24', officerIds: [POSTS.officer], leaderId: null }),
  replyTemplates: ({ caseId }) => ({ caseId }),
  listReplyTemplates: () => ({}),
  saveReplyTemplate: ({ unitId, templateId }) => ({
    templateId,
    expectedVersion: 1,
    unitId,
    category: 'noise',
    outcome: 'partly',
    title: '改过的模板',
    texts: { matter: '{反映事项}' },
  }),
  removeReplyTemplate: ({ templateId }) => ({ templateId, expectedVersion: 1 }),
  auditLog: () => ({}),
}

const NEW_ACTIONS = Object.keys(PAYLOADS).sort()

function allowed(action: string, role: StaffRole): boolean {
  const access = (staffContract as FunctionContract)[action]!.access
  return access.who === 'staff' && (access.roles === 'any' || access.roles.includes(role))
}

test('the table covers every action the workbench added', () => {
  expect(NEW_ACTIONS).toEqual(
    [
      'inbox',
      'listColleagues',
      'transferOptions',
      'counties',
      'mergeCandidates',
      'duty',
      'setDuty',
      'replyTemplates',
      'listReplyTemplates',
      'saveReplyTemplate',
      'removeReplyTemplate',
      'auditLog',
    ].sort(),
  )
})

describe.each(ROLES.map((role) => [role]))('the %s post', (role) => {
  const at = () => ({ caseId: ours, unitId: 'jz-shanyang', templateId: MISSING_TEMPLATE })
  it.each(NEW_ACTIONS.filter((a) => a !== 'inbox').map((a) => [a]))(
    '%s: refused unless the contract names the post, and then not refused for the post',
    async (action) => {
      const before = await state()
      const res = await answer(action, PAYLOADS[action]!(at()), POSTS[role])
      if (allowed(action, role)) expect(res.body).not.toMatchObject({ error: { code: 'FORBIDDEN' } })
      else {
        expect(res).toEqual({
          status: 403,
          body: { ok: false, error: { code: 'FORBIDDEN', message: '您的岗位没有此操作的权限' } },
        })
        expect(await state()).toEqual(before)
      }
    },
  )

  it('inbox: each post has its own to-do list, and no other', async () => {
    for (const list of ['intake', 'dispatcher', 'officer', 'officeHead', 'leader', 'supervisor']) {
      const res = await answer('inbox', { scope: 'todo', list }, POSTS[role])
      const own = {
        intake: 'intake',
        dispatcher: 'dispatcher',
        officer: 'officer',
        officeHead: 'office-head',
        leader: 'leader',
        supervisor: 'supervisor',
      }[list]
      expect({ list, status: res.status }).toEqual({ list, status: own === role ? 200 : 403 })
    }
  })
})

describe('staff of another unit', () => {
  const theirsAt = () => ({ caseId: ours, unitId: 'jz-shanyang', templateId: ourTemplate })
  const missingAt = () => ({ caseId: MISSING_CASE, unitId: MISSING_UNIT, templateId: MISSING_TEMPLATE })

  it.each(
    [
      'listColleagues',
      'mergeCandidates',
      'duty',
      'setDuty',
      'replyTemplates',
      'saveReplyTemplate',
      'removeReplyTemplate',
    ].map((a) => [a]),
  )(
    '%s: what belongs to 山阳区 answers exactly like what does not exist, and nothing changes',
    async (action) => {
      const before = await state()
      const missing = await answer(action, PAYLOADS[action]!(missingAt()), OUTSIDER)
      expect(missing.status).toBe(404)
      expect(await answer(action, PAYLOADS[action]!(theirsAt()), OUTSIDER)).toEqual(missing)
      expect(await state()).toEqual(before)
    },
  )

  it('a case named by its reference number is refused like a missing one, for reading and as a merge target', async () => {
    const refNo = (await h.runtime.db.get<{ refNo: string }>('cases', ours))!.refNo
    const missingRef = refNo.replace(/\d{4}$/, '9999')
    expect(await answer('getCase', { caseId: refNo }, OUTSIDER)).toEqual(
      await answer('getCase', { caseId: missingRef }, OUTSIDER),
    )
    expect((await answer('getCase', { caseId: missingRef }, OUTSIDER)).status).toBe(404)
    const before = await state()
    const version = (await h.runtime.db.get<{ _version: number }>('cases', theirs))!._version
    const merge = (intoCaseId: string) =>
      answer(
        'act',
        { caseId: theirs, expectedVersion: version, event: { type: 'merge', intoCaseId } },
        OUTSIDER,
      )
    expect(await merge(refNo)).toEqual(await merge(missingRef))
    expect(await state()).toEqual(before)
  })

  it('their lists, searches and logs hold nothing of 山阳区', async () => {
    const refNo = (await h.runtime.db.get<{ refNo: string }>('cases', ours))!.refNo
    for (const payload of [
      { scope: 'all' },
      { scope: 'open' },
      { scope: 'todo', list: 'officer' },
      { scope: 'todo', list: 'supervisor' },
      { search: refNo },
    ]) {
      const page = await h.ok<{ items: Array<{ caseId: string }> }>('staff', 'inbox', payload, OUTSIDER)
      expect(page.items.map((i) => i.caseId)).not.toContain(ours)
    }
    const log = await h.ok<{ items: Array<{ subject: string }> }>('staff', 'auditLog', {}, OUTSIDER)
    expect(log.items.map((e) => e.subject)).not.toContain(refNo)
    const templates = await h.ok<{ items: Array<{ templateId: string }> }>(
      'staff',
      'listReplyTemplates',
      {},
      OUTSIDER,
    )
    expect(templates.items.map((t) => t.templateId)).toEqual([theirTemplate])
    const roster = await h.ok<{ days: Array<{ unitId: string }> }>('staff', 'duty', {}, OUTSIDER)
    expect(roster.days.every((d) => d.unitId === 'jz-wenxian')).toBe(true)
  })

  it('cannot name an officer of 山阳区, nor be named to a 山阳区 case', async () => {
    const version = (await h.runtime.db.get<{ _version: number }>('cases', ours))!._version
    const res = await answer(
      'act',
      {
        caseId: ours,
        expectedVersion: version,
        event: { type: 'designate-officer', officer: { id: 'w-officer', name: 'x' } },
      },
      OUTSIDER,
    )
    expect(res.status).toBe(404)
    const named = await answer(
      'act',
      {
        caseId: ours,
        expectedVersion: version,
        event: { type: 'designate-officer', officer: { id: 'st-wenxian', name: '温县工作人员' } },
      },
      POSTS.dispatcher,
    )
    expect(named.body).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fields: { 'event.officer': expect.any(String) } },
    })
  })
})

describe('an officer who stepped aside (回避, S2 第六条)', () => {
  it('reaches the case no more: every action on it answers exactly like a missing case', async () => {
    const before = await state()
    const actions: Record<string, (caseId: string) => unknown> = {
      getCase: (caseId) => ({ caseId }),
      revealReporter: (caseId) => ({ caseId, reason: '需电话联系核实现场位置' }),
      replyTemplates: (caseId) => ({ caseId }),
    }
    for (const [action, payload] of Object.entries(actions)) {
      const missing = await answer(action, payload(MISSING_CASE), RECUSED)
      expect({ action, status: missing.status }).toEqual({ action, status: 404 })
      expect({ action, ...(await answer(action, payload(ours), RECUSED)) }).toEqual({ action, ...missing })
    }
    expect(await state()).toEqual(before)
  })

  it('sends no workflow event to it: every event type answers like a missing case', async () => {
    const before = await state()
    const version = (await h.runtime.db.get<{ _version: number }>('cases', ours))!._version
    for (const type of CASE_EVENT_TYPES) {
      const event = { type, ...(type === 'draft-reply' ? { reply: REPLY } : {}) } as CaseEventInput
      const act = (caseId: string) => answer('act', { caseId, expectedVersion: version, event }, RECUSED)
      const missing = await act(MISSING_CASE)
      expect({ type, ...(await act(ours)) }).toEqual({ type, ...missing })
    }
    expect(await state()).toEqual(before)
  })

  it('is in no list of it, and no picker offers them for it', async () => {
    for (const payload of [{ scope: 'all' }, { scope: 'open' }, { scope: 'todo', list: 'officer' }]) {
      const page = await h.ok<{ items: Array<{ caseId: string }> }>('staff', 'inbox', payload, RECUSED)
      expect(page.items.map((i) => i.caseId)).not.toContain(ours)
    }
    const offered = await h.ok<Array<{ id: string }>>(
      'staff',
      'listColleagues',
      { unitId: 'jz-shanyang', role: 'officer', caseId: ours },
      POSTS.dispatcher,
    )
    expect(offered.map((c) => c.id)).toContain(POSTS.officer)
    expect(offered.map((c) => c.id)).not.toContain(RECUSED)
    // Without the case, they are a colleague like any other.
    const all = await h.ok<Array<{ id: string }>>(
      'staff',
      'listColleagues',
      { unitId: 'jz-shanyang', role: 'officer' },
      POSTS.dispatcher,
    )
    expect(all.map((c) => c.id)).toContain(RECUSED)
  })

  it('cannot be named again', async () => {
    const version = (await h.runtime.db.get<{ _version: number }>('cases', ours))!._version
    const res = await answer(
      'act',
      {
        caseId: ours,
        expectedVersion: version,
        event: { type: 'designate-officer', officer: { id: RECUSED, name: '钱亮' } },
      },
      POSTS.dispatcher,
    )
    expect(res.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
  })
})

test('the named officer’s colleague in the same unit may not draft the reply (S2 第十六条)', async () => {
  const version = (await h.runtime.db.get<{ _version: number }>('cases', ours))!._version
  const res = await answer(
    'act',
    { caseId: ours, expectedVersion: version, event: { type: 'draft-reply', reply: REPLY } },
    'dev-officer', // 王磊: an officer of 山阳区 too, not the one named
  )
  expect(res.body).toMatchObject({ ok: false, error: { code: 'ILLEGAL_TRANSITION' } })
})
