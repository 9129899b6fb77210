// What a whistleblower reward rests on, recorded in the case's history by the staff who handled it: the penalty or
// handling decision that confirmed the violation (its number, date, kind of violation and fine), and whether the
// report was found untrue (S0 第十二条: only true reports are rewarded). shared/rewards reads these entries; the
// reward itself is decided outside the case, by a reward admin who did not handle it.
import { VIOLATION_TYPES } from '../../policy/rewards'
import { ask } from '../../vocabulary/form'
import { TERMS } from '../../vocabulary/terms'
import { defineEvent } from './define'

/** The decision that confirms a violation. */
export const CONFIRMING_DECISIONS = {
  penalty: '行政处罚决定',
  order: '责令改正（限期整改）决定',
  other: '其他处理决定',
} as const

/** Why a report is found untrue; `fabricated` counts against the reporter (repeated fabrication is flagged). */
export const UNTRUE_FINDINGS = {
  untrue: '经核查反映情况不属实',
  fabricated: '故意捏造、歪曲事实',
} as const

export const CONFIRM_VIOLATION = defineEvent('confirm-violation', {
  label: '确认违法行为',
  tone: 'step',
  fields: {
    decisionKind: ask.choice('处理决定', CONFIRMING_DECISIONS),
    decisionNumber: ask.text('决定书文号', 100, { placeholder: '如：焦环罚〔2026〕12号' }),
    decidedOn: ask.date('决定日期'),
    violationType: ask.choice('违法行为类型', VIOLATION_TYPES),
    fineYuan: ask.count('罚款金额', 0, 100_000_000, '元'),
    knownBefore: ask.yesNo(`${TERMS.report}前是否已掌握该违法行为或媒体已报道`),
  },
  reporter: {
    news: true,
    tell: () => ({ label: '违法行为已查实', detail: '经调查核实，反映的违法行为属实，已依法作出处理决定。' }),
  },
})

export const FIND_REPORT_UNTRUE = defineEvent('find-report-untrue', {
  label: `认定${TERMS.report}不实`,
  tone: 'warn',
  fields: {
    finding: ask.choice('认定', UNTRUE_FINDINGS),
    note: ask.text('核查说明', 1000),
  },
  reporter: {
    news: true,
    tell: () => ({ label: `经核查${TERMS.report}不实`, detail: '经调查核实，反映的情况与事实不符。' }),
  },
})
