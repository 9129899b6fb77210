// The case document as stored, and the views each audience may see of it. Views are built here by explicit
// projection, so a reporter's identity reaches staff only masked and never reaches anything else.
import { createHash } from 'node:crypto'
import type {
  CaseHeadline,
  CaseClockView,
  CaseDetailForReporter,
  CaseSummary,
  CaseTimelineEntry,
  CitizenActions,
} from '../../shared/contracts/cases'
import { CONTENT_HELD_TAG } from '../../shared/cases/held-content'
import type { InboxItem, StaffCaseDetail } from '../../shared/contracts/staff'
import type { CaseClock } from '../../shared/deadlines'
import {
  effectivePolicy,
  getPolicyProfile,
  NON_ACCEPTANCE_REASONS,
  replyRemediesText,
} from '../../shared/policy'
import { describeFinding } from '../../shared/intake/importance'
import {
  actorLabel,
  CASE_EVENT_LABELS,
  isOpenState,
  repeatCountOf,
  stateLabel,
  type CaseEvent,
  type CaseEventType,
  type CaseFacts,
  type CaseFlags,
  type HistoryEntry,
  type RepeatEventType,
  type ReplyContent,
} from '../../shared/workflow'
import type { CaseStateKey } from '../../shared/workflow/states'
import {
  contentNoticeOf,
  heldContentViews,
  heldPhotoIds,
  holdsOf,
  isEntryHeld,
  visibleToOthers,
} from '../../shared/cases/content-holds'
import type { WithId } from './ports'
import { type CaseDoc } from '../../shared/cases/case-doc'

export type CaseRecord = WithId<CaseDoc>

/** Deterministic: the same device request (openid + clientRequestId) always maps to the same case id. */
export function caseIdFor(openid: string, clientRequestId: string): string {
  return 'c' + createHash('sha256').update(`${openid}\n${clientRequestId}`).digest('hex').slice(0, 31)
}

// ---------- clocks ----------

export function clockViews(clocks: readonly CaseClock[]): CaseClockView[] {
  return clocks
    .filter((c) => c.state !== 'cancelled')
    .map((c) => ({
      clock: c.clock,
      label: c.label,
      due: c.due,
      basis: c.basis,
      state: c.state,
      overdue: c.overdue,
      provisional: c.provisional,
    }))
}

/** The nearest due date of a running duty (what the bureau owes next). */
export function nextDuty(
  clocks: readonly CaseClock[],
): { date: string; label: string; overdue: boolean } | null {
  const running = clocks
    .filter((c) => c.nature === 'duty' && c.state === 'running' && c.due !== null)
    .sort((a, b) => (a.due! < b.due! ? -1 : a.due! > b.due! ? 1 : 0))
  const first = running[0]
  return first ? { date: first.due!, label: first.label, overdue: first.overdue } : null
}

// ---------- timeline ----------

/** Events that tell the reporter something (and count as unread until seen); see also `tellsReporter`. */
const REPORTER_NOTICES: ReadonlySet<CaseEventType> = new Set<CaseEventType>([
  'request-supplement',
  'accept',
  'not-accept',
  'merge',
  'transfer',
  'approve-extension',
  'send-reply',
  'decide-review',
  'decide-re-review',
  'reopen',
  'deem-closed',
])

/** Whether a history entry's event told the reporters following the case something. */
function tellsReporter(event: CaseEvent): boolean {
  // Repeat reports set off a stronger handling: the reporters are told (a person's own decision is internal).
  return REPORTER_NOTICES.has(event.type) || repeatCountOf(event) !== null
}

export const REPLY_SECTIONS: ReadonlyArray<[keyof ReplyContent, string]> = [
  ['matter', '反映事项'],
  ['entityFacts', '被反映对象基本情况'],
  ['investigation', '调查核实情况'],
  ['violations', '发现的环境违法问题'],
  ['handlingOpinion', '处理意见'],
  ['communication', '与反映人沟通情况'],
  ['remedies', '救济渠道'],
]

/** The reply's sections; how the reporter was contacted is for the reporter only, not for followers. */
function replySections(reply: ReplyContent, ownReport = true): Array<{ title: string; body: string }> {
  return REPLY_SECTIONS.filter(([key]) => ownReport || key !== 'communication').map(([key, title]) => ({
    title,
    body: reply[key],
  }))
}

/** The reply that a send-reply at `index` sent: the last draft before it. */
function replySentAt(history: readonly HistoryEntry[], index: number): ReplyContent | null {
  for (let i = index - 1; i >= 0; i--) {
    const event = history[i]!.event
    if (event.type === 'draft-reply') return event.reply
  }
  return null
}

type Describe = (
  event: CaseEvent,
  ctx: {
    history: readonly HistoryEntry[]
    index: number
    unitName: (id: string) => string
    /** Shown to the case's own reporter (false: a follower or a query-code lookup). */
    ownReport?: boolean
  },
) => Omit<CaseTimelineEntry, 'at' | 'kind'> | null

/** What the reporters are told when their repeated reports set off a stronger handling (S0 第十一条 etc.). */
const STEPPED_UP: Record<RepeatEventType, { label: string; detail: string }> = {
  escalate: { label: '已提级办理', detail: '已提级办理，由上级部门加强督办。' },
  supervise: { label: '已督办', detail: '上级部门已督促承办单位认真办理、按时办结。' },
  'mark-important': { label: '已列为重点案件', detail: '已列为重点案件办理，并向有关负责人报告。' },
  'list-leader-case': { label: '已列入领导包案', detail: '已列入领导包案，由局领导负责推动解决。' },
}

/** Only when the intake's repeat count set the event off; null otherwise (internal). */
const steppedUp: Describe = (e) => {
  const counted = repeatCountOf(e)
  if (!counted || !(e.type in STEPPED_UP)) return null
  const told = STEPPED_UP[e.type as RepeatEventType]
  return {
    label: `多次反映，${told.label}`,
    detail: `同一问题近 ${counted.windowDays} 日内已被反映 ${counted.count} 次，${told.detail}`,
  }
}

/** What the reporter is told of each event; null = internal, not shown to the reporter. */
const FOR_REPORTER: Partial<Record<CaseEventType, Describe>> = {
  escalate: steppedUp,
  supervise: steppedUp,
  'mark-important': steppedUp,
  'list-leader-case': steppedUp,
  register: () => ({ label: '已登记', detail: '您的反映已登记，我们会尽快决定是否受理并告知您。' }),
  'request-supplement': (e) =>
    e.type === 'request-supplement'
      ? { label: '请补充材料', detail: `需要您补充：${e.missingItems.join('；')}。补充后继续办理。` }
      : null,
  'supply-supplement': () => ({ label: '已补充材料', detail: '您补充的材料已收到。' }),
  accept: () => ({ label: '已受理', detail: '您的反映已受理，正在安排办理。' }),
  'not-accept': (e) =>
    e.type === 'not-accept'
      ? { label: '不予受理', detail: `理由：${NON_ACCEPTANCE_REASONS[e.reason].label}。${e.guidance}` }
      : null,
  merge: () => ({
    label: '已合并办理',
    detail: '同一问题已有其他反映正在办理，已合并办理，答复会同时告知您。',
  }),
  assign: (e, { unitName }) =>
    e.type === 'assign'
      ? { label: '已交办', detail: `已交由${e.unitIds.map(unitName).join('、')}办理。` }
      : null,
  transfer: (e, { unitName }) =>
    e.type === 'transfer'
      ? {
          label: '已转办',
          detail:
            e.target === 'unit' ? `已转交${unitName(e.to)}办理。` : `已转交${e.to}办理。理由：${e.reason}`,
        }
      : null,
  'record-site-visit': (e) =>
    e.type === 'record-site-visit' ? { label: '已现场核查', detail: '工作人员已到现场调查核实。' } : null,
  'order-rectification': (e) =>
    e.type === 'order-rectification'
      ? { label: '已责令整改', detail: `整改措施：${e.measures}；期限：${e.dueDate}。` }
      : null,
  'complete-rectification': () => ({ label: '整改已完成', detail: '整改情况已核查。' }),
  'approve-extension': (e, { history, index }) => {
    if (e.type !== 'approve-extension') return null
    const request = [...history.slice(0, index)].reverse().find((h) => h.event.type === 'request-extension')
    const reason = request?.event.type === 'request-extension' ? `理由：${request.event.reason}` : ''
    return { label: '办理期限延长', detail: `办理期限延长 ${e.days} 天。${reason}` }
  },
  'send-reply': (_e, { history, index, ownReport }) => {
    const reply = replySentAt(history, index)
    return {
      label: '已答复',
      detail: '请查看答复内容；如有异议可在期限内申请复查。',
      ...(reply ? { sections: replySections(reply, ownReport) } : {}),
    }
  },
  'request-review': () => ({ label: '已申请复查' }),
  'decide-review': (e) =>
    e.type === 'decide-review'
      ? {
          label: e.outcome === 'upheld' ? '复查意见：维持原处理意见' : '复查意见：变更原处理意见',
          detail: e.opinion,
        }
      : null,
  'request-re-review': () => ({ label: '已申请复核' }),
  'decide-re-review': (e) =>
    e.type === 'decide-re-review'
      ? { label: e.outcome === 'upheld' ? '复核意见：维持' : '复核意见：变更', detail: e.opinion }
      : null,
  'accept-reply': () => ({ label: '您已确认答复，办理结束' }),
  'deem-closed': () => ({ label: '已办结', detail: '答复后异议期内未提出异议，视为办结。' }),
  reopen: () => ({ label: '重新办理', detail: '回访或抽查发现问题反弹，已重新办理。' }),
}

export function reporterTimeline(
  doc: CaseDoc,
  unitName: (id: string) => string,
  ownReport: boolean,
): CaseTimelineEntry[] {
  const out: CaseTimelineEntry[] = []
  doc.history.forEach((entry, index) => {
    const describe = FOR_REPORTER[entry.event.type]
    const text = describe?.(entry.event, { history: doc.history, index, unitName, ownReport })
    if (text) out.push({ at: entry.at, kind: entry.event.type, ...text })
  })
  return out
}

/** What the reporter wrote with an event (supplement, grounds for 复查/复核), for staff; held content is marked. */
function citizenWords(doc: CaseDoc, index: number): string | null {
  const event = doc.history[index]!.event
  const words =
    event.type === 'supply-supplement'
      ? `补充内容：${event.content}`
      : event.type === 'request-review' || event.type === 'request-re-review'
        ? `理由：${event.grounds}`
        : null
  if (!words) return null
  return isEntryHeld(doc, index) ? `${words}（${CONTENT_HELD_TAG}）` : words
}

export function staffTimeline(doc: CaseDoc, unitName: (id: string) => string): CaseTimelineEntry[] {
  return doc.history.map((entry, index) => {
    const forReporter = FOR_REPORTER[entry.event.type]?.(entry.event, {
      history: doc.history,
      index,
      unitName,
    })
    const base = { at: entry.at, kind: entry.event.type, label: CASE_EVENT_LABELS[entry.event.type] }
    const event = entry.event
    const counted = repeatCountOf(event)
    const text = ('note' in event && event.note) || ('instructions' in event && event.instructions) || ''
    const detail =
      event.type === 'draft-reply'
        ? undefined
        : counted
          ? // Staff see the count, the article and what they must do.
            `重复举报 ${counted.count} 次（${counted.windowDays} 日内，${counted.threshold} 次以上；依据：${counted.basis}）：${text}`
          : (citizenWords(doc, index) ?? forReporter?.detail ?? text) || undefined
    return {
      ...base,
      detail: [detail, `（${actorLabel(entry.actor)}）`].filter(Boolean).join(' '),
      ...(event.type === 'draft-reply' ? { sections: replySections(event.reply) } : {}),
    }
  })
}

/** Reporter-visible notices after `lastReadSeq` (history index). */
export function unreadCount(doc: CaseDoc, lastReadSeq: number): number {
  let n = 0
  doc.history.forEach((entry, index) => {
    if (index > lastReadSeq && tellsReporter(entry.event)) n++
  })
  return n
}

export function lastSeq(doc: CaseDoc): number {
  return doc.history.length - 1
}

// ---------- views ----------

export interface FollowView {
  relation: 'reporter' | 'follower'
  lastReadSeq: number
}

function headlineOf(doc: CaseRecord): CaseHeadline {
  return {
    caseId: doc._id,
    refNo: doc.refNo,
    requestType: doc.requestType,
    category: doc.category,
    status: doc.status,
    statusLabel: stateLabel(doc.status),
    createdAt: doc.createdAt,
    address: doc.location.address,
  }
}

const HELD_FOR_OTHERS = '（内容审核中，暂不显示）'

export function toCaseSummary(
  doc: CaseRecord,
  unitName: string | null,
  follow: FollowView,
  clocks: readonly CaseClock[],
): CaseSummary {
  const due = nextDuty(clocks)
  const headline = headlineOf(doc)
  return {
    ...headline,
    // Until a person clears the report's own content, only its reporter (and staff) see the place it names.
    address: follow.relation === 'reporter' || visibleToOthers(doc) ? headline.address : HELD_FOR_OTHERS,
    statusOpen: isOpenState(doc.status),
    unitName,
    relation: follow.relation,
    nextDue: due ? { date: due.date, label: due.label } : null,
    unread: unreadCount(doc, follow.lastReadSeq),
    actionNeeded: actionNeeded(doc, follow.relation),
  }
}

function actionNeeded(doc: CaseDoc, relation: FollowView['relation']): string | null {
  if (relation !== 'reporter') return null
  if (doc.status === 'awaiting-supplement') return '请补充材料'
  if (doc.status === 'replied' && !doc.rating) return '请评价答复'
  return null
}

/** Which of the citizen's own actions are open now (the function checks again when they are used). */
export function citizenActions(
  doc: CaseDoc,
  relation: FollowView['relation'] | null,
  clocks: readonly CaseClock[],
): CitizenActions {
  const isReporter = relation === 'reporter'
  const window = (kind: 'review-window' | 're-review-window') => {
    const clock = clocks.find((c) => c.clock === kind && c.state === 'running' && !c.elapsed && c.due)
    return clock ? { until: clock.due!, basis: clock.basis } : null
  }
  return {
    supply:
      isReporter && doc.status === 'awaiting-supplement' && doc.flags.supplement
        ? { missingItems: [...doc.flags.supplement.missingItems] }
        : null,
    rate: isReporter && ['replied', 'review-decided'].includes(doc.status) && !doc.rating,
    review: isReporter && doc.status === 'replied' ? window('review-window') : null,
    reReview: isReporter && doc.status === 'review-decided' ? window('re-review-window') : null,
    follow: relation === null && isOpenState(doc.status),
    unfollow: relation === 'follower',
  }
}

/** What the holder of a query code reads instead of the report's words (the code may have been passed on). */
export const QUERY_CODE_VIEW_NOTE =
  '（这是该查询码对应的匿名反映。凭查询码可查看办理进度和答复；反映内容和照片只在提交反映的微信账号中显示。）'

export function toReporterDetail(
  doc: CaseRecord,
  ctx: {
    unitName: (id: string) => string
    follow: FollowView | null
    clocks: readonly CaseClock[]
    photoUrls: Record<string, string>
    /** Opened with the anonymous report's query code (lookupByCode). */
    byQueryCode?: boolean
  },
): CaseDetailForReporter {
  const follow = ctx.follow ?? { relation: 'follower' as const, lastReadSeq: lastSeq(doc) }
  const summary = toCaseSummary(doc, ctx.unitName(doc.unitId), follow, ctx.clocks)
  const own = follow.relation === 'reporter'
  const shown = own || visibleToOthers(doc)
  return {
    ...summary,
    // A citizen who follows someone else's case (or looks it up by code) does not see that reporter's own words,
    // photos, rating or how the bureau contacted them.
    description: own
      ? doc.description
      : ctx.byQueryCode
        ? QUERY_CODE_VIEW_NOTE
        : '（他人反映的问题，仅显示办理进度）',
    photos: own ? doc.photos.map((fileId) => ({ fileId, url: ctx.photoUrls[fileId] ?? null })) : [],
    location: shown ? doc.location : { ...doc.location, address: HELD_FOR_OTHERS },
    occurredAt: doc.occurredAt,
    reportedEntity: shown ? doc.reportedEntity : null,
    contentNotice: own ? contentNoticeOf(doc) : null,
    reporterMode: own ? doc.reporter.mode : 'anonymous',
    timeline: reporterTimeline(doc, ctx.unitName, own),
    clocks: clockViews(ctx.clocks).filter((c) => c.state === 'running' || c.state === 'completed'),
    actions: citizenActions(doc, ctx.follow?.relation ?? null, ctx.clocks),
    rating: own ? doc.rating : null,
    followers: doc.followerCount,
  }
}

export function toInboxItem(doc: CaseRecord, unitName: string, clocks: readonly CaseClock[]): InboxItem {
  const excerpt = [...doc.description]
  return {
    ...headlineOf(doc),
    descriptionExcerpt: excerpt.length > 60 ? excerpt.slice(0, 60).join('') + '…' : doc.description,
    photoCount: doc.photos.length,
    unitId: doc.unitId,
    unitName,
    reporter: {
      mode: doc.reporter.mode,
      name: doc.reporter.nameMasked ?? null,
      phone: doc.reporter.phoneMasked ?? null,
    },
    important: doc.facts.important,
    urgent: doc.intake.urgency === 'immediate' || doc.facts.emergency,
    escalated: doc.flags.escalated,
    supervised: doc.flags.supervised,
    leaderCase: !!doc.flags.leaderCase,
    contentHeld: holdsOf(doc).length > 0,
    nextDue: nextDuty(clocks),
    followers: doc.followerCount,
  }
}

export function toStaffDetail(
  doc: CaseRecord,
  ctx: {
    unitName: (id: string) => string
    clocks: readonly CaseClock[]
    photoUrls: Record<string, string>
    allowedEvents: readonly CaseEventType[]
  },
): StaffCaseDetail {
  const held = heldPhotoIds(doc)
  return {
    ...toInboxItem(doc, ctx.unitName(doc.unitId), ctx.clocks),
    version: doc._version,
    description: doc.description,
    // Held photos are shown with their hold, not among the accepted ones.
    photos: doc.photos
      .filter((fileId) => !held.has(fileId))
      .map((fileId) => ({ fileId, url: ctx.photoUrls[fileId] ?? null })),
    heldContent: heldContentViews(doc, ctx.photoUrls),
    location: doc.location,
    occurredAt: doc.occurredAt,
    reportedEntity: doc.reportedEntity,
    routing: {
      outcome: doc.routing.outcome,
      cite: doc.routing.cite,
      guidance: doc.routing.guidance,
      department: doc.routing.department,
    },
    findings: doc.intake.findings.map((f) => ({ label: f.label, text: describeFinding(f) })),
    timeline: staffTimeline(doc, ctx.unitName),
    clocks: clockViews(ctx.clocks),
    replyRemedies: replyRemediesText(effectivePolicy(getPolicyProfile(doc.profile.id, doc.profile.version))),
    allowedEvents: ctx.allowedEvents.map((type) => ({ type, label: CASE_EVENT_LABELS[type] })),
    mergedInto: doc.mergedInto,
  }
}

export type { CaseFacts, CaseFlags, CaseStateKey }
