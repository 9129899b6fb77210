// 奖励审核: the reward admin's queue — claims by state (待审核 first), oldest first, a page at a time; each row says
// who claimed and how, the amount once decided, and what to check (staff names, repeated fabrication). No
// claimant's identity is shown here: it is read on the claim's own page, and that read is recorded.
import { useCallback, useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ClaimQueueItem } from '@shared/contracts/rewards'
import type { ClaimState } from '@shared/rewards/statuses'
import { formatShanghai } from '@shared/time'
import ChipPicker, { type ChipOption } from '../../components/chip-picker'
import StateView from '../../components/state-view'
import { useLatestWins } from '../../hooks/use-answer'
import { listClaims } from '../../services/rewards'

const STATES: ReadonlyArray<ChipOption<ClaimState>> = [
  { value: 'submitted', label: '待审核' },
  { value: 'awarded', label: '待发放' },
  { value: 'recovery', label: '待追回' },
  { value: 'paid', label: '已发放' },
  { value: 'refused', label: '不予奖励' },
]

export default function ClaimQueue() {
  const [state, setState] = useState<ClaimState>('submitted')
  const [items, setItems] = useState<ClaimQueueItem[] | null>(null)
  const [next, setNext] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const begin = useLatestWins()
  const generation = useRef<object | null>(null)

  const refresh = useCallback(
    async (which: ClaimState) => {
      const ticket = begin()
      generation.current = ticket
      setError(null)
      const res = await listClaims(which)
      Taro.stopPullDownRefresh()
      if (!ticket.isLatest()) return
      if (!res.ok) return setError(res.error.message)
      setItems(res.data.items)
      setNext(res.data.next)
    },
    [begin],
  )

  useDidShow(() => void refresh(state))
  usePullDownRefresh(() => void refresh(state))
  useReachBottom(async () => {
    if (!next) return
    const continues = generation.current
    const res = await listClaims(state, next)
    if (continues !== generation.current || !res.ok) return
    setItems((list) => [...(list ?? []), ...res.data.items])
    setNext(res.data.next)
  })

  return (
    <View className="page">
      <ChipPicker
        label="申领状态"
        testId="claim-states"
        options={STATES}
        value={state}
        onChange={(which) => {
          setState(which)
          setItems(null)
          void refresh(which)
        }}
      />
      {error && <StateView kind="error" text={error} onRetry={() => void refresh(state)} />}
      {!error && items === null && <StateView kind="loading" />}
      {items?.length === 0 && <StateView kind="empty" text="暂无申领" />}
      {items?.map((c) => (
        <View
          key={c.claimId}
          className="list-item"
          data-testid="claim-item"
          onClick={() => void Taro.navigateTo({ url: `/reward-admin/claim/index?id=${c.claimId}` })}
        >
          <View className="row">
            <Text className="ref-no">{c.refNo}</Text>
            <Text className="tag">{c.stateLabel}</Text>
          </View>
          <Text className="hint">
            {c.claimedBy} · {formatShanghai(c.submittedAt)} 申领
          </Text>
          {c.amount !== null && <Text className="hint">奖励金额：{c.amount} 元</Text>}
          {c.flags.map((f) => (
            <Text key={f} className="tag warn">
              {f}
            </Text>
          ))}
        </View>
      ))}
    </View>
  )
}
