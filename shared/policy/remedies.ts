// 救济渠道: what a reply tells the reporter about asking for 复查 and 复核 — the periods and articles of the case's
// own policy, so the reply a citizen reads cites the same rules the case's clocks run on.
import type { EffectivePolicy } from './effective'
import { citeForCitizens } from './sources'
import type { ClockKind } from './types'

/** The longest window of a kind (a right is never cut short: see CLOCK_KINDS), with every rule giving it. */
function longestWindow(policy: EffectivePolicy, clock: ClockKind) {
  const rules = policy.clockRules.filter((r) => r.clock === clock)
  if (rules.length === 0) return null
  const longest = Math.max(...rules.map((r) => r.days))
  const giving = rules.filter((r) => r.days === longest)
  const period = giving[0]!.unit === 'working' ? `${longest} 个工作日` : `${longest} 日`
  return { period, basis: citeForCitizens(giving.map((r) => r.basis).join('; ')) }
}

/**
 * The 救济渠道 section a reply starts from (staff may edit it):
 * `如对答复意见有异议，可自收到本答复之日起 30 日内申请复查（依据《信访工作条例》第三十五条）；…`.
 */
export function replyRemediesText(policy: EffectivePolicy): string {
  const review = longestWindow(policy, 'review-window')
  const again = longestWindow(policy, 're-review-window')
  if (!review) return ''
  const first = `如对答复意见有异议，可自收到本答复之日起 ${review.period}内申请复查（依据${review.basis}）`
  if (!again) return `${first}。`
  const second = policy.review.sameUnitLoop
    ? `对复查意见仍有异议的，可自收到复查意见之日起 ${again.period}内再次申请复查（依据${citeForCitizens(policy.review.basis)}；${again.basis}）`
    : `对复查意见仍有异议的，可自收到复查意见之日起 ${again.period}内申请复核，复核意见为最终意见（依据${again.basis}）`
  return `${first}；${second}。`
}
