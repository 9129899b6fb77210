// 重庆九龙坡 (S2): intake values (duplicates, repeats, early warning, importance), each with its basis.
import type { IntakeEffect, IntakePolicy } from '../../intake'
import {
  NATIONAL_IMPORTANCE,
  NATIONAL_INTAKE as NATIONAL,
  NATIONAL_REPEAT,
  SUDDEN_EVENT_CITE,
} from '../national/intake'

const REPORT_IMPORTANT = ['important', 'report-to-leadership'] satisfies IntakeEffect[]
const S2_10 = 'S2 第十条：列入重要信访案件，第一时间向信访工作分管领导及相关业务工作分管领导报告'

export const CHONGQING_JIULONGPO_INTAKE: IntakePolicy = {
  ...NATIONAL,
  profileId: 'chongqing-jiulongpo',
  name: '重庆市九龙坡区生态环境局环境信访',
  repeat: {
    ...NATIONAL_REPEAT,
    action: {
      kind: 'leader-case',
      note: '同一问题反复信访，列入局领导包案范围：由支队在包案方案中明确包案领导、落实责任科室，报党组会审议',
    },
    basis: {
      ...NATIONAL_REPEAT.basis,
      threshold: { decision: 'S2 未规定重复信访次数，沿用 S0 第十一条的 3 次（含本数）。' },
      action: {
        cite:
          'S2 第八条：对上级交办的重要信访事项、信访积案……列入局领导包案范围，支队在每年年初制定包案方案，' +
          '明确包案领导，落实责任科室，党组会审议通过后印发实施',
        decision: '同一目标 90 日内 3 次以上举报视为积案苗头，列入领导包案。',
      },
    },
  },
  importance: {
    ...NATIONAL_IMPORTANCE,
    label: '重要信访案件',
    rules: [
      {
        rule: 'leader-instruction',
        effects: REPORT_IMPORTANT,
        cite: `${S2_10}；(一) 区领导批示办理的信访事项`,
      },
      {
        rule: 'extreme-behaviour',
        effects: REPORT_IMPORTANT,
        cite: `${S2_10}；(二) 信访人有扬言自杀、杀人、放火等极端情绪或曾有极端行为`,
      },
      {
        rule: 'joint-serious-pollution',
        effects: REPORT_IMPORTANT,
        cite: `${S2_10}；(三) 联名反映严重环境污染问题`,
      },
      { rule: 'cross-district', effects: REPORT_IMPORTANT, cite: `${S2_10}；(四) 跨区污染纠纷案件` },
      { rule: 'typical-case', effects: REPORT_IMPORTANT, cite: `${S2_10}；(四) 环境污染的典型案件` },
      {
        rule: 'bureau-inaction',
        effects: REPORT_IMPORTANT,
        cite: `${S2_10}；(五) 反映环保部门及其工作人员不作为、乱作为且指向较为明确`,
      },
      {
        rule: 'staff-misconduct',
        effects: REPORT_IMPORTANT,
        cite: `${S2_10}；(六) 反映环保部门工作人员违规违纪`,
      },
      {
        rule: 'needs-instruction',
        effects: REPORT_IMPORTANT,
        cite: `${S2_10}；(七) 其他需请示办理的重要信访事项`,
      },
      {
        rule: 'major-social-impact',
        effects: ['important', 'report-to-leadership', 'report-to-government'],
        cite: 'S2 第十条：对可能造成重大社会影响的信访事项，应当及时报告区政府、区信访办',
      },
      {
        rule: 'mass-incident-risk',
        effects: ['important', 'immediate', 'report-to-leadership', 'leader-case'],
        cite: `S2 第十二条：可能引发群体性事件的投诉，应立即组织现场核实处置；S2 第八条：可能引发突发性或群体性事件的，列入局领导包案；${SUDDEN_EVENT_CITE}`,
      },
      {
        rule: 'strong-public-reaction',
        effects: ['immediate'],
        cite: 'S2 第十二条：群众反映强烈……或造成恶劣影响的投诉，应立即组织现场核实处置',
      },
      {
        rule: 'night-construction-noise',
        effects: ['immediate'],
        cite: 'S2 第十二条：对于夜间施工噪声投诉……应立即组织现场核实处置，并及时回复投诉人',
      },
      {
        rule: 'sudden-environmental-event',
        effects: ['important', 'immediate', 'report-to-leadership', 'leader-case'],
        cite: `${SUDDEN_EVENT_CITE}；S2 第八条：可能引发突发性事件的，列入局领导包案`,
      },
    ],
    basis: {
      ...NATIONAL_IMPORTANCE.basis,
      label: { cite: 'S2 第十条：重要信访案件' },
      rules: { cite: 'S2 第八条、第十条、第十二条；S3 第九条(五)' },
    },
  },
}
