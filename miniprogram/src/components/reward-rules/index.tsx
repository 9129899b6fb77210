// A jurisdiction's whistleblower-reward rules as citizens read them (shared/rewards/rules-view.ts): whether rewards
// are offered and why, which reports can earn one and on what conditions, the amounts by kind of violation, the
// insider multiplier, the cap and the claim window — every rule and figure with its source, and whatever rests on a
// placeholder marked 暂定, never shown as law. The self-check and the public page (信息公开) show the same card.
import { Text, View } from '@tarojs/components'
import type { RewardRulesView } from '@shared/rewards/rules-view'
import './index.scss'

const provisional = (placeholder: boolean) => (placeholder ? '（暂定）' : '')

/** `依据：…` for a cited source; a placeholder's source text says itself that it is 暂定值 and what awaits the bureau. */
function Source({ source, placeholder }: { source: string; placeholder: boolean }) {
  return (
    <Text className="muted" data-placeholder={placeholder ? 'true' : 'false'}>
      {placeholder ? source : `依据：${source}`}
    </Text>
  )
}

export default function RewardRules({ rules, testId }: { rules: RewardRulesView; testId: string }) {
  if (!rules.offered) {
    return (
      <View className="card" data-testid={testId} data-offered="false">
        <Text className="card-title">有奖举报</Text>
        <Text className="hint">本地未实行生态环境违法行为有奖举报。</Text>
        <Source {...rules.offeredBasis} />
      </View>
    )
  }
  return (
    <View className="card" data-testid={testId} data-offered="true">
      <Text className="card-title">{rules.name}</Text>
      <Text className="hint">{rules.schemeNote}</Text>
      <View className="reward-rules__rule">
        <Text>
          实行有奖举报{provisional(rules.offeredBasis.placeholder)}；可获奖励的反映：
          {rules.requestTypes.join('、')}
          {provisional(rules.requestTypesBasis.placeholder)}
        </Text>
        <Source {...rules.offeredBasis} />
      </View>
      <Text className="card-title section-gap">奖励条件</Text>
      {rules.conditions.map((c) => (
        <View key={c.key} className="reward-rules__rule" data-testid="reward-condition">
          <Text>
            · {c.label}
            {provisional(c.placeholder)}
          </Text>
          <Source source={c.source} placeholder={c.placeholder} />
        </View>
      ))}
      <Text className="hint">
        {rules.anonymousClaims ? '匿名举报也可获得奖励，凭查询码申领。' : '仅奖励实名举报。'}
      </Text>
      <Text className="card-title section-gap">奖励标准（按违法行为类型）</Text>
      {rules.tiers.map((t) => (
        <View key={t.violationType} className="reward-rules__rule" data-testid="reward-tier">
          <View className="row">
            <Text>{t.label}</Text>
            <Text className="reward-rules__amount">
              {t.value} 元{provisional(t.placeholder)}
            </Text>
          </View>
          <Source source={t.source} placeholder={t.placeholder} />
        </View>
      ))}
      {rules.fineShare && (
        <View className="reward-rules__rule">
          <Text>
            或按罚款金额的 {rules.fineShare.value}%{provisional(rules.fineShare.placeholder)} 计，取较高者
          </Text>
          <Source source={rules.fineShare.source} placeholder={rules.fineShare.placeholder} />
        </View>
      )}
      <View className="reward-rules__rule">
        <Text>
          企业内部人员举报：× {rules.insiderMultiplier.value}
          {provisional(rules.insiderMultiplier.placeholder)}
        </Text>
        <Source source={rules.insiderMultiplier.source} placeholder={rules.insiderMultiplier.placeholder} />
      </View>
      <View className="reward-rules__rule">
        <Text>
          单笔最高 {rules.cap.value} 元{provisional(rules.cap.placeholder)}
        </Text>
        <Source source={rules.cap.source} placeholder={rules.cap.placeholder} />
      </View>
      <View className="reward-rules__rule">
        <Text>
          违法行为确认后 {rules.claimWindowDays.value} 日内申领
          {provisional(rules.claimWindowDays.placeholder)}
        </Text>
        <Source source={rules.claimWindowDays.source} placeholder={rules.claimWindowDays.placeholder} />
      </View>
      {rules.provisional && (
        <Text className="banner warn section-gap" data-testid="reward-provisional">
          标“暂定”的内容尚无可查证的本地规定，是暂定值，不是法定标准，以生态环境部门公布的规定为准。
        </Text>
      )}
    </View>
  )
}
