// Local mode helpers served by the gateway (never present in weapp builds).
import Taro from '@tarojs/taro'

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
