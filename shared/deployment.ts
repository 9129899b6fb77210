// A deployment = one jurisdiction (a city bureau with its county branches) under one policy profile.
// Its data lives in `deployments/<id>/deployment.json`; the cloud functions are built for one deployment,
// the local gateway picks one with GW_DEPLOYMENT (default `jiaozuo`).
import type { LocalRestDay } from './calendar/types'
import type { RoutingConfig } from './routing/config'

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

export type UnitKind = 'bureau' | 'brigade' | 'branch' | 'zone-centre' | 'department'

export interface UnitConfig {
  id: string
  name: string
  kind: UnitKind
  /** Parent unit: the city bureau for branches. Staff of a unit see the cases of its descendants. */
  parentId?: string
  /** Administrative division codes the unit is territorially responsible for (属地管理). */
  regionCodes: string[]
}

export interface StaffConfig {
  id: string
  name: string
  title: string
  roles: StaffRole[]
  unitIds: string[]
}

/** Local mode only: who the persona picker can act as. Staff personas point at a staff record. */
export interface PersonaConfig {
  key: string
  label: string
  openid: string
  staffId?: string
}

export interface DeploymentConfig {
  id: string
  name: string
  /** Policy profile id (see shared/policy). */
  profileId: string
  /** Reference number prefix: `JZ` → `JZ-20261121-0042`. */
  referencePrefix: string
  /** Administrative division code of the whole territory. */
  regionCode: string
  regionName: string
  units: UnitConfig[]
  staff: StaffConfig[]
  personas: PersonaConfig[]
  /**
   * Where reports go: boundary file, special zones, routing rules, out-of-jurisdiction handling
   * (shared/routing/config.ts). Optional so a deployment without it still loads; routing requires it.
   */
  routing?: RoutingConfig
  /** Rest days set by local government (e.g. ethnic holidays, 全国年节及纪念日放假办法 第四条). */
  localRestDays?: LocalRestDay[]
}
