// 有奖举报自查: before filing, a whistleblower answers a few questions and reads, for this jurisdiction, what a report
// needs to earn a reward (a real name or the query code, concrete evidence), what rules it out, and the rules
// themselves — every figure with its source, the provisional ones marked 暂定.
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { RewardRulesView } from '@shared/contracts/rewards'
import {
  SELF_CHECK_QUESTIONS,
  selfCheck,
  type SelfCheckAnswers,
  type SelfCheckQuestion,
} from '@shared/rewards/self-check'
import ChipPicker from '../../components/chip-picker'
import StateView from '../../components/state-view'
import { getRewardRules } from '../../services/rewards'
import './index.scss'

const YES_NO = [
  { value: true, label: '是' },
  { value: false, label: '否' },
]

const QUESTIONS = Object.keys(SELF_CHECK_QUESTIONS) as SelfCheckQuestion[]

export default function RewardSelfCheck() {
  const [rules, setRules] = useState<RewardRulesView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [answers, setAnswers] = useState<SelfCheckAnswers>({})

  const load = () => {
    setError(null)
    void getRewardRules().then((res) => (res.ok ? setRules(res.data) : setError(res.error.message)))
  }
  useEffect(load, [])

  if (!rules) {
    return (
      <View className="page">
        {error ? <StateView kind="error" text={error} onRetry={load} /> : <StateView kind="loading" />}
      </View>
    )
  }
  const result = selfCheck(rules, answers)
  const provisional = (placeholder: boolean) => (placeholder ? '（暂定）' : '')

  return (
    <View className="page self-check">
      <View className="card">
        <Text className="card-title">{rules.name}</Text>
        <Text className="hint">{rules.schemeNote}</Text>
      </View>

      {rules.offered && (
        <View className="card">
          <Text className="card-title">回答几个问题</Text>
          {QUESTIONS.map((q) => (
            <View key={q} className="self-check__question">
              <Text className="label">{SELF_CHECK_QUESTIONS[q]}</Text>
              <ChipPicker
                label={SELF_CHECK_QUESTIONS[q]}
                testId={`self-check-${q}`}
                options={YES_NO}
                value={answers[q] ?? null}
                onChange={(value) => setAnswers((a) => ({ ...a, [q]: value }))}
                onClear={() => setAnswers((a) => ({ ...a, [q]: undefined }))}
              />
            </View>
          ))}
        </View>
      )}

      <View className="card" data-testid="self-check-result" data-verdict={result.verdict}>
        <Text className="card-title">
          {result.verdict === 'possible'
            ? '按您的回答，举报有可能获得奖励'
            : result.verdict === 'ruled-out'
              ? '按您的回答，举报不能获得奖励'
              : '本地未实行有奖举报'}
        </Text>
        {result.points.map((p) => (
          <Text key={p.text} className={`self-check__point is-${p.tone}`}>
            {p.text}
          </Text>
        ))}
        <Text className="hint">自查仅供参考，是否奖励以查证属实和奖励决定为准。</Text>
      </View>

      {rules.offered && (
        <View className="card" data-testid="reward-rules">
          <Text className="card-title">奖励条件</Text>
          {rules.conditions.map((c) => (
            <View key={c.key} className="self-check__rule">
              <Text>· {c.label}</Text>
              <Text className="muted">
                {c.placeholder ? '暂定' : '依据'}：{c.source}
              </Text>
            </View>
          ))}
          <Text className="card-title section-gap">奖励标准（按违法行为类型）</Text>
          {rules.tiers.map((t) => (
            <View key={t.violationType} className="self-check__rule" data-testid="reward-tier">
              <View className="row">
                <Text>{t.label}</Text>
                <Text className="self-check__amount">
                  {t.value} 元{provisional(t.placeholder)}
                </Text>
              </View>
              <Text className="muted">{t.source}</Text>
            </View>
          ))}
          {rules.fineShare && (
            <Text className="hint">
              或按罚款金额的 {rules.fineShare.value}% 计，取较高者（{rules.fineShare.source}）
            </Text>
          )}
          <Text className="hint">
            内部人员举报：× {rules.insiderMultiplier.value}
            {provisional(rules.insiderMultiplier.placeholder)}；单笔最高 {rules.cap.value} 元
            {provisional(rules.cap.placeholder)}；违法行为确认后 {rules.claimWindowDays.value} 日内申领
            {provisional(rules.claimWindowDays.placeholder)}。
          </Text>
          {rules.provisional && (
            <Text className="banner warn section-gap">
              标“暂定”的条件和金额尚无可查证的本地规定，是暂定值，以生态环境部门公布的规定为准。
            </Text>
          )}
        </View>
      )}

      <Button className="btn" onClick={() => void Taro.navigateTo({ url: '/pages/report/index' })}>
        去举报
      </Button>
    </View>
  )
}
