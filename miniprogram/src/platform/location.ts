// Where the problem is. weapp: the map picker (chooseLocation, GCJ-02; declared in requiredPrivateInfos).
// h5: the browser's position (WGS-84) — the server converts — with the address typed by hand.
import Taro from '@tarojs/taro'
import type { LocationInput } from '@shared/vocabulary/fields'

export type PickResult = { ok: true; location: LocationInput } | { ok: false; message: string }

export const canPickOnMap = process.env.TARO_ENV === 'weapp'

export async function pickOnMap(current?: LocationInput): Promise<PickResult> {
  try {
    const r = await Taro.chooseLocation(current ? { latitude: current.lat, longitude: current.lng } : {})
    return {
      ok: true,
      location: {
        lat: r.latitude,
        lng: r.longitude,
        coordSystem: 'gcj02',
        address: [r.address, r.name].filter(Boolean).join(' '),
      },
    }
  } catch (error) {
    const msg = String((error as { errMsg?: string })?.errMsg ?? '')
    if (msg.includes('cancel')) return { ok: false, message: '' }
    if (msg.includes('auth'))
      return { ok: false, message: '需要您允许使用位置信息：请在右上角「···」→「设置」中开启后重试' }
    return { ok: false, message: '无法打开地图，请稍后重试或手动填写地址' }
  }
}

/** Current position from the device. weapp asks for GCJ-02; browsers give WGS-84. */
export async function currentPosition(): Promise<
  { ok: true; lat: number; lng: number; coordSystem: 'gcj02' | 'wgs84' } | { ok: false; message: string }
> {
  try {
    const weapp = process.env.TARO_ENV === 'weapp'
    const r = await Taro.getLocation({ type: weapp ? 'gcj02' : 'wgs84' })
    return { ok: true, lat: r.latitude, lng: r.longitude, coordSystem: weapp ? 'gcj02' : 'wgs84' }
  } catch {
    return { ok: false, message: '无法获取当前位置：请允许定位权限，或手动填写地址' }
  }
}
