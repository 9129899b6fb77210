// The amount of a reward from a jurisdiction's tier table: per confirmed violation, the tier of its kind — or the
// share of its fine where the scheme pays one and it is higher —; several violations: the highest single item;
// an insider's report times the multiplier; never above the cap. Each step is a line with its source, so the
// reward admin sees how the amount was reached and which figures are placeholders.
import { isPlaceholder, sourceText, VIOLATION_TYPES, type RewardRules, type Sourced } from '../policy/rewards'
import type { ConfirmedViolation } from './findings'

interface AwardLine {
  text: string
  /** The figure's citation, or that it is a placeholder awaiting the bureau. */
  source: string
  placeholder: boolean
}

export interface AwardComputation {
  /** Yuan; 0 when no violation is confirmed. */
  amount: number
  lines: AwardLine[]
  /** Some figure used is a placeholder. */
  placeholder: boolean
}

const line = (text: string, figure: Sourced<unknown>): AwardLine => ({
  text,
  source: sourceText(figure),
  placeholder: isPlaceholder(figure),
})

/** One violation's amount: its tier, or the share of its fine when the scheme pays one and it is higher. */
function itemOf(rules: RewardRules, violation: ConfirmedViolation): { amount: number; lines: AwardLine[] } {
  const tier = rules.tiers[violation.violationType]
  const lines = [
    line(
      `${VIOLATION_TYPES[violation.violationType]}（${violation.decisionNumber}）：${tier.value} 元`,
      tier,
    ),
  ]
  const share = rules.fineShare.value
  if (share === null || violation.fineYuan === 0) return { amount: tier.value, lines }
  const byFine = Math.round((violation.fineYuan * share) / 100)
  lines.push(line(`罚款 ${violation.fineYuan} 元 × ${share}% = ${byFine} 元，取较高者`, rules.fineShare))
  return { amount: Math.max(tier.value, byFine), lines }
}

export function computeAward(
  rules: RewardRules,
  confirmations: readonly ConfirmedViolation[],
  insider: boolean,
): AwardComputation {
  if (confirmations.length === 0) return { amount: 0, lines: [], placeholder: false }
  const items = confirmations.map((c) => itemOf(rules, c))
  let best = items[0]!
  for (const item of items) if (item.amount > best.amount) best = item
  const lines = [...best.lines]
  if (items.length > 1) {
    lines.push({
      text: `${items.length} 项违法行为，按金额最高的一项计：${best.amount} 元`,
      source: '多项违法行为不累计，按最高一项奖励',
      placeholder: false,
    })
  }
  let amount = best.amount
  if (insider && rules.insiderMultiplier.value !== 1) {
    amount = Math.round(amount * rules.insiderMultiplier.value)
    lines.push(line(`内部人员举报 × ${rules.insiderMultiplier.value}：${amount} 元`, rules.insiderMultiplier))
  }
  if (amount > rules.cap.value) {
    amount = rules.cap.value
    lines.push(line(`不超过单笔上限 ${rules.cap.value} 元`, rules.cap))
  }
  return { amount, lines, placeholder: lines.some((l) => l.placeholder) }
}
