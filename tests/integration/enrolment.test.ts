// Staff enrolment on the real store: an administrator issues a one-time invite code for a post (roles × units),
// a new WeChat identity enters it and is bound; codes are stored hashed, work once, expire, can be revoked, are
// rate-limited; nobody binds an identity that is already bound; the first administrator binds with the deploy's
// setup code — locally too, where `npm start` issues it while nobody administers the deployment.
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { bindingIdOf, inviteCodeHash, REDEEM_TRIES } from '../../cloudfunctions/common/enrolment'
import { issueSetupCode, readSetupCode } from '../../cloudfunctions/common/setup-code'
import { setupCodeWhileNoAdmin } from '../../local/seed'
import type { StaffProfile } from '../../shared/contracts/enrolment'
import type { IssuedInvite } from '../../shared/contracts/staff-admin'
import { startHarness, type Harness } from '../support/local-harness'
import { reportInput, STAFF } from '../support/reports'

jest.setTimeout(60_000)

type Answer = { ok: boolean; data?: unknown; error?: { code: string; message: string } }

const ADMIN = 'dev-admin'
const SHANYANG_OFFICER = {
  name: '张伟',
  title: '山阳区分局执法人员',
  roles: ['officer'],
  unitIds: ['jz-shanyang'],
}

let h: Harness
afterEach(async () => {
  await h?.close()
})

async function invite(post: Record<string, unknown> = SHANYANG_OFFICER): Promise<IssuedInvite> {
  return h.ok<IssuedInvite>('admin', 'issueInvite', post, ADMIN)
}

const redeem = (code: string, openid: string) => h.call<Answer>('staff', 'redeemInvite', { code }, openid)

/** What enrolment may change: everything but the rate-limit counters (every try counts, refused or not). */
async function enrolmentState() {
  const counts = await h.snapshot()
  delete counts[COLLECTIONS.rateLimits]
  const invites = await h.runtime.db.find(COLLECTIONS.invites, { limit: 100 })
  return { counts, invites: invites.items }
}

describe('invite codes', () => {
  beforeEach(async () => {
    h = await startHarness()
  })

  test('a new WeChat identity redeems an invite for 山阳区分局 officer and works that unit’s inbox', async () => {
    const { caseId } = await h.ok<{ caseId: string }>('cases', 'submitReport', reportInput(), 'dev-citizen')
    await h.act(STAFF.supervisor, caseId, { type: 'accept' })

    const issued = await invite()
    expect(issued).toMatchObject({ status: 'pending', name: '张伟', roles: ['officer'] })
    expect(issued.code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/)
    expect(issued.units).toEqual([{ id: 'jz-shanyang', name: '山阳区分局' }])

    // Stored as a keyed hash only: the code itself is nowhere in the database.
    const stored = await h.runtime.db.get(COLLECTIONS.invites, issued.inviteId)
    expect(issued.inviteId).toBe(inviteCodeHash(h.runtime.secrets.identityKey, issued.code))
    const everything = JSON.stringify(await h.runtime.db.find(COLLECTIONS.invites, { limit: 100 }))
    expect(everything).not.toContain(issued.code.replace(/-/g, ''))
    expect(everything).not.toContain(issued.code)
    expect(stored).toMatchObject({ status: 'pending', staffId: issued.staffId })

    // Typed as people do: lower case, spaces instead of hyphens.
    const typed = issued.code.toLowerCase().replace(/-/g, ' ')
    const profile = await h.ok<StaffProfile>('staff', 'redeemInvite', { code: typed }, 'wx-new-colleague')
    expect(profile).toEqual({
      staffId: issued.staffId,
      name: '张伟',
      title: '山阳区分局执法人员',
      roles: ['officer'],
      units: [{ id: 'jz-shanyang', name: '山阳区分局' }],
    })
    expect(await h.ok('staff', 'me', {}, 'wx-new-colleague')).toEqual(profile)
    const inbox = await h.ok<{ items: Array<{ caseId: string }> }>('staff', 'inbox', {}, 'wx-new-colleague')
    expect(inbox.items.map((i) => i.caseId)).toContain(caseId)

    const audit = await h.runtime.db.find<{ action: string; staffId: string }>(COLLECTIONS.audit, {
      filter: { subject: issued.staffId },
      orderBy: [['at', 'desc']],
      limit: 10,
    })
    expect(audit.items.map((a) => [a.action, a.staffId]).sort()).toEqual(
      [
        ['issue-invite', 'st-admin'],
        ['redeem-invite', issued.staffId],
      ].sort(),
    )
  })

  test('the identity is the platform’s: an openid in the request is ignored', async () => {
    const issued = await invite()
    await h.ok('staff', 'redeemInvite', { code: issued.code, openid: 'wx-someone-else' }, 'wx-caller')
    expect(await h.ok('staff', 'me', {}, 'wx-someone-else')).toBeNull()
    expect(await h.ok<StaffProfile>('staff', 'me', {}, 'wx-caller')).toMatchObject({ name: '张伟' })
  })

  test('a code works once: reused, it is refused with a clear message and changes nothing', async () => {
    const issued = await invite()
    await h.ok('staff', 'redeemInvite', { code: issued.code }, 'wx-first')
    const before = await enrolmentState()
    const again = await redeem(issued.code, 'wx-second')
    expect(again.status).toBe(409)
    expect(again.body.error?.message).toMatch(/已经使用过/)
    expect(await enrolmentState()).toEqual(before)
    expect(await h.ok('staff', 'me', {}, 'wx-second')).toBeNull()
  })

  test('an expired code is refused with a clear message and changes nothing', async () => {
    const issued = await invite({ ...SHANYANG_OFFICER, validDays: 1 })
    h.clock.advance(24 * 3600_000 + 1000)
    const before = await enrolmentState()
    const late = await redeem(issued.code, 'wx-late')
    expect(late.status).toBe(409)
    expect(late.body.error?.message).toMatch(/已过期/)
    expect(await enrolmentState()).toEqual(before)
  })

  test('a revoked code is refused; a wrong or malformed one is told apart from a used one', async () => {
    const issued = await invite()
    const revoked = await h.ok<{ status: string }>(
      'admin',
      'revokeInvite',
      { inviteId: issued.inviteId },
      ADMIN,
    )
    expect(revoked.status).toBe('revoked')
    const answer = await redeem(issued.code, 'wx-someone')
    expect(answer.body.error?.message).toMatch(/已作废/)

    const wrong = await redeem('2345-6789-ABCD', 'wx-someone')
    expect([wrong.status, wrong.body.error?.message]).toEqual([404, '邀请码不正确，请核对后重新输入'])
    const malformed = await redeem('12345', 'wx-someone')
    expect(malformed.status).toBe(400)
    expect(malformed.body.error?.message).toMatch(/邀请码是 12 位字母和数字/)
    // Revoking twice says why.
    const twice = await h.call<Answer>('admin', 'revokeInvite', { inviteId: issued.inviteId }, ADMIN)
    expect(twice.body.error?.message).toMatch(/已作废，无需作废/)
  })

  test('nobody binds an identity that is already bound', async () => {
    const issued = await invite()
    const before = await enrolmentState()
    // A demo officer (seeded) and a colleague who enrolled with another code.
    const bound = await redeem(issued.code, STAFF.officer)
    expect(bound.status).toBe(409)
    expect(bound.body.error?.message).toMatch(/已绑定工作人员身份/)
    expect(await enrolmentState()).toEqual(before)

    const other = await invite({ ...SHANYANG_OFFICER, name: '李强' })
    await h.ok('staff', 'redeemInvite', { code: other.code }, 'wx-colleague')
    const second = await redeem(issued.code, 'wx-colleague')
    expect(second.body.error?.message).toMatch(/已绑定工作人员身份/)
    expect((await h.runtime.db.get<{ status: string }>(COLLECTIONS.invites, issued.inviteId))?.status).toBe(
      'pending',
    )
  })

  test('races: one code for two people binds one; an identity bound between check and write is refused', async () => {
    const issued = await invite()
    const answers = await Promise.all([redeem(issued.code, 'wx-a'), redeem(issued.code, 'wx-b')])
    expect(answers.map((a) => a.body.ok).sort()).toEqual([false, true])

    // Another redemption for wx-c won the race: its binding is written after this one checked the staff records.
    const other = await invite({ ...SHANYANG_OFFICER, name: '钱二' })
    const find = h.runtime.db.find.bind(h.runtime.db)
    h.runtime.db.find = (async (collection: string, options: Parameters<typeof find>[1]) => {
      const page = await find(collection, options)
      const binding = await h.runtime.db.get(COLLECTIONS.staffBindings, bindingIdOf('wx-c'))
      if (collection === COLLECTIONS.staff && options.filter?.openid === 'wx-c' && !binding) {
        await h.runtime.db.insert(COLLECTIONS.staffBindings, {
          _id: bindingIdOf('wx-c'),
          staffId: 'st-winner',
          boundAt: '2026-11-21T10:00:00+08:00',
        })
      }
      return page
    }) as typeof h.runtime.db.find
    const before = await enrolmentState()
    const lost = await redeem(other.code, 'wx-c')
    h.runtime.db.find = find
    expect([lost.status, lost.body.error?.message]).toEqual([
      409,
      expect.stringMatching(/已绑定工作人员身份/),
    ])
    const after = await enrolmentState()
    expect(after.invites).toEqual(before.invites)
    expect(after.counts[COLLECTIONS.staff]).toBe(before.counts[COLLECTIONS.staff])
  })

  test('a code used between its check and the binding write is refused: the invite changes at the version read', async () => {
    const issued = await invite()
    const get = h.runtime.db.get.bind(h.runtime.db)
    h.runtime.db.get = (async (collection: string, id: string) => {
      const doc = await get(collection, id)
      if (collection === COLLECTIONS.invites && doc && (doc as { status?: string }).status === 'pending') {
        // Someone else's redemption commits right after this one read the invite.
        await h.runtime.db.update(COLLECTIONS.invites, id, { status: 'redeemed' }, doc._version)
      }
      return doc
    }) as typeof h.runtime.db.get
    const before = await h.snapshot()
    const lost = await redeem(issued.code, 'wx-slow')
    h.runtime.db.get = get
    expect([lost.status, lost.body.error?.message]).toEqual([409, expect.stringMatching(/已经使用过/)])
    const after = await h.snapshot()
    expect([after[COLLECTIONS.staff], after[COLLECTIONS.staffBindings]]).toEqual([
      before[COLLECTIONS.staff],
      before[COLLECTIONS.staffBindings],
    ])
  })

  test(`tries are limited (${REDEEM_TRIES.limit} an hour per identity)`, async () => {
    for (let i = 0; i < REDEEM_TRIES.limit; i++) {
      expect((await redeem('2345-6789-ABCD', 'wx-guesser')).status).toBe(404)
    }
    const limited = await redeem('2345-6789-ABCD', 'wx-guesser')
    expect([limited.status, limited.body.error?.code]).toEqual([429, 'RATE_LIMITED'])
    // Even the right code waits: guessing gains nothing.
    const issued = await invite()
    expect((await redeem(issued.code, 'wx-guesser')).status).toBe(429)
    h.clock.advance(3600_000)
    expect((await redeem(issued.code, 'wx-guesser')).body.ok).toBe(true)
  })
})

describe('the first administrator: the setup code', () => {
  beforeEach(async () => {
    h = await startHarness({ demo: false })
  })

  test('a fresh local start issues a setup code; entering it makes the caller administrator of the top unit, once', async () => {
    const setup = await setupCodeWhileNoAdmin(h.runtime)
    expect(setup?.code).toMatch(/^[2-9A-HJ-NP-Z-]{14}$/)
    // Every start replaces the pending code (it was printed, never stored).
    const restarted = await setupCodeWhileNoAdmin(h.runtime)
    expect(restarted!.code).not.toBe(setup!.code)

    const stale = await h.call<Answer>(
      'staff',
      'redeemSetupCode',
      { code: setup!.code, name: '周敏' },
      'wx-it-admin',
    )
    expect([stale.status, stale.body.error?.message]).toEqual([404, '设置码不正确，请核对后重新输入'])

    const admin = await h.ok<StaffProfile>(
      'staff',
      'redeemSetupCode',
      { code: restarted!.code, name: '周敏' },
      'wx-it-admin',
    )
    expect(admin).toMatchObject({
      name: '周敏',
      title: '系统管理员',
      roles: ['admin'],
      units: [{ id: 'jz-bureau', name: '焦作市生态环境局' }],
    })
    expect((await readSetupCode(h.runtime.db))?.redeemedBy).toBe(admin.staffId)
    // The administrator runs the staff from here: invites go out.
    const issued = await h.ok<IssuedInvite>('admin', 'issueInvite', SHANYANG_OFFICER, 'wx-it-admin')
    await h.ok('staff', 'redeemInvite', { code: issued.code }, 'wx-officer')

    const again = await h.call<Answer>(
      'staff',
      'redeemSetupCode',
      { code: restarted!.code, name: '王五' },
      'wx-intruder',
    )
    expect(again.status).toBe(409)
    expect(again.body.error?.message).toMatch(/设置码已经使用过/)
    expect(await h.ok('staff', 'me', {}, 'wx-intruder')).toBeNull()
    // With an administrator bound, a restart issues no code.
    expect(await setupCodeWhileNoAdmin(h.runtime)).toBeNull()
  })

  test('an expired setup code is refused and binds nobody', async () => {
    const issued = await issueSetupCode(h.runtime.db, h.runtime.secrets.identityKey, h.clock.now())
    h.clock.advance(73 * 3600_000)
    const before = await enrolmentState()
    const late = await h.call<Answer>(
      'staff',
      'redeemSetupCode',
      { code: issued.code, name: '周敏' },
      'wx-late',
    )
    expect(late.body.error?.message).toMatch(/设置码已过期/)
    expect(await enrolmentState()).toEqual(before)
  })
})
