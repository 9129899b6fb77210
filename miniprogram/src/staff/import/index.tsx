// 工单与平台反馈: import a platform's export (CSV/XLSX) — worked through in batches, each order once however often
// it is sent, malformed rows listed by line and reason — and the feedback that goes back to the platforms (S0 第七条
// (三) 双反馈) with its delivery state, retried by hand; the files for the platforms (feedback per platform, the
// national 12369 record, S3 第四条).
import { useCallback, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { FeedbackView, ImportBatchView, PlatformInfo } from '@shared/contracts/channels'
import { ORDER_FILE_TYPES } from '@shared/contracts/channels'
import { formatShanghai } from '@shared/time'
import ChipPicker from '../../components/chip-picker'
import StateView from '../../components/state-view'
import { chooseDocuments, openExport } from '../../platform/documents'
import {
  continueImport,
  exportFeedback,
  exportNationalRecords,
  listFeedback,
  listPlatforms,
  retryFeedback,
  startImport,
  uploadOrderFile,
} from '../../services/channels'
import { phoneMonth, phoneToday } from '../../platform/clock'
import { firstDayOf } from '@shared/months'
import './index.scss'

const ORDER_EXTENSIONS = Object.values(ORDER_FILE_TYPES)

export default function ImportOrders() {
  const [platforms, setPlatforms] = useState<PlatformInfo[] | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [platform, setPlatform] = useState<string | null>(null)
  const [batch, setBatch] = useState<ImportBatchView | null>(null)
  const [working, setWorking] = useState<string | null>(null)
  const [feedback, setFeedback] = useState<FeedbackView[]>([])

  const load = useCallback(async () => {
    const [p, f] = await Promise.all([listPlatforms(), listFeedback()])
    if (!p.ok) return setLoadError(p.error.message)
    setPlatforms(p.data)
    setPlatform((current) => current ?? p.data[0]?.id ?? null)
    if (f.ok) setFeedback(f.data.items)
  }, [])
  useDidShow(() => void load())

  const toast = (title: string) => void Taro.showToast({ title, icon: 'none', duration: 3000 })

  async function chooseAndImport() {
    if (!platform || working) return
    const [file] = await chooseDocuments(ORDER_EXTENSIONS, 1)
    if (!file) return
    setWorking('正在上传…')
    const uploaded = await uploadOrderFile(file.path, file.name)
    if (!uploaded.ok) {
      setWorking(null)
      return toast(uploaded.error.message)
    }
    setWorking('正在导入…')
    let res = await startImport(platform, uploaded.data.fileId, file.name)
    // A large file takes several calls: each goes on where the last stopped.
    while (res.ok && res.data.state === 'running') {
      setBatch(res.data)
      setWorking(`正在导入… ${res.data.processedRows}/${res.data.totalRows}`)
      res = await continueImport(res.data.batchId)
    }
    setWorking(null)
    if (!res.ok) return toast(res.error.message)
    setBatch(res.data)
  }

  async function retry(item: FeedbackView) {
    const res = await retryFeedback(item.feedbackId)
    if (!res.ok) return toast(res.error.message)
    setFeedback((list) => list.map((f) => (f.feedbackId === item.feedbackId ? res.data : f)))
  }

  async function download(kind: 'feedback' | 'national') {
    const res =
      kind === 'feedback' && platform
        ? await exportFeedback(platform, firstDayOf(phoneMonth()), phoneToday())
        : await exportNationalRecords(firstDayOf(phoneMonth()), phoneToday())
    if (!res.ok) return toast(res.error.message)
    if (res.data.count === 0) return toast('本月没有可导出的记录')
    if (!(await openExport(res.data.url, res.data.fileName))) toast('文件已生成，但无法打开，请稍后重试')
  }

  if (!platforms) {
    return (
      <View className="page">
        {loadError ? (
          <StateView kind="error" text={loadError} onRetry={() => void load()} />
        ) : (
          <StateView kind="loading" />
        )}
      </View>
    )
  }
  const current = platforms.find((p) => p.id === platform) ?? null

  return (
    <View className="page import">
      <View className="card">
        <Text className="card-title">导入平台工单</Text>
        {platforms.length === 0 ? (
          <Text className="hint">本辖区未配置工单平台（部署配置 platforms）。</Text>
        ) : (
          <ChipPicker
            label="工单平台"
            testId="platforms"
            options={platforms.map((p) => ({ value: p.id, label: p.name }))}
            value={platform}
            onChange={setPlatform}
          />
        )}
        {current && (
          <>
            <Text className="hint">必需列：{current.requiredColumns.join('、')}</Text>
            <Text className="hint">可选列：{current.optionalColumns.join('、')}</Text>
            <Text className="hint">
              同一工单重复导入不会重复登记；格式有误的行会列出行号和原因，其余照常导入。
            </Text>
            <Button
              className="btn"
              loading={working !== null}
              disabled={working !== null}
              onClick={() => void chooseAndImport()}
              data-testid="choose-orders"
            >
              {working ?? '选择 CSV 或 Excel 文件导入'}
            </Button>
          </>
        )}
      </View>

      {batch && (
        <View className="card" data-testid="import-batch">
          <Text className="card-title">{batch.fileName}</Text>
          <Text className="hint">
            共 {batch.totalRows} 行：新登记 {batch.created}，已导入过 {batch.existing}，有误 {batch.failed}
            {batch.state === 'running' ? `（已处理 ${batch.processedRows} 行）` : ''}
          </Text>
          {batch.problems.map((p) => (
            <Text key={`${p.line}-${p.reason}`} className="error-text" data-testid="import-problem">
              第 {p.line} 行{p.externalNo ? `（${p.externalNo}）` : ''}：{p.reason}
            </Text>
          ))}
          {batch.createdCases.map((c) => (
            <View
              key={c.caseId}
              className="row import__case"
              onClick={() => void Taro.navigateTo({ url: `/staff/case/index?id=${c.caseId}` })}
            >
              <Text className="ref-no">{c.refNo}</Text>
              <Text className="muted">{c.externalNo}</Text>
            </View>
          ))}
        </View>
      )}

      <View className="card">
        <View className="row">
          <Text className="card-title">向平台反馈</Text>
          <Text className="link" onClick={() => void load()}>
            刷新
          </Text>
        </View>
        {feedback.length === 0 && <Text className="hint">暂无反馈记录：平台工单办结、退回时自动生成。</Text>}
        {feedback.map((f) => (
          <View key={f.feedbackId} className="list-item" data-testid="feedback-item">
            <View className="row">
              <Text className="ref-no">{f.record.externalNo}</Text>
              <Text className={`tag ${f.state === 'failed' ? 'warn' : ''}`}>{f.stateLabel}</Text>
            </View>
            <Text className="hint">
              {f.record.kindLabel} · {f.record.refNo} · {f.record.unit.name}
            </Text>
            {f.lastError && (
              <Text className="error-text">
                第 {f.attempts} 次推送失败：{f.lastError}
              </Text>
            )}
            {f.nextAttemptAt && f.state === 'pending' && (
              <Text className="muted">下次自动重试：{formatShanghai(f.nextAttemptAt)}</Text>
            )}
            {(f.state === 'pending' || f.state === 'failed') && (
              <Button className="btn small secondary" onClick={() => void retry(f)}>
                立即推送
              </Button>
            )}
          </View>
        ))}
        <View className="import__exports">
          {current && (
            <Button className="btn small secondary" onClick={() => void download('feedback')}>
              导出本月{current.name}反馈
            </Button>
          )}
          <Button className="btn small secondary" onClick={() => void download('national')}>
            导出本月12369联网平台记录
          </Button>
        </View>
      </View>
    </View>
  )
}
