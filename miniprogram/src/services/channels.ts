// The `channels` cloud function: registering a call, letter, visit, instruction or referral; importing a
// platform's work orders; the feedback that goes back to the platforms and the files for them. Used by the staff
// subpackage's pages only.
import type { RegisterReportInput } from '@shared/contracts/channels'
import { callFunction, uploadChannelFile } from '../platform/cloud'

export const registerReport = (input: RegisterReportInput) =>
  callFunction('channels', 'registerReport', input)

export const uploadMaterial = (path: string, name: string) => uploadChannelFile(path, name, 'material')

export const uploadOrderFile = (path: string, name: string) => uploadChannelFile(path, name, 'orders')

export const listPlatforms = () => callFunction('channels', 'platforms', {})

export const startImport = (platform: string, fileId: string, fileName: string) =>
  callFunction('channels', 'startImport', { platform, fileId, fileName })

export const continueImport = (batchId: string) => callFunction('channels', 'continueImport', { batchId })

export const listFeedback = (cursor?: string | null) =>
  callFunction('channels', 'listFeedback', { cursor, limit: 20 })

export const retryFeedback = (feedbackId: string) => callFunction('channels', 'retryFeedback', { feedbackId })

export const exportFeedback = (platform: string, from: string, to: string) =>
  callFunction('channels', 'exportFeedback', { platform, from, to })

export const exportNationalRecords = (from: string, to: string) =>
  callFunction('channels', 'exportNationalRecords', { from, to })
