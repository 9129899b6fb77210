// Key-value storage on the device (wx storage on weapp, localStorage in H5). Never throws: a full or
// unavailable storage only means the draft is not kept, which the form says.
import Taro from '@tarojs/taro'
import { currentDevOpenid } from './identity'

export function readStored<T>(key: string): T | null {
  try {
    const value: unknown = Taro.getStorageSync(key)
    return value === '' || value === undefined || value === null ? null : (value as T)
  } catch {
    return null
  }
}

export function writeStored(key: string, value: unknown): boolean {
  try {
    Taro.setStorageSync(key, value)
    return true
  } catch {
    return false
  }
}

export function removeStored(key: string): void {
  try {
    Taro.removeStorageSync(key)
  } catch {
    // nothing to remove
  }
}

/**
 * A key per user. On weapp the storage already belongs to one WeChat user; in local mode several personas
 * share one browser, so their drafts must not mix.
 */
export function userKey(key: string): string {
  const openid = currentDevOpenid()
  return openid ? `${key}.${openid}` : key
}
