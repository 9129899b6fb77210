// Subscribe messages for the effects a transition asks for. Reporters and followers hear about acceptance,
// requests for information, extensions, replies and decisions; staff hear about work waiting for them.
// Template ids come from configuration (GW_SUBSCRIBE_TEMPLATES in the cloud; the outbox in local mode);
// every message has a dedupe key, so a retried run never sends it twice.
import {
  hasRecused,
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
import { eachAtMost } from './at-most'
import type { Runtime, SubscribeMessage } from './ports'
import { listActiveStaff, type StaffRecord } from './staff-records'
import { onDutyFor } from './workbench/duty'

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

const STAFF_EFFECTS = ['notify-units', 'notify-roles', 'notify-staff', 'notify-duty'] as const
type StaffEffect = Extract<Effect, { type: (typeof STAFF_EFFECTS)[number] }>

function isStaffEffect(effect: Effect): effect is StaffEffect {
  return (STAFF_EFFECTS as readonly string[]).includes(effect.type)
}

/**
 * The staff a notice goes to: every one of the units; the posts of the case's unit line; the staff named (the
 * officer an assignment names); or whoever is on duty for the case's unit now (the officers and the leader of the
 * shift; with no roster, the unit's officers and leaders). Nobody who stepped aside from the case (S2 第六条).
 */
async function recipients(
  runtime: Runtime,
  doc: StoredCase,
  effect: StaffEffect,
  entry: HistoryEntry,
  activeStaff: () => Promise<StaffRecord[]>,
): Promise<StaffRecord[]> {
  let staff: StaffRecord[]
  if (effect.type === 'notify-units') staff = staffOf(await activeStaff(), effect.unitIds)
  else if (effect.type === 'notify-roles')
    staff = staffOf(await activeStaff(), unitLine(runtime, doc.unitId), effect.roles)
  else if (effect.type === 'notify-staff')
    staff = (await activeStaff()).filter((s) => effect.staffIds.includes(s._id))
  else {
    const shift = await onDutyFor(runtime, doc.unitId, entry.at)
    if (shift) {
      const ids = [...shift.officers.map((o) => o.id), ...(shift.leader ? [shift.leader.id] : [])]
      staff = (await activeStaff()).filter((s) => ids.includes(s._id))
    } else {
      runtime.log.warn('no duty roster: urgent case sent to the unit’s officers and leaders', {
        caseId: doc._id,
      })
      const active = await activeStaff()
      const leaders = staffOf(active, unitLine(runtime, doc.unitId), ['leader'])
      staff = [...new Set([...staffOf(active, [doc.unitId], ['officer']), ...leaders])]
    }
  }
  return staff.filter((s) => s.openid && !hasRecused(doc.flags, s._id))
}

/** `read`'s answer, read on first use and shared by every later use. */
function once<T>(read: () => Promise<T>): () => Promise<T> {
  let answer: Promise<T> | null = null
  return () => (answer ??= read())
}

/** Messages delivered at once, at most: each is a call to WeChat (and two writes of its record) in the cloud. */
const NOTICES_AT_ONCE = 4

/** A message to send, and whether it is a staff notice (whose agreements are counted, notice-consent.ts). */
interface Outgoing {
  message: SubscribeMessage
  staff: boolean
  effect: Effect['type']
}

/**
 * The messages a transition's effects ask for: to the case's followers, to the staff whose work it is (and, for a
 * caller registered by staff, to intake staff to phone them). An effect whose recipients cannot be read is logged
 * and the others still go.
 */
async function messagesFor(
  runtime: Runtime,
  doc: StoredCase,
  effects: readonly Effect[],
  entry: HistoryEntry,
  known: { followers?: readonly string[] },
): Promise<Outgoing[]> {
  const seq = doc.history.length - 1
  const followers = once(
    async () => known.followers ?? (await listFollows(runtime.db, doc._id)).map((f) => f.openid),
  )
  // Read once per call, all pages: a deployment may have more staff than one page holds.
  const activeStaff = once(() => listActiveStaff(runtime.db))
  // What the effects will read, started together (in the cloud each read is a round trip); a read that fails
  // fails the effects that need it, below.
  const phoneCaller = doc.origin?.tellReporter === 'phone'
  const reporterNotice = effects.some((e) => e.type === 'notify-reporter')
  if (reporterNotice) void followers().catch(() => undefined)
  if (effects.some(isStaffEffect) || (reporterNotice && phoneCaller))
    void activeStaff().catch(() => undefined)
  const staffMessage = (member: StaffRecord, text: string, key: string): SubscribeMessage => ({
    to: member.openid!,
    template: STAFF_NOTICE_TEMPLATE,
    page: `staff/case/index?id=${doc._id}`,
    data: caseData(doc, text, entry.at),
    dedupeKey: `${doc._id}:${seq}:${key}:${member.openid}`,
  })
  const outgoing: Outgoing[] = []
  for (const effect of effects) {
    try {
      if (effect.type === 'notify-reporter') {
        const { template, text } = REPORTER_NOTICES[effect.notice]
        for (const openid of await followers()) {
          const message = {
            to: openid,
            template,
            page: `pages/case/index?id=${doc._id}`,
            data: caseData(doc, text, entry.at),
            dedupeKey: `${doc._id}:${seq}:${effect.notice}:${openid}`,
          }
          outgoing.push({ message, staff: false, effect: effect.type })
        }
        // A caller registered by staff (or a platform's caller the bureau answers itself) has no WeChat to hear
        // it: intake staff are given the call to make (S0 第七条(三) 向举报人反馈; an SMS is not sent).
        if (phoneCaller) {
          const todo = `${STAFF_NOTICES['tell-reporter']}：${text}`
          for (const member of staffOf(await activeStaff(), unitLine(runtime, doc.unitId), ['intake'])) {
            const message = staffMessage(member, todo, `${effect.notice}:phone`)
            outgoing.push({ message, staff: true, effect: effect.type })
          }
        }
      } else if (isStaffEffect(effect)) {
        for (const member of await recipients(runtime, doc, effect, entry, activeStaff)) {
          const message = staffMessage(member, STAFF_NOTICES[effect.notice], effect.notice)
          outgoing.push({ message, staff: true, effect: effect.type })
        }
      }
      // Clock effects need no action: clocks are derived from the history on every read.
    } catch (error) {
      runtime.log.warn('notification failed', { caseId: doc._id, effect: effect.type, error: String(error) })
    }
  }
  // One message per key: a member holding two of the roles two effects notify (a supervisor who also dispatches, told
  // of an escalation by both) is told once here, instead of the message record refusing the second.
  const seen = new Set<string>()
  return outgoing.filter(({ message }) => {
    if (seen.has(message.dedupeKey)) return false
    seen.add(message.dedupeKey)
    return true
  })
}

/**
 * Sends what a transition's effects ask for, `NOTICES_AT_ONCE` at a time: in the cloud each message is a call to
 * WeChat between two writes of its record, so one after the other the ~4 messages of a filed report cost a dozen
 * round trips of the request's time. The case is already saved: a message that fails is logged, never turned
 * into a failed action, and the others still go.
 */
export async function sendCaseNotices(
  runtime: Runtime,
  doc: StoredCase,
  effects: readonly Effect[],
  entry: HistoryEntry,
  /** Who follows the case, when the caller knows (a case just filed: its reporter); read otherwise. */
  known: { followers?: readonly string[] } = {},
): Promise<void> {
  const outgoing = await messagesFor(runtime, doc, effects, entry, known)
  await eachAtMost(outgoing, NOTICES_AT_ONCE, async ({ message, staff, effect }) => {
    try {
      const outcome = await runtime.notifier.send(message)
      // Agreements to staff notices are counted, so the workbench can ask again when none are left.
      if (staff) await noteStaffNotice(runtime, message.to, outcome)
    } catch (error) {
      runtime.log.warn('notification failed', { caseId: doc._id, effect, error: String(error) })
    }
  })
}
