// A deployment = one jurisdiction (a city bureau with its county branches) under one policy profile.
// Its data lives in `deployments/<id>/deployment.json`; the cloud functions are built for one deployment,
// the local gateway picks one with GW_DEPLOYMENT (default `jiaozuo`).
import type { LocalRestDay } from '../calendar/types'
import type { Routed, RoutingTerritory } from '../routing/config'
import type { CategoryKey, PollutionSourceKey } from '../vocabulary/categories'
import type { StaffRole } from '../vocabulary/units'
import type { PlatformConfig } from './platforms'

interface StaffConfig {
  id: string
  name: string
  title: string
  roles: StaffRole[]
  unitIds: string[]
}

/** Local mode only: who the persona picker can act as. Staff personas point at a staff record. */
interface PersonaConfig {
  key: string
  label: string
  openid: string
  staffId?: string
}

/** A way to report, as the public page lists it (举报途径, S0 第十四条). */
export interface ReportingChannel {
  name: string
  /** How to use it: a number, an address, opening hours. */
  how: string
}

/**
 * What the public disclosure page says besides the figures (S0 第十四条: 举报途径). Its reward policy is not written
 * here: the page shows the jurisdiction's reward rules from its policy profile (profiles/<id>/rewards.ts).
 */
interface PublicInfoConfig {
  channels: ReportingChannel[]
}

/**
 * 信息共享 (S0 第十七条): inside the bureau, the business section (a unit, e.g. 水生态环境科) that receives a copy of
 * every new report matching `when` (水、气、声、渣、建设项目); outside, the judicial bodies a report of a suspected
 * environmental crime is referred to.
 */
export interface SharingConfig {
  sections: Array<{
    unitId: string
    when: { categories?: CategoryKey[]; sources?: PollutionSourceKey[] }
    cite: string
  }>
  judiciary: Array<{ id: string; name: string }>
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
  /** The public page's channels and reward summary; absent: the page shows the figures and cases only. */
  publicInfo?: PublicInfoConfig
  /** Copies to business sections and referrals to the judiciary; absent: nothing is shared. */
  sharing?: SharingConfig
  /**
   * Other government departments a matter outside the bureau's remit is transferred to (转其他部门), as the bureau
   * names them; the departments its routing table refers reporters to are offered too (`transferDepartmentsOf`).
   */
  departments?: string[]
}

/** The departments a case may be transferred to: the deployment's list and those its routing table names. */
export function transferDepartmentsOf(
  deployment: Pick<DeploymentConfig, 'departments' | 'routing'>,
): string[] {
  const referred = (deployment.routing?.rules ?? []).flatMap((rule) =>
    rule.then.kind === 'refer' ? [rule.then.department] : [],
  )
  return [...new Set([...(deployment.departments ?? []), ...referred])]
}

/** A deployment that has a routing table (`requireRouting`). */
export type RoutedDeployment = Routed<DeploymentConfig>
