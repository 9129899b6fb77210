// Local mode only: which persona the H5 app acts as. In weapp, identity is the WeChat user, period.
import Taro from '@tarojs/taro'

const DEV_OPENID_HEADER = 'x-dev-openid'
const KEY = 'gw.devOpenid'
const DEFAULT_DEV_OPENID = 'dev-citizen'

export function currentDevOpenid(): string | null {
  if (process.env.TARO_ENV === 'weapp') return null
  const stored = Taro.getStorageSync<string>(KEY)
  return stored || DEFAULT_DEV_OPENID
}

/** The identity header of local-mode requests to the gateway (none in weapp: WeChat adds the identity). */
export function devIdentityHeader(): Record<string, string> {
  const openid = currentDevOpenid()
  return openid ? { [DEV_OPENID_HEADER]: openid } : {}
}

export function setDevOpenid(openid: string): void {
  Taro.setStorageSync(KEY, openid)
}

export const isLocalMode = process.env.TARO_ENV !== 'weapp'
