// 天津 12369 微信 (S1): intake values (duplicates, repeats, early warning, importance), each with its basis.
import type { IntakePolicy } from '../../intake'
import {
  NATIONAL_IMPORTANCE,
  NATIONAL_INTAKE as NATIONAL,
  NATIONAL_REPEAT,
  NATIONAL_RULES,
  SUDDEN_EVENT_CITE,
} from '../national/intake'

export const TIANJIN_12369_INTAKE: IntakePolicy = {
  ...NATIONAL,
  profileId: 'tianjin-12369',
  name: '天津市“12369”环保微信举报',
  repeat: {
    ...NATIONAL_REPEAT,
    action: {
      kind: 'supervise',
      instructions:
        '同一问题被重复举报：天津市环境保护举报受理中心督促，请区生态环境局认真办理、按时办结反馈',
    },
    basis: {
      ...NATIONAL_REPEAT.basis,
      threshold: {
        cite: 'S1 第十四条：对发现的未及时办理或重复举报的事项，要督促区县环境保护主管部门认真办理',
        decision: 'S1 未给次数，沿用 S0 第十一条的 3 次（含本数）。',
      },
      action: { cite: 'S1 第十四条：天津市环境保护举报受理中心督促区县认真办理' },
    },
  },
  importance: {
    ...NATIONAL_IMPORTANCE,
    rules: [
      {
        rule: 'sudden-environmental-event',
        effects: ['important', 'immediate', 'report-to-leadership', 'city-coordination'],
        cite: `S1 第五条：重特大突发环境事件等需要市级介入的事项由市级协调；${SUDDEN_EVENT_CITE}`,
      },
      {
        rule: 'cross-district',
        effects: ['important', 'city-coordination'],
        cite: 'S1 第五条：涉及跨行政区域……需要市级环境保护主管部门介入的事项，由天津市环境保护举报受理中心协调',
      },
      ...NATIONAL_RULES.filter((r) => r.rule !== 'sudden-environmental-event'),
    ],
    basis: { ...NATIONAL_IMPORTANCE.basis, rules: { cite: 'S1 第五条；S3 第九条(五)、第十六条' } },
  },
}
