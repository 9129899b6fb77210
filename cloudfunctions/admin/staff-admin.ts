// Staff administration (shared/contracts/staff-admin.ts): the 系统管理员's actions on the bureau's staff, each
// within the administrator's scope (common/admin-scope.ts) and audited in the transaction that does it. A change
// of roles or units, or a deactivation, takes effect on the colleague's next call: the router reads the staff
// record on every call and only an active one counts.
import {
  AUDIT_ACTIONS,
  grantableRoles,
  type AuditItem,
  type InviteItem,
  type StaffListItem,
  type staffAdminContract,
} from '../../shared/contracts/staff-admin'
import { AppError } from '../../shared/contracts/result'
import { formatShanghai, toShanghaiIso } from '../../shared/time'
import { STAFF_ROLES, type StaffRole } from '../../shared/vocabulary/units'
import {
  adminScopeOf,
  assertManageable,
  assertMayGrant,
  isVisible,
  STAFF_NOT_FOUND,
  whyNotManageable,
  type AdminScope,
} from '../common/admin-scope'
import { auditPage, recordAudit, type AuditDoc } from '../common/audit'
import { COLLECTIONS } from '../common/collections'
import { getMany } from '../common/db/get-many'
import {
  inviteStatus,
  issueInvite,
  releaseBindingInTx,
  revokeInvite,
  type InviteDoc,
  type InviteRecord,
} from '../common/enrolment'
import type { Filter, Runtime } from '../common/ports'
import type { Handlers } from '../common/router'
import { unitNamer, type StaffDoc, type StaffRecord } from '../common/staff-records'
import { handOverCases } from './hand-over'

const INVITE_STORED_STATUSES: ReadonlyArray<InviteDoc['status']> = ['pending', 'redeemed', 'revoked']

/** The last character there is: `name < prefix + MAX` is every name that starts with the prefix. */
const AFTER_EVERY_NAME = '\u{10FFFF}'

function unitsOf(runtime: Runtime, ids: readonly string[]) {
  const name = unitNamer(runtime.deployment.units)
  return ids.map((id) => ({ id, name: name(id) }))
}

function toListItem(runtime: Runtime, scope: AdminScope, staff: StaffRecord): StaffListItem {
  return {
    staffId: staff._id,
    version: staff._version,
    name: staff.name,
    title: staff.title,
    roles: staff.roles,
    units: unitsOf(runtime, staff.unitIds),
    active: staff.active,
    bound: Boolean(staff.openid),
    enrolledAt: staff.enrolledAt ?? null,
    deactivatedAt: staff.deactivatedAt ?? null,
    manageable: whyNotManageable(scope, staff) === null,
  }
}

function toInviteItem(runtime: Runtime, invite: InviteRecord, now: Date): InviteItem {
  return {
    inviteId: invite._id,
    staffId: invite.staffId,
    name: invite.name,
    title: invite.title,
    roles: invite.roles,
    units: unitsOf(runtime, invite.unitIds),
    status: inviteStatus(invite, now),
    issuedAt: invite.issuedAt,
    issuedBy: invite.issuedByName,
    expiresAt: invite.expiresAt,
    redeemedAt: invite.redeemedAt,
    revokedAt: invite.revokedAt,
  }
}

/** An invite concerns the administrator when the post it grants lies in their scope. */
function inviteInScope(scope: AdminScope, invite: InviteDoc): boolean {
  return (
    invite.unitIds.every((id) => scope.units.has(id)) && (scope.topAdmin || !invite.roles.includes('admin'))
  )
}

const rolesText = (roles: readonly StaffRole[]) => roles.map((r) => STAFF_ROLES[r]).join('、')

/** The facts of an audit record, in a sentence (never a reporter's identity: the records hold none). */
function auditDetail(runtime: Runtime, doc: AuditDoc): string {
  const units = (ids: unknown) =>
    Array.isArray(ids)
      ? unitsOf(runtime, ids as string[])
          .map((u) => u.name)
          .join('、')
      : ''
  const roles = (list: unknown) => (Array.isArray(list) ? rolesText(list as StaffRole[]) : '')
  const text = (value: unknown) => (typeof value === 'string' ? value : '')
  switch (doc.action) {
    case 'issue-invite':
      return `${text(doc.name)}（${text(doc.title)}）：${roles(doc.roles)} · ${units(doc.unitIds)}，${formatShanghai(text(doc.expiresAt))} 前有效`
    case 'revoke-invite':
      return text(doc.name)
    case 'redeem-invite':
    case 'redeem-setup-code':
      return `${roles(doc.roles)} · ${units(doc.unitIds)}`
    case 'update-staff': {
      const before = doc.before as { roles?: unknown; unitIds?: unknown; title?: unknown } | undefined
      const after = doc.after as { roles?: unknown; unitIds?: unknown; title?: unknown } | undefined
      return `${text(before?.title)}：${roles(before?.roles)} · ${units(before?.unitIds)} → ${text(after?.title)}：${roles(after?.roles)} · ${units(after?.unitIds)}`
    }
    case 'deactivate-staff':
      return `原因：${text(doc.reason)}`
    case 'hand-over-cases': {
      const refNos = Array.isArray(doc.refNos) ? (doc.refNos as string[]) : []
      return `移交给 ${text(doc.toName)} ${refNos.length} 件（${refNos.join('、')}）；原因：${text(doc.reason)}`
    }
    case 'reveal-reporter':
      return `案件 ${text(doc.refNo)}；理由：${text(doc.reason)}`
    case 'destroy-reporter-identity':
      return `案件 ${text(doc.refNo)}`
    default:
      return ''
  }
}

async function staffFor(runtime: Runtime, scope: AdminScope, staffId: string): Promise<StaffRecord> {
  return assertManageable(scope, await runtime.db.get<StaffDoc>(COLLECTIONS.staff, staffId))
}

function assertVersion(staff: StaffRecord, expected: number): void {
  if (staff._version !== expected)
    throw new AppError('CONFLICT', '该工作人员的信息刚被其他人更新过，请刷新后再操作')
  if (!staff.active) throw new AppError('CONFLICT', '该账号已停用，不能再调整；如需恢复，请发放新的邀请码')
}

export const staffAdminHandlers: Handlers<typeof staffAdminContract> = {
  async adminScope(_input, { runtime, staff }) {
    const scope = adminScopeOf(runtime, staff)
    return {
      units: runtime.deployment.units
        .filter((u) => scope.units.has(u.id))
        .map((u) => ({ id: u.id, name: u.name })),
      roles: grantableRoles(scope.topAdmin),
      topAdmin: scope.topAdmin,
    }
  },

  async listStaff(input, { runtime, staff }) {
    const scope = adminScopeOf(runtime, staff)
    const filter: Filter = { active: input.status === 'active' }
    if (input.query) filter.name = { $gte: input.query, $lt: input.query + AFTER_EVERY_NAME }
    // Index `active_name`. Colleagues outside the scope are left out of the page (a page may then be shorter
    // than the limit; `next` goes on where the index does).
    const page = await runtime.db.find<StaffDoc>(COLLECTIONS.staff, {
      filter,
      orderBy: [['name', 'asc']],
      limit: input.limit,
      after: input.cursor,
    })
    return {
      items: page.items.filter((s) => isVisible(scope, s)).map((s) => toListItem(runtime, scope, s)),
      next: page.next,
    }
  },

  async getStaff(input, { runtime, staff }) {
    const scope = adminScopeOf(runtime, staff)
    const found = await runtime.db.get<StaffDoc>(COLLECTIONS.staff, input.staffId)
    if (!found || (found._id !== staff._id && !isVisible(scope, found))) {
      throw new AppError('NOT_FOUND', STAFF_NOT_FOUND)
    }
    return toListItem(runtime, scope, found)
  },

  async issueInvite(input, { runtime, staff, now }) {
    const { code, invite } = await issueInvite(runtime, adminScopeOf(runtime, staff), input, now)
    return { ...toInviteItem(runtime, invite, now), code }
  },

  async listInvites(input, { runtime, staff, now }) {
    const scope = adminScopeOf(runtime, staff)
    // Index `status_issued`: pending ones (expired among them), or every status, one range each merged in order.
    const page = await runtime.db.find<InviteDoc>(COLLECTIONS.invites, {
      filter: { status: input.status === 'pending' ? 'pending' : { $in: INVITE_STORED_STATUSES } },
      orderBy: [['issuedAt', 'desc']],
      limit: input.limit,
      after: input.cursor,
    })
    return {
      items: page.items.filter((i) => inviteInScope(scope, i)).map((i) => toInviteItem(runtime, i, now)),
      next: page.next,
    }
  },

  async revokeInvite(input, { runtime, staff, now }) {
    const scope = adminScopeOf(runtime, staff)
    const invite = await runtime.db.get<InviteDoc>(COLLECTIONS.invites, input.inviteId)
    if (!invite || !inviteInScope(scope, invite)) {
      throw new AppError('NOT_FOUND', '没有找到该邀请码，或不在您的管理范围内')
    }
    return toInviteItem(runtime, await revokeInvite(runtime, scope, invite, now), now)
  },

  async updateStaff(input, { runtime, staff, now }) {
    const scope = adminScopeOf(runtime, staff)
    const target = await staffFor(runtime, scope, input.staffId)
    assertVersion(target, input.expectedVersion)
    assertMayGrant(runtime, scope, input)
    const at = toShanghaiIso(now)
    const patch = { title: input.title, roles: input.roles, unitIds: input.unitIds, updatedAt: at }
    await runtime.db.transaction(async (tx) => {
      await tx.update<StaffDoc>(COLLECTIONS.staff, target._id, patch, target._version)
      await recordAudit(tx, {
        action: 'update-staff',
        subject: target._id,
        staffId: staff._id,
        staffName: staff.name,
        at,
        before: { title: target.title, roles: target.roles, unitIds: target.unitIds },
        after: { title: input.title, roles: input.roles, unitIds: input.unitIds },
      })
    })
    return toListItem(runtime, scope, { ...target, ...patch, _version: target._version + 1 })
  },

  async deactivateStaff(input, { runtime, staff, now }) {
    const scope = adminScopeOf(runtime, staff)
    const target = await staffFor(runtime, scope, input.staffId)
    assertVersion(target, input.expectedVersion)
    const at = toShanghaiIso(now)
    const patch = { active: false, deactivatedAt: at, deactivatedBy: staff._id, updatedAt: at }
    await runtime.db.transaction(async (tx) => {
      await tx.update<StaffDoc>(COLLECTIONS.staff, target._id, patch, target._version)
      // The identity may be bound again later, by a new invite (a colleague who comes back).
      await releaseBindingInTx(tx, target.openid)
      await recordAudit(tx, {
        action: 'deactivate-staff',
        subject: target._id,
        staffId: staff._id,
        staffName: staff.name,
        at,
        reason: input.reason,
      })
    })
    runtime.log.info('staff deactivated', { staffId: target._id, by: staff._id })
    return toListItem(runtime, scope, { ...target, ...patch, _version: target._version + 1 })
  },

  async handOverCases(input, { runtime, staff, now }) {
    return handOverCases(runtime, adminScopeOf(runtime, staff), input, now)
  },

  async listAudit(input, { runtime, staff }) {
    const scope = adminScopeOf(runtime, staff)
    const about = await runtime.db.get<StaffDoc>(COLLECTIONS.staff, input.staffId)
    if (!about || (about._id !== staff._id && !isVisible(scope, about))) {
      throw new AppError('NOT_FOUND', STAFF_NOT_FOUND)
    }
    const page = await auditPage(
      runtime.db,
      input.as === 'actor' ? { staffId: about._id } : { subject: about._id },
      { limit: input.limit, after: input.cursor ?? null },
    )
    // Names of the staff on the page, in one read.
    const ids = [...new Set(page.items.flatMap((d) => [d.staffId, d.subject]))]
    const names = await getMany<StaffDoc>(runtime.db, COLLECTIONS.staff, ids)
    const nameOf = (id: string) => names.get(id)?.name ?? null
    const items: AuditItem[] = page.items.map((doc) => ({
      auditId: doc._id,
      action: doc.action,
      actionLabel: AUDIT_ACTIONS[doc.action] ?? doc.action,
      at: doc.at,
      actor: nameOf(doc.staffId) ?? doc.staffName ?? '系统',
      subject: nameOf(doc.subject) ?? (typeof doc.refNo === 'string' ? doc.refNo : doc.subject),
      detail: auditDetail(runtime, doc),
    }))
    return { items, next: page.next }
  },
}
