// Staff enrolment: how a WeChat identity becomes a staff member.
//
// - An administrator issues an invite code for a post (name, title, roles × units within their scope), valid for
//   some days. The code is shown once; only its keyed hash (HMAC with GW_IDENTITY_KEY, like the setup code) is
//   stored, as the invite's id, so a database leak gives no usable code.
// - The colleague enters it in the 工作台 tab: their OPENID (from the platform) is bound to a new staff record in one
//   transaction with the invite's versioned change to `redeemed` — a code works once, even when two people race.
// - The very first administrator does the same with the deploy's setup code (setup-code.ts).
// - An identity is bound to at most one active staff record: `staff_bindings/<hash of the openid>` is inserted in
//   the binding's transaction (a second binding of the same identity collides there) and removed when the record
//   is deactivated.
// - Tries are rate-limited per identity; every issue, redemption and revocation is audited with the act.
import { createHash, createHmac, randomBytes } from 'node:crypto'
import { normaliseEnrolmentCode } from '../../shared/contracts/enrolment'
import { AppError } from '../../shared/contracts/result'
import type { InviteStatus } from '../../shared/contracts/staff-admin'
import { toShanghaiIso } from '../../shared/time'
import type { StaffRole } from '../../shared/vocabulary/units'
import { assertMayGrant, type AdminScope } from './admin-scope'
import { recordAudit } from './audit'
import { COLLECTIONS } from './collections'
import {
  DuplicateKeyError,
  VersionConflictError,
  type DocStore,
  type Runtime,
  type Tx,
  type WithId,
} from './ports'
import { consumeRateLimit } from './rate-limit'
import {
  FIRST_ADMIN_SETUP_ID,
  newEnrolmentCode,
  readSetupCode,
  setupCodeMatches,
  setupCodeState,
  type SetupCodeDoc,
} from './setup-code'
import { findStaffByOpenid, topUnitIds, type StaffDoc, type StaffRecord } from './staff-records'

export interface InviteDoc {
  /** The staff record the invite creates. */
  staffId: string
  name: string
  title: string
  roles: StaffRole[]
  unitIds: string[]
  issuedBy: string
  issuedByName: string
  issuedAt: string
  expiresAt: string
  status: 'pending' | 'redeemed' | 'revoked'
  redeemedAt: string | null
  revokedAt: string | null
  revokedBy: string | null
}

export type InviteRecord = WithId<InviteDoc>

interface BindingDoc {
  staffId: string
  boundAt: string
}

/** Tries of a code per identity and window: a code cannot be guessed, and a typo costs nothing. */
export const REDEEM_TRIES = { limit: 10, windowSeconds: 3600 } as const

const DAY_MS = 24 * 3600_000

/** The invite's id: the keyed hash of its code (the code itself is never stored). */
export function inviteCodeHash(key: Uint8Array, code: string): string {
  return createHmac('sha256', key)
    .update(`invite-code\n${normaliseEnrolmentCode(code)}`)
    .digest('base64url')
}

export function inviteStatus(doc: InviteDoc, now: Date): InviteStatus {
  if (doc.status !== 'pending') return doc.status
  return Date.parse(doc.expiresAt) <= now.getTime() ? 'expired' : 'pending'
}

/** The binding document of an identity (its id hides the openid). */
export function bindingIdOf(openid: string): string {
  return 'b' + createHash('sha256').update(openid).digest('hex').slice(0, 31)
}

function newStaffId(): string {
  return `st-${randomBytes(6).toString('hex')}`
}

const ALREADY_BOUND = '您的微信已绑定工作人员身份，不能再次绑定。如需调整岗位或单位，请联系系统管理员'

/** Refused before anything else: an identity already bound to an active staff record. */
async function assertNotBound(db: DocStore, openid: string): Promise<void> {
  if (await findStaffByOpenid(db, openid)) throw new AppError('CONFLICT', ALREADY_BOUND)
}

/**
 * Binds `openid` to a new staff record, in the caller's transaction: the binding document collides with one written
 * for the same identity meanwhile (`bindOnce` turns that into ALREADY_BOUND).
 */
async function bindInTx(tx: Tx, openid: string, staffId: string, doc: StaffDoc, at: string): Promise<void> {
  await tx.insert<BindingDoc>(COLLECTIONS.staffBindings, { _id: bindingIdOf(openid), staffId, boundAt: at })
  await tx.insert<StaffDoc>(COLLECTIONS.staff, { _id: staffId, ...doc })
}

/** Ends an identity's binding (deactivation), in the caller's transaction. Seeded demo staff have none. */
export async function releaseBindingInTx(tx: Tx, openid: string | null): Promise<void> {
  if (!openid) return
  const id = bindingIdOf(openid)
  if (await tx.get(COLLECTIONS.staffBindings, id)) await tx.remove(COLLECTIONS.staffBindings, id)
}

/**
 * The binding transaction, with the races it can lose told in words: the code's versioned change (someone used or
 * withdrew it meanwhile: `usedMessage`), or the identity's binding document (bound meanwhile by another code).
 */
async function bindOnce(usedMessage: string, bind: () => Promise<void>): Promise<void> {
  try {
    await bind()
  } catch (error) {
    if (error instanceof VersionConflictError) throw new AppError('CONFLICT', usedMessage)
    if (error instanceof DuplicateKeyError && error.collection === COLLECTIONS.staffBindings) {
      throw new AppError('CONFLICT', ALREADY_BOUND)
    }
    throw error
  }
}

function limitTries(runtime: Runtime, openid: string): Promise<void> {
  const who = createHash('sha256').update(openid).digest('hex').slice(0, 32)
  return consumeRateLimit(
    runtime,
    `enrol:${who}`,
    REDEEM_TRIES.limit,
    REDEEM_TRIES.windowSeconds,
    '尝试次数过多',
  )
}

export interface InvitePost {
  name: string
  title: string
  roles: StaffRole[]
  unitIds: string[]
  validDays: number
}

/** Issues an invite for a post the administrator may grant; the plain code is returned once, never stored. */
export async function issueInvite(
  runtime: Runtime,
  scope: AdminScope,
  post: InvitePost,
  now: Date,
): Promise<{ code: string; invite: InviteRecord }> {
  assertMayGrant(runtime, scope, post)
  const admin = scope.admin
  const at = toShanghaiIso(now)
  const doc: InviteDoc = {
    staffId: newStaffId(),
    name: post.name,
    title: post.title,
    roles: post.roles,
    unitIds: post.unitIds,
    issuedBy: admin._id,
    issuedByName: admin.name,
    issuedAt: at,
    expiresAt: toShanghaiIso(new Date(now.getTime() + post.validDays * DAY_MS)),
    status: 'pending',
    redeemedAt: null,
    revokedAt: null,
    revokedBy: null,
  }
  // A code is 59 random bits: a collision with an earlier invite is (practically) never, but never reused either.
  for (let attempt = 0; ; attempt++) {
    const code = newEnrolmentCode()
    const id = inviteCodeHash(runtime.secrets.identityKey, code)
    try {
      await runtime.db.transaction(async (tx) => {
        await tx.insert<InviteDoc>(COLLECTIONS.invites, { _id: id, ...doc })
        await recordAudit(tx, {
          action: 'issue-invite',
          subject: doc.staffId,
          staffId: admin._id,
          staffName: admin.name,
          at,
          inviteId: id,
          name: doc.name,
          title: doc.title,
          roles: doc.roles,
          unitIds: doc.unitIds,
          expiresAt: doc.expiresAt,
        })
      })
      runtime.log.info('invite issued', { staffId: doc.staffId, issuedBy: admin._id })
      return { code, invite: { _id: id, _version: 1, ...doc } }
    } catch (error) {
      if (!(error instanceof DuplicateKeyError) || attempt >= 2) throw error
    }
  }
}

/** Withdraws a pending invite (a colleague who will not come, a code sent to the wrong person). */
export async function revokeInvite(
  runtime: Runtime,
  scope: AdminScope,
  invite: InviteRecord,
  now: Date,
): Promise<InviteRecord> {
  const status = inviteStatus(invite, now)
  if (status !== 'pending') {
    const why = { expired: '已过期', redeemed: '已使用', revoked: '已作废' }[status]
    throw new AppError('CONFLICT', `该邀请码${why}，无需作废`)
  }
  const at = toShanghaiIso(now)
  const patch = { status: 'revoked' as const, revokedAt: at, revokedBy: scope.admin._id }
  await runtime.db.transaction(async (tx) => {
    await tx.update<InviteDoc>(COLLECTIONS.invites, invite._id, patch, invite._version)
    await recordAudit(tx, {
      action: 'revoke-invite',
      subject: invite.staffId,
      staffId: scope.admin._id,
      staffName: scope.admin.name,
      at,
      inviteId: invite._id,
      name: invite.name,
    })
  })
  return { ...invite, ...patch, _version: invite._version + 1 }
}

const INVITE_REFUSED: Record<Exclude<InviteStatus, 'pending'>, string> = {
  expired: '该邀请码已过期，请联系系统管理员重新发放',
  redeemed: '该邀请码已经使用过，每个邀请码只能使用一次。请联系系统管理员',
  revoked: '该邀请码已作废，请联系系统管理员',
}

/** The caller (OPENID from the platform) becomes the staff member the invite describes. */
export async function redeemInvite(
  runtime: Runtime,
  openid: string,
  code: string,
  now: Date,
): Promise<StaffRecord> {
  await limitTries(runtime, openid)
  await assertNotBound(runtime.db, openid)
  const id = inviteCodeHash(runtime.secrets.identityKey, code)
  const invite = await runtime.db.get<InviteDoc>(COLLECTIONS.invites, id)
  if (!invite) {
    runtime.log.info('invite refused', { reason: 'unknown' })
    throw new AppError('NOT_FOUND', '邀请码不正确，请核对后重新输入')
  }
  const status = inviteStatus(invite, now)
  if (status !== 'pending') {
    runtime.log.info('invite refused', { reason: status })
    throw new AppError('CONFLICT', INVITE_REFUSED[status])
  }
  const at = toShanghaiIso(now)
  const staff: StaffDoc = {
    openid,
    name: invite.name,
    title: invite.title,
    roles: invite.roles,
    unitIds: invite.unitIds,
    active: true,
    enrolledAt: at,
    inviteId: invite._id,
    updatedAt: at,
  }
  await bindOnce(INVITE_REFUSED.redeemed, () =>
    runtime.db.transaction(async (tx) => {
      // At the version read: a code redeemed (or revoked) meanwhile is refused, and nothing is bound.
      await tx.update<InviteDoc>(
        COLLECTIONS.invites,
        invite._id,
        { status: 'redeemed', redeemedAt: at },
        invite._version,
      )
      await bindInTx(tx, openid, invite.staffId, staff, at)
      await recordAudit(tx, {
        action: 'redeem-invite',
        subject: invite.staffId,
        staffId: invite.staffId,
        staffName: invite.name,
        at,
        inviteId: invite._id,
        roles: invite.roles,
        unitIds: invite.unitIds,
      })
    }),
  )
  runtime.log.info('staff enrolled', { staffId: invite.staffId, by: 'invite' })
  return { _id: invite.staffId, _version: 1, ...staff }
}

const SETUP_REFUSED = {
  none: '设置码不正确，请核对后重新输入',
  pending: '设置码不正确，请核对后重新输入',
  expired: '设置码已过期：请运维人员再次运行部署命令生成新的设置码',
  redeemed: '设置码已经使用过，系统管理员已绑定。其他工作人员请向系统管理员索取邀请码',
} as const

/** The caller becomes an administrator of the deployment's top units with the one-time setup code. */
export async function redeemSetupCode(
  runtime: Runtime,
  openid: string,
  code: string,
  name: string,
  now: Date,
): Promise<StaffRecord> {
  await limitTries(runtime, openid)
  await assertNotBound(runtime.db, openid)
  const setup = await readSetupCode(runtime.db)
  if (!setupCodeMatches(setup, runtime.secrets.identityKey, code, now)) {
    const state = setupCodeState(setup, now)
    runtime.log.info('setup code refused', { state })
    throw new AppError(
      state === 'none' || state === 'pending' ? 'NOT_FOUND' : 'CONFLICT',
      SETUP_REFUSED[state],
    )
  }
  const at = toShanghaiIso(now)
  const staffId = newStaffId()
  const staff: StaffDoc = {
    openid,
    name,
    title: '系统管理员',
    roles: ['admin'],
    unitIds: topUnitIds(runtime.deployment.units),
    active: true,
    enrolledAt: at,
    updatedAt: at,
  }
  await bindOnce(SETUP_REFUSED.redeemed, () =>
    runtime.db.transaction(async (tx) => {
      await tx.update<SetupCodeDoc>(
        COLLECTIONS.setup,
        FIRST_ADMIN_SETUP_ID,
        { redeemedAt: now.toISOString(), redeemedBy: staffId },
        setup!._version,
      )
      await bindInTx(tx, openid, staffId, staff, at)
      await recordAudit(tx, {
        action: 'redeem-setup-code',
        subject: staffId,
        staffId,
        staffName: name,
        at,
        roles: staff.roles,
        unitIds: staff.unitIds,
      })
    }),
  )
  runtime.log.info('staff enrolled', { staffId, by: 'setup-code' })
  return { _id: staffId, _version: 1, ...staff }
}
