// Staff administration (actions of the `admin` function, 系统管理员 only): who works in the bureau and in which post.
// An administrator issues one-time invite codes for posts (roles × units), lists and searches staff, changes a
// colleague's roles and units, deactivates a leaver and hands their open cases over to a colleague; every one of
// these is audited, and the audit is viewable here.
//
// Scope: an administrator manages the units of their own scope (their units and every unit below them) and the
// staff whose units all lie in it. Only an administrator of a top unit (one with no parent) grants or changes the
// 系统管理员 post. Nobody changes their own record: a staff member never widens their own roles or units.
import { CASE_DUTY_ROLES, STAFF_ROLE_KEYS, STAFF_ROLES, type StaffRole } from '../vocabulary/units'
import {
  cursorSchema,
  idSchema,
  pageLimitSchema,
  personNameSchema,
  versionSchema,
} from '../vocabulary/fields'
import { HAND_OVER } from '../workflow/catalogue/staffing'
import type { CasePage } from './cases'
import { action, staffWith } from './define'
import * as z from '../vocabulary/zod'

const unique = (what: string) =>
  z.refine<string[]>((list) => new Set(list).size === list.length, `${what}重复`)

const rolesSchema = z
  .array(z.enum(STAFF_ROLE_KEYS as [StaffRole, ...StaffRole[]], { error: '没有这个岗位' }))
  .check(
    z.minLength(1, '请至少选择一个岗位'),
    z.maxLength(STAFF_ROLE_KEYS.length, '岗位重复'),
    unique('岗位'),
  )

const unitIdsSchema = z
  .array(idSchema)
  .check(z.minLength(1, '请至少选择一个单位'), z.maxLength(20, '最多选择 20 个单位'), unique('单位'))

const titleSchema = z
  .string({ error: '请填写职务' })
  .check(z.trim(), z.minLength(2, '职务至少 2 个字'), z.maxLength(40, '职务最多 40 个字'))

/** How long an invite code stays valid: long enough to reach a colleague, short enough to expire unused. */
export const INVITE_VALID_DAYS = { min: 1, max: 30, default: 7 } as const

export const issueInviteInput = z.object({
  name: personNameSchema,
  title: titleSchema,
  roles: rolesSchema,
  unitIds: unitIdsSchema,
  validDays: z._default(
    z
      .int({ error: '有效期必须是整数天' })
      .check(
        z.gte(INVITE_VALID_DAYS.min, `有效期至少 ${INVITE_VALID_DAYS.min} 天`),
        z.lte(INVITE_VALID_DAYS.max, `有效期最多 ${INVITE_VALID_DAYS.max} 天`),
      ),
    INVITE_VALID_DAYS.default,
  ),
})

const updateStaffInput = z.object({
  staffId: idSchema,
  expectedVersion: versionSchema,
  title: titleSchema,
  roles: rolesSchema,
  unitIds: unitIdsSchema,
})

const reasonSchema = z
  .string({ error: '请填写原因' })
  .check(z.trim(), z.minLength(2, '原因至少 2 个字'), z.maxLength(200, '原因最多 200 个字'))

const deactivateStaffInput = z.object({
  staffId: idSchema,
  expectedVersion: versionSchema,
  reason: reasonSchema,
})

/** One page (≤ 100 cases) of a hand-over; send `next` back until it is null. Running it again is harmless. */
const handOverCasesInput = z.object({
  fromStaffId: idSchema,
  toStaffId: idSchema,
  reason: HAND_OVER.fields.reason.schema,
  cursor: cursorSchema,
  limit: pageLimitSchema(100),
})

const listStaffInput = z._default(
  z.object({
    /** The beginning of a name (姓 or more). */
    query: z._default(z.string().check(z.trim(), z.maxLength(30, '姓名最多 30 个字')), ''),
    status: z._default(z.enum(['active', 'inactive'], { error: '状态只能是 active 或 inactive' }), 'active'),
    cursor: cursorSchema,
    limit: pageLimitSchema(100),
  }),
  { query: '', status: 'active', limit: 20 },
)

const listInvitesInput = z._default(
  z.object({
    status: z._default(z.enum(['pending', 'all'], { error: '状态只能是 pending 或 all' }), 'pending'),
    cursor: cursorSchema,
    limit: pageLimitSchema(100),
  }),
  { status: 'pending', limit: 20 },
)

const listAuditInput = z.object({
  staffId: idSchema,
  /** What others did to this staff member (subject) or what they did (actor). */
  as: z._default(z.enum(['subject', 'actor'], { error: '只能按对象或操作人查询' }), 'subject'),
  cursor: cursorSchema,
  limit: pageLimitSchema(100),
})

interface UnitRef {
  id: string
  name: string
}

export interface StaffListItem {
  staffId: string
  version: number
  name: string
  title: string
  roles: StaffRole[]
  units: UnitRef[]
  active: boolean
  /** Bound to a WeChat identity. */
  bound: boolean
  enrolledAt: string | null
  deactivatedAt: string | null
  /** The caller may change this record (in their scope, not their own, 系统管理员 only by a top administrator). */
  manageable: boolean
}

export type InviteStatus = 'pending' | 'expired' | 'redeemed' | 'revoked'

export const INVITE_STATUS_LABELS = {
  pending: '待使用',
  expired: '已过期',
  redeemed: '已使用',
  revoked: '已作废',
} as const satisfies Record<InviteStatus, string>

export interface InviteItem {
  inviteId: string
  /** The staff record the invite creates when redeemed. */
  staffId: string
  name: string
  title: string
  roles: StaffRole[]
  units: UnitRef[]
  status: InviteStatus
  issuedAt: string
  issuedBy: string | null
  expiresAt: string
  redeemedAt: string | null
  revokedAt: string | null
}

/** The code is shown once, to the administrator who issued it; only its keyed hash is stored. */
export interface IssuedInvite extends InviteItem {
  code: string
}

/** What the caller may administer: the units of their scope and the posts they may grant. */
export interface AdminScope {
  units: UnitRef[]
  roles: Array<{ role: StaffRole; label: string; caseDuty: boolean }>
  /** Administrator of a top unit: grants and changes the 系统管理员 post. */
  topAdmin: boolean
}

export interface HandOverReport {
  /** Open cases of the leaver's units looked at on this page. */
  examined: number
  /** Cases the leaver was working (经办人), handed over now. */
  handedOver: number
  /** Changed by someone meanwhile: left as they were; run the hand-over again. */
  conflicts: number
  /** The next page; null when every open case of the leaver's units was looked at. */
  next: string | null
}

/** What was done, by whom (the audit collection). Labels for every action the audit holds. */
export const AUDIT_ACTIONS = {
  'issue-invite': '发放邀请码',
  'revoke-invite': '作废邀请码',
  'redeem-invite': '凭邀请码绑定身份',
  'redeem-setup-code': '凭设置码成为系统管理员',
  'update-staff': '调整职务、岗位和单位',
  'deactivate-staff': '停用账号',
  'hand-over-cases': '移交经办案件',
  'reveal-reporter': '查看反映人身份信息',
  'clear-held-content': '审核放行待审内容',
  'load-holiday-notice': '导入放假通知',
  'destroy-reporter-identity': '销毁反映人身份信息',
  'view-reward-claim': '查看奖励申领人信息',
  'decide-reward': '作出奖励决定',
  'refuse-reward': '不予奖励',
  'record-reward-payout': '登记奖励发放',
  'record-reward-recovery': '登记追回奖励',
  /** Case data leaving the system (a file, a list): supervisors see each one (workbench/audit-log.ts). */
  export: '导出数据',
  'set-duty': '安排值班',
  'save-reply-template': '保存答复模板',
  'remove-reply-template': '删除答复模板',
  'draw-spot-check': '抽取抽查样本',
  'record-reception': '登记领导接访',
  'handle-warning': '处置预警',
  // disclosure, analysis and sharing (issue 15)
  'publish-typical-case': '发布典型案例',
  'withdraw-typical-case': '撤回典型案例',
  'generate-analysis-report': '生成季度分析报告',
  'download-analysis-report': '下载季度分析报告',
  'share-copy': '抄送业务科室',
  'read-shared-copy': '查阅抄送件',
  'refer-to-judiciary': '移送司法机关',
} as const

export type AuditAction = keyof typeof AUDIT_ACTIONS

export interface AuditItem {
  auditId: string
  action: string
  actionLabel: string
  at: string
  /** Who did it: a staff member's name, or 系统. */
  actor: string
  /** What it was about: a staff member's name, a case's reference number, a year. */
  subject: string
  /** Further facts: the post granted, the reason, how many cases. */
  detail: string
}

/** The roles an administrator grants, with their labels (the 系统管理员 post to top administrators only). */
export function grantableRoles(topAdmin: boolean): AdminScope['roles'] {
  return STAFF_ROLE_KEYS.filter((role) => topAdmin || role !== 'admin').map((role) => ({
    role,
    label: STAFF_ROLES[role],
    caseDuty: (CASE_DUTY_ROLES as readonly StaffRole[]).includes(role),
  }))
}

const ADMIN = staffWith('admin')

export const staffAdminContract = {
  adminScope: action<AdminScope>()(z._default(z.object({}), {}), ADMIN),
  listStaff: action<CasePage<StaffListItem>>()(listStaffInput, ADMIN),
  /** One colleague of the caller's scope (or the caller), as listed. */
  getStaff: action<StaffListItem>()(z.object({ staffId: idSchema }), ADMIN),
  issueInvite: action<IssuedInvite>()(issueInviteInput, ADMIN),
  listInvites: action<CasePage<InviteItem>>()(listInvitesInput, ADMIN),
  revokeInvite: action<InviteItem>()(z.object({ inviteId: idSchema }), ADMIN),
  /** Title, roles and units of a colleague; takes effect on their next call. */
  updateStaff: action<StaffListItem>()(updateStaffInput, ADMIN),
  /** The colleague's WeChat identity loses access at once (their next call is refused). */
  deactivateStaff: action<StaffListItem>()(deactivateStaffInput, ADMIN),
  /** Hands the open cases a colleague works (经办人) to another, with a history entry on each. */
  handOverCases: action<HandOverReport>()(handOverCasesInput, ADMIN),
  listAudit: action<CasePage<AuditItem>>()(listAuditInput, ADMIN),
}
