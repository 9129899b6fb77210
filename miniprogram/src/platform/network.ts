// Whether the device has a network, and when that changes. weapp: getNetworkType / onNetworkStatusChange; h5:
// navigator.onLine and the window's online/offline events. "Online" only means the device thinks it has a
// network: a call can still fail (a dead zone, a gateway that does not answer), so callers treat a failed call
// as offline too, and retry.
import Taro from '@tarojs/taro'

type Listener = (online: boolean) => void

export async function isOnline(): Promise<boolean> {
  if (process.env.TARO_ENV !== 'weapp') return typeof navigator === 'undefined' || navigator.onLine
  try {
    const r = await Taro.getNetworkType()
    return r.networkType !== 'none'
  } catch {
    return true
  }
}

/** Calls `listener` whenever the network comes or goes; returns the function that stops listening. */
export function onNetworkChange(listener: Listener): () => void {
  if (process.env.TARO_ENV !== 'weapp') {
    if (typeof window === 'undefined') return () => undefined
    const online = () => listener(true)
    const offline = () => listener(false)
    window.addEventListener('online', online)
    window.addEventListener('offline', offline)
    return () => {
      window.removeEventListener('online', online)
      window.removeEventListener('offline', offline)
    }
  }
  const handler = (res: { isConnected: boolean }) => listener(res.isConnected)
  // Older base libraries (and test doubles) may lack these: then only the retries notice the network back.
  try {
    Taro.onNetworkStatusChange(handler)
  } catch {
    return () => undefined
  }
  return () => {
    try {
      Taro.offNetworkStatusChange(handler)
    } catch {
      // nothing to remove
    }
  }
}
