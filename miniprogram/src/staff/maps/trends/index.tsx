// 趋势图表: the monthly figures of the last twelve months published (S1 第十三条), as charts derived once in
// shared/analysis/charts.ts — received and closed month by month, the on-time and satisfaction rates, and the
// latest month by category and county.
import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { TrendFigures } from '@shared/contracts/analysis'
import { categoryChart, countyChart, rateTrendChart, trendChart } from '@shared/analysis/charts'
import StateView from '../../../components/state-view'
import { getTrends } from '../../../services/analysis'
import SpecChart from '../spec-chart'
import { monthLabel } from '@shared/months'
import '../maps.scss'

type Load =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; trends: TrendFigures }

export default function TrendsPage() {
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const refresh = async () => {
    const res = await getTrends(12)
    setLoad(res.ok ? { status: 'ready', trends: res.data } : { status: 'error', message: res.error.message })
  }
  useEffect(() => void refresh(), [])

  if (load.status === 'loading') return <StateView kind="loading" />
  if (load.status === 'error')
    return <StateView kind="error" text={load.message} onRetry={() => void refresh()} />
  const { months, counties } = load.trends
  if (months.length === 0) return <StateView kind="empty" text="还没有公开的月度数据（每月初自动生成）" />
  const latest = months[months.length - 1]!
  const county = (code: string | null) => counties[code ?? ''] ?? code ?? ''
  return (
    <View className="page" data-testid="trends">
      <Text className="hint">
        {monthLabel(months[0]!.month)}—{monthLabel(latest.month)}，按月公开的数据
      </Text>
      <SpecChart spec={trendChart(months)} />
      <SpecChart spec={rateTrendChart(months)} />
      <SpecChart spec={categoryChart(latest.rows, `${monthLabel(latest.month)}各类别收到反映`)} />
      <SpecChart
        spec={countyChart(latest.rows, county, `${monthLabel(latest.month)}各县（市、区）收到与办结`)}
      />
    </View>
  )
}
