// What a platform is told of a case, pure: the feedback on its work order (S0 第七条(三) 向热线平台反馈调查情况、
// 处理意见、佐证材料、办理结果、承办单位及承办人), derived from the case's history and the event catalogue's fields,
// and the national 12369 platform's record of a case (S3 第四条 依照联网平台数据规范上传). Neither ever carries the
// reporter's identity (name, phone, WeChat openid, query code) nor how the bureau talked with them
// (S0 第十三条 最大限度控制知悉范围): the platform that sent the order knows its caller; the national record is a
// record of the matter. Names of units and staff, the calendar and the clocks are injected.
import { addWorkingDays, shanghaiDateOf, type WorkingCalendar } from '../../calendar'
import { FEEDBACK_KINDS, FEEDBACK_ON, REFERRAL_OBJECTION, type FeedbackKind } from '../../intake/channels'
import { NON_ACCEPTANCE_REASONS } from '../../policy'
import { categoryLabel, POLLUTION_SOURCES } from '../../vocabulary/categories'
import { requestTypeLabel } from '../../vocabulary/request-types'
import type { RecordedActor } from '../../workflow/actors'
import { CASE_EVENT_LABELS, filesOf, type CaseEvent, type EventOf } from '../../workflow/events'
import { INTAKE_CHANNELS, OUT_OF_REMIT_FINDINGS } from '../../workflow/grounds'
import { stateLabel, type CaseStateKey } from '../../workflow/states'
import type { CaseDoc } from '../case-doc'

/** The fields of a case the platform views may read: the reporter record is not among them. */
export type PlatformSource = Pick<
  CaseDoc,
  | 'refNo'
  | 'status'
  | 'facts'
  | 'flags'
  | 'history'
  | 'unitId'
  | 'requestType'
  | 'category'
  | 'source'
  | 'description'
  | 'location'
  | 'position'
  | 'placedBy'
  | 'reportedEntity'
  | 'regionCode'
  | 'createdAt'
> & { reporter: Pick<CaseDoc['reporter'], 'mode'> }

/**
 * What goes back to the platform for its order: never the reporter's identity, nor how the bureau talked with
 * them (the reply's 与反映人沟通情况 stays out).
 */
export interface FeedbackRecord {
  platform: string
  externalNo: string
  refNo: string
  kind: FeedbackKind
  kindLabel: string
  /** The article the feedback rests on. */
  basis: string
  /** 调查情况. */
  investigation: string
  /** 处理意见. */
  opinion: string
  /** 办理结果. */
  result: string
  /** 佐证材料: the files of the handling (site-visit photos …), by id and label. */
  evidence: Array<{ fileId: string; label: string }>
  /** 承办单位. */
  unit: { id: string; name: string }
  /** 承办人: who handled it (the officer of the reply or the site visit, else who decided). */
  officer: { id: string; name: string; title: string } | null
  /** When the decision this feedback reports was taken. */
  decidedAt: string
  repliedAt: string | null
  /**
   * The return of a referred order (S2 第十五条: 不属于职权范围的，自收到之日起5个工作日内提出异议): the last day
   * and whether it was made within it.
   */
  objection: { due: string; withinPeriod: boolean } | null
}

export interface PlatformViewContext {
  unitName: (unitId: string) => string
  /** A staff member's name and post by id; null when unknown. */
  staff: (staffId: string) => { name: string; title: string } | null
  /** The reference number of a case by id (a merge target), or null. */
  refNoOf: (caseId: string) => string | null
  calendar: WorkingCalendar
}

function lastOf<T extends CaseEvent['type']>(
  doc: Pick<CaseDoc, 'history'>,
  type: T,
  before = doc.history.length,
): { event: EventOf<T>; actor: RecordedActor; at: string } | null {
  for (let i = Math.min(before, doc.history.length) - 1; i >= 0; i--) {
    const entry = doc.history[i]!
    if (entry.event.type === type)
      return { event: entry.event as EventOf<T>, actor: entry.actor, at: entry.at }
  }
  return null
}

/** The feedback an ending state owes the platform (FEEDBACK_ON), or null for any other state. */
export function feedbackOn(status: CaseStateKey): (typeof FEEDBACK_ON)[keyof typeof FEEDBACK_ON] | null {
  return Object.prototype.hasOwnProperty.call(FEEDBACK_ON, status)
    ? FEEDBACK_ON[status as keyof typeof FEEDBACK_ON]
    : null
}

/** The handling's files (evidence), labelled by the step that attached them; the original material is not. */
function evidenceOf(doc: Pick<CaseDoc, 'history'>, upTo: number): FeedbackRecord['evidence'] {
  return doc.history.slice(1, upTo + 1).flatMap(({ event }) =>
    filesOf(event).map((fileId, i) => ({
      fileId,
      label: `${CASE_EVENT_LABELS[event.type]} · 附件 ${i + 1}`,
    })),
  )
}

function officerOf(
  ctx: PlatformViewContext,
  ...actors: Array<RecordedActor | undefined>
): FeedbackRecord['officer'] {
  for (const actor of actors) {
    if (actor?.kind !== 'staff') continue
    const known = ctx.staff(actor.id)
    return { id: actor.id, name: known?.name ?? actor.id, title: known?.title ?? '' }
  }
  return null
}

const CLOSED_BY: Partial<Record<CaseEvent['type'], string>> = {
  'accept-reply': `反映人认可答复，已办结`,
  'deem-closed': '答复后在规定期限内未提出异议，视为办结',
  'decide-re-review': '复核已作出决定，办理终结',
}

/**
 * The feedback for the platform's order when its case entered the state of history entry `index`; null when the
 * case is no platform's order or the state owes none.
 */
export function platformFeedbackOf(
  doc: PlatformSource,
  index: number,
  platform: string,
  ctx: PlatformViewContext,
): FeedbackRecord | null {
  const registration = doc.history[0]?.event
  const entry = doc.history[index]
  const owed = feedbackOn(doc.status)
  if (!registration || registration.type !== 'register' || !registration.externalNo || !entry || !owed)
    return null
  const upTo = index + 1
  const reply = lastOf(doc, 'draft-reply', upTo)
  const visit = lastOf(doc, 'record-site-visit', upTo)
  const unitId = doc.flags.assignment?.leadUnitId ?? doc.unitId
  let investigation = reply?.event.reply.investigation ?? visit?.event.record.findings ?? ''
  let opinion = reply?.event.reply.handlingOpinion ?? ''
  let result = stateLabel(doc.status)
  let objection: FeedbackRecord['objection'] = null
  const event = entry.event
  switch (owed.kind) {
    case 'result': {
      const violations = reply?.event.reply.violations
      result = `${CLOSED_BY[event.type] ?? stateLabel(doc.status)}${violations ? `。发现的环境违法问题：${violations}` : ''}`
      break
    }
    case 'returned': {
      const found = lastOf(doc, 'find-out-of-remit', upTo)
      const transfer = event.type === 'transfer' ? event : null
      investigation = found?.event.note ?? investigation
      opinion = transfer?.reason ?? opinion
      result = `退回：${found ? OUT_OF_REMIT_FINDINGS[found.event.finding] : '非本部门职责或非本辖区'}${transfer ? `，应由${transfer.to}办理` : ''}`
      if (doc.facts.referred) {
        const received = shanghaiDateOf(registration.receivedAt)
        const due = addWorkingDays(ctx.calendar, received, REFERRAL_OBJECTION.workingDays).date
        objection = { due, withinPeriod: shanghaiDateOf(entry.at) <= due }
      }
      break
    }
    case 'not-accepted': {
      const refused = event.type === 'not-accept' ? event : lastOf(doc, 'not-accept', upTo)?.event
      result = `不予受理：${refused ? NON_ACCEPTANCE_REASONS[refused.reason].label : ''}`
      opinion = refused?.guidance ?? opinion
      break
    }
    case 'merged': {
      const into = event.type === 'merge' ? ctx.refNoOf(event.intoCaseId) : null
      result = `同一事项已在办理，合并办理${into ? `（并入 ${into}）` : ''}`
      break
    }
  }
  return {
    platform,
    externalNo: registration.externalNo,
    refNo: doc.refNo,
    kind: owed.kind,
    kindLabel: FEEDBACK_KINDS[owed.kind],
    basis: owed.basis,
    investigation,
    opinion,
    result,
    evidence: evidenceOf(doc, index),
    unit: { id: unitId, name: ctx.unitName(unitId) },
    officer: officerOf(ctx, reply?.actor, visit?.actor, entry.actor),
    decidedAt: entry.at,
    repliedAt: doc.flags.reply?.sentAt ?? null,
    objection,
  }
}

// ---------- the national 12369 platform's record (S3 第四条) ----------

/**
 * The fields of the national record, in order (docs/channels.md explains each and what is withheld). A report's
 * identity is withheld: name, phone, WeChat openid and query code are not fields, nor the reply's account of the
 * talk with the reporter, their rating, or the original material (a recording carries their voice).
 */
export const NATIONAL_RECORD_FIELDS = {
  refNo: '举报件编号',
  externalNo: '来源工单编号',
  channel: '举报渠道',
  referredBy: '交办渠道',
  receivedAt: '收到时间',
  registeredAt: '登记时间',
  requestType: '举报类型',
  category: '污染类别',
  source: '污染来源',
  regionCode: '行政区划代码',
  address: '事发地址',
  longitude: '经度（WGS-84）',
  latitude: '纬度（WGS-84）',
  reportedEntity: '被举报对象',
  content: '举报内容',
  anonymous: '是否匿名',
  important: '是否重要案件',
  handlingUnit: '办理单位',
  status: '办理状态',
  acceptedAt: '受理时间',
  handlingDue: '办结时限',
  repliedAt: '答复时间',
  closedAt: '办结时间',
  investigation: '调查情况',
  opinion: '处理意见',
  result: '办理结果',
} as const
export type NationalRecord = Record<keyof typeof NATIONAL_RECORD_FIELDS, string>

/** Coordinates to ~1 m. */
const round5 = (degrees: number) => String(Math.round(degrees * 1e5) / 1e5)

/** One case as the national platform records it (every value as text; empty when not known yet). */
export function nationalRecordOf(
  doc: PlatformSource,
  ctx: Pick<PlatformViewContext, 'unitName'> & { handlingDue: string | null },
): NationalRecord {
  const registration = doc.history[0]?.event
  const register = registration?.type === 'register' ? registration : null
  const accepted = lastOf(doc, 'accept')
  const reply = lastOf(doc, 'draft-reply')
  const closing = [...doc.history].reverse().find((e) => e.event.type in CLOSED_BY)
  const unitId = doc.flags.assignment?.leadUnitId ?? doc.unitId
  const exact = (doc.placedBy ?? 'position') === 'position'
  return {
    refNo: doc.refNo,
    externalNo: register?.externalNo ?? '',
    channel: register ? INTAKE_CHANNELS[register.channel] : '',
    referredBy: register?.referredBy ?? '',
    receivedAt: register?.receivedAt ?? '',
    registeredAt: doc.createdAt,
    requestType: requestTypeLabel(doc.requestType),
    category: categoryLabel(doc.category),
    source: doc.source ? POLLUTION_SOURCES[doc.source].label : '',
    regionCode: doc.regionCode ?? '',
    address: doc.location.address,
    longitude: exact ? round5(doc.position.lng) : '',
    latitude: exact ? round5(doc.position.lat) : '',
    reportedEntity: doc.reportedEntity ?? '',
    content: doc.description,
    anonymous: doc.reporter.mode === 'anonymous' ? '是' : '否',
    important: doc.facts.important ? '是' : '否',
    handlingUnit: ctx.unitName(unitId),
    status: stateLabel(doc.status),
    acceptedAt: accepted?.at ?? '',
    handlingDue: ctx.handlingDue ?? '',
    repliedAt: doc.flags.reply?.sentAt ?? '',
    closedAt: doc.status === 'closed' || doc.status === 'archived' ? (closing?.at ?? '') : '',
    investigation: reply?.event.reply.investigation ?? '',
    opinion: reply?.event.reply.handlingOpinion ?? '',
    result: closing ? (CLOSED_BY[closing.event.type] ?? '') : '',
  }
}
