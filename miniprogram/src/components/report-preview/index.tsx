// 提交前确认: who will handle the report, the reply date the rules promise, urgency, and open cases nearby
// that look like the same problem — with 关注该问题 instead of filing it again.
import { Button, Text, View } from '@tarojs/components'
import type { ReportPreview, SimilarCase } from '@shared/contracts/cases'
import { CATEGORIES } from '@shared/vocabulary/categories'
import { distanceText } from '@shared/geo/distance-text'
import { citeForCitizens } from '@shared/policy/sources'
import { otherLocalityNamed } from '@shared/routing/address-place'
import { formatShanghai } from '@shared/time'
import type { PreviewState } from '../../hooks/use-report-preview'
import './index.scss'

/** How the expected date was reached: the handling limit itself, or acceptance used in full plus handling. */
function estimateText(estimate: NonNullable<ReportPreview['expectedReplyBy']>['estimate']): string {
  return estimate.composition === 'handling'
    ? `期限：${estimate.summary}`
    : `按${estimate.summary}估算，即受理用满期限时的最晚日期`
}

export default function ReportPreviewCard({
  state,
  answeredPosition,
  address,
  localities,
  onRetry,
  onFollow,
  onOpen,
  busyCaseId,
}: {
  state: PreviewState
  /** The position (`lat, lng`) the answer on screen is for, as data-position for readers and tests. */
  answeredPosition: string | null
  /** The address as typed now: checked against the place the position lies in. */
  address: string
  /** The deployment's counties and zones (clientConfig). */
  localities: ReadonlyArray<{ code: string; name: string }>
  onRetry: () => void
  onFollow: (c: SimilarCase) => void
  onOpen: (c: SimilarCase) => void
  busyCaseId: string | null
}) {
  const routing = state.status === 'ready' ? state.data.routing : null
  // Coordinates decide who handles it; an address naming another county is pointed out, not refused.
  const named = routing
    ? otherLocalityNamed(address, [routing.county ?? null, routing.region], localities)
    : null
  return (
    <View
      className="card report-preview"
      data-testid="preview"
      data-status={state.status}
      data-position={answeredPosition ?? ''}
    >
      <Text className="card-title">提交前确认</Text>
      {state.status === 'idle' && (
        <Text className="hint">
          选好问题类别和位置后，这里会显示办理单位、预计答复日期，以及附近是否已有人反映同一问题。
        </Text>
      )}
      {state.status === 'loading' && <Text className="hint">正在查询办理单位和附近的反映…</Text>}
      {state.status === 'error' && (
        <View role="alert">
          <Text className="error-text">暂时查不到办理单位：{state.message}（不影响提交）</Text>
          <Button className="btn small secondary report-preview__retry" onClick={onRetry}>
            重新查询
          </Button>
        </View>
      )}
      {state.status === 'ready' && (
        <View>
          {state.data.urgent && (
            <View className="report-preview__urgent" data-testid="preview-urgent">
              <Text className="tag warn">紧急</Text>
              <Text>属于需要立即处置的情形，工作人员会尽快赶赴现场。</Text>
            </View>
          )}
          {state.data.routing.placeName && (
            <View className="report-preview__row">
              <Text className="report-preview__key">位置所在</Text>
              <Text className="report-preview__value" data-testid="preview-place">
                {state.data.routing.placeName}
              </Text>
            </View>
          )}
          {named && (
            <Text className="banner warn report-preview__mismatch" data-testid="preview-place-mismatch">
              您填写的地址写的是{named.name}，但所选位置在
              {state.data.routing.placeName ?? '另一个地方'}
              。请核对位置和地址：提交后将按位置确定办理单位。
            </Text>
          )}
          {state.data.routing.outcome === 'assigned' ? (
            <View className="report-preview__row">
              <Text className="report-preview__key">办理单位</Text>
              <Text className="report-preview__value" data-testid="preview-unit">
                {state.data.routing.unit?.name ?? '待分派'}
              </Text>
            </View>
          ) : (
            <View className="report-preview__notice" data-testid="preview-guidance">
              <Text className="report-preview__notice-title">
                {state.data.routing.outcome === 'referred'
                  ? '此问题可能不属于生态环境部门管辖'
                  : '该位置不在本平台受理范围内'}
              </Text>
              {state.data.routing.guidance && <Text className="hint">{state.data.routing.guidance}</Text>}
              <Text className="hint">
                您仍可提交，{state.data.routing.unit?.name ?? '我们'}会告知您处理结果或应向哪个部门反映。
              </Text>
            </View>
          )}
          {state.data.expectedReplyBy && (
            <View className="report-preview__row">
              <Text className="report-preview__key">预计答复</Text>
              <Text className="report-preview__value" data-testid="preview-due">
                {state.data.expectedReplyBy.date} 前
                <Text className="muted">（依据{citeForCitizens(state.data.expectedReplyBy.basis)}）</Text>
              </Text>
            </View>
          )}
          {state.data.expectedReplyBy && (
            <Text className="muted" data-testid="preview-due-estimate">
              {estimateText(state.data.expectedReplyBy.estimate)}
            </Text>
          )}
          {state.data.expectedReplyBy?.provisional && (
            <Text className="muted">节假日安排尚未公布，日期可能顺延。</Text>
          )}
          {state.data.similarCases.length > 0 && (
            <View className="report-preview__similar" data-testid="similar-cases">
              <Text className="report-preview__similar-title">
                附近已有 {state.data.similarCases.length} 件相关反映正在办理
              </Text>
              <Text className="hint">
                如果是同一问题，关注它即可收到同样的办理进度和答复，无需重复反映；有新情况仍可继续提交。
              </Text>
              {state.data.similarCases.map((c) => (
                <View key={c.caseId} className="report-preview__case" data-testid="similar-case">
                  <View className="row">
                    <Text className="ref-no">{c.refNo}</Text>
                    <Text className="tag">{c.statusLabel}</Text>
                  </View>
                  <Text className="report-preview__case-title">
                    {CATEGORIES[c.category].label}
                    {c.verdict === 'likely-duplicate' ? ' · 很可能是同一问题' : ''}
                  </Text>
                  <Text className="hint">
                    {c.address}
                    {c.distanceMetres !== null ? `（${distanceText(c.distanceMetres)}）` : ''}
                  </Text>
                  {c.reasons.length > 0 && (
                    <Text className="muted report-preview__meta">{c.reasons.join('；')}</Text>
                  )}
                  <Text className="muted report-preview__meta">
                    {formatShanghai(c.createdAt, 'MM-DD HH:mm')} 反映 · {c.followers} 人关注
                  </Text>
                  {c.following ? (
                    <Button className="btn small secondary report-preview__follow" onClick={() => onOpen(c)}>
                      已关注 · 查看进度
                    </Button>
                  ) : (
                    <Button
                      className="btn small report-preview__follow"
                      loading={busyCaseId === c.caseId}
                      disabled={busyCaseId !== null}
                      onClick={() => onFollow(c)}
                      data-testid="follow-similar"
                    >
                      关注该问题
                    </Button>
                  )}
                </View>
              ))}
            </View>
          )}
        </View>
      )}
    </View>
  )
}
