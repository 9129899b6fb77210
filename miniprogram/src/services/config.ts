// What the deployment tells the client (subscribe-message template ids, local mode). Fetched once.
import type { ClientConfig } from '@shared/contracts/cases'
import { callFunction } from '../platform/cloud'

let pending: Promise<ClientConfig | null> | null = null
let loaded: ClientConfig | null = null

export function loadClientConfig(): Promise<ClientConfig | null> {
  pending ??= callFunction('cases', 'clientConfig', {}).then((res) => {
    if (!res.ok) {
      pending = null // try again next time
      return null
    }
    loaded = res.data
    return res.data
  })
  return pending
}

/** The config if it has already arrived (tap handlers must not wait: see platform/subscribe). */
export function clientConfigNow(): ClientConfig | null {
  return loaded
}
