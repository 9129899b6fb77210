// Where the problem is. weapp: the map picker (GCJ-02), after a short explanation and — the first time —
// the WeChat privacy consent. H5: the browser's position (WGS-84), demo places of the deployment, or
// coordinates typed in. The address text can always be edited.
import { useEffect, useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import type { PositionOrigin, ReportDraft } from '../../services/draft'
import { canPickOnMap, currentPosition, pickOnMap } from '../../platform/location'
import { fetchDemoPlaces, type DemoPlace } from '../../platform/dev'
import { getPrivacyState, openPrivacyContract, PRIVACY_AGREE_BUTTON_ID } from '../../platform/privacy'
import { readStored, writeStored } from '../../platform/storage'
import Sheet from '../sheet'
import FieldError from '../field-error'
import './index.scss'

type Position = NonNullable<ReportDraft['position']>
const EXPLAINED_KEY = 'gw.locationExplained'

/** How the position on the form was obtained, as the form says it. */
const POSITION_ORIGIN_LABELS: Record<PositionOrigin, string> = {
  map: '地图选点',
  device: '手机定位',
  demo: '演示地点',
  typed: '手动输入的坐标',
}

function originText(position: Position): string {
  if (!position.origin) return ''
  const label = POSITION_ORIGIN_LABELS[position.origin]
  return position.placeName ? `（${label}：${position.placeName}）` : `（${label}）`
}

export default function LocationField({
  position,
  address,
  errors,
  onPosition,
  onAddress,
}: {
  position: Position | null
  address: string
  errors: Record<string, string>
  onPosition: (position: Position, address?: string) => void
  onAddress: (address: string) => void
}) {
  const [locating, setLocating] = useState(false)
  const [message, setMessage] = useState('')
  const [explain, setExplain] = useState<{ needConsent: boolean } | null>(null)
  const [manualOpen, setManualOpen] = useState(false)
  const [places, setPlaces] = useState<DemoPlace[]>([])
  const [lat, setLat] = useState('')
  const [lng, setLng] = useState('')

  useEffect(() => {
    if (!canPickOnMap) void fetchDemoPlaces().then(setPlaces)
  }, [])

  async function locateNow() {
    setMessage('')
    writeStored(EXPLAINED_KEY, true)
    if (canPickOnMap) {
      const picked = await pickOnMap(position ? { ...position, address } : undefined)
      if (picked.ok)
        onPosition(
          { lat: picked.location.lat, lng: picked.location.lng, coordSystem: 'gcj02', origin: 'map' },
          picked.location.address,
        )
      else if (picked.message) setMessage(picked.message)
      return
    }
    setLocating(true)
    const pos = await currentPosition()
    setLocating(false)
    if (pos.ok) onPosition({ lat: pos.lat, lng: pos.lng, coordSystem: pos.coordSystem, origin: 'device' })
    else {
      setMessage(pos.message)
      setManualOpen(true)
    }
  }

  async function locate() {
    const privacy = await getPrivacyState()
    if (privacy.needAuthorization || !readStored<boolean>(EXPLAINED_KEY)) {
      setExplain({ needConsent: privacy.needAuthorization })
      return
    }
    void locateNow()
  }

  function closeExplain(agreed: boolean) {
    setExplain(null)
    if (agreed) void locateNow()
  }

  function useManual() {
    const la = Number(lat)
    const ln = Number(lng)
    if (
      !lat.trim() ||
      !lng.trim() ||
      !Number.isFinite(la) ||
      !Number.isFinite(ln) ||
      Math.abs(la) > 90 ||
      Math.abs(ln) > 180
    ) {
      setMessage('请填写有效的纬度和经度，如 35.29958 和 113.27638')
      return
    }
    setMessage('')
    onPosition({ lat: la, lng: ln, coordSystem: 'gcj02', origin: 'typed' })
  }

  return (
    <View className="location-field">
      <Button
        className="btn secondary small"
        onClick={() => void locate()}
        loading={locating}
        data-testid="locate"
      >
        {canPickOnMap ? (position ? '在地图上重新选择' : '在地图上选择位置') : '使用当前位置'}
      </Button>
      {position && (
        <Text className="hint" data-testid="coords">
          已定位：{position.lat.toFixed(5)}, {position.lng.toFixed(5)}
          {originText(position)}
        </Text>
      )}
      {message && <Text className="error-text">{message}</Text>}
      {!canPickOnMap && (
        <View className="location-field__manual">
          <Text
            className="location-field__toggle"
            onClick={() => setManualOpen(!manualOpen)}
            data-testid="manual-location"
          >
            {manualOpen ? '收起' : '无法定位？选择地点或手动填写坐标'}
          </Text>
          {manualOpen && (
            <View>
              {places.length > 0 && (
                <View className="chips location-field__places">
                  {places.map((p) => (
                    <View
                      key={p.name}
                      className="chip"
                      data-testid="demo-place"
                      onClick={() =>
                        onPosition(
                          {
                            lat: p.lat,
                            lng: p.lng,
                            coordSystem: p.coordSystem,
                            origin: 'demo',
                            placeName: p.name,
                          },
                          p.address,
                        )
                      }
                    >
                      {p.name}
                    </View>
                  ))}
                </View>
              )}
              <Text className="hint">坐标可在高德或腾讯地图上长按地点获得（GCJ-02）。</Text>
              <View className="location-field__coords">
                <Input
                  className="input"
                  type="digit"
                  value={lat}
                  placeholder="纬度，如 35.29958"
                  onInput={(e) => setLat(e.detail.value)}
                  data-testid="manual-lat"
                />
                <Input
                  className="input"
                  type="digit"
                  value={lng}
                  placeholder="经度，如 113.27638"
                  onInput={(e) => setLng(e.detail.value)}
                  data-testid="manual-lng"
                />
              </View>
              <Button className="btn secondary small" onClick={useManual} data-testid="use-manual">
                使用这个坐标
              </Button>
            </View>
          )}
        </View>
      )}
      <Text className="label location-field__address-label">详细地址</Text>
      <Input
        className="input"
        value={address}
        maxlength={200}
        placeholder="如：某某路与某某街交叉口东北角工地"
        onInput={(e) => onAddress(e.detail.value)}
        data-testid="address"
      />
      {position && !address.trim() && (
        <Text className="hint">请补充路名、门牌或附近的标志物，方便工作人员找到现场。</Text>
      )}
      <FieldError errors={errors} names={['location']} />

      <Sheet open={explain !== null} title="为什么需要位置" onClose={() => closeExplain(false)}>
        <View data-testid="location-explain">
          <Text className="hint">
            · 位置用于确定问题发生地，按属地交给负责的生态环境部门办理，并提示附近是否已有人反映同一问题。
          </Text>
          <Text className="hint">· 只在您点「选择位置」时获取一次，不会持续定位或记录您的行踪。</Text>
          <Text className="hint">· 您也可以不定位：在地图上选一个点，或直接填写详细地址。</Text>
          {explain?.needConsent && (
            <Text className="hint">
              使用位置、相册和相机前，需要您同意
              <Text className="link" onClick={openPrivacyContract}>
                《绿哨隐私保护指引》
              </Text>
              。
            </Text>
          )}
          <View className="stack">
            {explain?.needConsent ? (
              <Button
                className="btn"
                id={PRIVACY_AGREE_BUTTON_ID}
                openType="agreePrivacyAuthorization"
                onAgreePrivacyAuthorization={() => closeExplain(true)}
              >
                同意并选择位置
              </Button>
            ) : (
              <Button className="btn" onClick={() => closeExplain(true)} data-testid="location-consent">
                好的，选择位置
              </Button>
            )}
            <Button className="btn secondary" onClick={() => closeExplain(false)}>
              暂不定位，手动填写
            </Button>
          </View>
        </View>
      </Sheet>
    </View>
  )
}
