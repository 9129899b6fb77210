// WeChat privacy authorization (《小程序用户隐私保护指引》): before a privacy API (location, album, camera)
// is used for the first time the user must agree through a button with open-type="agreePrivacyAuthorization".
// The app explains why first (our own sheet), so the platform prompt never comes out of nowhere. H5: no-op.
import Taro from '@tarojs/taro'

export const PRIVACY_AGREE_BUTTON_ID = 'gw-privacy-agree'

export interface PrivacyState {
  needAuthorization: boolean
  contractName: string
}

export function getPrivacyState(): Promise<PrivacyState> {
  const none = { needAuthorization: false, contractName: '' }
  if (process.env.TARO_ENV !== 'weapp' || typeof Taro.getPrivacySetting !== 'function')
    return Promise.resolve(none)
  return new Promise((resolve) => {
    // A base library that never answers must not block the location button.
    const fallback = setTimeout(() => resolve(none), 1500)
    const done = (state: PrivacyState) => {
      clearTimeout(fallback)
      resolve(state)
    }
    try {
      Taro.getPrivacySetting({
        success: (r) => done({ needAuthorization: r.needAuthorization, contractName: r.privacyContractName }),
        fail: () => done(none),
      })
    } catch {
      done(none)
    }
  })
}

export function openPrivacyContract(): void {
  if (process.env.TARO_ENV === 'weapp' && typeof Taro.openPrivacyContract === 'function') {
    Taro.openPrivacyContract({})
  }
}

type Decide = (agreed: boolean) => void
type Listener = (decide: Decide) => void
const listeners: Listener[] = []
let registered = false

/**
 * A privacy API is waiting for the user's consent (it was called before they agreed). The newest listener
 * (the page on screen) shows the explanation and calls `decide`; without one the request is declined.
 */
export function onPrivacyRequest(listener: Listener): () => void {
  listeners.push(listener)
  if (
    process.env.TARO_ENV === 'weapp' &&
    !registered &&
    typeof Taro.onNeedPrivacyAuthorization === 'function'
  ) {
    registered = true
    Taro.onNeedPrivacyAuthorization((resolve) => {
      const current = listeners[listeners.length - 1]
      if (!current) return resolve({ event: 'disagree' })
      resolve({ event: 'exposureAuthorization' })
      current((agreed) =>
        resolve(agreed ? { event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID } : { event: 'disagree' }),
      )
    })
  }
  return () => {
    const i = listeners.lastIndexOf(listener)
    if (i >= 0) listeners.splice(i, 1)
  }
}
