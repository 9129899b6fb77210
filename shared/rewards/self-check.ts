// The self-check before filing: a few questions a whistleblower can answer before risking anything, and what
// each answer means for a reward here — what the report needs (a real name or the code, concrete evidence) and
// what rules it out. It advises; whether a report is rewarded is decided on the case (eligibility.ts).
import type { RewardRulesView } from './rules-view'

export const SELF_CHECK_QUESTIONS = {
  realName: '您准备实名举报吗？',
  evidence: '您能说清被举报单位、地点、时间，并提供照片、视频等证据吗？',
  insider: '您是被举报单位的内部人员（如员工）吗？',
  excluded: '您是负有生态环境监管职责的工作人员，或其近亲属吗？',
  known: '这件事已被媒体报道，或环保部门已经在查处吗？',
} as const

export type SelfCheckQuestion = keyof typeof SELF_CHECK_QUESTIONS
export type SelfCheckAnswers = Partial<Record<SelfCheckQuestion, boolean>>

interface SelfCheckPoint {
  tone: 'ok' | 'warn' | 'bad'
  text: string
}

export interface SelfCheckResult {
  /** `not-offered`: no rewards here; `ruled-out`: an answer rules a reward out; `possible`: a reward is possible. */
  verdict: 'not-offered' | 'ruled-out' | 'possible'
  points: SelfCheckPoint[]
}

const has = (rules: RewardRulesView, key: RewardRulesView['conditions'][number]['key']) =>
  rules.conditions.some((c) => c.key === key)

export function selfCheck(rules: RewardRulesView, answers: SelfCheckAnswers): SelfCheckResult {
  if (!rules.offered) {
    return { verdict: 'not-offered', points: [{ tone: 'bad', text: '本地未实行生态环境违法行为有奖举报。' }] }
  }
  const points: SelfCheckPoint[] = []
  if (answers.realName === false) {
    points.push(
      rules.anonymousClaims
        ? { tone: 'ok', text: '匿名举报也可获奖：请保存提交后显示的查询码，凭查询码申领奖励。' }
        : { tone: 'bad', text: '本地仅奖励实名举报：匿名举报不能获得奖励。' },
    )
  } else if (answers.realName === true) {
    points.push({ tone: 'ok', text: '实名举报：您的姓名和电话加密保存，只有办理人员和奖励管理员可以查看。' })
  }
  if (answers.evidence === false) {
    points.push({
      tone: 'warn',
      text: '奖励只给予经查证属实的举报：请尽量写明单位名称、地点、时间，并附照片或视频，否则难以查实。',
    })
  } else if (answers.evidence === true) {
    points.push({ tone: 'ok', text: '具体的违法事实和证据有助于查实并认定奖励。' })
  }
  if (answers.insider === true) {
    const m = rules.insiderMultiplier
    points.push({
      tone: 'ok',
      text: `内部人员举报奖励按 ${m.value} 倍计算${m.placeholder ? '（暂定，待本地确认）' : ''}；您的身份严格保密。`,
    })
  }
  if (answers.excluded === true && has(rules, 'not-excluded')) {
    points.push({ tone: 'bad', text: '负有生态环境监管职责的工作人员及其近亲属不属于奖励对象。' })
  }
  if (answers.known === true && has(rules, 'not-already-known')) {
    points.push({
      tone: 'bad',
      text: '已被媒体报道或环保部门已掌握的违法行为不予奖励；但仍欢迎您反映新的情况。',
    })
  }
  if (has(rules, 'first-valid-reporter')) {
    points.push({ tone: 'warn', text: '同一违法行为多人举报的，只奖励最先有效举报的人：发现后请尽快举报。' })
  }
  points.push({
    tone: 'warn',
    text: `违法行为经处罚或处理决定确认后，请在 ${rules.claimWindowDays.value} 日内申领${rules.claimWindowDays.placeholder ? '（暂定）' : ''}，逾期视为放弃。`,
  })
  return { verdict: points.some((p) => p.tone === 'bad') ? 'ruled-out' : 'possible', points }
}
