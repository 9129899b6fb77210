// Who works in a bureau: the staff posts (roles) and the kinds of unit a jurisdiction is made of. Ground floor:
// the workflow, the policy profiles, the routing table and the API contracts all speak these words.

export const STAFF_ROLES = {
  intake: '受理员',
  dispatcher: '交办员',
  officer: '承办人员',
  'office-head': '科室负责人',
  leader: '分管领导',
  supervisor: '督办人员',
  'reward-admin': '奖励管理员',
  admin: '系统管理员',
} as const

export type StaffRole = keyof typeof STAFF_ROLES
export const STAFF_ROLE_KEYS = Object.keys(STAFF_ROLES) as StaffRole[]

/**
 * The posts with case duties: they see the cases of their units, with the reporter's masked name and phone, and
 * act on them. The other posts (奖励管理员, 系统管理员) have no case duty and do not see cases — least privilege:
 * who may know about a report is kept as small as the work allows (the confidentiality duties of every profile).
 */
export const CASE_DUTY_ROLES = [
  'intake',
  'dispatcher',
  'officer',
  'office-head',
  'leader',
  'supervisor',
] as const satisfies readonly StaffRole[]

export function hasCaseDuty(roles: readonly StaffRole[]): boolean {
  return roles.some((role) => (CASE_DUTY_ROLES as readonly StaffRole[]).includes(role))
}

type UnitKind = 'bureau' | 'brigade' | 'branch' | 'zone-centre' | 'department'

export interface UnitConfig {
  id: string
  name: string
  kind: UnitKind
  /** Parent unit: the city bureau for branches. Staff of a unit see the cases of its descendants. */
  parentId?: string
  /** Administrative division codes the unit is territorially responsible for (属地管理). */
  regionCodes: string[]
}
