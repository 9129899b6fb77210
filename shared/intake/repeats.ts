// Repeat reports (重复举报) and what they set off. S0 第十一条: 对重复举报，要重点关注，专人督办；重复举报3次以上
// 的，实行提级办理，各县（市、区）分局主要负责人要亲自带队现场查办，市级加强督办指导.
//
// What "3次以上" counts here (decided; the seeds are silent — see intake-policy.ts `repeat.basis`):
// - per target: the named entity (normalised name, any category), or, for a report naming none, the place
//   (reports of the same category within the category's radius, named or not);
// - within the profile's window (90 days) before the new report;
// - as the profile counts (`repeat.counting`): one per reporter per Shanghai calendar day (the same person
//   re-sending the same day is not a repeat; coming back another day is), or, where the article is about how
//   many people report (S4 四(二) 群众反映集中), one per reporter; each anonymous report counts once;
// - "以上" includes the number: the report that makes the count 3 crosses the threshold.
//
// Reaching it sets off the profile's repeat action, applied through the workflow by the system (`repeatEvent`)
// on the case that holds the target (`repeatHolder`), once.
import type { CategoryKey } from '../vocabulary/categories'
import type { UnitConfig } from '../vocabulary/units'
import { distanceMetres } from '../geo/coordinates'
import { localDateOf } from '../time'
import { type RepeatActionEvent } from '../workflow/events'
import { REPEAT_GROUNDS, type RepeatEventType } from '../workflow/grounds'
import { statesFor } from '../workflow/machine'
import type { CaseStateKey } from '../workflow/states'
import type { RoutedDeployment } from '../deployment/config'
import { entityKey, sameEntityAs, type EntityNameOptions } from '../routing/entity-names'
import {
  basisText,
  type Basis,
  type RepeatAction,
  type RepeatCounting,
  type RepeatPolicy,
} from '../policy/intake'
import { DAY_MS, instantMs, type ReportFacts } from './report-facts'

type RepeatTarget =
  { kind: 'entity'; key: string } | { kind: 'place'; category: CategoryKey; anchorReportId: string }

export interface RepeatCount {
  /** Stable while the target's first counted report stays in the window: `entity:恒通化工`, `place:noise:<id>`. */
  targetKey: string
  target: RepeatTarget
  /** Reports on the target in the window as the profile counts them, the new report included. */
  count: number
  /** The same without the new report. */
  countBefore: number
  threshold: number
  /** count ≥ threshold. */
  reached: boolean
  /** This report took the count to the threshold: act now (once). */
  crossedNow: boolean
  /** The reports counted, oldest first, the new one last. */
  reportIds: string[]
}

function countingKey(report: ReportFacts, counting: RepeatCounting): string {
  if (!report.reporterKey) return `anonymous|${report.id}`
  return counting === 'reporters'
    ? report.reporterKey
    : `${report.reporterKey}|${localDateOf(report.reportedAt)}`
}

/** Distinct counting keys (`countingKey`) among `keys`. */
function countOf(keys: readonly string[]): number {
  return new Set(keys).size
}

/**
 * Counts the reports on the new report's target. `prior` are earlier reports fetched by the entity key
 * (`entityKey`) or, for unnamed reports, by the geo cells around the point (`nearbyCells` with
 * `policy.placeRadiusMetres[category]`); anything else in it is ignored.
 */
export function countRepeats(
  report: ReportFacts,
  prior: readonly ReportFacts[],
  policy: RepeatPolicy,
  names: EntityNameOptions = {},
): RepeatCount {
  // Each report's instant is read once: the window and the order both use it.
  const at = (r: ReportFacts) => instantMs(r.reportedAt)
  const reportedMs = at(report)
  const inWindow = (ms: number) => ms <= reportedMs && ms >= reportedMs - policy.windowDays * DAY_MS
  const key = entityKey(report.entityName, names)
  let matching: ReportFacts[]
  if (key && report.entityName) {
    const sameEntity = sameEntityAs(report.entityName, names)
    matching = prior.filter((r) => r.id !== report.id && !!r.entityName && sameEntity(r.entityName))
  } else {
    const radius = policy.placeRadiusMetres[report.category]
    const here = report.position
    matching = here
      ? prior.filter(
          (r) =>
            r.id !== report.id &&
            r.category === report.category &&
            r.position !== null &&
            distanceMetres(here, r.position) <= radius,
        )
      : []
  }
  const counted = matching
    .map((r) => ({ r, ms: at(r) }))
    .filter(({ ms }) => inWindow(ms))
    .sort((a, b) => a.ms - b.ms || a.r.id.localeCompare(b.r.id))
    .map(({ r }) => r)
  const all = [...counted, report]
  const target: RepeatTarget = key
    ? { kind: 'entity', key }
    : { kind: 'place', category: report.category, anchorReportId: (counted[0] ?? report).id }
  // Each report's counting key is made once (the day of a report is a date conversion): `all` is `counted` and
  // the new report.
  const keys = all.map((r) => countingKey(r, policy.counting))
  const count = countOf(keys)
  const countBefore = countOf(keys.slice(0, -1))
  return {
    targetKey:
      target.kind === 'entity' ? `entity:${target.key}` : `place:${target.category}:${target.anchorReportId}`,
    target,
    count,
    countBefore,
    threshold: policy.threshold,
    reached: count >= policy.threshold,
    crossedNow: count >= policy.threshold && countBefore < policy.threshold,
    reportIds: all.map((r) => r.id),
  }
}

export type RepeatHandling =
  /**
   * 提级办理 as S0 第十一条 spells it out: the case is raised to the head of the handling unit (分局主要负责人
   * 亲自带队现场查办) and the higher unit (市级) oversees it, through a named supervising officer (专人督办).
   */
  | {
      kind: 'escalate'
      handlingUnitId: string
      /** The parent unit (市局) that oversees; the unit itself when it has no parent. */
      higherUnitId: string
      supervisingUnitId: string
      /** Staff of the supervising unit with the supervisor role: one is named 专人督办. */
      supervisorStaffIds: string[]
      ledBy: string
      supervision: string
      basis: Basis
    }
  | {
      kind: 'supervise'
      supervisingUnitId: string
      supervisorStaffIds: string[]
      instructions: string
      basis: Basis
    }
  | { kind: 'important-case'; note: string; basis: Basis }
  | { kind: 'leader-case'; note: string; basis: Basis }

function supervisorsOf(deployment: RoutedDeployment, unitId: string): string[] {
  return deployment.staff
    .filter((s) => s.roles.includes('supervisor') && s.unitIds.includes(unitId))
    .map((s) => s.id)
}

/** What reaching the threshold sets off for a case handled by `handlingUnitId`; null below the threshold. */
export function repeatHandling(
  count: RepeatCount,
  handlingUnitId: string,
  deployment: RoutedDeployment,
  policy: RepeatPolicy,
): RepeatHandling | null {
  if (!count.reached) return null
  const basis = policy.basis.action
  const supervisingUnitId = deployment.routing.supervisingUnitId
  const action = policy.action
  switch (action.kind) {
    case 'escalate': {
      const unit: UnitConfig | undefined = deployment.units.find((u) => u.id === handlingUnitId)
      if (!unit) throw new Error(`unknown unit ${handlingUnitId}`)
      return {
        kind: 'escalate',
        handlingUnitId: unit.id,
        higherUnitId: unit.parentId ?? unit.id,
        supervisingUnitId,
        supervisorStaffIds: supervisorsOf(deployment, supervisingUnitId),
        ledBy: action.ledBy,
        supervision: action.supervision,
        basis,
      }
    }
    case 'supervise':
      return {
        kind: 'supervise',
        supervisingUnitId,
        supervisorStaffIds: supervisorsOf(deployment, supervisingUnitId),
        instructions: action.instructions,
        basis,
      }
    case 'important-case':
      return { kind: 'important-case', note: action.note, basis }
    case 'leader-case':
      return { kind: 'leader-case', note: action.note, basis }
  }
}

/** The workflow event each repeat action is applied with. */
const REPEAT_ACTION_EVENTS = {
  escalate: 'escalate',
  supervise: 'supervise',
  'important-case': 'mark-important',
  'leader-case': 'list-leader-case',
} as const satisfies Record<RepeatAction['kind'], RepeatEventType>

/**
 * The workflow event that applies the repeat action, on its repeat ground (REPEAT_GROUNDS) and carrying the
 * count and the article it rests on. The system sends it; the workflow's guards check that it may.
 */
export function repeatEvent(
  handling: RepeatHandling,
  count: RepeatCount,
  policy: RepeatPolicy,
): RepeatActionEvent {
  const repeats = {
    count: count.count,
    threshold: count.threshold,
    windowDays: policy.windowDays,
    basis: basisText(handling.basis),
  }
  switch (handling.kind) {
    case 'escalate':
      return {
        type: 'escalate',
        reason: REPEAT_GROUNDS.escalate,
        note: `${handling.ledBy}；${handling.supervision}`,
        repeats,
      }
    case 'supervise':
      return {
        type: 'supervise',
        reason: REPEAT_GROUNDS.supervise,
        instructions: handling.instructions,
        repeats,
      }
    case 'important-case':
      return {
        type: 'mark-important',
        ground: REPEAT_GROUNDS['mark-important'],
        note: handling.note,
        repeats,
      }
    case 'leader-case':
      return {
        type: 'list-leader-case',
        ground: REPEAT_GROUNDS['list-leader-case'],
        note: handling.note,
        repeats,
      }
  }
}

/** A counted report's case, as far as choosing the one that takes the repeat action goes. */
export interface RepeatCase {
  id: string
  status: CaseStateKey
  mergedInto: string | null
  /** Shown to staff (content checks passed): a held case cannot be acted on yet. */
  visible: boolean
  /** The repeat action was already applied to it (`flags.repeatAction`). */
  actedOn: boolean
}

/**
 * The case that takes the repeat action: the oldest counted case that can still take the event (not merged into
 * another, visible to staff, in a state the event is taken in) — later reports on the target are merged into
 * it. Null when such a case already carries the repeat action (once per target while it is being handled, not
 * again with the 4th or 5th report) or when none can take it. `cases` are oldest first.
 */
export function repeatHolder(cases: readonly RepeatCase[], action: RepeatAction['kind']): string | null {
  const states: readonly CaseStateKey[] = statesFor(REPEAT_ACTION_EVENTS[action])
  const live = cases.filter((c) => !c.mergedInto && c.visible && states.includes(c.status))
  if (live.some((c) => c.actedOn)) return null
  return live[0]?.id ?? null
}
