// Oversight: 催办 (S2 第十八条), 督办 (S3 第十五条), 提级办理 (S0 第十一条), 领导包案 (S2 第八条), 回访 and 抽查
// (S0 第八条, S3 第十四条), reopening, archiving (S3 第二十四条).
import { ask } from '../../vocabulary/form'
import { TERMS } from '../../vocabulary/terms'
import { ESCALATION_REASONS, LEADER_CASE_GROUNDS, RETURN_VISIT_KINDS, SUPERVISION_REASONS } from '../grounds'
import { defineEvent, NOT_SHOWN } from './define'
import { repeats, repeatSummary, steppedUp } from './repeats'

export const REMIND = defineEvent('remind', {
  label: '催办',
  tone: 'warn',
  fields: { note: ask.optionalText('催办说明', 500) },
  reporter: NOT_SHOWN,
})

export const SUPERVISE = defineEvent('supervise', {
  label: '督办',
  tone: 'warn',
  fields: {
    reason: ask.choice('督办情形', SUPERVISION_REASONS),
    instructions: ask.text('督办要求', 2000),
    repeats,
  },
  reporter: { news: true, tell: steppedUp },
  staff: { summary: repeatSummary },
})

export const ESCALATE = defineEvent('escalate', {
  label: '提级办理',
  tone: 'warn',
  fields: {
    reason: ask.choice('提级办理的情形', ESCALATION_REASONS),
    note: ask.optionalText('说明', 1000),
    repeats,
  },
  reporter: { news: true, tell: steppedUp },
  staff: { summary: repeatSummary },
})

export const LIST_LEADER_CASE = defineEvent('list-leader-case', {
  label: '列入领导包案',
  tone: 'warn',
  fields: {
    ground: ask.choice('列入领导包案的情形', LEADER_CASE_GROUNDS),
    note: ask.optionalText('说明', 1000),
    repeats,
  },
  reporter: { news: true, tell: steppedUp },
  staff: { summary: repeatSummary },
})

export const RECORD_RETURN_VISIT = defineEvent('record-return-visit', {
  label: '录入回访/抽查',
  tone: 'step',
  fields: {
    kind: ask.choice('方式', RETURN_VISIT_KINDS, '请选择回访或抽查'),
    problemRecurred: ask.yesNo('问题是否反弹'),
    satisfied: ask.optionalYesNo(`${TERMS.reporter}是否满意`),
    note: ask.text('回访情况', 2000),
  },
  reporter: NOT_SHOWN,
})

// S0 第八条 进一步办理并反馈; S3 第十四条 要求改正或重新办理.
export const REOPEN = defineEvent('reopen', {
  label: '重新办理',
  tone: 'warn',
  fields: { reason: ask.text('重新办理的理由', 1000) },
  reporter: {
    news: true,
    tell: () => ({ label: '重新办理', detail: '回访或抽查发现问题反弹，已重新办理。' }),
  },
})

export const ARCHIVE = defineEvent('archive', {
  label: '归档',
  tone: 'done',
  fields: {},
  reporter: NOT_SHOWN,
})
