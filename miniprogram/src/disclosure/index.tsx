// 信息公开: what the bureau publishes every month (S1 第十三条, S3 第十七条) — the figures per county and pollution
// category, typical cases with how they were handled (S0 第十四条), the ways to report and the reward policy. Open to
// anyone: asked without identity, and nothing here can carry a reporter (S4 四(六)).
import { useCallback, useEffect, useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { PublicCounts } from '@shared/disclosure/public-figures'
import type { PublicDisclosure, PublicTypicalCase } from '@shared/contracts/public'
import ChipPicker from '../components/chip-picker'
import StateView from '../components/state-view'
import { useLatestWins } from '../hooks/use-answer'
import { getDisclosure, listTypicalCases } from '../services/disclosure'
import './index.scss'

type Load =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; page: PublicDisclosure }

const rate = (value: number | null) => (value === null ? '—' : `${value}%`)

function CountsRow({ name, counts, testId }: { name: string; counts: PublicCounts; testId: string }) {
  return (
    <View className="disclosure__row" data-testid={testId} data-name={name}>
      <Text className="disclosure__name">{name}</Text>
      <Text className="disclosure__num">{counts.received}</Text>
      <Text className="disclosure__num">{counts.accepted}</Text>
      <Text className="disclosure__num">{counts.closed}</Text>
      <Text className="disclosure__num">{rate(counts.onTimeRate)}</Text>
      <Text className="disclosure__num">{rate(counts.satisfactionRate)}</Text>
    </View>
  )
}

function CountsHead({ first }: { first: string }) {
  return (
    <View className="disclosure__row disclosure__row--head">
      <Text className="disclosure__name">{first}</Text>
      <Text className="disclosure__num">收到</Text>
      <Text className="disclosure__num">受理</Text>
      <Text className="disclosure__num">办结</Text>
      <Text className="disclosure__num">按期率</Text>
      <Text className="disclosure__num">满意率</Text>
    </View>
  )
}

function TypicalCase({ item }: { item: PublicTypicalCase }) {
  return (
    <View className="list-item" data-testid="typical-case" data-ref={item.refNo}>
      <View className="row">
        <Text className="ref-no">{item.refNo}</Text>
        <Text className={`tag ${item.kind === 'negative' ? 'warn' : ''}`}>{item.kindLabel}</Text>
      </View>
      <Text className="card-title">
        {item.categoryLabel} · {item.case.unitName} · {item.case.statusLabel}
      </Text>
      <Text className="hint" data-testid="typical-summary">
        {item.summary}
      </Text>
      <Text className="muted">
        公开于 {item.publishedOn} · 位置已模糊到约 1 公里范围（{item.case.area.lat.toFixed(3)}，
        {item.case.area.lng.toFixed(3)}）
      </Text>
    </View>
  )
}

export default function DisclosurePage() {
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const [month, setMonth] = useState<string | null>(null)
  const [cases, setCases] = useState<PublicTypicalCase[]>([])
  const [next, setNext] = useState<string | null>(null)
  const begin = useLatestWins()

  const refresh = useCallback(
    async (which: string | null) => {
      const ticket = begin()
      try {
        const [page, typical] = await Promise.all([getDisclosure(which ?? undefined), listTypicalCases()])
        if (!ticket.isLatest()) return
        if (!page.ok) return setLoad({ status: 'error', message: page.error.message })
        setLoad({ status: 'ready', page: page.data })
        setMonth(page.data.figures?.month ?? null)
        if (typical.ok) {
          setCases(typical.data.items)
          setNext(typical.data.next)
        }
      } finally {
        Taro.stopPullDownRefresh()
      }
    },
    [begin],
  )

  useEffect(() => void refresh(null), [refresh])
  usePullDownRefresh(() => void refresh(month))

  const more = async () => {
    if (!next) return
    const res = await listTypicalCases(next)
    if (!res.ok) return void Taro.showToast({ title: res.error.message, icon: 'none' })
    setCases((list) => [...list, ...res.data.items.filter((c) => !list.some((x) => x.refNo === c.refNo))])
    setNext(res.data.next)
  }

  if (load.status === 'loading') return <StateView kind="loading" />
  if (load.status === 'error') {
    return <StateView kind="error" text={load.message} onRetry={() => void refresh(month)} />
  }
  const { page } = load
  const figures = page.figures
  return (
    <View className="page disclosure" data-testid="disclosure">
      <View className="card">
        <Text className="card-title">{page.publisher} · 举报投诉办理情况公开</Text>
        <Text className="hint">
          每月公开上月收到和办理反映的情况。公开内容不含任何反映人信息，单个案件的位置只精确到约 1 公里。
        </Text>
      </View>

      {page.months.length > 0 && (
        <ChipPicker
          label="月份"
          testId="disclosure-months"
          options={page.months.map((m) => ({ value: m.month, label: m.label }))}
          value={month}
          onChange={(m) => {
            setMonth(m)
            void refresh(m)
          }}
        />
      )}

      {!figures && <StateView kind="empty" text="暂无已公开的月度数据" />}
      {figures && (
        <View className="card" data-testid="disclosure-figures" data-month={figures.month}>
          <Text className="card-title">{figures.label}</Text>
          <View className="disclosure__totals">
            <View className="disclosure__total">
              <Text className="disclosure__big" data-testid="total-received">
                {figures.totals.received}
              </Text>
              <Text className="muted">收到反映</Text>
            </View>
            <View className="disclosure__total">
              <Text className="disclosure__big" data-testid="total-closed">
                {figures.totals.closed}
              </Text>
              <Text className="muted">办结</Text>
            </View>
            <View className="disclosure__total">
              <Text className="disclosure__big">{rate(figures.totals.onTimeRate)}</Text>
              <Text className="muted">按期办结率</Text>
            </View>
            <View className="disclosure__total">
              <Text className="disclosure__big">{rate(figures.totals.satisfactionRate)}</Text>
              <Text className="muted">满意率</Text>
            </View>
          </View>
          <Text className="label">按县（市、区）</Text>
          <CountsHead first="县（市、区）" />
          {figures.byCounty.map((c) => (
            <CountsRow key={c.regionCode ?? 'outside'} name={c.name} counts={c} testId="county-row" />
          ))}
          <Text className="label">按问题类别</Text>
          <CountsHead first="类别" />
          {figures.byCategory.map((c) => (
            <CountsRow key={c.category} name={c.label} counts={c} testId="category-row" />
          ))}
          <Text className="muted">{figures.note}</Text>
        </View>
      )}

      <View className="card">
        <Text className="card-title">典型案例</Text>
        {cases.length === 0 && <Text className="muted">暂无公开的典型案例</Text>}
        {cases.map((c) => (
          <TypicalCase key={c.refNo} item={c} />
        ))}
        {next && (
          <Text className="link" onClick={() => void more()}>
            查看更多
          </Text>
        )}
      </View>

      {page.channels.length > 0 && (
        <View className="card" data-testid="channels">
          <Text className="card-title">反映途径</Text>
          {page.channels.map((c) => (
            <View key={c.name} className="stack">
              <Text className="label">{c.name}</Text>
              <Text className="hint">{c.how}</Text>
            </View>
          ))}
        </View>
      )}

      {page.rewardPolicy && (
        <View className="card" data-testid="reward-policy">
          <Text className="card-title">有奖举报</Text>
          <Text className="hint">{page.rewardPolicy}</Text>
        </View>
      )}
    </View>
  )
}
