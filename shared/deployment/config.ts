// A deployment = one jurisdiction (a city bureau with its county branches) under one policy profile.
// Its data lives in `deployments/<id>/deployment.json`; the cloud functions are built for one deployment,
// the local gateway picks one with GW_DEPLOYMENT (default `jiaozuo`).
import type { LocalRestDay } from '../calendar/types'
import type { Routed, RoutingTerritory } from '../routing/config'
import type { StaffRole } from '../vocabulary/units'
import type { PlatformConfig } from './platforms'

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

/** A jurisdiction: its territory and routing table (shared/routing/config.ts), staff and local rest days. */
export interface DeploymentConfig extends RoutingTerritory {
  id: string
  name: string
  /** Policy profile id (see shared/policy). */
  profileId: string
  /** Reference number prefix: `JZ` → `JZ-20261121-0042`. */
  referencePrefix: string
  staff: StaffConfig[]
  personas: PersonaConfig[]
  /** Rest days set by local government (e.g. ethnic holidays, 全国年节及纪念日放假办法 第四条). */
  localRestDays?: LocalRestDay[]
  /** The work-order platforms it takes orders from and feeds results back to (./platforms.ts). */
  platforms?: PlatformConfig[]
}

/** A deployment that has a routing table (`requireRouting`). */
export type RoutedDeployment = Routed<DeploymentConfig>
