// 选为典型案例 (S0 第十四条): an office head or leader publishes a handled case of their units with a summary of how it
// was handled, or takes it down with a reason. The summary is checked on the server against the reporter's own
// identity; its message lands on the field.
import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Text, Textarea, View } from '@tarojs/components'
import type { TypicalCaseRecord } from '@shared/contracts/public'
import {
  TYPICAL_CASE_KINDS,
  TYPICAL_CASE_KIND_KEYS,
  TYPICAL_SUMMARY_MAX,
  type TypicalCaseKind,
} from '@shared/disclosure/typical-cases'
import ChipPicker from '../../../components/chip-picker'
import FieldError from '../../../components/field-error'
import StateView from '../../../components/state-view'
import { chooseTypicalCase, getTypicalCaseOf, withdrawTypicalCase } from '../../../services/disclosure'

export default function TypicalCasePage() {
  const caseId = useRouter().params.id ?? ''
  const [record, setRecord] = useState<TypicalCaseRecord | null | undefined>(undefined)
  const [kind, setKind] = useState<TypicalCaseKind>('positive')
  const [summary, setSummary] = useState('')
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    void getTypicalCaseOf(caseId).then((res) => {
      if (!res.ok) return setFailure(res.error.message)
      setRecord(res.data)
      if (res.data) {
        setKind(res.data.kind)
        setSummary(res.data.summary)
      }
    })
  }, [caseId])

  const publish = async () => {
    setBusy(true)
    const res = await chooseTypicalCase({ caseId, kind, summary })
    setBusy(false)
    if (!res.ok) {
      setErrors(res.error.fields ?? {})
      return void Taro.showToast({ title: res.error.message, icon: 'none', duration: 3000 })
    }
    setErrors({})
    setRecord(res.data)
    Taro.showToast({ title: '已公开', icon: 'success' })
  }

  const withdraw = async () => {
    setBusy(true)
    const res = await withdrawTypicalCase(caseId, reason)
    setBusy(false)
    if (!res.ok) {
      setErrors(res.error.fields ?? {})
      return void Taro.showToast({ title: res.error.message, icon: 'none', duration: 3000 })
    }
    setRecord(null)
    setReason('')
    Taro.showToast({ title: '已撤下', icon: 'success' })
  }

  if (failure) return <StateView kind="error" text={failure} />
  if (record === undefined) return <StateView kind="loading" />
  return (
    <View className="page" data-testid="typical-form">
      <View className="card">
        <Text className="card-title">{record ? `已公开 · ${record.refNo}` : '选为典型案例'}</Text>
        <Text className="hint">
          公开在“信息公开”页，附案件的公开信息（类别、办理单位、状态、约 1
          公里范围的位置）。摘要中不得出现反映人的姓名、电话、查询码或任何手机号码。
        </Text>
        {record && (
          <Text className="muted">
            {record.publishedBy} 于 {record.publishedAt.slice(0, 16).replace('T', ' ')} 公开
          </Text>
        )}
      </View>
      <View className="card">
        <Text className="label">类型</Text>
        <ChipPicker
          label="类型"
          options={TYPICAL_CASE_KIND_KEYS.map((k) => ({ value: k, label: TYPICAL_CASE_KINDS[k].label }))}
          value={kind}
          onChange={setKind}
        />
        <Text className="muted">{TYPICAL_CASE_KINDS[kind].hint}</Text>
        <Text className="label">办理情况摘要</Text>
        <Textarea
          className="textarea"
          data-testid="typical-summary"
          value={summary}
          maxlength={TYPICAL_SUMMARY_MAX}
          placeholder="反映的问题、核查发现、处理结果（不写反映人信息）"
          onInput={(e) => setSummary(e.detail.value)}
        />
        <FieldError errors={errors} names={['summary']} />
        <Button className="btn" disabled={busy} onClick={() => void publish()} data-testid="publish-typical">
          {record ? '更新摘要' : '公开为典型案例'}
        </Button>
      </View>
      {record && (
        <View className="card">
          <Text className="label">撤下理由</Text>
          <Textarea className="textarea" value={reason} onInput={(e) => setReason(e.detail.value)} />
          <FieldError errors={errors} names={['reason']} />
          <Button className="btn secondary" disabled={busy} onClick={() => void withdraw()}>
            从公开页撤下
          </Button>
        </View>
      )}
    </View>
  )
}
