// Reply templates (答复模板): texts per pollution category and outcome, kept by office heads for their units,
// merged with the facts of a case when a reply is drafted. A template names facts in braces — {被反映对象},
// {现场检查时间}, {救济渠道} … — and the merge fills them from the case: what was reported, the latest site visit,
// the rectification ordered, the remedies of the case's own policy (periods and articles, replyRemediesText).
// A fact the case does not have yet is left as 【待补充：…】 for the officer to fill in. Pure.
import { replyRemediesText } from '../policy'
import { formatShanghai } from '../time'
import { CATEGORIES } from '../vocabulary/categories'
import { REQUEST_TYPES } from '../vocabulary/request-types'
import { TERMS } from '../vocabulary/terms'
import { policyOf } from '../workflow/machine'
import { missingFact, REPLY_FIELDS, type ReplyContent } from '../workflow/catalogue/reply'
import type { StoredCase } from './case-doc'

/** What the handling found, as a template is chosen by it. */
export const REPLY_OUTCOMES = {
  substantiated: '反映属实',
  partly: '部分属实',
  unsubstantiated: '反映不属实',
  other: '其他',
} as const
export type ReplyOutcome = keyof typeof REPLY_OUTCOMES
export const REPLY_OUTCOME_KEYS = Object.keys(REPLY_OUTCOMES) as [ReplyOutcome, ...ReplyOutcome[]]

/** A template's texts: one per section of the reply, each may be left empty. */
export type ReplyTemplateTexts = { [K in keyof ReplyContent]: string }

/** The facts a template may name, each read from the case; null when the case does not have it (yet). */
const FACTS = {
  反映日期: (doc) => formatShanghai(doc.createdAt, 'YYYY年M月D日'),
  反映事项: (doc) => doc.description,
  诉求类型: (doc) => REQUEST_TYPES[doc.requestType],
  问题类别: (doc) => CATEGORIES[doc.category].label,
  [TERMS.reportedParty]: (doc) => lastSiteVisit(doc)?.record.reportedEntity ?? doc.reportedEntity,
  地址: (doc) => lastSiteVisit(doc)?.record.address ?? doc.location.address,
  现场检查时间: (doc) => {
    const visit = lastSiteVisit(doc)
    return visit ? formatShanghai(visit.record.visitedAt, 'YYYY年M月D日H时mm分') : null
  },
  生产状况: (doc) => lastSiteVisit(doc)?.record.productionStatus ?? null,
  污染治理设施情况: (doc) => lastSiteVisit(doc)?.record.pollutionControl ?? null,
  排污情况: (doc) => lastSiteVisit(doc)?.record.discharge ?? null,
  污染原因: (doc) => lastSiteVisit(doc)?.record.cause ?? null,
  核查结论: (doc) => lastSiteVisit(doc)?.record.findings ?? null,
  整改措施: (doc) => lastRectification(doc)?.measures ?? null,
  整改期限: (doc) => {
    const order = lastRectification(doc)
    return order ? formatShanghai(`${order.dueDate}T00:00:00+08:00`, 'YYYY年M月D日') : null
  },
  整改责任单位: (doc) => lastRectification(doc)?.responsibleParty ?? null,
  救济渠道: (doc) => replyRemediesText(policyOf(doc)),
} as const satisfies Record<string, (doc: StoredCase) => string | null>

export type ReplyFactName = keyof typeof FACTS
export const REPLY_FACT_NAMES = Object.keys(FACTS) as ReplyFactName[]

type SiteVisit = Extract<StoredCase['history'][number]['event'], { type: 'record-site-visit' }>
type Rectification = Extract<StoredCase['history'][number]['event'], { type: 'order-rectification' }>

function lastOf<E>(doc: StoredCase, type: string): E | null {
  for (let i = doc.history.length - 1; i >= 0; i--) {
    const event = doc.history[i]!.event
    if (event.type === type) return event as E
  }
  return null
}
const lastSiteVisit = (doc: StoredCase) => lastOf<SiteVisit>(doc, 'record-site-visit')
const lastRectification = (doc: StoredCase) => lastOf<Rectification>(doc, 'order-rectification')

const PLACEHOLDER = /\{([^{}]{1,20})\}/g

/** The facts a text names that no template may name (a typo, an unknown fact): refused when a template is saved. */
export function unknownFacts(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)]
    .map((m) => m[1]!)
    .filter((name) => !(REPLY_FACT_NAMES as readonly string[]).includes(name))
}

/** The template's texts with the case's facts filled in; sections the template leaves empty stay empty. */
export function mergeReplyTemplate(texts: ReplyTemplateTexts, doc: StoredCase): ReplyContent {
  const facts = new Map<string, string | null>()
  const fact = (name: string): string => {
    if (!facts.has(name)) {
      const read = (FACTS as Record<string, (d: StoredCase) => string | null>)[name]
      facts.set(name, read ? read(doc) : null)
    }
    return facts.get(name) || missingFact(name)
  }
  const merged = {} as ReplyContent
  for (const key of Object.keys(REPLY_FIELDS) as Array<keyof ReplyContent>) {
    // Kept whole even past the section's limit: the form shows the count, and the officer shortens it.
    merged[key] = texts[key].replace(PLACEHOLDER, (_all, name: string) => fact(name))
  }
  return merged
}
