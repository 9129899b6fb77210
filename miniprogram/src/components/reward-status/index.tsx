// 举报奖励 on the reporter's own case — or on an anonymous report looked up by its query code (`code`, from any
// account): where the reward of the report stands (不适用, 待核查, 符合条件, 不符合条件 with the reasons, 已决定奖励,
// 已发放), the conditions, the claim — and the way to claim it or to read the rules. Asked again each time the page
// shows (`shown`), so it follows the case as it moves.
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { RewardStatusView } from '@shared/contracts/rewards'
import { getRewardStatus, getRewardStatusByCode } from '../../services/rewards'
import './index.scss'

const MET = { true: '✓', false: '✗', null: '…' } as const

export default function RewardStatus({
  caseId,
  shown,
  code,
}: {
  caseId: string
  shown: number
  code?: string
}) {
  const [view, setView] = useState<RewardStatusView | null>(null)
  useEffect(() => {
    let current = true
    void (code ? getRewardStatusByCode(code) : getRewardStatus(caseId)).then((res) => {
      if (current && res.ok) setView(res.data)
    })
    return () => {
      current = false
    }
  }, [caseId, shown, code])
  if (!view) return null
  const { claim } = view
  return (
    <View className="card reward-status" data-testid="reward" data-status={view.status}>
      <View className="row">
        <Text className="card-title">举报奖励</Text>
        <Text className={`tag ${view.status === 'not-eligible' ? 'warn' : ''}`} data-testid="reward-status">
          {view.label}
        </Text>
      </View>
      {view.reasons.map((r) => (
        <Text key={r} className="hint" data-testid="reward-reason">
          {r}
        </Text>
      ))}
      {view.status !== 'not-applicable' && (
        <View className="reward-status__conditions">
          {view.conditions.map((c) => (
            <Text key={c.key} className={`muted reward-status__condition is-${String(c.met)}`}>
              {MET[String(c.met) as keyof typeof MET]} {c.label}
            </Text>
          ))}
        </View>
      )}
      {claim && (
        <View className="reward-status__claim" data-testid="reward-claim">
          <Text className="hint">申领：{claim.stateLabel}</Text>
          {claim.amount !== null && <Text className="hint">奖励金额：{claim.amount} 元</Text>}
          {claim.paidOn && <Text className="hint">发放日期：{claim.paidOn}</Text>}
        </View>
      )}
      {view.claimWith && (
        <>
          <Text className="hint">请在 {view.claimUntil} 前申领，逾期视为放弃。</Text>
          <Button
            className="btn section-gap"
            data-testid="claim-reward"
            onClick={() =>
              void Taro.navigateTo({ url: `/rewards/claim/index?id=${view.caseId}&with=${view.claimWith}` })
            }
          >
            申领奖励
          </Button>
        </>
      )}
      <Text
        className="link reward-status__rules"
        onClick={() => void Taro.navigateTo({ url: '/rewards/self-check/index' })}
      >
        有奖举报须知
      </Text>
    </View>
  )
}
