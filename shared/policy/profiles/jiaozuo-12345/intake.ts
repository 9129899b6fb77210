// 焦作 12345 (S0): intake values (duplicates, repeats, early warning, importance), each with its basis.
import type { IntakePolicy } from '../../intake'
import {
  NATIONAL_IMPORTANCE,
  NATIONAL_INTAKE as NATIONAL,
  NATIONAL_REPEAT,
  NATIONAL_RULES,
  REPEAT_THRESHOLD_BASIS,
} from '../national/intake'

export const JIAOZUO_12345_INTAKE: IntakePolicy = {
  ...NATIONAL,
  profileId: 'jiaozuo-12345',
  name: '焦作市12345热线生态环境问题举报投诉',
  repeat: {
    ...NATIONAL_REPEAT,
    action: {
      kind: 'escalate',
      ledBy: '县（市、区）分局主要负责人亲自带队现场查办',
      supervision: '市级加强督办指导',
    },
    basis: {
      ...NATIONAL_REPEAT.basis,
      threshold: REPEAT_THRESHOLD_BASIS,
      action: {
        cite: 'S0 第十一条：重点关注，专人督办；重复举报3次以上的，实行提级办理，各县（市、区）分局主要负责人要亲自带队现场查办，市级加强督办指导',
      },
    },
  },
  importance: {
    ...NATIONAL_IMPORTANCE,
    rules: NATIONAL_RULES.map((r) =>
      r.effects.includes('important')
        ? {
            ...r,
            effects: [...r.effects, 'report-upward'],
            decision: 'S0 第十六条：重要信息及时报告市执法支队',
          }
        : r,
    ),
    basis: {
      ...NATIONAL_IMPORTANCE.basis,
      rules: {
        cite: 'S3 第九条(五)、第十六条；S0 第十六条',
        decision: 'S0 未列重要案件情形，适用全国基线。',
      },
    },
  },
}
