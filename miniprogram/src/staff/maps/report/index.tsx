// 季度分析报告 (S0 第十五条, S3 第十九条): the reports produced (by the timer after each quarter, or here on demand),
// one report read in the app — summary, figures, charts (F2), hotspots, the entities reported most, repeat
// problems — and its document (one HTML file) to download and forward.
import { useCallback, useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { QuarterlyReport, QuarterlyReportInfo } from '@shared/contracts/analysis'
import ChipPicker from '../../../components/chip-picker'
import StateView from '../../../components/state-view'
import {
  generateQuarterlyReport,
  getQuarterlyReport,
  listQuarterlyReports,
  quarterlyReportDocument,
} from '../../../services/analysis'
import SpecChart from '../spec-chart'
import { quarterLabel, quarterOf } from '@shared/months'
import { phoneMonth } from '../../../platform/clock'
import '../maps.scss'

/** How many times a generation is continued from here before asking the person to try again later. */
const MAX_ROUNDS = 8

export default function ReportPage() {
  const [list, setList] = useState<QuarterlyReportInfo[] | null>(null)
  const [report, setReport] = useState<QuarterlyReport | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const current = quarterOf(phoneMonth())

  const refresh = useCallback(async () => {
    const res = await listQuarterlyReports()
    if (!res.ok) return setError(res.error.message)
    setList(res.data.items)
    const first = res.data.items[0]
    if (first) {
      const one = await getQuarterlyReport(first.quarter)
      if (one.ok) setReport(one.data)
    }
  }, [])
  useEffect(() => void refresh(), [refresh])

  const open = async (quarter: string) => {
    const res = await getQuarterlyReport(quarter)
    if (!res.ok) return void Taro.showToast({ title: res.error.message, icon: 'none', duration: 3000 })
    setReport(res.data)
  }

  const generate = async () => {
    setBusy('正在统计…')
    try {
      for (let round = 0; round < MAX_ROUNDS; round++) {
        const res = await generateQuarterlyReport(current)
        if (!res.ok) return void Taro.showToast({ title: res.error.message, icon: 'none', duration: 3000 })
        if (res.data.status === 'ready') {
          setReport(res.data.report)
          const again = await listQuarterlyReports()
          if (again.ok) setList(again.data.items)
          return
        }
        setBusy(`正在统计…已统计 ${res.data.counted} 件`)
      }
      Taro.showToast({ title: '数据较多，仍在统计，请稍后再试', icon: 'none', duration: 3000 })
    } finally {
      setBusy(null)
    }
  }

  const download = async (quarter: string) => {
    const res = await quarterlyReportDocument(quarter)
    if (!res.ok) return void Taro.showToast({ title: res.error.message, icon: 'none', duration: 3000 })
    if (process.env.TARO_ENV === 'h5') {
      window.open(res.data.url, '_blank')
      return
    }
    await Taro.setClipboardData({ data: res.data.url })
    Taro.showModal({
      title: '报告链接已复制',
      content: `「${res.data.fileName}」的下载链接已复制，${Math.round(res.data.expiresInSeconds / 60)} 分钟内在浏览器中打开即可保存或打印。`,
      showCancel: false,
    })
  }

  if (error) return <StateView kind="error" text={error} onRetry={() => void refresh()} />
  if (!list) return <StateView kind="loading" />
  return (
    <View className="page" data-testid="quarterly">
      <View className="card">
        <Text className="card-title">季度分析报告</Text>
        <Text className="hint">每季度结束后自动生成；也可随时生成本季度截至今天的报告。</Text>
        <Button
          className="btn small"
          disabled={!!busy}
          onClick={() => void generate()}
          data-testid="generate-report"
        >
          {busy ?? `生成${quarterLabel(current)}报告`}
        </Button>
      </View>
      {list.length > 0 && (
        <ChipPicker
          label="季度"
          options={list.map((r) => ({ value: r.quarter, label: quarterLabel(r.quarter) }))}
          value={report?.quarter ?? null}
          onChange={(q) => void open(q)}
        />
      )}
      {!report && <StateView kind="empty" text="还没有季度分析报告" />}
      {report && (
        <>
          <View className="card" data-testid="report" data-quarter={report.quarter}>
            <Text className="card-title">{report.title}</Text>
            {!report.complete && <Text className="tag warn">截至 {report.generatedAt.slice(0, 10)}</Text>}
            {report.summary.map((s) => (
              <Text key={s} className="hint" data-testid="report-summary">
                {s}
              </Text>
            ))}
            <Button
              className="btn small secondary"
              onClick={() => void download(report.quarter)}
              data-testid="download-report"
            >
              下载报告文件
            </Button>
          </View>
          {report.charts.map((c) => (
            <SpecChart key={c.key} spec={c} />
          ))}
          <View className="card" data-testid="hotspots">
            <Text className="card-title">反映集中区域</Text>
            {report.hotspots.length === 0 && <Text className="muted">无</Text>}
            {report.hotspots.map((h) => (
              <View key={h.cell} className="row" data-testid="hotspot">
                <Text>
                  {h.county} · {h.cell} 一带
                </Text>
                <Text className="muted">
                  {h.count} 件，{h.topCategory.label}为主
                </Text>
              </View>
            ))}
          </View>
          <View className="card">
            <Text className="card-title">被反映较多的对象</Text>
            {report.topEntities.length === 0 && <Text className="muted">无</Text>}
            {report.topEntities.map((e) => (
              <View key={e.name} className="row">
                <Text>{e.name}</Text>
                <Text className="muted">{e.count} 件</Text>
              </View>
            ))}
          </View>
          <View className="card">
            <Text className="card-title">重复反映的问题（{report.repeat.threshold} 次以上）</Text>
            <Text className="hint">{report.repeat.basis}</Text>
            {[...report.repeat.entities, ...report.repeat.places].map((p) => (
              <View key={p.what} className="row">
                <Text>{p.what}</Text>
                <Text className="muted">{p.count} 次</Text>
              </View>
            ))}
            {report.repeat.entities.length + report.repeat.places.length === 0 && (
              <Text className="muted">没有达到次数的对象或地点</Text>
            )}
          </View>
          <View className="card">
            <Text className="card-title">数据说明</Text>
            {report.sources.map((s) => (
              <Text key={s} className="muted">
                {s}
              </Text>
            ))}
          </View>
        </>
      )}
    </View>
  )
}
