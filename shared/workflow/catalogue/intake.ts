// Intake: a report is registered, completed (一次性告知), accepted or not, merged with the same matter, found
// not ours, marked important, assigned and transferred.
import { NON_ACCEPTANCE_REASONS } from '../../policy'
import { ask } from '../../vocabulary/form'
import { requestTypeSchema } from '../../vocabulary/request-types'
import { TERMS } from '../../vocabulary/terms'
import * as z from '../../vocabulary/zod'
import { isIsoWithOffset, isLocalDate } from '../../time'
import { IMPORTANT_CASE_GROUNDS, INTAKE_CHANNELS, OUT_OF_REMIT_FINDINGS, TRANSFER_TARGETS } from '../grounds'
import { defineEvent, NOT_SHOWN } from './define'
import { repeats, steppedUp, repeatSummary } from './repeats'
import { OFFICER_FIELDS } from './workbench'

const nullableText = (label: string, max: number) =>
  z._default(
    z.nullable(
      z
        .string()
        .check(z.trim(), z.minLength(1, `${label}不能为空`), z.maxLength(max, `${label}最多 ${max} 个字`)),
    ),
    null,
  )

export const REGISTER = defineEvent('register', {
  label: '登记',
  tone: 'step',
  // Set by the submission (or a staff registration), never on a form.
  fields: {
    channel: ask.internal(
      '来源渠道',
      z.enum(Object.keys(INTAKE_CHANNELS) as [keyof typeof INTAKE_CHANNELS], { error: '来源渠道不正确' }),
    ),
    requestType: ask.internal('诉求类型', requestTypeSchema),
    important: ask.internal('重要', z._default(z.boolean(), false)),
    /** 突发环境事件、群体性事件倾向、夜间施工噪声 (S3 第九条(五), S2 第十二条). */
    emergency: ask.internal('立即处置', z._default(z.boolean(), false)),
    /** The superior channel that handed the case down (上级交办), if any (S2 第十五条第二款). */
    referredBy: ask.internal('交办渠道', nullableText('交办渠道', 100)),
    /** When the report reached the bureau; the registration entry's `at` may be later (a call at 23:58). */
    receivedAt: ask.internal(
      '收到时间',
      z
        .string({ error: '缺少收到时间' })
        .check(z.refine(isIsoWithOffset, '收到时间格式不正确（需要带时区的 ISO 8601 时间）')),
    ),
    /** The citizen who follows the case (platform identity), null for staff-entered anonymous reports. */
    reporterId: ask.internal('反映人', z._default(z.nullable(z.string().check(z.maxLength(128))), null)),
    /** A platform order's own number (12345 工单编号, 12369 举报件编号): kept for the results fed back. */
    externalNo: ask.internal('工单编号', nullableText('工单编号', 64)),
    /**
     * The platform's own 办理时限 for the order, as the Shanghai date it falls on: S2 第十七条 上级交办案件，来源渠道对
     * 办理时限另有规定的，从其规定 — the handling clock honours it (shared/deadlines, the stricter still wins).
     */
    platformDue: ask.internal(
      '平台办理时限',
      z._default(
        z.nullable(z.string().check(z.refine(isLocalDate, '平台办理时限格式不正确（YYYY-MM-DD）'))),
        null,
      ),
    ),
    /** The original letter, fax, recording or order document a staff member registered the report from. */
    attachments: ask.files('原始材料', 10),
  },
  reporter: {
    news: false,
    tell: () => ({ label: '已登记', detail: `您的${TERMS.report}已登记，我们会尽快决定是否受理并告知您。` }),
  },
  staff: {
    summary: (e) =>
      `来源：${INTAKE_CHANNELS[e.channel]}${e.referredBy ? `（${e.referredBy}交办）` : ''}${e.externalNo ? `；工单编号 ${e.externalNo}` : ''}${e.platformDue ? `；平台办理时限 ${e.platformDue}` : ''}${e.emergency ? '；需立即现场处置' : ''}${e.important ? '；重要案件' : ''}`,
  },
})

// 一次性告知: every missing item at once (S3 第九条(一)).
export const REQUEST_SUPPLEMENT = defineEvent('request-supplement', {
  label: '一次性告知补充材料',
  tone: 'warn',
  fields: {
    missingItems: ask.lines(
      '需补充的内容',
      '需补充的内容',
      200,
      20,
      '一次告知全部，每行一项，如：\n现场照片\n具体地址',
    ),
  },
  reporter: {
    news: true,
    tell: (e) => ({
      label: '请补充材料',
      detail: `需要您补充：${e.missingItems.join('；')}。补充后继续办理。`,
    }),
  },
})

export const SUPPLY_SUPPLEMENT = defineEvent('supply-supplement', {
  label: '补充材料',
  tone: 'step',
  fields: {
    content: ask.text('补充内容', 4000, { min: 2 }),
    fileIds: ask.files('照片', 20),
  },
  reporter: { news: false, tell: () => ({ label: '已补充材料', detail: '您补充的材料已收到。' }) },
})

export const ACCEPT = defineEvent('accept', {
  label: '受理',
  tone: 'step',
  fields: { note: ask.optionalText('备注', 500) },
  reporter: {
    news: true,
    tell: () => ({ label: '已受理', detail: `您的${TERMS.report}已受理，正在安排办理。` }),
  },
})

export const NOT_ACCEPT = defineEvent('not-accept', {
  label: '不予受理',
  tone: 'warn',
  fields: {
    reason: ask.choice('不予受理的理由', NON_ACCEPTANCE_REASONS, '不予受理理由不在法定理由之列'),
    // S3 第九条: guide the reporter to the body that can handle it.
    guidance: ask.text(`对${TERMS.reporter}的告知和引导`, 1000, {
      min: 4,
      placeholder: '告知可通过哪个渠道、向哪个部门反映',
    }),
  },
  reporter: {
    news: true,
    tell: (e) => ({
      label: '不予受理',
      detail: `理由：${NON_ACCEPTANCE_REASONS[e.reason].label}。${e.guidance}`,
    }),
  },
})

// S3 第九条(四): the same pending matter is handled once.
export const MERGE = defineEvent('merge', {
  label: '合并办理',
  tone: 'step',
  fields: { intoCaseId: ask.caseRef('合并到的案件') },
  reporter: {
    news: true,
    tell: () => ({
      label: '已合并办理',
      detail: '同一问题已有其他反映正在办理，已合并办理，答复会同时告知您。',
    }),
  },
})

export const FIND_OUT_OF_REMIT = defineEvent('find-out-of-remit', {
  label: '认定不属本部门/本行政区',
  tone: 'warn',
  fields: {
    finding: ask.choice('认定', OUT_OF_REMIT_FINDINGS, '请选择其他部门或其他行政区'),
    note: ask.text('认定理由', 1000),
  },
  reporter: NOT_SHOWN,
})

export const MARK_IMPORTANT = defineEvent('mark-important', {
  label: '列为重要案件',
  tone: 'step',
  fields: {
    ground: ask.choice('列为重要案件的情形', IMPORTANT_CASE_GROUNDS),
    note: ask.optionalText('说明', 1000),
    repeats,
  },
  reporter: { news: true, tell: steppedUp },
  staff: { summary: repeatSummary },
})

export const ASSIGN = defineEvent('assign', {
  label: '交办',
  tone: 'step',
  fields: {
    unitIds: ask.units('承办单位', 10),
    /** Required when several offices handle the case (S2 第十六条 牵头科室). */
    leadUnitId: ask.optionalUnit('牵头单位'),
    ...OFFICER_FIELDS,
  },
  reporter: {
    news: false,
    tell: (e, { unitName }) => ({
      label: '已交办',
      detail: `已交由${e.unitIds.map(unitName).join('、')}办理。`,
    }),
  },
})

export const TRANSFER = defineEvent('transfer', {
  label: '转办',
  tone: 'step',
  fields: {
    target: ask.choice('转办给', TRANSFER_TARGETS, '请选择转办对象'),
    /** Unit id, region code or department name. */
    to: ask.text('转办对象', 100),
    reason: ask.text('转办理由', 1000),
  },
  reporter: {
    news: true,
    tell: (e, { unitName }) => ({
      label: '已转办',
      detail: e.target === 'unit' ? `已转交${unitName(e.to)}办理。` : `已转交${e.to}办理。理由：${e.reason}`,
    }),
  },
})
