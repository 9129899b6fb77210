import { useCallback, useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Button, Image, Text, View } from '@tarojs/components'
import type { CaseDetailForReporter } from '@shared/contracts/cases'
import { CATEGORIES } from '@shared/contracts/categories'
import { REQUEST_TYPES } from '@shared/contracts/request-types'
import { formatShanghai } from '@shared/time'
import StateView from '../../components/state-view'
import { getMyCase } from '../../services/cases'
import './index.scss'

export default function CaseDetail() {
  const { params } = useRouter()
  const caseId = params.id ?? ''
  const justFiled = params.new === '1'
  const queryCode = params.code
  const [detail, setDetail] = useState<CaseDetailForReporter | null>(null)
  const [error, setError] = useState('')

  const load = useCallback(async () => {
    setError('')
    const res = await getMyCase(caseId)
    if (res.ok) setDetail(res.data)
    else setError(res.error.message)
  }, [caseId])

  useDidShow(() => void load())

  if (error) return <StateView kind="error" text={error} onRetry={() => void load()} />
  if (!detail) return <StateView kind="loading" />

  const photoUrls = detail.photos.map((p) => p.url).filter((u): u is string => Boolean(u))
  return (
    <View className="page case">
      {justFiled && (
        <View className="card case__filed" data-testid="filed-banner">
          <Text className="case__filed-title">提交成功</Text>
          <Text className="hint">
            编号 <Text className="ref-no">{detail.refNo}</Text>，我们会尽快决定是否受理并告知您。
          </Text>
          {queryCode && (
            <View className="case__code">
              <Text className="hint">匿名查询码（只显示这一次，请截图或复制保存）：</Text>
              <Text className="case__code-value" data-testid="query-code">
                {queryCode}
              </Text>
              <Button
                className="btn small secondary"
                onClick={() => void Taro.setClipboardData({ data: queryCode })}
              >
                复制查询码
              </Button>
            </View>
          )}
        </View>
      )}
      <View className="card">
        <View className="row">
          <Text className="ref-no" data-testid="ref-no">
            {detail.refNo}
          </Text>
          <Text className={`tag ${detail.statusOpen ? '' : 'closed'}`} data-testid="status">
            {detail.statusLabel}
          </Text>
        </View>
        <Text className="card-title">
          {REQUEST_TYPES[detail.requestType]} · {CATEGORIES[detail.category].label}
        </Text>
        <Text className="case__description">{detail.description}</Text>
        {photoUrls.length > 0 && (
          <View className="case__photos">
            {photoUrls.map((url) => (
              <Image
                key={url}
                className="case__photo"
                src={url}
                mode="aspectFill"
                onClick={() => void Taro.previewImage({ urls: photoUrls, current: url })}
              />
            ))}
          </View>
        )}
        <Text className="hint">地点：{detail.location.address}</Text>
        {detail.reportedEntity && <Text className="hint">被反映单位：{detail.reportedEntity}</Text>}
        <Text className="hint">办理单位：{detail.unitName ?? '待分派'}</Text>
        <Text className="hint">提交时间：{formatShanghai(detail.createdAt)}</Text>
        <Text className="hint">
          反映方式：{detail.reporterMode === 'anonymous' ? '匿名' : '实名（信息已加密保护）'}
        </Text>
      </View>
      <View className="card">
        <Text className="card-title">办理进度</Text>
        {detail.timeline.map((t, i) => (
          <View key={`${t.at}-${i}`} className="case__step">
            <Text className="case__step-label">{t.label}</Text>
            <Text className="muted">{formatShanghai(t.at)}</Text>
            {t.detail && <Text className="hint">{t.detail}</Text>}
          </View>
        ))}
      </View>
    </View>
  )
}
