// 信息公开: what the bureau publishes every month (S1 第十三条, S3 第十七条) — the figures per county and pollution
// category, typical cases with how they were handled (S0 第十四条), the ways to report and the reward policy. Open to
// anyone: asked without identity, and nothing here can carry a reporter (S4 四(六)).
import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { PublicCounts } from '@shared/disclosure/public-figures'
import type { PublicDisclosure, PublicTypicalCase } from '@shared/contracts/public'
import ChipPicker from '../components/chip-picker'
import StateView from '../components/state-view'
import RewardRules from '../components/reward-rules'
import { useAnswer, useLatestWins } from '../hooks/use-answer'
import { getDisclosure, listTypicalCases } from '../services/disclosure'
import './index.scss'

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
        公开于 {item.publishedOn} ·{' '}
        {item.case.area
          ? `位置已模糊到约 1 公里范围（${item.case.area.lat.toFixed(3)}，${item.case.area.lng.toFixed(3)}）`
          : '位置只公开到所在区县'}
      </Text>
    </View>
  )
}

/** The key asking for the latest published month (the server picks it). */
const LATEST = 'latest'

export default function DisclosurePage() {
  // The month's figures are an answer to the month asked: shown only for the month now asked (answers by inputs,
  // hooks/use-answer), loading while another month is on its way. What does not depend on the month (the months
  // published, the channels, the reward rules) stays from the last answer.
  const [asked, setAsked] = useState<string>(LATEST)
  const { state, retry } = useAnswer<PublicDisclosure>(asked, (key) =>
    getDisclosure(key === LATEST ? undefined : key),
  )
  const lastPage = useRef<PublicDisclosure | null>(null)
  if (state.status === 'ready') lastPage.current = state.data

  // Typical cases: one list, refreshed as a whole; a page of "more" is added only to the list it continues.
  const [cases, setCases] = useState<PublicTypicalCase[]>([])
  const [next, setNext] = useState<string | null>(null)
  const begin = useLatestWins()
  const generation = useRef<object | null>(null)
  const loadTypical = useCallback(async () => {
    const ticket = begin()
    generation.current = ticket
    const res = await listTypicalCases()
    if (!ticket.isLatest() || !res.ok) return
    setCases(res.data.items)
    setNext(res.data.next)
  }, [begin])
  useEffect(() => void loadTypical(), [loadTypical])
  usePullDownRefresh(() => {
    retry()
    void loadTypical().finally(() => Taro.stopPullDownRefresh())
  })

  const more = async () => {
    if (!next) return
    const continues = generation.current
    const res = await listTypicalCases(next)
    if (continues !== generation.current) return
    if (!res.ok) return void Taro.showToast({ title: res.error.message, icon: 'none' })
    setCases((list) => [...list, ...res.data.items.filter((c) => !list.some((x) => x.refNo === c.refNo))])
    setNext(res.data.next)
  }

  const page = lastPage.current
  if (!page) {
    return state.status === 'error' ? (
      <StateView kind="error" text={state.message} onRetry={retry} />
    ) : (
      <StateView kind="loading" />
    )
  }
  const figures = state.status === 'ready' ? state.data.figures : null
  const shownMonth = asked === LATEST ? (figures?.month ?? null) : asked
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
          value={shownMonth}
          onChange={(m) => setAsked(m)}
        />
      )}

      {state.status === 'loading' && <StateView kind="loading" />}
      {state.status === 'error' && <StateView kind="error" text={state.message} onRetry={retry} />}
      {state.status === 'ready' && !figures && <StateView kind="empty" text="暂无已公开的月度数据" />}
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

      <RewardRules rules={page.rewardPolicy} testId="reward-policy" />
    </View>
  )
}
