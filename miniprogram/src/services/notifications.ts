// Progress notices: asking for subscribe-message consent at the moments a notice will follow, and (local
// mode) reading the outbox the local notifier writes instead of sending.
import { requestSubscribe, type SubscribeOutcome } from '../platform/subscribe'
import { fetchOutbox } from '../platform/dev'
import { clientConfigNow } from './config'

// Template keys of the backend's notifier (cloudfunctions/common/notifications.ts TEMPLATE_KEYS).
const PROGRESS = 'case-progress'
const INFO_REQUEST = 'case-info-request'
const REPLY = 'case-reply'

export type NoticeMoment =
  /** After filing: acceptance or not, requests for information, the reply. */
  | 'after-submit'
  /** Before asking for 复查/复核: the decision. */
  | 'before-review'

const KEYS: Record<NoticeMoment, string[]> = {
  'after-submit': [PROGRESS, INFO_REQUEST, REPLY],
  'before-review': [REPLY, PROGRESS],
}

export function noticeTemplates(moment: NoticeMoment): string[] {
  const templates = clientConfigNow()?.subscribeTemplates ?? {}
  return KEYS[moment].map((key) => templates[key]).filter((id): id is string => Boolean(id))
}

/** Whether asking makes sense here (weapp with configured templates). */
export function canAskForNotices(moment: NoticeMoment): boolean {
  return process.env.TARO_ENV === 'weapp' && noticeTemplates(moment).length > 0
}

/** Call synchronously from a tap handler. Skips silently when nothing can be asked. */
export function askForNotices(moment: NoticeMoment): Promise<SubscribeOutcome> {
  return requestSubscribe(noticeTemplates(moment))
}

export const TEMPLATE_LABELS: Record<string, string> = {
  [PROGRESS]: '办理进度提醒',
  [INFO_REQUEST]: '补充材料提醒',
  [REPLY]: '答复结果通知',
  'staff-task': '待办提醒',
  'reward-result': '奖励结果通知',
}

export function listOutbox() {
  return fetchOutbox()
}
