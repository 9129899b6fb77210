// 统计: the figures of case handling for the units in the caller's scope, any period of whole months and any
// breakdown (S0 第十八条 月报; S3 第十九条 分析), the monthly report as sent up, and exports (Excel, CSV) — counts
// only, never a reporter. Every export is audited by the function.
import { useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { ExportResult, StatsFigures } from '@shared/contracts/stats'
import { DIMENSIONS, type Dimension } from '@shared/stats/dimensions'
import { FIGURE_COLUMNS } from '@shared/stats/columns'
import type { Figures } from '@shared/stats'
import StateView from '../../components/state-view'
import ChipPicker, { type ChipOption } from '../../components/chip-picker'
import DatePicker from '../../components/date-picker'
import { exportCases, exportFigures, exportReport, getFigures, getMonthlyReport } from '../../services/stats'
import { previousMonth } from '@shared/months'
import { phoneMonth } from '../../platform/clock'
import './index.scss'

const BREAKDOWNS: ReadonlyArray<ChipOption<Dimension | 'none'>> = [
  { value: 'none', label: '合计' },
  ...(Object.entries(DIMENSIONS) as Array<[Dimension, string]>).map(([value, label]) => ({ value, label })),
]

const lastMonth = () => previousMonth(phoneMonth())

function FigureTable({ title, figures }: { title: string; figures: Figures }) {
  return (
    <View className="card stats-table" data-testid="figures" data-title={title}>
      <Text className="card-title">{title}</Text>
      {FIGURE_COLUMNS.map((column) => (
        <View key={column.header} className="row stats-row">
          <Text className="muted">{column.header}</Text>
          <Text data-testid="figure" data-name={column.header}>
            {column.value(figures) ?? '—'}
          </Text>
        </View>
      ))}
    </View>
  )
}

export default function Stats() {
  const { params } = useRouter()
  const [from, setFrom] = useState(params.month ?? lastMonth())
  const [to, setTo] = useState(params.month ?? lastMonth())
  const [by, setBy] = useState<Dimension | 'none'>('none')
  const [figures, setFigures] = useState<StatsFigures | null>(null)
  const [report, setReport] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [file, setFile] = useState<ExportResult | null>(null)

  const load = async () => {
    setError(null)
    const result = await getFigures({ from, to, by: by === 'none' ? null : by })
    if (!result.ok) return setError(result.error.message)
    setFigures(result.data)
    const monthly = from === to ? await getMonthlyReport(from) : null
    setReport(
      monthly === null
        ? null
        : monthly.ok
          ? `月报已于 ${monthly.data.producedAt.slice(0, 10)} 生成${monthly.data.sent ? '并报送' : ''}（${monthly.data.basis}，${monthly.data.dueOn} 前报送${monthly.data.late ? '，已逾期' : ''}）`
          : monthly.error.message,
    )
  }
  useDidShow(() => void load())

  const download = async (kind: 'figures' | 'cases' | 'report', format: 'xlsx' | 'csv') => {
    const result =
      kind === 'figures'
        ? await exportFigures({ from, to, by: by === 'none' ? 'unit' : by, format })
        : kind === 'cases'
          ? await exportCases({ from, to, format })
          : await exportReport(from, format)
    if (!result.ok) return void Taro.showToast({ title: result.error.message, icon: 'none', duration: 3000 })
    setFile(result.data)
    if (process.env.TARO_ENV === 'weapp') {
      const saved = await Taro.downloadFile({ url: result.data.url })
      void Taro.openDocument({ filePath: saved.tempFilePath, showMenu: true })
    }
  }

  return (
    <View className="page">
      <View className="card">
        <Text className="label">统计期间</Text>
        <View className="row stats-period">
          <DatePicker month testId="stats-from" value={from} end={to} onChange={setFrom} />
          <Text className="muted">至</Text>
          <DatePicker month testId="stats-to" value={to} start={from} end={phoneMonth()} onChange={setTo} />
        </View>
        <Text className="label">分类</Text>
        <ChipPicker options={BREAKDOWNS} value={by} onChange={setBy} testId="stats-by" />
        <Button className="btn" data-testid="stats-load" onClick={() => void load()}>
          查询
        </Button>
      </View>
      {error && <StateView kind="error" text={error} onRetry={() => void load()} />}
      {report && (
        <Text className="hint" data-testid="monthly-report">
          {report}
        </Text>
      )}
      {figures && (
        <>
          <Text className="hint">
            {figures.unitName} ·{' '}
            {figures.from === figures.to ? figures.from : `${figures.from} 至 ${figures.to}`}
            {figures.pending.length > 0 ? ` · ${figures.pending.join('、')} 尚在汇总` : ''}
          </Text>
          <FigureTable title="合计" figures={figures.breakdown.total} />
          {figures.breakdown.rows.map((row) => (
            <FigureTable key={row.key} title={row.label} figures={row.figures} />
          ))}
        </>
      )}
      <View className="card">
        <Text className="card-title">导出（不含反映人信息，导出记录留痕）</Text>
        {(
          [
            ['figures', '统计表'],
            ['cases', '案件台账'],
            ['report', '月报'],
          ] as const
        ).map(([kind, label]) => (
          <View key={kind} className="row stats-export">
            <Text>{label}</Text>
            <View className="chips">
              <Button
                className="btn small secondary"
                data-testid={`export-${kind}-xlsx`}
                onClick={() => void download(kind, 'xlsx')}
              >
                Excel
              </Button>
              <Button
                className="btn small secondary"
                data-testid={`export-${kind}-csv`}
                onClick={() => void download(kind, 'csv')}
              >
                CSV
              </Button>
            </View>
          </View>
        ))}
        {file && (
          <Text className="hint" data-testid="export-file">
            已导出 {file.fileName}（{file.rows} 行{file.truncated ? '，已截断' : ''}）
            {process.env.TARO_ENV === 'h5' && (
              <Text className="link" onClick={() => window.open(file.url)}>
                {' '}
                下载
              </Text>
            )}
          </Text>
        )}
      </View>
    </View>
  )
}
