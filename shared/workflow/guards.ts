// Named guards. A guard that needs time reads `today` (from the context's `now`) and the clocks computed for the
// case; none reads the system clock. `needsEvent` guards depend on the event's payload, so they cannot be
// evaluated when listing the actions a user may take.
import { findClock } from '@shared/deadlines'
import { fieldWorkPolicyFor, type EffectivePolicy } from '@shared/policy'
import type { LocalDate } from '@shared/time'
import { fieldPaths, valueAt } from '@shared/vocabulary/form'
import type { Actor } from './actors'
import { MISSING_FACT_MARK } from './catalogue/reply'
import { EVENT_CATALOGUE, onRepeatGround, repeatCountOf, type CaseEvent } from './events'
import { REPEAT_GROUNDS } from './grounds'
import type { CaseMachineState, TransitionContext } from './machine-types'
import { hasRecused, namedOfficer } from './people'

export interface GuardInput {
  state: CaseMachineState
  event: CaseEvent
  actor: Actor
  ctx: TransitionContext
  policy: EffectivePolicy
  today: LocalDate
}

interface GuardDefinition {
  /** Why the event is refused when the guard fails (Chinese, shown to the user). */
  failure: string
  needsEvent: boolean
  check: (input: GuardInput) => boolean
}

const COMPLAINT_TYPES: readonly string[] = ['complaint', 'report']

const guard = (
  failure: string,
  needsEvent: boolean,
  check: (input: GuardInput) => boolean,
): GuardDefinition => ({
  failure,
  needsEvent,
  check,
})

/** The moments an event records (its `instant` fields: a reading's time, a follow-up check's time). */
function instantsOf(event: CaseEvent): string[] {
  return fieldPaths(EVENT_CATALOGUE[event.type].fields)
    .filter(({ field }) => field.form.kind === 'instant')
    .map(({ path }) => valueAt(event, path))
    .filter((v): v is string => typeof v === 'string')
}

/** Running (or paused) and today is not after its last day. */
function withinClock(input: GuardInput, clock: 'review-window' | 're-review-window'): boolean {
  const found = findClock(input.ctx.clocks, clock)
  return !!found && found.state === 'running' && found.due !== null && input.today <= found.due
}

export const GUARDS = {
  reporterFilesOwnCase: guard(
    '反映人只能以本人身份登记反映',
    true,
    ({ event, actor }) =>
      actor.kind !== 'reporter' || (event.type === 'register' && event.reporterId === actor.id),
  ),
  receivedNotInFuture: guard('收到时间不能晚于登记时间', true, ({ event, ctx }) =>
    event.type === 'register' ? Date.parse(event.receivedAt) <= Date.parse(ctx.now) : true,
  ),
  // S3 第九条(一): 一次性告知 — the reporter is asked for everything at once, never twice.
  supplementNotYetRequested: guard(
    '补充材料只能一次性告知，本案已经告知过',
    false,
    ({ state }) => state.flags.supplement === null,
  ),
  // A rating is given once, with the reply (rate-reply) or when accepting it (accept-reply with stars).
  notYetRated: guard('您已经评价过这条答复', false, ({ state }) => !state.flags.rated),
  ratingOnce: guard('您已经评价过这条答复', true, ({ state, event }) =>
    event.type === 'accept-reply' && event.rating !== null ? !state.flags.rated : true,
  ),
  actorIsCaseReporter: guard(
    '只有本案反映人（或代为录入的工作人员）可以这样做',
    false,
    ({ state, actor }) =>
      actor.kind === 'staff' || (actor.kind === 'reporter' && actor.id === state.facts.reporterId),
  ),
  // S3 第九条(一): "no valid evidence" is a reason only after the one-time request to supplement.
  evidenceRequestedOnceFirst: guard(
    '以“未提供有效证据线索”不予受理前，须先一次性告知补充',
    true,
    ({ state, event }) =>
      event.type === 'not-accept' && event.reason === 'no-valid-evidence'
        ? state.flags.supplement !== null
        : true,
  ),
  reasonAvailableInProfile: guard('该不予受理理由不适用于本地区', true, ({ event, policy }) =>
    event.type === 'not-accept' ? policy.nonAcceptanceReasons.includes(event.reason) : true,
  ),
  remitNotYetQuestioned: guard(
    '已经认定过不属本部门或本行政区',
    false,
    ({ state }) => state.flags.outOfRemit === null,
  ),
  notAlreadyImportant: guard('本案已列为重要案件', false, ({ state }) => !state.facts.important),
  // S2 第十六条: several offices → a lead office replies for all.
  leadUnitNamedForMultiUnit: guard(
    '多个承办单位时须指定牵头单位，且牵头单位须在承办单位之中',
    true,
    ({ event }) => {
      if (event.type !== 'assign') return true
      if (event.leadUnitId === null) return event.unitIds.length === 1
      return event.unitIds.includes(event.leadUnitId)
    },
  ),
  transferTargetIsNewUnit: guard('转办对象就是现在的承办单位', true, ({ state, event }) =>
    event.type === 'transfer' ? !(state.flags.assignment?.unitIds ?? []).includes(event.to) : true,
  ),
  // S3 第十条: a transfer to another region counts from finding that it belongs there (and S4 四(四) likewise).
  transferMatchesFinding: guard(
    '转出前须先认定不属本部门职责（转其他部门）或属于其他行政区（转其他地区）',
    true,
    ({ state, event }) => {
      if (event.type !== 'transfer') return true
      if (event.target === 'region') return state.flags.outOfRemit === 'other-region'
      if (event.target === 'department') return state.flags.outOfRemit === 'other-department'
      return true
    },
  ),
  siteVisitRecorded: guard('尚无现场检查记录', false, ({ state }) => state.flags.siteVisits > 0),
  // S0 第七条(一): complaints and reports are checked on site, item by item, before any reply.
  siteVisitRecordedForComplaint: guard('投诉、举报类须先录入现场检查记录再拟写答复', false, ({ state }) =>
    COMPLAINT_TYPES.includes(state.facts.requestType) ? state.flags.siteVisits > 0 : true,
  ),
  initialOpinionNotYetRecorded: guard(
    '已经录入过初办意见',
    false,
    ({ state }) => !state.flags.initialOpinionRecorded,
  ),
  noExtensionPending: guard(
    '已有待审批的延期申请',
    false,
    ({ state }) => state.flags.extension.pending === null,
  ),
  // S3 第十一条: applied for before the due date (在办结日期前).
  beforeHandlingDue: guard('办结期限已过，不能再申请延期', false, ({ ctx, today, policy }) => {
    const handling = findClock(ctx.clocks, 'handling')
    if (!handling || handling.due === null) return false
    return !policy.extension.mustRequestBeforeDue || today <= handling.due
  }),
  // S3 第十一条, S1 第十二条, S4 四(四): at most 30 日 in all.
  withinExtensionCap: guard('延期合计超过上限', true, ({ state, event, policy }) => {
    if (event.type !== 'request-extension') return true
    const cap = policy.extension.maxDays
    return cap === null || state.flags.extension.grantedDays + event.days <= cap
  }),
  extensionPending: guard(
    '没有待审批的延期申请',
    false,
    ({ state }) => state.flags.extension.pending !== null,
  ),
  approvedDaysWithinRequest: guard('批准的天数超过申请的天数或延期上限', true, ({ state, event, policy }) => {
    if (event.type !== 'approve-extension') return true
    const pending = state.flags.extension.pending
    const cap = policy.extension.maxDays
    return (
      pending !== null &&
      event.days <= pending.days &&
      (cap === null || state.flags.extension.grantedDays + event.days <= cap)
    )
  }),
  // S2 第十八条: the timer reminds from 3 working days before the due date; people may remind any time.
  reminderDueForTimer: guard(
    '还没到催办提醒日',
    false,
    ({ actor, ctx }) => actor.kind !== 'system' || ctx.clocks.some((clock) => clock.reminderDue),
  ),
  // S2 第十八条: overdue → 督办 (the timer); S3 第十五条(二) 公众反复举报 (the intake's count); the other S3
  // 第十五条 grounds need a person's judgement.
  supervisionGrounded: guard(
    '督办理由不成立：未逾期，或系统只能以逾期或重复举报为由督办',
    true,
    ({ actor, event, ctx }) => {
      if (event.type !== 'supervise') return true
      if (event.reason === 'overdue') return ctx.clocks.some((clock) => clock.overdue)
      return actor.kind !== 'system' || event.reason === REPEAT_GROUNDS.supervise
    },
  ),
  notAlreadyEscalated: guard('本案已提级办理', false, ({ state }) => !state.flags.escalated),
  notAlreadyLeaderCase: guard('本案已列入领导包案', false, ({ state }) => !state.flags.leaderCase),
  // The system escalates, supervises, marks a case important or lists it for 领导包案 only on the intake's repeat
  // count (REPEAT_GROUNDS), carrying the count that reached the threshold; the count is the system's to record.
  // (Overdue supervision is the timer's, checked by supervisionGrounded.)
  systemActsOnRepeatCount: guard(
    '系统只能依据达到标准的重复举报计数这样做，重复举报计数也只能由系统记录',
    true,
    ({ actor, event }) => {
      if (!(event.type in REPEAT_GROUNDS)) return true
      const counted = repeatCountOf(event)
      if (actor.kind !== 'system' || (event.type === 'supervise' && event.reason === 'overdue'))
        return counted === null
      return onRepeatGround(event) !== null && counted !== null && counted.count >= counted.threshold
    },
  ),
  // S0 第十一条 etc.: one stronger handling per case, not another with every further report.
  repeatActionOnce: guard(
    '本案已因重复举报加强办理，不再重复处理',
    true,
    ({ state, event }) => repeatCountOf(event) === null || !state.flags.repeatAction,
  ),
  // 条例 第三十五条: 复查 within 30 日 of the written reply.
  withinReviewWindow: guard('已超过申请复查的期限', false, (input) => withinClock(input, 'review-window')),
  // 条例 第三十六条: 复核 within 30 日 of the review opinion.
  withinReReviewWindow: guard('已超过申请复核的期限', false, (input) =>
    withinClock(input, 're-review-window'),
  ),
  // S4 四(五): the same unit reviews again until the reporter is satisfied.
  sameUnitReviewLoopAllowed: guard(
    '本地区复查意见作出后只能申请复核',
    false,
    ({ policy }) => policy.review.sameUnitLoop,
  ),
  // S2 第二十条: no objection within 30 日 → deemed closed.
  objectionWindowElapsed: guard('异议期尚未届满', false, ({ state, ctx }) => {
    const window = findClock(
      ctx.clocks,
      state.status === 'review-decided' ? 're-review-window' : 'review-window',
    )
    return !!window && window.state === 'running' && window.elapsed
  }),
  // S0 第八条, S3 第十四条: a return visit or spot check found the problem back, or the handling irregular.
  lastCheckFoundRecurrence: guard(
    '最近一次回访或抽查未发现问题反弹或办理不规范',
    false,
    ({ state }) =>
      state.flags.lastCheck?.problemRecurred === true || state.flags.lastCheck?.irregular === true,
  ),
  // 移交经办: to someone else than the one handing over.
  handOverToAnother: guard('接手人不能是原经办人', true, ({ event }) =>
    event.type === 'hand-over' ? event.from.id !== event.to.id : true,
  ),
  // S4 四(七): key cases are visited within 5 日 before the file is closed.
  returnVisitDoneIfRequired: guard('重点案件须先完成回访', false, ({ ctx }) => {
    const visit = findClock(ctx.clocks, 'return-visit')
    return !visit || visit.state !== 'running'
  }),
  // A violation is confirmed by a decision already taken.
  decisionNotInFuture: guard('决定日期不能晚于今天', true, ({ event, today }) =>
    event.type === 'confirm-violation' ? event.decidedOn <= today : true,
  ),
  // S0 第七条(二): a rectification plan's deadline is a day still to come (today at the earliest).
  rectificationDueNotPast: guard('整改期限不能早于今天', true, ({ event, today }) =>
    event.type === 'order-rectification' ? event.dueDate >= today : true,
  ),
  // A reading or a follow-up check is recorded when it happened: not later than now, give or take a phone clock
  // that runs a little ahead (decision: fieldWork.deviceClockToleranceMinutes).
  recordedTimeNotInFuture: guard(
    '记录的时间晚于现在，请核对时间（或手机时钟）',
    true,
    ({ event, ctx, policy }) => {
      const tolerance = fieldWorkPolicyFor(policy.profile.id).deviceClockToleranceMinutes * 60_000
      return instantsOf(event).every((at) => Date.parse(at) <= Date.parse(ctx.now) + tolerance)
    },
  ),
  // S3 第十五条: one 督办单 at a time; its result is reported, then checked (accepted or sent back).
  noOpenSupervisionOrder: guard('本案已有未办结的督办单', false, ({ state }) => {
    const order = state.flags.supervisionOrder ?? null
    return order === null || order.state === 'closed'
  }),
  supervisionOrderOpen: guard(
    '没有待上报结果的督办单',
    false,
    ({ state }) => state.flags.supervisionOrder?.state === 'open',
  ),
  supervisionResultReported: guard(
    '督办结果尚未上报',
    false,
    ({ state }) => state.flags.supervisionOrder?.state === 'reported',
  ),
  // A time limit set for the result is today or later.
  dueDateNotPast: guard('期限不能早于今天', true, ({ event, today }) =>
    event.type === 'issue-supervision-order' || event.type === 'send-back-supervision-result'
      ? event.dueDate >= today
      : true,
  ),
  // S2 第八条 (listed for 领导包案), S4 五(二) (重点信访 cases are led by leaders).
  keyOrListedCase: guard(
    '只有重点案件或已列入领导包案的案件可以包案',
    false,
    ({ state }) => state.flags.leaderCase !== null || state.facts.important,
  ),
  noLeaderNamed: guard('本案已有包案领导', false, ({ state }) => !state.flags.leaderCase?.leaderStaffId),
  // S2 第十六条: the lead office replies for all, through the officer the assignment names there.
  namedOfficerActs: guard(
    '只有牵头单位指定的承办人可以这样做；尚未指定承办人的，请交办员先指定',
    false,
    ({ state, actor }) => actor.kind !== 'staff' || namedOfficer(state.flags)?.id === actor.id,
  ),
  // S2 第六条: someone who stepped aside is not named again.
  officerNotRecused: guard('该工作人员已声明回避本案，不能指定为承办人', true, ({ state, event }) =>
    event.type === 'assign' || event.type === 'designate-officer'
      ? !hasRecused(state.flags, event.officer.id)
      : true,
  ),
  // S2 第十六条 注明办理时限: a date set on assignment lies within the legal one (the handling clock's due date).
  dueDateWithinLegal: guard('办理时限须在今天之后、法定办结期限之内', true, ({ event, ctx, today }) => {
    if (event.type !== 'assign' && event.type !== 'designate-officer') return true
    if (event.dueDate === null) return true
    const handling = findClock(ctx.clocks, 'handling')
    const legal = handling?.state === 'running' ? handling.due : null
    return event.dueDate >= today && (legal === null || event.dueDate <= legal)
  }),
  notYetRecused: guard('您已声明回避本案', false, ({ state, actor }) => !hasRecused(state.flags, actor.id)),
  // S2 第十一条: mediation needs the parties' consent, recorded on an agreement already reached.
  mediationAgreed: guard('当事人同意调解并已达成协议的，才能调解结案', true, ({ event, today }) =>
    event.type === 'record-mediation' ? event.consent && event.agreedOn <= today : true,
  ),
  // S1 第十条: the reply says what was found and done — no fact a template left for the officer is still missing.
  replyComplete: guard(`答复中还有“${MISSING_FACT_MARK}”的内容，请补充后再报送`, true, ({ event }) =>
    event.type === 'draft-reply'
      ? Object.values(event.reply).every((text) => !text.includes(MISSING_FACT_MARK))
      : true,
  ),
} as const satisfies Record<string, GuardDefinition>

export type GuardName = keyof typeof GUARDS
export const GUARD_NAMES = Object.keys(GUARDS) as GuardName[]
