// 现场: the way to the reported place (the map app), and what was done there — each check-in with its distance
// from the reported place (far ones flagged for review) and both clocks, the stamped photos, the readings against
// the limit of their standard, the rectification plans with their clock and follow-up check, the penalty cases
// linked. Everything comes from the server's view of the history (StaffCaseDetail.onSite); nothing is edited here:
// a correction is a new entry, made with the steps below the card.
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { CLOCK_STATE_LABELS } from '@shared/contracts/cases'
import type { StaffCaseDetail } from '@shared/contracts/staff'
import { formatShanghai } from '@shared/time'
import { positionText } from '@shared/workflow/catalogue/describe'
import CasePhotos from '../../components/case-photos'
import { mapLink, openMap } from '../../platform/location'
import './on-site.scss'

type OnSite = StaffCaseDetail['onSite']
const when = (iso: string) => formatShanghai(iso, 'MM-DD HH:mm')
const who = (by: { name: string | null; post: string }) => (by.name ? `${by.name}（${by.post}）` : by.post)

function Navigate({ place, refNo }: { place: OnSite['place']; refNo: string }) {
  const destination = { ...place.gcj02, name: `反映地点 ${refNo}`, address: place.address }
  return (
    <View className="on-site__place">
      <Text className="hint">反映地点：{place.address}</Text>
      <Button
        className="btn small secondary"
        data-testid="navigate"
        data-href={mapLink(destination)}
        onClick={() =>
          void openMap(destination).then((r) => {
            if (!r.ok) void Taro.showToast({ title: r.message, icon: 'none', duration: 3000 })
          })
        }
      >
        导航到现场
      </Button>
    </View>
  )
}

function CheckIns({ onSite }: { onSite: OnSite }) {
  if (onSite.checkIns.length === 0) return null
  return (
    <View className="on-site__section">
      <Text className="on-site__title">现场签到</Text>
      {onSite.checkIns.map((c) => (
        <View
          key={c.at + c.deviceAt}
          className="on-site__item"
          data-testid="check-in"
          data-far={String(c.far)}
          data-distance={c.distanceMetres}
        >
          <View className="row">
            <Text>
              {when(c.at)} · {who(c.by)}
            </Text>
            {c.far && <Text className="tag warn">距反映地点较远</Text>}
          </View>
          <Text className="hint">
            距反映地点 {c.distanceText}（{c.distanceMetres} 米）
            {c.far ? `，超过 ${onSite.farThresholdMetres} 米，请核实` : ''}
          </Text>
          <Text className="muted">位置 {positionText(c.position)}</Text>
          <Text className="muted">
            服务器时间 {formatShanghai(c.at, 'YYYY-MM-DD HH:mm:ss')} · 手机时间{' '}
            {formatShanghai(c.deviceAt, 'YYYY-MM-DD HH:mm:ss')}
          </Text>
          {c.sentLaterMinutes !== null && (
            <Text className="muted">离线签到，联网后同步（晚 {c.sentLaterMinutes} 分钟）</Text>
          )}
          {c.deviceAheadMinutes !== null && (
            <Text className="error-text">手机时间比服务器快 {c.deviceAheadMinutes} 分钟，请核实</Text>
          )}
          {c.note && <Text className="muted">{c.note}</Text>}
        </View>
      ))}
    </View>
  )
}

function Photos({ onSite }: { onSite: OnSite }) {
  if (onSite.photos.length === 0) return null
  return (
    <View className="on-site__section">
      <Text className="on-site__title">现场照片（{onSite.photos.length} 张）</Text>
      <CasePhotos photos={onSite.photos} />
      {onSite.photos.map((p) => (
        <View key={p.fileId} className="on-site__item" data-testid="site-photo" data-far={String(p.far)}>
          <Text className="muted">
            拍摄 {formatShanghai(p.takenAt, 'MM-DD HH:mm:ss')}（手机时间）
            {p.distanceMetres !== null ? ` · 距反映地点 ${p.distanceMetres} 米` : ' · 未取得定位'}
            {p.drawn ? '' : ' · 水印未能画在照片上'}
          </Text>
          {p.far && <Text className="tag warn">距反映地点较远</Text>}
        </View>
      ))}
    </View>
  )
}

function Readings({ onSite }: { onSite: OnSite }) {
  if (onSite.readings.length === 0) return null
  return (
    <View className="on-site__section">
      <Text className="on-site__title">监测数据</Text>
      {onSite.readings.map((r) => (
        <View key={r.at + r.item} className="on-site__item" data-testid="reading">
          <View className="row">
            <Text>
              {r.label} {r.value} {r.unit}
            </Text>
            {r.exceedsBy !== null ? (
              <Text className="tag warn" data-testid="exceeds">
                超标 {r.exceedsBy} {r.unit}
              </Text>
            ) : (
              r.limit && <Text className="tag">未超标</Text>
            )}
          </View>
          {r.limit ? (
            <Text className="hint" data-testid="limit">
              {r.limit.period}限值 {r.limit.value} {r.unit}（{r.limit.standard}）
            </Text>
          ) : (
            <Text className="muted">限值以该单位执行的排放标准为准</Text>
          )}
          <Text className="muted">
            监测时间 {formatShanghai(r.measuredAt, 'MM-DD HH:mm')}
            {r.point ? ` · ${r.point}` : ''}
            {r.instrument ? ` · ${r.instrument}` : ''} · {who(r.by)}
          </Text>
        </View>
      ))}
    </View>
  )
}

function Rectifications({ onSite }: { onSite: OnSite }) {
  if (onSite.rectifications.length === 0) return null
  return (
    <View className="on-site__section">
      <Text className="on-site__title">整改</Text>
      {onSite.rectifications.map((r) => (
        <View key={r.orderedAt} className="on-site__item" data-testid="rectification">
          <View className="row">
            <Text>整改期限 {r.dueDate}</Text>
            {r.clock && (
              <Text
                className={`tag ${r.clock.overdue ? 'warn' : r.clock.state === 'completed' ? 'closed' : ''}`}
              >
                {CLOCK_STATE_LABELS[r.clock.overdue ? 'overdue' : r.clock.state]}
              </Text>
            )}
          </View>
          {r.target && <Text className="hint">目标：{r.target}</Text>}
          <Text className="hint">措施：{r.measures}</Text>
          <Text className="hint">责任单位：{r.responsibleParty}</Text>
          {r.clock?.reminder && r.clock.state === 'running' && (
            <Text className="muted">{r.clock.reminder} 提醒复查</Text>
          )}
          {r.followUp ? (
            <Text className="hint" data-testid="follow-up">
              复查 {formatShanghai(r.followUp.checkedAt, 'MM-DD HH:mm')}（{who(r.followUp.by)}）：
              {r.followUp.verification}
            </Text>
          ) : (
            <Text className="muted">尚未复查</Text>
          )}
        </View>
      ))}
    </View>
  )
}

function PenaltyCases({ onSite }: { onSite: OnSite }) {
  if (onSite.penaltyCases.length === 0) return null
  return (
    <View className="on-site__section">
      <Text className="on-site__title">行政处罚</Text>
      {onSite.penaltyCases.map((p) => (
        <View key={p.at + p.penaltyCaseNo} className="on-site__item" data-testid="penalty-case">
          <Text>{p.penaltyCaseNo}</Text>
          <Text className="muted">
            {when(p.at)} · {who(p.by)}
            {p.note ? ` · ${p.note}` : ''}
          </Text>
        </View>
      ))}
    </View>
  )
}

export default function OnSiteCard({ detail }: { detail: StaffCaseDetail }) {
  const onSite = detail.onSite
  return (
    <View className="card on-site" data-testid="on-site">
      <Text className="card-title">现场</Text>
      <Navigate place={onSite.place} refNo={detail.refNo} />
      <CheckIns onSite={onSite} />
      <Photos onSite={onSite} />
      <Readings onSite={onSite} />
      <Rectifications onSite={onSite} />
      <PenaltyCases onSite={onSite} />
    </View>
  )
}
