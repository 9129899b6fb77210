// Staff administration on the real store: only administrators manage staff, each within their scope; nobody
// widens their own roles or units; a change takes effect on the colleague's next call and a deactivated identity
// is refused at once; a leaver's open cases are handed over with a history entry each, page by page and harmlessly
// again; everything is audited and viewable. Least privilege: posts without case duties see no cases.
import { safeParse } from 'zod/v4/core'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import type { CaseDoc } from '../../shared/cases/case-doc'
import { CONTRACTS } from '../../shared/contracts'
import type {
  AuditItem,
  HandOverReport,
  IssuedInvite,
  StaffListItem,
} from '../../shared/contracts/staff-admin'
import type { StaffCaseDetail } from '../../shared/contracts/staff'
import { currentHandlerOf } from '../../shared/workflow'
import { startHarness, type Harness } from '../support/local-harness'
import { OFFICER, reportInput, STAFF } from '../support/reports'

jest.setTimeout(60_000)

type Answer = { ok: boolean; data?: unknown; error?: { code: string; message: string } }
type Page<T> = { items: T[]; next: string | null }

const ADMIN = 'dev-admin' // 周敏, 系统管理员 of 焦作市生态环境局 (the top unit)
const PERSONAS = ['dev-officer', 'dev-office-head', 'dev-leader', 'dev-supervisor', 'dev-reward-admin']

let h: Harness
beforeEach(async () => {
  h = await startHarness()
})
afterEach(async () => {
  await h.close()
})

/** Enrols a new colleague through an invite the top administrator issues; answers their openid and staff id. */
async function enrol(
  openid: string,
  post: { name?: string; title?: string; roles: string[]; unitIds: string[] },
  by = ADMIN,
): Promise<string> {
  const issued = await h.ok<IssuedInvite>(
    'admin',
    'issueInvite',
    { name: post.name ?? '张伟', title: post.title ?? '执法人员', roles: post.roles, unitIds: post.unitIds },
    by,
  )
  await h.ok('staff', 'redeemInvite', { code: issued.code }, openid)
  return issued.staffId
}

async function member(staffId: string): Promise<StaffListItem> {
  return h.ok<StaffListItem>('admin', 'getStaff', { staffId }, ADMIN)
}

/** A well-formed payload for every staff-administration action. */
const PAYLOADS: Record<keyof typeof CONTRACTS.admin, unknown> = {
  adminScope: {},
  listStaff: {},
  getStaff: { staffId: 'st-officer' },
  issueInvite: { name: '张伟', title: '执法人员', roles: ['officer'], unitIds: ['jz-shanyang'] },
  listInvites: {},
  revokeInvite: { inviteId: 'x'.repeat(43) },
  updateStaff: {
    staffId: 'st-officer',
    expectedVersion: 1,
    title: '执法人员',
    roles: ['officer', 'admin'],
    unitIds: ['jz-bureau'],
  },
  deactivateStaff: { staffId: 'st-officer', expectedVersion: 1, reason: '调离' },
  handOverCases: { fromStaffId: 'st-officer', toStaffId: 'st-office-head', reason: '调离' },
  listAudit: { staffId: 'st-officer' },
  loadHolidayNotice: { notice: { year: 2027, papers: [], days: [] } },
  listHolidayNotices: {},
}

describe('only administrators manage staff', () => {
  test('every administration action refuses every other post and citizens, and changes nothing', async () => {
    // Each payload is well-formed (the role is checked first, so a refusal never depends on it).
    for (const [action, payload] of Object.entries(PAYLOADS)) {
      if (action === 'loadHolidayNotice') continue
      expect({
        action,
        valid: safeParse(CONTRACTS.admin[action as 'listStaff'].input, payload).success,
      }).toEqual({
        action,
        valid: true,
      })
    }
    const before = await h.snapshot()
    for (const openid of [...PERSONAS, 'dev-citizen']) {
      for (const [action, payload] of Object.entries(PAYLOADS)) {
        const res = await h.call<Answer>('admin', action, payload, openid)
        expect({ openid, action, status: res.status, code: res.body.error?.code }).toEqual({
          openid,
          action,
          status: 403,
          code: 'FORBIDDEN',
        })
      }
    }
    expect(await h.snapshot()).toEqual(before)
  })

  test('a staff member cannot widen their own roles or units — not even an administrator', async () => {
    const self = await h.runtime.db.get<{ _version: number }>(COLLECTIONS.staff, 'st-admin')
    const widen = await h.call<Answer>(
      'admin',
      'updateStaff',
      {
        staffId: 'st-admin',
        expectedVersion: self!._version,
        title: '系统管理员',
        roles: ['admin', 'supervisor'],
        unitIds: ['jz-bureau', 'jz-brigade'],
      },
      ADMIN,
    )
    expect([widen.status, widen.body.error?.message]).toEqual([
      403,
      expect.stringMatching(/不能调整或停用自己/),
    ])
    const quit = await h.call<Answer>(
      'admin',
      'deactivateStaff',
      { staffId: 'st-admin', expectedVersion: self!._version, reason: '离职' },
      ADMIN,
    )
    expect(quit.status).toBe(403)
    // A branch administrator: cannot grant units outside their branch, nor the admin post, nor touch the bureau.
    await enrol('wx-branch-admin', {
      name: '孙丽',
      title: '山阳区分局系统管理员',
      roles: ['admin'],
      unitIds: ['jz-shanyang'],
    })
    const scope = await h.ok<{ topAdmin: boolean; units: Array<{ id: string }> }>(
      'admin',
      'adminScope',
      {},
      'wx-branch-admin',
    )
    expect(scope.topAdmin).toBe(false)
    expect(scope.units.map((u) => u.id)).toEqual(['jz-shanyang'])
    const before = await h.snapshot()
    const outside = await h.call<Answer>(
      'admin',
      'issueInvite',
      { name: '钱二', title: '执法人员', roles: ['officer'], unitIds: ['jz-shanyang', 'jz-bureau'] },
      'wx-branch-admin',
    )
    expect([outside.status, outside.body.error?.message]).toEqual([
      403,
      '不能授予您管理范围以外的单位：焦作市生态环境局',
    ])
    const adminPost = await h.call<Answer>(
      'admin',
      'issueInvite',
      { name: '钱二', title: '管理员', roles: ['admin'], unitIds: ['jz-shanyang'] },
      'wx-branch-admin',
    )
    expect(adminPost.body.error?.message).toMatch(/只能由最上级单位的系统管理员授予/)
    const supervisor = await h.runtime.db.get<{ _version: number }>(COLLECTIONS.staff, 'st-supervisor')
    const bureauStaff = await h.call<Answer>(
      'admin',
      'deactivateStaff',
      { staffId: 'st-supervisor', expectedVersion: supervisor!._version, reason: '调离' },
      'wx-branch-admin',
    )
    // Out of scope answers exactly like a colleague who does not exist.
    const nobody = await h.call<Answer>(
      'admin',
      'deactivateStaff',
      { staffId: 'st-nobody', expectedVersion: 1, reason: '调离' },
      'wx-branch-admin',
    )
    expect(bureauStaff).toEqual(nobody)
    expect(nobody.status).toBe(404)
    expect(await h.snapshot()).toEqual(before)
  })
})

describe('changes take effect on the next call', () => {
  test('roles and units changed by the administrator apply to the colleague’s next call', async () => {
    const officer = await member('st-officer')
    expect(officer.manageable).toBe(true)
    const { caseId } = await h.ok<{ caseId: string }>('cases', 'submitReport', reportInput(), 'dev-citizen')
    await h.act(STAFF.supervisor, caseId, { type: 'accept' })
    // 王磊 (officer) may not assign; made a dispatcher, he may.
    const assign = { type: 'assign', unitIds: ['jz-shanyang'], officer: OFFICER }
    const { version } = await h.ok<{ version: number }>('staff', 'getCase', { caseId }, STAFF.officer)
    const refused = await h.call<Answer>(
      'staff',
      'act',
      { caseId, expectedVersion: version, event: assign },
      STAFF.officer,
    )
    expect(refused.body.error?.code).toBe('ILLEGAL_TRANSITION')
    const changed = await h.ok<StaffListItem>(
      'admin',
      'updateStaff',
      {
        staffId: 'st-officer',
        expectedVersion: officer.version,
        title: '山阳区分局执法股副股长',
        roles: ['officer', 'dispatcher'],
        unitIds: ['jz-shanyang'],
      },
      ADMIN,
    )
    expect(changed.roles).toEqual(['officer', 'dispatcher'])
    expect(await h.ok<{ roles: string[] }>('staff', 'me', {}, STAFF.officer)).toMatchObject({
      roles: ['officer', 'dispatcher'],
      title: '山阳区分局执法股副股长',
    })
    await h.act(STAFF.officer, caseId, assign)
    // A stale version is a conflict, not an overwrite.
    const stale = await h.call<Answer>(
      'admin',
      'updateStaff',
      {
        staffId: 'st-officer',
        expectedVersion: officer.version,
        title: 'x 职务',
        roles: ['officer'],
        unitIds: ['jz-shanyang'],
      },
      ADMIN,
    )
    expect(stale.status).toBe(409)
  })

  test('a deactivated colleague’s next call is refused; their identity may be enrolled again by a new invite', async () => {
    const staffId = await enrol('wx-leaver', { roles: ['officer'], unitIds: ['jz-shanyang'] })
    expect((await h.call<Answer>('staff', 'inbox', {}, 'wx-leaver')).status).toBe(200)
    const leaver = await member(staffId)
    const gone = await h.ok<StaffListItem>(
      'admin',
      'deactivateStaff',
      { staffId, expectedVersion: leaver.version, reason: '调离本单位' },
      ADMIN,
    )
    expect(gone).toMatchObject({ active: false, deactivatedAt: '2026-11-21T10:00:00+08:00' })
    const next = await h.call<Answer>('staff', 'inbox', {}, 'wx-leaver')
    expect([next.status, next.body.error?.message]).toEqual([403, '此功能仅限已绑定的工作人员使用'])
    expect(await h.ok('staff', 'me', {}, 'wx-leaver')).toBeNull()
    // A branch administrator cannot look up a bureau colleague: like one who does not exist.
    await enrol('wx-branch-admin', { name: '孙丽', roles: ['admin'], unitIds: ['jz-shanyang'] })
    const bureau = await h.call<Answer>('admin', 'getStaff', { staffId: 'st-supervisor' }, 'wx-branch-admin')
    const nobody = await h.call<Answer>('admin', 'getStaff', { staffId: 'st-nobody' }, 'wx-branch-admin')
    expect(bureau).toEqual(nobody)
    // Listed among the inactive, no longer among the active.
    const inactive = await h.ok<Page<StaffListItem>>('admin', 'listStaff', { status: 'inactive' }, ADMIN)
    expect(inactive.items.map((s) => s.staffId)).toEqual([staffId])
    // Coming back: a new invite binds the same WeChat identity to a new record.
    const back = await enrol('wx-leaver', { name: '张伟', roles: ['officer'], unitIds: ['jz-shanyang'] })
    expect(back).not.toBe(staffId)
    expect(await h.ok<{ staffId: string }>('staff', 'me', {}, 'wx-leaver')).toMatchObject({ staffId: back })
  })
})

describe('least privilege: posts without case duties see no cases', () => {
  test('the administrator and the reward administrator see no inbox, no case, no reporter; nor are they told of cases', async () => {
    const { caseId } = await h.ok<{ caseId: string }>('cases', 'submitReport', reportInput(), 'dev-citizen')
    await h.act(STAFF.supervisor, caseId, { type: 'accept' })
    // Assigned to the bureau itself, to an officer of it: those with case duties are told.
    const officerId = await enrol('wx-bureau-officer', { roles: ['officer'], unitIds: ['jz-bureau'] })
    await h.act(STAFF.supervisor, caseId, {
      type: 'assign',
      unitIds: ['jz-bureau'],
      officer: { id: officerId, name: '张伟' },
    })
    for (const openid of [ADMIN, 'dev-reward-admin']) {
      const inbox = await h.ok<Page<unknown>>('staff', 'inbox', { scope: 'all' }, openid)
      expect({ openid, items: inbox.items }).toEqual({ openid, items: [] })
      const missing = await h.call<Answer>('staff', 'getCase', { caseId: 'c-missing' }, openid)
      expect({ openid, ...(await h.call<Answer>('staff', 'getCase', { caseId }, openid)) }).toEqual({
        openid,
        ...missing,
      })
      const reveal = await h.call<Answer>(
        'staff',
        'revealReporter',
        { caseId, reason: '核实现场位置' },
        openid,
      )
      expect(reveal.status).toBe(403)
    }
    // The bureau's case-duty staff are told; its administrator and reward administrator are not.
    const outbox = await h.runtime.db.find<{ to: string }>('outbox', { limit: 100 })
    const told = new Set(outbox.items.map((m) => m.to))
    expect(told.has(STAFF.supervisor)).toBe(true)
    expect(told.has(ADMIN)).toBe(false)
    expect(told.has('dev-reward-admin')).toBe(false)
  })

  test('an administrator who also holds a case-duty post sees the cases of that post’s units', async () => {
    await enrol('wx-admin-officer', { roles: ['admin', 'officer'], unitIds: ['jz-shanyang'] })
    const { caseId } = await h.ok<{ caseId: string }>('cases', 'submitReport', reportInput(), 'dev-citizen')
    await h.act(STAFF.supervisor, caseId, { type: 'accept' })
    const inbox = await h.ok<Page<{ caseId: string }>>('staff', 'inbox', {}, 'wx-admin-officer')
    expect(inbox.items.map((i) => i.caseId)).toEqual([caseId])
  })
})

describe('hand-over of a leaver’s open cases', () => {
  /**
   * Three open 山阳 cases the officer works (he acted last, and is named), one his office head works (naming
   * another officer), one nobody has touched.
   */
  async function casesAtShanyang() {
    const file = async () =>
      (await h.ok<{ caseId: string }>('cases', 'submitReport', reportInput(), 'dev-citizen')).caseId
    const officers: string[] = []
    for (let i = 0; i < 3; i++) {
      const caseId = await file()
      await h.act(STAFF.supervisor, caseId, { type: 'accept' })
      await h.act(STAFF.head, caseId, { type: 'assign', unitIds: ['jz-shanyang'], officer: OFFICER })
      await h.act(STAFF.officer, caseId, { type: 'start-investigation' })
      officers.push(caseId)
      h.clock.advance(60_000)
    }
    const heads = await file()
    await h.act(STAFF.supervisor, heads, { type: 'accept' })
    const colleague = await enrol('wx-second-officer', { roles: ['officer'], unitIds: ['jz-shanyang'] })
    await h.act(STAFF.head, heads, {
      type: 'assign',
      unitIds: ['jz-shanyang'],
      officer: { id: colleague, name: '张伟' },
    })
    const untouched = await file()
    return { officers, heads, untouched }
  }

  const handOver = (payload: Record<string, unknown>) =>
    h.ok<HandOverReport>(
      'admin',
      'handOverCases',
      { fromStaffId: 'st-officer', toStaffId: 'st-office-head', reason: '王磊调离', ...payload },
      ADMIN,
    )

  test('page by page, each case the leaver works gets a history entry; running it again changes nothing', async () => {
    const { officers, heads, untouched } = await casesAtShanyang()
    const first = await handOver({ limit: 2 })
    expect(first.next).not.toBeNull()
    let report = first
    let handed = first.handedOver
    while (report.next) {
      report = await handOver({ limit: 2, cursor: report.next })
      handed += report.handedOver
    }
    expect(handed).toBe(3)
    for (const caseId of officers) {
      const doc = (await h.runtime.db.get<CaseDoc>(COLLECTIONS.cases, caseId))!
      const last = doc.history.at(-1)!
      expect(last.event).toEqual({
        type: 'hand-over',
        from: { id: 'st-officer', name: '王磊' },
        to: { id: 'st-office-head', name: '李娜' },
        reason: '王磊调离',
      })
      expect(last.actor).toEqual({ kind: 'staff', id: 'st-admin', role: 'admin' })
      expect(currentHandlerOf(doc.history)).toBe('st-office-head')
      // Named in the leaver's place (S2 第十六条: the officer the lead unit names).
      expect(doc.flags.assignment?.officer).toEqual({ id: 'st-office-head', name: '李娜' })
      expect(doc.status).toBe('investigating')
    }
    for (const caseId of [heads, untouched]) {
      const doc = (await h.runtime.db.get<CaseDoc>(COLLECTIONS.cases, caseId))!
      expect(doc.history.some((e) => e.event.type === 'hand-over')).toBe(false)
    }
    // The staff timeline names both colleagues.
    const detail = await h.ok<StaffCaseDetail>('staff', 'getCase', { caseId: officers[0] }, STAFF.head)
    const entry = detail.timeline.find((t) => t.label === '移交经办')
    expect(JSON.stringify(entry)).toContain('王磊')
    expect(JSON.stringify(entry)).toContain('李娜')

    const before = await h.snapshot()
    const again = await handOver({ limit: 100 })
    expect(again).toMatchObject({ handedOver: 0, next: null })
    expect(await h.snapshot()).toEqual(before)

    // Audited: what the administrator did, and what happened to the leaver.
    const done = await h.ok<Page<AuditItem>>(
      'admin',
      'listAudit',
      { staffId: 'st-admin', as: 'actor' },
      ADMIN,
    )
    const handOvers = done.items.filter((a) => a.action === 'hand-over-cases')
    expect(handOvers.length).toBeGreaterThan(0)
    expect(handOvers[0]).toMatchObject({ actor: '周敏', subject: '王磊', actionLabel: '移交经办案件' })
    expect(handOvers.map((a) => a.detail).join()).toMatch(/移交给 李娜/)
  })

  test('a case naming the leaver as its officer is handed over though a colleague moved it last', async () => {
    const { caseId } = await h.ok<{ caseId: string }>('cases', 'submitReport', reportInput(), 'dev-citizen')
    await h.act(STAFF.supervisor, caseId, { type: 'accept' })
    await h.act(STAFF.head, caseId, { type: 'assign', unitIds: ['jz-shanyang'], officer: OFFICER })
    await h.act(STAFF.head, caseId, { type: 'mark-important', ground: 'leader-instruction' })
    expect(currentHandlerOf((await h.runtime.db.get<CaseDoc>(COLLECTIONS.cases, caseId))!.history)).toBe(
      'st-office-head',
    )
    const report = await handOver({ toStaffId: 'st-leader', limit: 100 })
    expect(report.handedOver).toBe(1)
    const doc = (await h.runtime.db.get<CaseDoc>(COLLECTIONS.cases, caseId))!
    expect(doc.flags.assignment?.officer).toEqual({ id: 'st-leader', name: '赵国强' })
    expect(doc.assigneeStaffId).toBe('st-leader')
  })

  test('the colleague must be able to work the cases; refusals change nothing', async () => {
    await casesAtShanyang()
    const before = await h.snapshot()
    const refuse = async (payload: Record<string, unknown>, message: RegExp) => {
      const res = await h.call<Answer>(
        'admin',
        'handOverCases',
        { fromStaffId: 'st-officer', toStaffId: 'st-office-head', reason: '调离', ...payload },
        ADMIN,
      )
      expect({ payload, message: res.body.error?.message }).toEqual({
        payload,
        message: expect.stringMatching(message),
      })
    }
    await refuse({ toStaffId: 'st-reward-admin' }, /有办案职责的岗位/)
    await refuse({ toStaffId: 'st-officer' }, /不能是原经办人/)
    await refuse({ toStaffId: 'st-nobody' }, /接手人：没有找到该工作人员/)
    await refuse({ fromStaffId: 'st-admin' }, /不能调整或停用自己/)
    expect(await h.snapshot()).toEqual(before)
  })
})

describe('lists and audit', () => {
  test('staff are listed by name, paged, searched by the beginning of a name; the audit shows who did what', async () => {
    for (const [i, name] of ['王芳', '王刚', '王强'].entries())
      await enrol(`wx-wang-${i}`, { name, roles: ['officer'], unitIds: ['jz-shanyang'] })
    const names: string[] = []
    let cursor: string | null = null
    do {
      const page: Page<StaffListItem> = await h.ok('admin', 'listStaff', { limit: 3, cursor }, ADMIN)
      expect(page.items.length).toBeLessThanOrEqual(3)
      names.push(...page.items.map((s) => s.name))
      cursor = page.next
    } while (cursor)
    expect(names).toEqual([...names].sort())
    // Every demo staff member of the deployment and the three enrolled.
    expect(names).toHaveLength(h.runtime.deployment.staff.length + 3)
    const wang = await h.ok<Page<StaffListItem>>('admin', 'listStaff', { query: '王' }, ADMIN)
    expect(wang.items.map((s) => s.name)).toEqual(['王刚', '王强', '王磊', '王芳'].sort())
    // A branch administrator sees the staff of their branch only.
    await enrol('wx-branch-admin', { name: '孙丽', roles: ['admin'], unitIds: ['jz-shanyang'] })
    const branch = await h.ok<Page<StaffListItem>>('admin', 'listStaff', { limit: 100 }, 'wx-branch-admin')
    expect(branch.items.every((s) => s.units.some((u) => u.id === 'jz-shanyang'))).toBe(true)
    expect(branch.items.find((s) => s.name === '孙丽')?.manageable).toBe(false)

    const fang = (await h.ok<Page<StaffListItem>>('admin', 'listStaff', { query: '王芳' }, ADMIN)).items[0]!
    const about = await h.ok<Page<AuditItem>>('admin', 'listAudit', { staffId: fang.staffId }, ADMIN)
    expect(about.items.map((a) => a.actionLabel).sort()).toEqual(['凭邀请码绑定身份', '发放邀请码'].sort())
    const issued = about.items.find((a) => a.action === 'issue-invite')!
    expect(issued).toMatchObject({ actor: '周敏', subject: '王芳' })
    expect(issued.detail).toContain('承办人员 · 山阳区分局')
    // Pending invites: issued and listed until used; a redeemed one is no longer pending.
    const pending = await h.ok<Page<{ status: string }>>('admin', 'listInvites', {}, ADMIN)
    expect(pending.items).toEqual([])
    const all = await h.ok<Page<{ status: string }>>('admin', 'listInvites', { status: 'all' }, ADMIN)
    expect(all.items.map((i) => i.status)).toEqual(['redeemed', 'redeemed', 'redeemed', 'redeemed'])
  })
})
