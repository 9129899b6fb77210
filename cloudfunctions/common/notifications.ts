// Subscribe messages for the effects a transition asks for. Reporters and followers hear about acceptance,
// requests for information, extensions, replies and decisions; staff hear about work waiting for them.
// Template ids come from configuration (GW_SUBSCRIBE_TEMPLATES in the cloud; the outbox in local mode);
// every message has a dedupe key, so a retried run never sends it twice.
import {
  stateLabel,
  type Effect,
  type HistoryEntry,
  type ReporterNotice,
  type StaffNotice,
} from '../../shared/workflow'
import { formatShanghai } from '../../shared/time'
import type { CaseRecord } from './case-records'
import { listFollows } from './follows'
import type { Runtime } from './ports'
import { listActiveStaff, type StaffRecord } from './staff-records'

/** Template keys (configuration maps them to WeChat template ids). */
export const TEMPLATE_KEYS = {
  caseProgress: 'case-progress', // accepted / not accepted / transferred / merged / extension / closed
  caseInfoRequest: 'case-info-request', // 一次性告知
  caseReply: 'case-reply', // reply, review and re-review decisions
  staffTask: 'staff-task', // work waiting for staff
  rewardResult: 'reward-result',
} as const

const REPORTER_TEXT: Record<ReporterNotice, { template: string; text: string }> = {
  registered: { template: TEMPLATE_KEYS.caseProgress, text: '已登记' },
  'supplement-requested': { template: TEMPLATE_KEYS.caseInfoRequest, text: '请补充材料' },
  accepted: { template: TEMPLATE_KEYS.caseProgress, text: '已受理' },
  'not-accepted': { template: TEMPLATE_KEYS.caseProgress, text: '不予受理，请查看理由' },
  merged: { template: TEMPLATE_KEYS.caseProgress, text: '已与同一问题合并办理' },
  transferred: { template: TEMPLATE_KEYS.caseProgress, text: '已转交有关部门办理' },
  'extension-granted': { template: TEMPLATE_KEYS.caseProgress, text: '办理期限已延长' },
  reply: { template: TEMPLATE_KEYS.caseReply, text: '已答复，请查看并评价' },
  'review-decision': { template: TEMPLATE_KEYS.caseReply, text: '复查意见已出' },
  're-review-decision': { template: TEMPLATE_KEYS.caseReply, text: '复核意见已出' },
  reopened: { template: TEMPLATE_KEYS.caseProgress, text: '已重新办理' },
  closed: { template: TEMPLATE_KEYS.caseProgress, text: '已办结' },
  'stepped-up': { template: TEMPLATE_KEYS.caseProgress, text: '多次反映，已加强办理' },
}

const STAFF_TEXT: Record<StaffNotice, string> = {
  'new-case': '新案件待受理',
  'supplement-received': '反映人已补充材料',
  'to-assign': '案件待交办',
  'out-of-remit': '案件需转办',
  'important-case': '重要案件',
  assigned: '新交办案件',
  'approval-needed': '答复待审核',
  'reply-approved': '答复已审批，待发送',
  'reply-sent-back': '答复被退回修改',
  'extension-requested': '延期申请待审批',
  'extension-decided': '延期申请已审批',
  reminder: '办理期限将到，请抓紧办理',
  supervision: '案件已被督办',
  escalated: '案件提级办理',
  'leader-case': '案件列入领导包案',
  'review-requested': '反映人申请复查',
  're-review-requested': '反映人申请复核',
  reopened: '案件重新办理',
}

function caseData(doc: CaseRecord, text: string, at: string): Record<string, string> {
  return {
    character_string1: doc.refNo,
    thing2: text.slice(0, 20),
    phrase3: stateLabel(doc.status).slice(0, 5),
    time4: formatShanghai(at),
  }
}

/** Staff whose units are in `unitIds` (and, with `roles`, who hold one of them). */
function staffOf(active: readonly StaffRecord[], unitIds: readonly string[], roles?: readonly string[]) {
  return active.filter(
    (s) =>
      s.openid &&
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
  doc: CaseRecord,
  effects: readonly Effect[],
  entry: HistoryEntry,
): Promise<void> {
  const seq = doc.history.length - 1
  // Read once per call, all pages: a deployment may have more staff than one page holds.
  let active: StaffRecord[] | null = null
  const activeStaff = async () => (active ??= await listActiveStaff(runtime.db))
  for (const effect of effects) {
    try {
      if (effect.type === 'notify-reporter') {
        const { template, text } = REPORTER_TEXT[effect.notice]
        for (const follow of await listFollows(runtime.db, doc._id)) {
          await runtime.notifier.send({
            to: follow.openid,
            template,
            page: `pages/case/index?id=${doc._id}`,
            data: caseData(doc, text, entry.at),
            dedupeKey: `${doc._id}:${seq}:${effect.notice}:${follow.openid}`,
          })
        }
      } else if (effect.type === 'notify-units' || effect.type === 'notify-roles') {
        const staff =
          effect.type === 'notify-units'
            ? staffOf(await activeStaff(), effect.unitIds)
            : staffOf(await activeStaff(), unitLine(runtime, doc.unitId), effect.roles)
        for (const member of staff) {
          await runtime.notifier.send({
            to: member.openid!,
            template: TEMPLATE_KEYS.staffTask,
            page: `staff/case/index?id=${doc._id}`,
            data: caseData(doc, STAFF_TEXT[effect.notice], entry.at),
            dedupeKey: `${doc._id}:${seq}:${effect.notice}:${member.openid}`,
          })
        }
      }
      // Clock effects need no action: clocks are derived from the history on every read.
    } catch (error) {
      // The case is already saved; a failed notification is logged, never turned into a failed action.
      runtime.log.warn('notification failed', { caseId: doc._id, effect: effect.type, error: String(error) })
    }
  }
}
