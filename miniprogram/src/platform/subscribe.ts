// Subscribe messages (订阅消息): WeChat only sends a notice the user agreed to, one per consent, and the
// consent dialog may only be opened from a tap. So call this first thing in a tap handler, before any await.
import Taro from '@tarojs/taro'

export type SubscribeOutcome = 'accepted' | 'declined' | 'unavailable'

export function requestSubscribe(templateIds: string[]): Promise<SubscribeOutcome> {
  const ids = templateIds.filter(Boolean).slice(0, 3) // at most 3 one-time templates per request
  if (process.env.TARO_ENV !== 'weapp' || ids.length === 0) return Promise.resolve('unavailable')
  return new Promise((resolve) => {
    try {
      Taro.requestSubscribeMessage({
        tmplIds: ids,
        entityIds: [],
        success: (r) => resolve(ids.some((id) => r[id] === 'accept') ? 'accepted' : 'declined'),
        fail: () => resolve('unavailable'),
      })
    } catch {
      resolve('unavailable')
    }
  })
}
