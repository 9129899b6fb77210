// Handling: investigation on site (S0 第七条(一)), the initial opinion, rectification (S0 第七条(二)), and the
// extension of the handling limit (S1 第十二条, S3 第十一条, S4 四(四)).
import { ask } from '../../vocabulary/form'
import { TERMS } from '../../vocabulary/terms'
import { defineEvent, earlier, NOT_SHOWN } from './define'

export const START_INVESTIGATION = defineEvent('start-investigation', {
  label: '开始调查',
  tone: 'step',
  fields: {},
  reporter: NOT_SHOWN,
})

/** The on-site record (S0 第七条(一)): the reported party, production, pollution control, discharge, cause. */
export const SITE_VISIT_FIELDS = {
  visitedAt: ask.instant('现场检查时间'),
  reportedEntity: ask.text(`${TERMS.reportedParty}名称`, 200),
  address: ask.text('地址', 200),
  productionStatus: ask.text('生产状况', 1000),
  pollutionControl: ask.text('污染治理设施情况', 1000),
  discharge: ask.text('排污情况', 1000),
  cause: ask.text('污染原因', 1000),
  findings: ask.text('核查结论', 4000),
  fileIds: ask.files('现场照片', 20),
}

export const RECORD_SITE_VISIT = defineEvent('record-site-visit', {
  label: '录入现场检查记录',
  tone: 'step',
  fields: { record: ask.group('现场检查记录', SITE_VISIT_FIELDS) },
  reporter: { news: false, tell: () => ({ label: '已现场核查', detail: '工作人员已到现场调查核实。' }) },
})

export const RECORD_INITIAL_OPINION = defineEvent('record-initial-opinion', {
  label: '录入初办意见',
  tone: 'step',
  fields: { opinion: ask.text('初办意见', 4000) },
  reporter: NOT_SHOWN,
})

// S0 第七条(二): a plan with target, measures, deadline and responsible party. Its deadline runs as the
// 整改期限 clock (shared/deadlines), reminded and supervised like the others until the follow-up check.
export const ORDER_RECTIFICATION = defineEvent('order-rectification', {
  label: '责令整改',
  tone: 'step',
  fields: {
    target: ask.text('整改目标', 1000, { placeholder: '如：夜间 22 时至次日 6 时停止产生噪声的施工作业' }),
    measures: ask.text('整改措施', 2000),
    dueDate: ask.date('整改期限'),
    responsibleParty: ask.text('责任单位', 200),
  },
  reporter: {
    news: false,
    tell: (e) => ({ label: '已责令整改', detail: `整改措施：${e.measures}；期限：${e.dueDate}。` }),
  },
})

// The follow-up check (复查) that finds the plan carried out stops the 整改期限 clock.
export const COMPLETE_RECTIFICATION = defineEvent('complete-rectification', {
  label: '整改完成',
  tone: 'step',
  fields: {
    checkedAt: ask.instant('复查时间'),
    verification: ask.text('整改核查情况', 2000),
    fileIds: ask.files('复查照片', 9),
  },
  reporter: { news: false, tell: () => ({ label: '整改已完成', detail: '整改情况已核查。' }) },
})

export const REQUEST_EXTENSION = defineEvent('request-extension', {
  label: '申请延期',
  tone: 'step',
  fields: {
    days: ask.count('延期天数', 1, 365, '天'),
    reason: ask.text('延期理由', 1000, { min: 4 }),
  },
  reporter: NOT_SHOWN,
})

export const APPROVE_EXTENSION = defineEvent('approve-extension', {
  label: '批准延期',
  tone: 'step',
  fields: { days: ask.count('批准延期天数', 1, 365, '天') },
  // S3 第十一条, S4 四(四): the reporter is told, with the reason.
  reporter: {
    news: true,
    tell: (e, ctx) => {
      const request = earlier(ctx, REQUEST_EXTENSION)
      return {
        label: '办理期限延长',
        detail: `办理期限延长 ${e.days} 天。${request ? `理由：${request.reason}` : ''}`,
      }
    },
  },
  // The approver's entry shows what was asked for beside what was granted.
  staff: {
    summary: (_e, ctx) => {
      const request = earlier(ctx, REQUEST_EXTENSION)
      return request ? `申请延期 ${request.days} 天，理由：${request.reason}` : null
    },
  },
})

export const REJECT_EXTENSION = defineEvent('reject-extension', {
  label: '不批准延期',
  tone: 'warn',
  fields: { reason: ask.text('不予延期的理由', 1000) },
  reporter: NOT_SHOWN,
})
