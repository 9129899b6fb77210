// Subscribe messages for the effects a transition asks for. Reporters and followers hear about acceptance,
// requests for information, extensions, replies and decisions; staff hear about work waiting for them.
// Template ids come from configuration (GW_SUBSCRIBE_TEMPLATES in the cloud; the outbox in local mode);
// every message has a dedupe key, so a retried run never sends it twice.
import {
  REPORTER_NOTICES,
  STAFF_NOTICE_TEMPLATE,
  STAFF_NOTICES,
  stateLabel,
  type Effect,
  type HistoryEntry,
} from '../../shared/workflow'
import { formatShanghai } from '../../shared/time'
import type { StoredCase } from '../../shared/cases/case-doc'
import { hasCaseDuty } from '../../shared/vocabulary/units'
import { listFollows } from './follows'
import { noteStaffNotice } from './notice-consent'
import type { Runtime } from './ports'
import { listActiveStaff, type StaffRecord } from './staff-records'

function caseData(doc: StoredCase, text: string, at: string): Record<string, string> {
  return {
    character_string1: doc.refNo,
    thing2: text.slice(0, 20),
    phrase3: stateLabel(doc.status).slice(0, 5),
    time4: formatShanghai(at),
  }
}

/**
 * Staff whose units are in `unitIds` (and, with `roles`, who hold one of them). Only posts with case duties:
 * a 奖励管理员 or 系统管理员 of the unit is not told about its cases (least privilege, case-access.ts).
 */
function staffOf(active: readonly StaffRecord[], unitIds: readonly string[], roles?: readonly string[]) {
  return active.filter(
    (s) =>
      s.openid &&
      hasCaseDuty(s.roles) &&
      s.unitIds.some((u) => unitIds.includes(u)) &&
      (!roles || s.roles.some((r) => roles.includes(r))),
  )
}

/** The units above a unit (a branch's bureau): roles such as leader or supervisor may sit there. */
function unitLine(runtime: Runtime, unitId: string): string[] {
  const byId = new Map(runtime.deployment.units.map((u) => [u.id, u]))
  const line: string[] = []
  for (let id: string | undefined = unitId; id && !line.includes(id); id = byId.get(id)?.parentId)
    line.push(id)
  return line
}

export async function sendCaseNotices(
  runtime: Runtime,
  doc: StoredCase,
  effects: readonly Effect[],
  entry: HistoryEntry,
  /** Who follows the case, when the caller knows (a case just filed: its reporter); read otherwise. */
  known: { followers?: readonly string[] } = {},
): Promise<void> {
  const seq = doc.history.length - 1
  const followers = async () =>
    known.followers ?? (await listFollows(runtime.db, doc._id)).map((f) => f.openid)
  // Read once per call, all pages: a deployment may have more staff than one page holds.
  let active: StaffRecord[] | null = null
  const activeStaff = async () => (active ??= await listActiveStaff(runtime.db))
  for (const effect of effects) {
    try {
      if (effect.type === 'notify-reporter') {
        const { template, text } = REPORTER_NOTICES[effect.notice]
        for (const openid of await followers()) {
          await runtime.notifier.send({
            to: openid,
            template,
            page: `pages/case/index?id=${doc._id}`,
            data: caseData(doc, text, entry.at),
            dedupeKey: `${doc._id}:${seq}:${effect.notice}:${openid}`,
          })
        }
      } else if (effect.type === 'notify-units' || effect.type === 'notify-roles') {
        const staff =
          effect.type === 'notify-units'
            ? staffOf(await activeStaff(), effect.unitIds)
            : staffOf(await activeStaff(), unitLine(runtime, doc.unitId), effect.roles)
        for (const member of staff) {
          const outcome = await runtime.notifier.send({
            to: member.openid!,
            template: STAFF_NOTICE_TEMPLATE,
            page: `staff/case/index?id=${doc._id}`,
            data: caseData(doc, STAFF_NOTICES[effect.notice], entry.at),
            dedupeKey: `${doc._id}:${seq}:${effect.notice}:${member.openid}`,
          })
          // Agreements to staff notices are counted, so the workbench can ask again when none are left.
          await noteStaffNotice(runtime, member.openid!, outcome)
        }
      }
      // Clock effects need no action: clocks are derived from the history on every read.
    } catch (error) {
      // The case is already saved; a failed notification is logged, never turned into a failed action.
      runtime.log.warn('notification failed', { caseId: doc._id, effect: effect.type, error: String(error) })
    }
  }
}
