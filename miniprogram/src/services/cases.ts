// The `cases` cloud function, as the citizen uses it: what the deployment tells the client, preview, filing,
// following, reading the reply, rating, review.
import type { ClientConfig, SubmitReportInput } from '@shared/contracts/cases'
import type { InputOf, Contracts } from '@shared/contracts'
import { callFunction } from '../platform/cloud'
import { retryOnNetwork } from './retry'

export type PreviewInput = InputOf<Contracts['cases']['previewReport']>

export const previewReport = (input: PreviewInput) => callFunction('cases', 'previewReport', input)

/**
 * Files a report. Retried automatically when the network drops (the same clientRequestId maps to the same
 * case on the server, so a retry — even of a request the server did handle — never files a second case).
 */
export const submitReport = (input: SubmitReportInput, onAttempt?: (attempt: number) => void) =>
  retryOnNetwork(() => callFunction('cases', 'submitReport', input), { onAttempt })

export const listMyCases = (cursor?: string | null) =>
  callFunction('cases', 'listMine', { cursor, limit: 20 })

export const getMyCase = (caseId: string) => callFunction('cases', 'getMine', { caseId })

export const markRead = (caseId: string) => callFunction('cases', 'markRead', { caseId })

export const supplyInfo = (caseId: string, content: string, photos: string[]) =>
  callFunction('cases', 'supplyInfo', { caseId, content, photos })

export const rateReply = (caseId: string, stars: number, comment: string, accept: boolean) =>
  callFunction('cases', 'rateReply', { caseId, stars, comment: comment.trim() || undefined, accept })

export const requestReview = (caseId: string, grounds: string) =>
  callFunction('cases', 'requestReview', { caseId, grounds })

export const requestReReview = (caseId: string, grounds: string) =>
  callFunction('cases', 'requestReReview', { caseId, grounds })

export const followCase = (caseId: string) => callFunction('cases', 'follow', { caseId })

export const unfollowCase = (caseId: string) => callFunction('cases', 'unfollow', { caseId })

export const lookupByCode = (code: string) => callFunction('cases', 'lookupByCode', { code })

// What the deployment tells the client (subscribe-message template ids, local mode). Fetched once.
let pendingConfig: Promise<ClientConfig | null> | null = null
let loadedConfig: ClientConfig | null = null

export function loadClientConfig(): Promise<ClientConfig | null> {
  pendingConfig ??= callFunction('cases', 'clientConfig', {}).then((res) => {
    if (!res.ok) {
      pendingConfig = null // try again next time
      return null
    }
    loadedConfig = res.data
    return res.data
  })
  return pendingConfig
}

/** The config if it has already arrived (tap handlers must not wait: see platform/subscribe). */
export function clientConfigNow(): ClientConfig | null {
  return loadedConfig
}
