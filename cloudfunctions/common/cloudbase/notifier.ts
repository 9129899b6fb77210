// Notifier on WeChat subscribe messages (`cloud.openapi.subscribeMessage.send`; list it under
// `permissions.openapi` in the function's config.json).
//
// Exactly-once is impossible over one HTTP call, so the adapter chooses at-most-once, as the port asks ("the
// same key is never sent twice"): before sending it claims the dedupe key by inserting a `notifications`
// record with `_id = dedupeKey`; a second send with that key finds the record (DuplicateKeyError) and is not
// sent. After the call the record keeps the outcome (sent / refused / failed) for staff to see. A message
// whose call failed is not retried under the same key.
import { toShanghaiIso } from '../../../shared/time'
import {
  DuplicateKeyError,
  type Clock,
  type DocStore,
  type Logger,
  type Notifier,
  type SubscribeMessage,
} from '../ports'
import { field, type WxOpenApi } from './sdk'

export const NOTIFICATIONS_COLLECTION = 'notifications'
/** WeChat: the user has not subscribed (or has used up / refused) this template. */
const ERR_NOT_SUBSCRIBED = 43101

type NotificationStatus = 'sending' | 'sent' | 'refused' | 'failed'

export interface NotificationRecord {
  to: string
  template: string
  templateId: string
  page: string
  data: Record<string, string>
  status: NotificationStatus
  createdAt: string
  errCode?: number
  error?: string
}

export interface CloudbaseNotifierOptions {
  openapi: Pick<WxOpenApi, 'subscribeMessage'>
  db: DocStore
  clock: Clock
  /** templateKey (as used by the functions, e.g. `case-accepted`) → WeChat template id. */
  templates: Readonly<Record<string, string>>
  /** Which mini-program version the message opens (default `formal`). */
  miniprogramState?: 'developer' | 'trial' | 'formal'
  log?: Logger
}

function errCodeOf(value: unknown): number | undefined {
  const code = field(value, 'errCode')
  return typeof code === 'number' ? code : undefined
}

export class CloudbaseNotifier implements Notifier {
  constructor(private readonly options: CloudbaseNotifierOptions) {}

  async send(message: SubscribeMessage): Promise<{ delivered: boolean; reason?: string }> {
    const { openapi, db, clock, templates, log } = this.options
    const templateId = templates[message.template]
    if (!templateId) {
      log?.warn('subscribe message template not configured', { template: message.template })
      return { delivered: false, reason: 'template-not-configured' }
    }
    const record: NotificationRecord = {
      to: message.to,
      template: message.template,
      templateId,
      page: message.page,
      data: message.data,
      status: 'sending',
      createdAt: toShanghaiIso(clock.now()),
    }
    try {
      await db.insert(NOTIFICATIONS_COLLECTION, { _id: message.dedupeKey, ...record })
    } catch (error) {
      if (error instanceof DuplicateKeyError) return { delivered: false, reason: 'duplicate' }
      throw error
    }

    let errCode: number | undefined
    let errorText: string | undefined
    try {
      const result = await openapi.subscribeMessage.send({
        touser: message.to,
        templateId,
        page: message.page,
        data: Object.fromEntries(Object.entries(message.data).map(([key, value]) => [key, { value }])),
        miniprogramState: this.options.miniprogramState ?? 'formal',
        lang: 'zh_CN',
      })
      errCode = errCodeOf(result) ?? 0
    } catch (error) {
      errCode = errCodeOf(error)
      errorText = String(field(error, 'errMsg') ?? field(error, 'message') ?? error)
    }

    const outcome: { status: NotificationStatus; delivered: boolean; reason?: string } =
      errCode === 0
        ? { status: 'sent', delivered: true }
        : errCode === ERR_NOT_SUBSCRIBED
          ? { status: 'refused', delivered: false, reason: 'not-subscribed' }
          : {
              status: 'failed',
              delivered: false,
              reason: errCode === undefined ? 'send-failed' : `wechat-error-${errCode}`,
            }
    if (outcome.status === 'failed') {
      log?.warn('subscribe message not sent', { template: message.template, errCode, error: errorText })
    }
    try {
      await db.update<NotificationRecord>(
        NOTIFICATIONS_COLLECTION,
        message.dedupeKey,
        { status: outcome.status, errCode, error: errorText },
        1,
      )
    } catch (error) {
      // The outcome record is for people; the message itself already went (or did not).
      log?.warn('could not record subscribe message outcome', {
        dedupeKey: message.dedupeKey,
        error: String(error),
      })
    }
    return outcome.reason === undefined
      ? { delivered: outcome.delivered }
      : { delivered: false, reason: outcome.reason }
  }
}
