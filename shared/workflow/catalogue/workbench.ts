// The staff workbench: naming the officer who handles a case (with instructions and a date within the legal one,
// S2 第十六条 注明办理时限), declaring a conflict of interest (回避, S2 第六条), and closing a dispute by a mediation
// the parties agreed to (行政调解, S2 第十一条).
import { ask } from '../../vocabulary/form'
import { TERMS } from '../../vocabulary/terms'
import { MEDIATION_MATTERS, RECUSAL_GROUNDS } from '../grounds'
import { defineEvent, NOT_SHOWN } from './define'

/**
 * Who handles the case in the lead unit, what they are asked to do, and by when. The date may be left empty:
 * the legal due date then applies; a date given may not be after it (guard `dueDateWithinLegal`).
 */
export const OFFICER_FIELDS = {
  officer: ask.colleague('承办人'),
  instructions: ask.optionalText('交办意见', 1000, { placeholder: '办理要求、注意事项' }),
  dueDate: ask.optionalDate('办理时限', '不填则为法定办结期限'),
}

export const DESIGNATE_OFFICER = defineEvent('designate-officer', {
  label: '指定承办人',
  tone: 'step',
  fields: OFFICER_FIELDS,
  reporter: NOT_SHOWN,
})

export const RECUSE = defineEvent('recuse', {
  label: '声明回避',
  tone: 'warn',
  fields: {
    ground: ask.choice('回避事由', RECUSAL_GROUNDS),
    note: ask.optionalText('说明', 500),
  },
  reporter: NOT_SHOWN,
})

export const RECORD_MEDIATION = defineEvent('record-mediation', {
  label: '调解结案',
  tone: 'done',
  fields: {
    matter: ask.choice('纠纷类型', MEDIATION_MATTERS),
    parties: ask.lines(
      '调解当事人',
      '当事人',
      100,
      10,
      `每行一方，如：\n${TERMS.reporter}\n某建设工程项目部`,
    ),
    consent: ask.yesNo('当事人均同意调解'),
    agreement: ask.text('调解协议内容', 4000),
    agreedOn: ask.date('达成协议日期'),
  },
  reporter: {
    news: true,
    // The agreement is the reporter's own business: a follower reads only that the matter was settled.
    tell: (e, ctx) => ({
      label: '调解结案',
      detail: `经调解，当事人于 ${e.agreedOn} 达成协议，本案办结。`,
      ...(ctx.ownReport ? { sections: [{ title: '调解协议', body: e.agreement }] } : {}),
    }),
  },
})
