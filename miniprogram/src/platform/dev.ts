// Local mode helpers served by the gateway (never present in weapp builds).
import Taro from '@tarojs/taro'
import type { ApiResult } from '@shared/contracts/result'
import { isApiResult } from '@shared/contracts/result'
import { devIdentityHeader } from './identity'

export interface Persona {
  key: string
  label: string
  openid: string
  staffId?: string
}

export async function fetchPersonas(): Promise<{
  deployment: { id: string; name: string }
  personas: Persona[]
} | null> {
  if (process.env.TARO_ENV === 'weapp') return null
  try {
    const res = await Taro.request({ url: '/api/dev/personas', method: 'GET' })
    const body = res.data as {
      ok?: boolean
      data?: { deployment: { id: string; name: string }; personas: Persona[] }
    }
    return body.ok && body.data ? body.data : null
  } catch {
    return null
  }
}

/** A subscribe message as the local notifier records it (what WeChat would have pushed). */
export interface OutboxMessage {
  to: string
  template: string
  page: string
  data: { character_string1?: string; thing2?: string; phrase3?: string; time4?: string }
  createdAt: string
}

/** The local outbox of the current persona, newest first (GET /api/dev/outbox, identity from the header). */
export async function fetchOutbox(): Promise<ApiResult<{ items: OutboxMessage[] }>> {
  if (process.env.TARO_ENV === 'weapp') {
    return { ok: false, error: { code: 'NOT_FOUND', message: '通知箱仅在本地演示模式中提供' } }
  }
  try {
    const res = await Taro.request({
      url: '/api/dev/outbox',
      method: 'GET',
      header: { 'cache-control': 'no-cache', ...devIdentityHeader() },
    })
    if (isApiResult(res.data)) return res.data as ApiResult<{ items: OutboxMessage[] }>
    return { ok: false, error: { code: 'NETWORK', message: '通知箱暂时无法打开，请稍后重试' } }
  } catch {
    return { ok: false, error: { code: 'NETWORK', message: '网络不给力，请检查网络后重试' } }
  }
}

/** A named place of the demo deployment, for choosing a location without a real position (local mode). */
export interface DemoPlace {
  name: string
  address: string
  lat: number
  lng: number
  coordSystem: 'gcj02' | 'wgs84'
}

/** GET /api/dev/places: a place in each county of the demo jurisdiction (none when unavailable). */
export async function fetchDemoPlaces(): Promise<DemoPlace[]> {
  if (process.env.TARO_ENV === 'weapp') return []
  try {
    const res = await Taro.request({ url: '/api/dev/places', method: 'GET' })
    const body = res.data as { ok?: boolean; data?: { places?: DemoPlace[] } }
    return body.ok && Array.isArray(body.data?.places) ? body.data.places : []
  } catch {
    return []
  }
}
