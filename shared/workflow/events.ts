// Case events: a discriminated union on `type`, defined once as zod schemas (the cloud function validates what a
// client sends with `caseEventSchema`) with the TypeScript types inferred from them. A stored history entry holds
// one event as plain JSON; the clocks are derived from the history (shared/deadlines).
import * as z from '@shared/vocabulary/zod'
import { requestTypeSchema } from '@shared/vocabulary/request-types'
import { NON_ACCEPTANCE_REASON_KEYS, type NonAcceptanceReasonKey } from '@shared/policy'
import { isIsoInstant } from '@shared/calendar'
import { isLocalDate } from '@shared/time'

const text = (what: string, max: number, min = 1) =>
  z
    .string({ error: `请填写${what}` })
    .check(
      z.trim(),
      z.minLength(min, min > 1 ? `${what}至少 ${min} 个字` : `请填写${what}`),
      z.maxLength(max, `${what}最多 ${max} 个字`),
    )

const optionalText = (max: number) =>
  z._default(z.string().check(z.trim(), z.maxLength(max, `最多 ${max} 个字`)), '')

const instant = (what: string) =>
  z
    .string({ error: `缺少${what}` })
    .check(z.refine(isIsoInstant, `${what}格式不正确（需要带时区的 ISO 8601 时间）`))

const localDate = (what: string) =>
  z.string({ error: `缺少${what}` }).check(z.refine(isLocalDate, `${what}格式不正确（YYYY-MM-DD）`))

const entityId = (what: string) =>
  z.string({ error: `缺少${what}` }).check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, `${what}格式不正确`))

/** Fields that name another case, with what they call it (see `caseReferencesOf`). */
const CASE_REFERENCE_LABELS = new WeakMap<object, string>()

/**
 * Another case's id in an event (a link: the case a report is merged into, …). The cloud function resolves every
 * such field through the caller's scope, exactly like the case the event is sent to — declare links with this.
 */
const caseRef = (what: string) => {
  const schema = entityId(`${what}编号`)
  CASE_REFERENCE_LABELS.set(schema, what)
  return schema
}

const fileIds = z._default(
  z.array(z.string().check(z.maxLength(512, '附件编号过长'))).check(z.maxLength(20, '最多 20 个附件')),
  [],
)

const days = (what: string) =>
  z.int({ error: `${what}必须是整数` }).check(z.gte(1, `${what}至少 1 天`), z.lte(365, `${what}最多 365 天`))

/** Where a report came in. */
export const INTAKE_CHANNELS = {
  'mini-program': '绿哨小程序',
  'wechat-12369': '12369 微信公众号',
  'hotline-12369': '12369 热线',
  'hotline-12345': '12345 热线工单',
  web: '网络举报平台',
  letter: '来信',
  visit: '来访',
} as const
export type IntakeChannel = keyof typeof INTAKE_CHANNELS

/** Grounds for listing a case as important (重要/重点). */
export const IMPORTANT_CASE_GROUNDS = {
  'leader-instruction': { label: '领导批示或上级交办', basis: 'S2 第十条(一); S4 四(二)' },
  'extreme-behaviour': { label: '信访人有极端言行', basis: 'S2 第十条(二)' },
  'joint-report': { label: '联名反映严重环境污染', basis: 'S2 第十条(三)' },
  'cross-district': { label: '跨区污染纠纷或典型案件', basis: 'S2 第十条(四)' },
  'bureau-misconduct': {
    label: '反映生态环境部门及其工作人员不作为、乱作为或违规违纪',
    basis: 'S2 第十条(五)(六)',
  },
  'major-pollution': { label: '重大环境污染、重要生态破坏', basis: 'S4 四(二)' },
  'many-affected': { label: '涉及范围大、人数多或群众反映集中', basis: 'S4 四(二)' },
  'sudden-event': { label: '突发生态环境事件或有群体性事件倾向', basis: 'S3 第九条(五)' },
  other: { label: '其他需请示办理的重要事项', basis: 'S2 第十条(七)' },
} as const
export type ImportantCaseGround = keyof typeof IMPORTANT_CASE_GROUNDS

/** 督办 grounds (S3 第十五条) plus overdue (S2 第十八条). */
export const SUPERVISION_REASONS = {
  overdue: { label: '逾期未办结', basis: 'S2 第十八条' },
  'decision-not-implemented': { label: '办结后处理决定未得到落实', basis: 'S3 第十五条(一)' },
  'repeated-reports': { label: '问题久拖不决，公众反复举报', basis: 'S3 第十五条(二)' },
  falsified: { label: '办理时弄虚作假', basis: 'S3 第十五条(三)' },
  'procedure-violated': { label: '未按照规定程序办理', basis: 'S3 第十五条(四)' },
  other: { label: '其他需要督办的情形', basis: 'S3 第十五条(五)' },
} as const
export type SupervisionReason = keyof typeof SUPERVISION_REASONS

/** 提级办理 grounds. */
export const ESCALATION_REASONS = {
  'repeat-reports': { label: '重复举报 3 次以上', basis: 'S0 第十一条' },
  'key-case': { label: '重点信访案件直办', basis: 'S4 四(二)' },
  'beyond-authority': { label: '超出本级管理权限', basis: 'S1 第八条' },
} as const
export type EscalationReason = keyof typeof ESCALATION_REASONS

/**
 * 领导包案 grounds. S2 第八条: these matters are 列入局领导包案范围; the 支队 draws up the plan that names the
 * leader and the responsible office, approved by the 党组. S4 五(二): key cases (重点信访) are led by leaders too.
 */
export const LEADER_CASE_GROUNDS = {
  'superior-referral': { label: '上级交办的重要信访事项', basis: 'S2 第八条' },
  backlog: { label: '信访积案（同一问题反复信访）', basis: 'S2 第八条' },
  'wide-impact': { label: '牵涉面广或政策性强', basis: 'S2 第八条' },
  'incident-risk': { label: '可能引发突发性或群体性事件', basis: 'S2 第八条' },
  'key-case': { label: '重点信访案件', basis: 'S4 五(二)' },
} as const
export type LeaderCaseGround = keyof typeof LEADER_CASE_GROUNDS

/**
 * The events the intake's repeat count may set off, and the one ground each is then taken on: the only ground on
 * which the system itself may send it (any other needs a person's judgement). Which one a jurisdiction uses is
 * its intake policy's repeat action (shared/routing/intake-policy.ts).
 */
export const REPEAT_GROUNDS = {
  // S0 第十一条: 重复举报3次以上的，实行提级办理.
  escalate: 'repeat-reports',
  // S3 第十五条(二) 问题久拖不决，公众反复举报; S1 第十四条 对重复举报的事项督促区县认真办理.
  supervise: 'repeated-reports',
  // S4 四(二): 群众反映集中的信访投诉属于重点信访案件.
  'mark-important': 'many-affected',
  // S2 第八条: 信访积案列入局领导包案范围.
  'list-leader-case': 'backlog',
} as const satisfies {
  escalate: EscalationReason
  supervise: SupervisionReason
  'mark-important': ImportantCaseGround
  'list-leader-case': LeaderCaseGround
}
export type RepeatEventType = keyof typeof REPEAT_GROUNDS

const keysOf = <T extends Record<string, unknown>>(table: T) =>
  Object.keys(table) as [keyof T & string, ...(keyof T & string)[]]

/** Reply content required by S1 第十条 and S3 第十二条. */
export const replyContentSchema = z.object({
  matter: text('举报事项', 2000),
  entityFacts: text('被举报对象基本情况', 2000),
  investigation: text('调查核实情况', 4000),
  violations: text('存在的环境违法问题（没有则写“未发现”）', 2000),
  handlingOpinion: text('处理意见', 4000),
  communication: text('与举报人沟通情况', 2000),
  remedies: text('救济渠道', 1000),
})
export type ReplyContent = z.output<typeof replyContentSchema>

/** On-site record (S0 第七条(一)). */
export const siteVisitRecordSchema = z.object({
  visitedAt: instant('现场检查时间'),
  reportedEntity: text('被举报对象名称', 200),
  address: text('地址', 200),
  productionStatus: text('生产状况', 1000),
  pollutionControl: text('污染治理设施情况', 1000),
  discharge: text('排污情况', 1000),
  cause: text('污染原因', 1000),
  findings: text('核查结论', 4000),
  fileIds,
})
export type SiteVisitRecord = z.output<typeof siteVisitRecordSchema>

const event = <T extends string, S extends z.core.$ZodLooseShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), ...shape })

const count = (what: string) =>
  z.int({ error: `${what}必须是整数` }).check(z.gte(1, `${what}至少为 1`), z.lte(1000, `${what}过大`))

/**
 * The intake's count behind a system action on repeat reports, kept in the history entry: how many reports
 * (counted as the profile says) within how many days, the threshold, and the article the action rests on.
 */
export const repeatCountSchema = z.object({
  count: count('重复举报次数'),
  threshold: count('重复举报次数标准'),
  windowDays: days('统计期间'),
  basis: text('依据', 1000),
})
export type RepeatCountRecord = z.output<typeof repeatCountSchema>
/** Only on events the intake's repeat count set off (system actor). */
const repeats = z.optional(repeatCountSchema)

export const registerEvent = event('register', {
  channel: z.enum(keysOf(INTAKE_CHANNELS), { error: '来源渠道不正确' }),
  requestType: requestTypeSchema,
  important: z._default(z.boolean(), false),
  /** 突发环境事件、群体性事件倾向、夜间施工噪声 (S3 第九条(五), S2 第十二条). */
  emergency: z._default(z.boolean(), false),
  /** The superior channel that handed the case down (上级交办), if any (S2 第十五条第二款). */
  referredBy: z._default(
    z.nullable(
      z
        .string()
        .check(z.trim(), z.minLength(1, '交办渠道不能为空'), z.maxLength(100, '交办渠道最多 100 个字')),
    ),
    null,
  ),
  /** When the report reached the bureau; the registration entry's `at` may be later (a call at 23:58). */
  receivedAt: instant('收到时间'),
  /** The citizen who follows the case (platform identity), null for staff-entered anonymous reports. */
  reporterId: z._default(z.nullable(z.string().check(z.maxLength(128))), null),
})

export const caseEventSchema = z.discriminatedUnion(
  'type',
  [
    registerEvent,
    // 一次性告知: every missing item at once (S3 第九条(一)).
    event('request-supplement', {
      missingItems: z
        .array(text('需补充的内容', 200))
        .check(z.minLength(1, '请列出需要补充的全部内容'), z.maxLength(20, '最多 20 项')),
    }),
    event('supply-supplement', { content: text('补充内容', 4000), fileIds }),
    event('accept', { note: optionalText(500) }),
    event('not-accept', {
      reason: z.enum(NON_ACCEPTANCE_REASON_KEYS as [NonAcceptanceReasonKey, ...NonAcceptanceReasonKey[]], {
        error: '不予受理理由不在法定理由之列',
      }),
      // S3 第九条: guide the reporter to the body that can handle it.
      guidance: text('对举报人的告知和引导', 1000, 4),
    }),
    event('merge', { intoCaseId: caseRef('合并到的案件') }),
    event('find-out-of-remit', {
      finding: z.enum(['other-department', 'other-region'], { error: '请选择其他部门或其他行政区' }),
      note: text('认定理由', 1000),
    }),
    event('mark-important', {
      ground: z.enum(keysOf(IMPORTANT_CASE_GROUNDS), { error: '请选择列为重要案件的情形' }),
      note: optionalText(1000),
      repeats,
    }),
    event('assign', {
      unitIds: z.array(entityId('承办单位')).check(
        z.minLength(1, '请选择承办单位'),
        z.maxLength(10, '最多 10 个承办单位'),
        z.refine((ids) => new Set(ids).size === ids.length, '承办单位重复'),
      ),
      /** Required when several offices handle the case (S2 第十六条 牵头科室). */
      leadUnitId: z._default(z.nullable(entityId('牵头单位')), null),
    }),
    event('transfer', {
      /** unit: another handling unit of this bureau; region: another region's authority (S3 第十条);
       *  department: another government department (S1 第八条, S4 四(四)). */
      target: z.enum(['unit', 'region', 'department'], { error: '请选择转办对象' }),
      /** Unit id, region code or department name. */
      to: text('转办对象', 100),
      reason: text('转办理由', 1000),
    }),
    event('start-investigation', {}),
    event('record-site-visit', { record: siteVisitRecordSchema }),
    event('record-initial-opinion', { opinion: text('初办意见', 4000) }),
    // S0 第七条(二): a plan with target, measures, deadline and responsible party.
    event('order-rectification', {
      measures: text('整改措施', 2000),
      dueDate: localDate('整改期限'),
      responsibleParty: text('责任单位', 200),
    }),
    event('complete-rectification', { verification: text('整改核查情况', 2000) }),
    event('draft-reply', { reply: replyContentSchema }),
    event('approve-reply', { comment: optionalText(500) }),
    event('send-back-reply', { reason: text('退回理由', 1000) }),
    event('send-reply', {}),
    event('request-extension', {
      days: days('延期天数'),
      reason: text('延期理由', 1000, 4),
    }),
    event('approve-extension', {
      days: days('批准延期天数'),
    }),
    event('reject-extension', { reason: text('不予延期的理由', 1000) }),
    event('remind', { note: optionalText(500) }),
    event('supervise', {
      reason: z.enum(keysOf(SUPERVISION_REASONS), { error: '请选择督办情形' }),
      instructions: text('督办要求', 2000),
      repeats,
    }),
    event('escalate', {
      reason: z.enum(keysOf(ESCALATION_REASONS), { error: '请选择提级办理的情形' }),
      note: optionalText(1000),
      repeats,
    }),
    event('list-leader-case', {
      ground: z.enum(keysOf(LEADER_CASE_GROUNDS), { error: '请选择列入领导包案的情形' }),
      note: optionalText(1000),
      repeats,
    }),
    event('request-review', { grounds: text('复查请求的理由', 2000) }),
    event('decide-review', {
      outcome: z.enum(['upheld', 'revised'], { error: '请选择维持或变更' }),
      opinion: text('复查意见', 4000),
    }),
    event('request-re-review', { grounds: text('复核请求的理由', 2000) }),
    event('decide-re-review', {
      outcome: z.enum(['upheld', 'revised'], { error: '请选择维持或变更' }),
      opinion: text('复核意见', 4000),
    }),
    event('accept-reply', {
      rating: z._default(z.nullable(z.int().check(z.gte(1, '评分为 1–5'), z.lte(5, '评分为 1–5'))), null),
    }),
    event('deem-closed', {}),
    event('record-return-visit', {
      kind: z.enum(['return-visit', 'spot-check'], { error: '请选择回访或抽查' }),
      problemRecurred: z.boolean({ error: '请说明问题是否反弹' }),
      satisfied: z._default(z.nullable(z.boolean()), null),
      note: text('回访情况', 2000),
    }),
    event('reopen', { reason: text('重新办理的理由', 1000) }),
    event('archive', {}),
  ],
  { error: '未知的操作' },
)

/** An event as stored and as handled (defaults applied). */
export type CaseEvent = z.output<typeof caseEventSchema>
/** An event as a client may send it (defaulted fields optional). */
export type CaseEventInput = z.input<typeof caseEventSchema>
export type CaseEventType = CaseEvent['type']
export type EventOf<T extends CaseEventType> = Extract<CaseEvent, { type: T }>
export type RegisterEvent = EventOf<'register'>

/** A field of an event that names another case: its dotted path (`[]`: each item of a list) and its label. */
export interface CaseReference {
  path: string
  label: string
}

type SchemaDef = {
  type: string
  shape?: Record<string, SchemaNode>
  innerType?: SchemaNode
  element?: SchemaNode
  options?: SchemaNode[]
}
type SchemaNode = { _zod: { def: SchemaDef } }

/** The `caseRef` fields of a schema, found by walking it (objects, lists and default/optional/nullable wrappers). */
function caseReferencesIn(schema: SchemaNode, path: string): CaseReference[] {
  const label = CASE_REFERENCE_LABELS.get(schema)
  if (label) return [{ path, label }]
  const def = schema._zod.def
  if (def.shape) {
    return Object.entries(def.shape).flatMap(([key, sub]) =>
      caseReferencesIn(sub, path ? `${path}.${key}` : key),
    )
  }
  if (def.element) return caseReferencesIn(def.element, `${path}[]`)
  if (def.innerType) return caseReferencesIn(def.innerType, path)
  return []
}

const CASE_REFERENCES = new Map<string, CaseReference[]>(
  (caseEventSchema as unknown as SchemaNode)._zod.def.options!.map((option) => {
    const type = option._zod.def.shape!.type as unknown as { _zod: { def: { values: [string] } } }
    return [type._zod.def.values[0], caseReferencesIn(option, '')]
  }),
)

/** The fields of an event type that name another case (derived from the schema: one home per link). */
export function caseReferencesOf(type: CaseEventType): readonly CaseReference[] {
  return CASE_REFERENCES.get(type) ?? []
}

/** Every other case an event names, with the field that names it. */
export function caseIdsNamedBy(event: CaseEvent): Array<{ caseId: string; ref: CaseReference }> {
  const valuesAt = (value: unknown, keys: string[]): unknown[] => {
    if (keys.length === 0) return [value]
    const [key, ...rest] = keys as [string, ...string[]]
    const name = key.endsWith('[]') ? key.slice(0, -2) : key
    const next = value && typeof value === 'object' ? (value as Record<string, unknown>)[name] : undefined
    if (!key.endsWith('[]')) return valuesAt(next, rest)
    return Array.isArray(next) ? next.flatMap((item) => valuesAt(item, rest)) : []
  }
  return caseReferencesOf(event.type).flatMap((ref) =>
    valuesAt(event, ref.path.split('.'))
      .filter((v): v is string => typeof v === 'string')
      .map((caseId) => ({ caseId, ref })),
  )
}

/** Uploaded files an event attaches to its case (a supplement's photos, a site visit's record). */
export function filesOf(event: CaseEvent): readonly string[] {
  if (event.type === 'supply-supplement') return event.fileIds
  if (event.type === 'record-site-visit') return event.record.fileIds
  return []
}

/** Chinese names of the events, for buttons, history and error messages. */
export const CASE_EVENT_LABELS = {
  register: '登记',
  'request-supplement': '一次性告知补充材料',
  'supply-supplement': '补充材料',
  accept: '受理',
  'not-accept': '不予受理',
  merge: '合并办理',
  'find-out-of-remit': '认定不属本部门/本行政区',
  'mark-important': '列为重要案件',
  assign: '交办',
  transfer: '转办',
  'start-investigation': '开始调查',
  'record-site-visit': '录入现场检查记录',
  'record-initial-opinion': '录入初办意见',
  'order-rectification': '责令整改',
  'complete-rectification': '整改完成',
  'draft-reply': '拟写答复',
  'approve-reply': '审核同意答复',
  'send-back-reply': '退回答复',
  'send-reply': '答复举报人',
  'request-extension': '申请延期',
  'approve-extension': '批准延期',
  'reject-extension': '不批准延期',
  remind: '催办',
  supervise: '督办',
  escalate: '提级办理',
  'list-leader-case': '列入领导包案',
  'request-review': '申请复查',
  'decide-review': '作出复查意见',
  'request-re-review': '申请复核',
  'decide-re-review': '作出复核意见',
  'accept-reply': '认可答复',
  'deem-closed': '视为办结',
  'record-return-visit': '录入回访/抽查',
  reopen: '重新办理',
  archive: '归档',
} as const satisfies Record<CaseEventType, string>

export const CASE_EVENT_TYPES = Object.keys(CASE_EVENT_LABELS) as CaseEventType[]

export type RepeatActionEvent = EventOf<RepeatEventType>

function isRepeatEventType(type: CaseEventType): type is RepeatEventType {
  return type in REPEAT_GROUNDS
}

/** The reason or ground an escalate / supervise / mark-important / list-leader-case event is taken on. */
function groundOf(event: RepeatActionEvent): string {
  return event.type === 'escalate' || event.type === 'supervise' ? event.reason : event.ground
}

/** The event taken on its repeat-report ground (REPEAT_GROUNDS), whoever sent it; null for any other event. */
export function onRepeatGround(event: CaseEvent): RepeatActionEvent | null {
  return isRepeatEventType(event.type) && groundOf(event as RepeatActionEvent) === REPEAT_GROUNDS[event.type]
    ? (event as RepeatActionEvent)
    : null
}

/** The intake's count recorded on an event it set off; null for everything else. */
export function repeatCountOf(event: CaseEvent): RepeatCountRecord | null {
  return (isRepeatEventType(event.type) && (event as RepeatActionEvent).repeats) || null
}

export type ParsedEvent =
  { ok: true; event: CaseEvent } | { ok: false; errors: Array<{ path: string; message: string }> }

/** Validates an event sent by a client; messages are Chinese. */
export function parseCaseEvent(input: unknown): ParsedEvent {
  const parsed = caseEventSchema.safeParse(input)
  return parsed.success
    ? { ok: true, event: parsed.data }
    : {
        ok: false,
        errors: parsed.error.issues.map((issue) => ({
          path: issue.path.map(String).join('.'),
          message: issue.message,
        })),
      }
}
