// 案件办理: one case for staff — what was reported, the legal clocks, the full history (every field of every event
// and who acted), and the workflow steps this person may take now. The buttons come from the server's
// allowedEvents, each form from the event catalogue; the page is built from the same kit as the citizen's case
// (clocks, timeline, photos, field errors) and never edits the case itself: every answer is the fresh view.
import { useEffect, useRef, useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { CONTENT_HELD_TAG } from '@shared/cases/held-content'
import { citeForStaff } from '@shared/policy/sources'
import { formatShanghai } from '@shared/time'
import { CATEGORIES } from '@shared/vocabulary/categories'
import { REQUEST_TYPES } from '@shared/vocabulary/request-types'
import { TERMS } from '@shared/vocabulary/terms'
import type { CaseEventType } from '@shared/workflow/events'
// Components in the order the citizen's case page meets them: their styles share one stylesheet, in one order.
import StateView from '../../components/state-view'
import CaseTimeline from '../../components/case-timeline'
import CaseClocks from '../../components/case-clocks'
import CasePhotos from '../../components/case-photos'
import ChipPicker from '../../components/chip-picker'
import { useStaffCase } from '../../hooks/use-staff-case'
import { latestEventDraft } from '../../services/event-drafts'
import EventForm from './event-form'
import { PendingExtension } from './form-extras'
import ReplyChain from './reply-chain'
import WorkSummary from './work-summary'
import OfflineActions from './offline-actions'
import OnSite from './on-site'
import ReporterContact from './reporter-contact'
import './index.scss'

export default function StaffCase() {
  const { params } = useRouter()
  const caseId = params.id ?? ''
  const {
    detail,
    loadError,
    offlineSince,
    load,
    units,
    unitsError,
    loadUnits,
    busy,
    act,
    clearHeld,
    lastActQueued,
  } = useStaffCase(caseId)
  const [open, setOpen] = useState<CaseEventType | null>(null)

  useDidShow(() => {
    void load()
    void loadUnits()
  })

  // Back after a reload (or a closed app): the form with an unsent draft opens again, as it was left.
  const reopened = useRef(false)
  useEffect(() => {
    if (!detail || reopened.current) return
    reopened.current = true
    const drafted = latestEventDraft(
      caseId,
      detail.allowedEvents.map((e) => e.type),
    )
    if (drafted) setOpen(drafted)
  }, [detail, caseId])

  if (!detail) {
    return (
      <View className="page">
        {loadError ? (
          <StateView
            kind="error"
            text={
              loadError.code === 'NOT_FOUND'
                ? '没有找到这个案件，或它不在您的办理范围内。'
                : loadError.message
            }
            onRetry={() => void load()}
          />
        ) : (
          <StateView kind="loading" text="正在加载案件…" />
        )}
      </View>
    )
  }

  async function clear(holdId: string) {
    if (busy) return
    const outcome = await clearHeld(holdId)
    void Taro.showToast(
      outcome.ok
        ? { title: '已审核通过', icon: 'success' }
        : { title: outcome.error.message, icon: 'none', duration: 3000 },
    )
  }

  // A form stays open only while its event is still offered (a refresh may have taken it away).
  const offered = detail.allowedEvents.find((e) => e.type === open) ?? null
  return (
    <View className="page staff-case">
      {loadError && (
        <View className="banner error staff-case__banner" role="alert">
          <Text>刷新失败：{loadError.message}</Text>
          <Text className="link staff-case__banner-link" onClick={() => void load()}>
            重试
          </Text>
        </View>
      )}
      <OfflineActions caseId={caseId} offlineSince={offlineSince} />
      <View className="card">
        <View className="row">
          <Text className="ref-no">{detail.refNo}</Text>
          <Text className="tag" data-testid="status">
            {detail.statusLabel}
          </Text>
        </View>
        <Text className="card-title">
          {REQUEST_TYPES[detail.requestType]} · {CATEGORIES[detail.category].label}
        </Text>
        <View className="staff-case__flags">
          {detail.urgent && <Text className="tag warn">紧急：立即现场处置</Text>}
          {detail.important && <Text className="tag warn">重要案件</Text>}
          {detail.escalated && <Text className="tag warn">提级办理</Text>}
          {detail.supervised && <Text className="tag warn">督办</Text>}
          {detail.leaderCase && <Text className="tag warn">领导包案</Text>}
          {detail.contentHeld && <Text className="tag warn">{CONTENT_HELD_TAG}</Text>}
          {detail.followers > 1 && <Text className="tag">{detail.followers} 人关注</Text>}
        </View>
        <Text className="staff-case__description">{detail.description}</Text>
        <CasePhotos photos={detail.photos} />
        <Text className="hint">地点：{detail.address}</Text>
        {detail.reportedEntity && (
          <Text className="hint">
            {TERMS.reportedParty}：{detail.reportedEntity}
          </Text>
        )}
        {detail.occurredAt && <Text className="hint">发生时间：{formatShanghai(detail.occurredAt)}</Text>}
        <Text className="hint">
          承办单位：{detail.unitName}（{citeForStaff(detail.routing.cite)}）
        </Text>
        <WorkSummary detail={detail} />
        {detail.routing.guidance && <Text className="hint">引导：{detail.routing.guidance}</Text>}
        {detail.findings.map((f) => (
          <Text key={f.label} className="hint" data-testid="finding">
            研判：{f.text}
          </Text>
        ))}
        <ReporterContact caseId={caseId} reporter={detail.reporter} />
        <View className="row">
          <Text
            className="link"
            data-testid="open-typical"
            onClick={() => void Taro.navigateTo({ url: `/staff/maps/typical/index?id=${caseId}` })}
          >
            选为典型案例
          </Text>
          <Text
            className="link"
            data-testid="open-referral"
            onClick={() => void Taro.navigateTo({ url: `/staff/maps/referral/index?id=${caseId}` })}
          >
            移送司法机关
          </Text>
        </View>
      </View>

      {detail.heldContent.length > 0 && (
        <View className="card" data-testid="held-content">
          <Text className="card-title">{CONTENT_HELD_TAG}</Text>
          <Text className="hint">
            以下内容未能通过自动安全检查，审核通过前不向其他群众显示；确认无不当内容后点「审核通过」。
          </Text>
          {detail.heldContent.map((held) => (
            <View key={held.holdId} className="staff-case__held">
              <Text className="staff-case__held-label">{held.label}</Text>
              <Text className="muted">{held.reason}</Text>
              {held.text && <Text className="staff-case__description">{held.text}</Text>}
              <CasePhotos
                photos={held.photos.map((p) => ({ ...p, note: p.checking ? '照片检查中' : '照片不可用' }))}
              />
              {held.clearable && (
                <Button
                  className="btn small secondary"
                  data-testid="clear-held"
                  loading={busy}
                  disabled={busy}
                  onClick={() => void clear(held.holdId)}
                >
                  审核通过
                </Button>
              )}
            </View>
          ))}
        </View>
      )}

      <View className="card">
        <Text className="card-title">办理时限</Text>
        {detail.clocks.length === 0 ? (
          <Text className="muted">暂无</Text>
        ) : (
          <CaseClocks clocks={detail.clocks} reader="staff" />
        )}
      </View>

      {detail.onSite && <OnSite detail={detail} />}
      <ReplyChain detail={detail} />

      <View className="card" data-testid="staff-actions">
        <Text className="card-title">可办理的操作</Text>
        {detail.pendingExtension && detail.allowedEvents.some((e) => e.type === 'approve-extension') && (
          <PendingExtension pending={detail.pendingExtension} />
        )}
        {detail.allowedEvents.length === 0 ? (
          <Text className="muted">当前状态下您没有可办理的操作</Text>
        ) : (
          <ChipPicker
            label="可办理的操作"
            testId="allowed-events"
            attr="event"
            options={detail.allowedEvents.map((e) => ({ value: e.type, label: e.label }))}
            value={offered?.type ?? null}
            onChange={setOpen}
            onClear={() => setOpen(null)}
          />
        )}
        {offered && (
          <EventForm
            key={offered.type}
            caseId={caseId}
            type={offered.type}
            label={offered.label}
            detail={detail}
            units={{ list: units, error: unitsError }}
            act={act}
            onSent={() => {
              setOpen(null)
              if (lastActQueued()) {
                void Taro.showToast({ title: '已保存在手机上，联网后自动提交', icon: 'none', duration: 3000 })
                return
              }
              if (offered.type === 'recuse') {
                // 回避 (S2 第六条): the case is no longer theirs to see; back to the to-do lists, without it.
                void Taro.switchTab({ url: '/pages/workbench/index' })
                void Taro.showToast({ title: '已声明回避，本案不再由您办理', icon: 'none', duration: 3000 })
                return
              }
              void Taro.showToast({ title: `已${offered.label}`, icon: 'success' })
            }}
          />
        )}
      </View>

      <View className="card" data-testid="staff-timeline">
        <Text className="card-title">办理记录</Text>
        <CaseTimeline entries={detail.timeline} />
      </View>
    </View>
  )
}
