// Where the problem is. weapp: the map picker (chooseLocation, GCJ-02; declared in requiredPrivateInfos).
// h5: the browser's position (WGS-84) — the server converts — with the address typed by hand. On site: the
// device's fix with its accuracy and clock (a check-in, a stamped photo), and the way to the reported place.
import Taro from '@tarojs/taro'
import { toShanghaiIso } from '@shared/time'
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

/** The device's position with its accuracy and the device's own clock when it was read (a check-in, a photo). */
interface DeviceFix {
  lat: number
  lng: number
  coordSystem: 'gcj02' | 'wgs84'
  /** Metres, as the device reported it; null when it did not. */
  accuracy: number | null
  /** The device's clock (ISO with +08:00), not the server's. */
  takenAt: string
}

export type FixResult = { ok: true; fix: DeviceFix } | { ok: false; message: string }

const LOCATION_REFUSED =
  '无法获取当前位置：请允许使用位置信息（右上角「···」→「设置」），并打开手机定位后重试'

/**
 * Where the device is now, as precisely as it can tell within a few seconds. weapp: GCJ-02 (what WeChat gives
 * and its maps take); h5: the browser's WGS-84. The server keeps the position as reported and its WGS-84 copy.
 */
export async function currentFix(): Promise<FixResult> {
  try {
    if (process.env.TARO_ENV === 'weapp') {
      const r = await Taro.getLocation({ type: 'gcj02', isHighAccuracy: true, highAccuracyExpireTime: 4000 })
      return {
        ok: true,
        fix: {
          lat: r.latitude,
          lng: r.longitude,
          coordSystem: 'gcj02',
          accuracy: Number.isFinite(r.accuracy) ? r.accuracy : null,
          takenAt: toShanghaiIso(new Date()),
        },
      }
    }
    const position = await new Promise<GeolocationPosition>((resolve, reject) =>
      navigator.geolocation.getCurrentPosition(resolve, reject, {
        enableHighAccuracy: true,
        timeout: 10_000,
        maximumAge: 0,
      }),
    )
    return {
      ok: true,
      fix: {
        lat: position.coords.latitude,
        lng: position.coords.longitude,
        coordSystem: 'wgs84',
        accuracy: Number.isFinite(position.coords.accuracy) ? position.coords.accuracy : null,
        takenAt: toShanghaiIso(new Date()),
      },
    }
  } catch {
    return { ok: false, message: LOCATION_REFUSED }
  }
}

/** A place to go to: GCJ-02, the system map apps in China take. */
export interface Destination {
  lat: number
  lng: number
  name: string
  address: string
}

/** A map link for the browser (高德 URI: no key needed, takes GCJ-02 as `coordinate=gaode`). */
export function mapLink(place: Destination): string {
  const position = `${place.lng.toFixed(6)},${place.lat.toFixed(6)}`
  return `https://uri.amap.com/marker?position=${position}&name=${encodeURIComponent(place.name)}&coordinate=gaode&callnative=1`
}

/** Opens the place in the map app (weapp: WeChat's map, from which the phone's navigation apps start). */
export async function openMap(place: Destination): Promise<{ ok: true } | { ok: false; message: string }> {
  try {
    if (process.env.TARO_ENV === 'weapp') {
      await Taro.openLocation({
        latitude: place.lat,
        longitude: place.lng,
        name: place.name,
        address: place.address,
        scale: 17,
      })
    } else {
      window.open(mapLink(place), '_blank', 'noopener')
    }
    return { ok: true }
  } catch {
    return { ok: false, message: '无法打开地图，请稍后重试' }
  }
}
