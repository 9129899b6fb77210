// 海东 (S4): intake values (duplicates, repeats, early warning, importance), each with its basis.
import type { IntakeEffect, IntakePolicy } from '../../intake'
import {
  NATIONAL_IMPORTANCE,
  NATIONAL_INTAKE as NATIONAL,
  NATIONAL_REPEAT,
  NATIONAL_RULES,
} from '../national/intake'

const S4_KEY = 'S4 四(二)：……属于生态环境领域重点信访案件'
const KEY_CASE_EFFECTS = ['important', 'report-upward', 'leader-case'] satisfies IntakeEffect[]

export const HAIDONG_INTAKE: IntakePolicy = {
  ...NATIONAL,
  profileId: 'haidong',
  name: '海东市生态环境领域信访',
  repeat: {
    ...NATIONAL_REPEAT,
    // 群众反映集中 is about how many people report it, not how often one person does.
    counting: 'reporters',
    action: {
      kind: 'important-case',
      note: '群众反映集中，列为重点信访案件：受理后向县区党委政府主要负责人汇报，同时向上级业务部门报告，上级业务部门配合办理',
    },
    basis: {
      ...NATIONAL_REPEAT.basis,
      threshold: { decision: 'S4 未给次数，沿用 S0 第十一条的 3 次（含本数）。' },
      counting: {
        cite: 'S4 四(二)：群众反映集中……属于生态环境领域重点信访案件',
        decision:
          '“群众反映集中”看有多少人反映：同一目标按不同举报人计数，同一人不论哪天再次反映只计 1 次；' +
          '匿名举报无法识别举报人，每件计 1 次；合并办理的举报照样计入。',
      },
      action: {
        cite:
          'S4 四(二)：群众反映集中的信访投诉属于重点信访案件；县级部门对重点信访受理后除向县区党委政府主要负责人' +
          '汇报外，同时向上级业务部门报告，上级业务部门配合进行办理',
      },
    },
  },
  importance: {
    ...NATIONAL_IMPORTANCE,
    label: '重点信访案件',
    rules: [
      { rule: 'central-referral', effects: KEY_CASE_EFFECTS, cite: `${S4_KEY}：中央转办` },
      { rule: 'leader-instruction', effects: KEY_CASE_EFFECTS, cite: `${S4_KEY}：省市领导批示` },
      {
        rule: 'major-pollution',
        effects: [...KEY_CASE_EFFECTS, 'early-warning'],
        cite: `${S4_KEY}：重大环境污染`,
      },
      { rule: 'major-ecological-damage', effects: KEY_CASE_EFFECTS, cite: `${S4_KEY}：重要生态破坏` },
      { rule: 'many-people-affected', effects: KEY_CASE_EFFECTS, cite: `${S4_KEY}：涉及范围大人数多` },
      {
        rule: 'concentrated-reports',
        effects: [...KEY_CASE_EFFECTS, 'early-warning'],
        cite: `${S4_KEY}：群众反映集中`,
      },
      ...NATIONAL_RULES.filter((r) => !['major-pollution', 'concentrated-reports'].includes(r.rule)),
    ],
    basis: {
      ...NATIONAL_IMPORTANCE.basis,
      label: { cite: 'S4 四(二)：重点信访案件' },
      rules: {
        cite:
          'S4 四(二)：县级部门对重点信访受理后向县区党委政府主要负责人汇报并向上级业务部门报告；' +
          'S4 五(二)：对重点信访实行领导包案；S3 第九条(五)、第十六条',
      },
    },
  },
}
