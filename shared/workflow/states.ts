// The case states: one table, machine key → category + Chinese label (FixMyStreet style).
// Code asks `isOpenState(key)`; it never compares labels. Overdue, supervision (督办), extension and
// escalation (提级) are flags and clocks on a case, not states: a case can be overdue while being investigated.

export const CASE_STATES = {
  registered: { category: 'open', label: '已登记' }, // received, acceptance not yet decided (S4 四(一) 当天登记)
  'awaiting-supplement': { category: 'open', label: '待补充材料' }, // 一次性告知; clocks wait (S3 第九条)
  accepted: { category: 'open', label: '已受理' },
  'not-accepted': { category: 'closed', label: '不予受理' }, // always with a reason and guidance (S3 第九条)
  merged: { category: 'closed', label: '已合并' }, // same pending matter (S3 第九条(四))
  'transferred-out': { category: 'closed', label: '已转出' }, // other region or department (S3 第十条)
  assigned: { category: 'open', label: '已交办' },
  investigating: { category: 'open', label: '调查处理中' },
  rectifying: { category: 'open', label: '整改中' },
  'pending-head-approval': { category: 'open', label: '待科室审核' }, // S1 第十一条, S2 第十七条
  'pending-leader-approval': { category: 'open', label: '待领导审批' },
  'reply-approved': { category: 'open', label: '待答复' }, // approved, to be sent (S1 第十一条 确认同意回复后录入)
  replied: { category: 'open', label: '已答复' }, // awaiting rating / review request (S2 第二十条)
  'under-review': { category: 'open', label: '复查中' }, // 复查 S2 第十九条, 条例 第三十五条
  'review-decided': { category: 'open', label: '已复查' },
  'under-re-review': { category: 'open', label: '复核中' }, // 复核 条例 第三十六条
  closed: { category: 'closed', label: '已办结' }, // reporter satisfied, no objection in time, or 复核 final
  archived: { category: 'closed', label: '已归档' }, // S3 第二十四条
} as const satisfies Record<string, { category: 'open' | 'closed'; label: string }>

export type CaseStateKey = keyof typeof CASE_STATES
export type StateCategory = (typeof CASE_STATES)[CaseStateKey]['category']

export const CASE_STATE_KEYS = Object.keys(CASE_STATES) as CaseStateKey[]
export const OPEN_STATE_KEYS = CASE_STATE_KEYS.filter((k) => CASE_STATES[k].category === 'open')

export function isOpenState(key: CaseStateKey): boolean {
  return CASE_STATES[key].category === 'open'
}

export function stateLabel(key: CaseStateKey): string {
  return CASE_STATES[key].label
}
