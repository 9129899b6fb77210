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
import RewardRules from '../../components/reward-rules'
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

      {rules.offered && <RewardRules rules={rules} testId="reward-rules" />}

      <Button className="btn" onClick={() => void Taro.navigateTo({ url: '/pages/report/index' })}>
        去举报
      </Button>
    </View>
  )
}
