// Work without a network, on the case page: that the case shown was saved on the device, and the actions taken
// here that wait to be sent — in order, when the network returns. An action whose case changed meanwhile shows
// both sides (what the officer did, on the case as they saw it; the case as it is now, with what happened since)
// and waits for the officer: re-apply it on the case as it is, or discard it. Nothing is dropped silently.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { formatShanghai } from '@shared/time'
import { useOfflineQueue } from '../../hooks/use-offline-queue'
import { discardAction, reapplyAction, retryNow } from '../../services/offline'
import type { QueuedAction } from '../../services/offline-queue'
import './offline-actions.scss'

const when = (iso: string) => formatShanghai(iso, 'MM-DD HH:mm')

function What({ item }: { item: QueuedAction }) {
  return (
    <View className="offline__what">
      <Text className="offline__label">
        {item.label} · {when(item.queuedAt)}
      </Text>
      {item.lines.map((l) => (
        <Text key={l.label} className="muted">
          {l.label}：{l.value}
        </Text>
      ))}
    </View>
  )
}

function Conflict({ item, busy, decide }: { item: QueuedAction; busy: boolean; decide: Decide }) {
  const now = item.current!
  return (
    <>
      <Text className="error-text">案件在您离线期间已被其他人更新，这项操作没有提交。请对照后决定：</Text>
      <View className="offline__sides">
        <View className="offline__side" data-testid="conflict-mine">
          <Text className="offline__side-title">您离线时的操作</Text>
          <Text className="muted">
            当时案件：{item.seen.statusLabel}（第 {item.seen.version} 版）
          </Text>
          <What item={item} />
        </View>
        <View className="offline__side" data-testid="conflict-now">
          <Text className="offline__side-title">案件现在</Text>
          <Text className="muted">
            {now.statusLabel}（第 {now.version} 版）
          </Text>
          {now.newEntries.map((e) => (
            <Text key={e.at + e.label} className="hint">
              {when(e.at)} {e.label}
              {e.by ? ` · ${e.by}` : ''}
            </Text>
          ))}
        </View>
      </View>
      <View className="offline__buttons">
        <Button
          className="btn small"
          data-testid="reapply"
          disabled={busy}
          onClick={() => decide(() => reapplyAction(item.id))}
        >
          按现在的案件重新提交
        </Button>
        <Button
          className="btn small secondary"
          data-testid="discard"
          disabled={busy}
          onClick={() => decide(() => discardAction(item.id))}
        >
          放弃这项操作
        </Button>
      </View>
    </>
  )
}

type Decide = (work: () => Promise<void>) => void

export default function OfflineActions({
  caseId,
  offlineSince,
}: {
  caseId: string
  /** When the case shown was saved on the device (it could not be loaded), else null. */
  offlineSince: string | null
}) {
  const { mine, others } = useOfflineQueue(caseId)
  const [busy, setBusy] = useState(false)
  const decide: Decide = (work) => {
    setBusy(true)
    void work().finally(() => setBusy(false))
  }
  return (
    <>
      {offlineSince && (
        <View className="banner warn" role="status" data-testid="offline-view">
          <Text>
            现在没有网络：显示的是 {when(offlineSince)}{' '}
            保存在手机上的案件信息。您的操作会先保存在手机上，联网后按顺序自动提交。
          </Text>
        </View>
      )}
      {(mine.length > 0 || others.length > 0) && (
        <View className="card offline" data-testid="offline-queue">
          <Text className="card-title">待同步的操作（{mine.length}）</Text>
          {mine.map((item) => (
            <View
              key={item.id}
              className="offline__item"
              data-testid="queued-action"
              data-state={item.state}
              data-type={item.event.type}
            >
              {item.state === 'conflict' && item.current ? (
                <Conflict item={item} busy={busy} decide={decide} />
              ) : (
                <>
                  <What item={item} />
                  {item.state === 'refused' ? (
                    <>
                      <Text className="error-text">未能提交：{item.error?.message}</Text>
                      <Button
                        className="btn small secondary"
                        data-testid="discard"
                        disabled={busy}
                        onClick={() => decide(() => discardAction(item.id))}
                      >
                        放弃这项操作
                      </Button>
                    </>
                  ) : (
                    <Text className="muted">
                      {item.after ? '等前一项操作提交后提交' : '已保存在手机上，联网后自动提交'}
                    </Text>
                  )}
                </>
              )}
            </View>
          ))}
          {others.map((o) => (
            <Text
              key={o.caseId}
              className={o.needsDecision ? 'error-text link' : 'muted link'}
              data-testid="other-case-queue"
              onClick={() => void Taro.navigateTo({ url: `/staff/case/index?id=${o.caseId}` })}
            >
              {o.refNo}：还有 {o.count} 项操作待同步{o.needsDecision ? '，需要您处理' : ''}
            </Text>
          ))}
          <Button
            className="btn small secondary"
            data-testid="sync-now"
            disabled={busy}
            onClick={() => decide(retryNow)}
          >
            立即同步
          </Button>
        </View>
      )}
    </>
  )
}
