// What staff fill in for each workflow event: a data table the case page renders as a form. The event is then
// checked with the shared event schema before it is sent; the cloud function decides again, with authority.
import { NON_ACCEPTANCE_REASONS } from '@shared/policy'
import {
  ESCALATION_REASONS,
  IMPORTANT_CASE_GROUNDS,
  LEADER_CASE_GROUNDS,
  SUPERVISION_REASONS,
  type CaseEventType,
} from '@shared/workflow/events'

export type FieldSpec =
  | { key: string; label: string; kind: 'text' | 'textarea'; optional?: boolean; placeholder?: string }
  | { key: string; label: string; kind: 'number'; optional?: boolean }
  | { key: string; label: string; kind: 'date'; optional?: boolean }
  | { key: string; label: string; kind: 'now' }
  | { key: string; label: string; kind: 'choice'; options: Array<{ value: string; label: string }> }
  | { key: string; label: string; kind: 'yes-no' }
  | { key: string; label: string; kind: 'lines'; placeholder?: string }
  | { key: string; label: string; kind: 'units'; multiple: boolean; optional?: boolean }

const choices = <T extends Record<string, { label: string }>>(table: T) =>
  Object.entries(table).map(([value, v]) => ({ value, label: v.label }))

const outcome = [
  { value: 'upheld', label: '维持' },
  { value: 'revised', label: '变更' },
]

/** Fields of each event; events absent here have none. Dotted keys build nested objects. */
export const EVENT_FORMS: Partial<Record<CaseEventType, FieldSpec[]>> = {
  'request-supplement': [
    {
      key: 'missingItems',
      label: '需补充的全部内容（一次性告知，每行一项）',
      kind: 'lines',
      placeholder: '如：现场照片\n具体地址',
    },
  ],
  accept: [{ key: 'note', label: '备注', kind: 'text', optional: true }],
  'not-accept': [
    {
      key: 'reason',
      label: '不予受理的理由',
      kind: 'choice',
      options: Object.entries(NON_ACCEPTANCE_REASONS).map(([value, r]) => ({
        value,
        label: `${r.label}（${r.basis}）`,
      })),
    },
    {
      key: 'guidance',
      label: '对反映人的告知和引导',
      kind: 'textarea',
      placeholder: '告知可通过哪个渠道、向哪个部门反映',
    },
  ],
  merge: [{ key: 'intoCaseId', label: '合并到的案件编号（案件 ID）', kind: 'text' }],
  'find-out-of-remit': [
    {
      key: 'finding',
      label: '认定',
      kind: 'choice',
      options: [
        { value: 'other-department', label: '属其他部门职责' },
        { value: 'other-region', label: '属其他行政区' },
      ],
    },
    { key: 'note', label: '认定理由', kind: 'textarea' },
  ],
  'mark-important': [
    { key: 'ground', label: '列为重要案件的情形', kind: 'choice', options: choices(IMPORTANT_CASE_GROUNDS) },
    { key: 'note', label: '说明', kind: 'text', optional: true },
  ],
  assign: [
    { key: 'unitIds', label: '承办单位', kind: 'units', multiple: true },
    {
      key: 'leadUnitId',
      label: '牵头单位（多个承办单位时必选）',
      kind: 'units',
      multiple: false,
      optional: true,
    },
  ],
  transfer: [
    {
      key: 'target',
      label: '转办给',
      kind: 'choice',
      options: [
        { value: 'unit', label: '本局其他承办单位' },
        { value: 'region', label: '其他行政区' },
        { value: 'department', label: '其他部门' },
      ],
    },
    { key: 'to', label: '转办对象（单位 ID、行政区或部门名称）', kind: 'text' },
    { key: 'reason', label: '转办理由', kind: 'textarea' },
  ],
  'record-site-visit': [
    { key: 'record.visitedAt', label: '现场检查时间', kind: 'now' },
    { key: 'record.reportedEntity', label: '被反映对象名称', kind: 'text' },
    { key: 'record.address', label: '地址', kind: 'text' },
    { key: 'record.productionStatus', label: '生产状况', kind: 'textarea' },
    { key: 'record.pollutionControl', label: '污染治理设施情况', kind: 'textarea' },
    { key: 'record.discharge', label: '排污情况', kind: 'textarea' },
    { key: 'record.cause', label: '污染原因', kind: 'textarea' },
    { key: 'record.findings', label: '核查结论', kind: 'textarea' },
  ],
  'record-initial-opinion': [{ key: 'opinion', label: '初办意见', kind: 'textarea' }],
  'order-rectification': [
    { key: 'measures', label: '整改措施', kind: 'textarea' },
    { key: 'dueDate', label: '整改期限（YYYY-MM-DD）', kind: 'date' },
    { key: 'responsibleParty', label: '责任单位', kind: 'text' },
  ],
  'complete-rectification': [{ key: 'verification', label: '整改核查情况', kind: 'textarea' }],
  'draft-reply': [
    { key: 'reply.matter', label: '反映事项', kind: 'textarea' },
    { key: 'reply.entityFacts', label: '被反映对象基本情况', kind: 'textarea' },
    { key: 'reply.investigation', label: '调查核实情况', kind: 'textarea' },
    { key: 'reply.violations', label: '存在的环境违法问题（没有则写“未发现”）', kind: 'textarea' },
    { key: 'reply.handlingOpinion', label: '处理意见', kind: 'textarea' },
    { key: 'reply.communication', label: '与反映人沟通情况', kind: 'textarea' },
    // Filled in from the case's policy when the form opens (StaffCaseDetail.replyRemedies).
    { key: 'reply.remedies', label: '救济渠道（已按本案适用的规定填写，可修改）', kind: 'textarea' },
  ],
  'approve-reply': [{ key: 'comment', label: '审核意见', kind: 'text', optional: true }],
  'send-back-reply': [{ key: 'reason', label: '退回理由', kind: 'textarea' }],
  'request-extension': [
    { key: 'days', label: '延期天数', kind: 'number' },
    { key: 'reason', label: '延期理由', kind: 'textarea' },
  ],
  'approve-extension': [{ key: 'days', label: '批准延期天数', kind: 'number' }],
  'reject-extension': [{ key: 'reason', label: '不予延期的理由', kind: 'textarea' }],
  remind: [{ key: 'note', label: '催办说明', kind: 'text', optional: true }],
  supervise: [
    { key: 'reason', label: '督办情形', kind: 'choice', options: choices(SUPERVISION_REASONS) },
    { key: 'instructions', label: '督办要求', kind: 'textarea' },
  ],
  escalate: [
    { key: 'reason', label: '提级办理的情形', kind: 'choice', options: choices(ESCALATION_REASONS) },
    { key: 'note', label: '说明', kind: 'text', optional: true },
  ],
  'list-leader-case': [
    { key: 'ground', label: '列入领导包案的情形', kind: 'choice', options: choices(LEADER_CASE_GROUNDS) },
    { key: 'note', label: '说明', kind: 'text', optional: true },
  ],
  'decide-review': [
    { key: 'outcome', label: '复查结论', kind: 'choice', options: outcome },
    { key: 'opinion', label: '复查意见', kind: 'textarea' },
  ],
  'decide-re-review': [
    { key: 'outcome', label: '复核结论', kind: 'choice', options: outcome },
    { key: 'opinion', label: '复核意见', kind: 'textarea' },
  ],
  'record-return-visit': [
    {
      key: 'kind',
      label: '方式',
      kind: 'choice',
      options: [
        { value: 'return-visit', label: '回访' },
        { value: 'spot-check', label: '抽查' },
      ],
    },
    { key: 'problemRecurred', label: '问题是否反弹', kind: 'yes-no' },
    { key: 'note', label: '回访情况', kind: 'textarea' },
  ],
  reopen: [{ key: 'reason', label: '重新办理的理由', kind: 'textarea' }],
}

export type FormValues = Record<string, string | string[] | boolean>

/** The event object from the form values (dotted keys → nested objects; numbers parsed; empty optionals left out). */
export function buildEvent(type: CaseEventType, values: FormValues, nowIso: string): Record<string, unknown> {
  const event: Record<string, unknown> = { type }
  for (const field of EVENT_FORMS[type] ?? []) {
    let value: unknown = values[field.key]
    if (field.kind === 'now') value = value || nowIso
    if (field.kind === 'number') value = value === undefined || value === '' ? undefined : Number(value)
    if (field.kind === 'lines')
      value = String(value ?? '')
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean)
    if (field.kind === 'units' && !field.multiple)
      value = Array.isArray(value) ? (value[0] ?? null) : (value ?? null)
    if ('optional' in field && field.optional && (value === '' || value === undefined)) continue
    const path = field.key.split('.')
    let target = event
    for (const part of path.slice(0, -1)) target = (target[part] ??= {}) as Record<string, unknown>
    target[path[path.length - 1]!] = value
  }
  return event
}
