// Progress notices: asking for subscribe-message consent at the moments a notice will follow, and (local
// mode) reading the outbox the local notifier writes instead of sending.
import { requestSubscribe, type SubscribeOutcome } from '../platform/subscribe'
import { fetchOutbox } from '../platform/dev'
import { clientConfigNow } from './cases'
import type { SubscribeTemplateKey } from '@shared/vocabulary/subscribe-templates'

export type NoticeMoment =
  /** After filing: acceptance or not, requests for information, the reply. */
  | 'after-submit'
  /** Before asking for 复查/复核: the decision. */
  | 'before-review'
  /** Staff, opening a task or tapping the workbench banner: new tasks, approvals waiting, reminders, overdue. */
  | 'staff-task'

const KEYS: Record<NoticeMoment, SubscribeTemplateKey[]> = {
  'after-submit': ['case-progress', 'case-info-request', 'case-reply'],
  'before-review': ['case-reply', 'case-progress'],
  'staff-task': ['staff-task'],
}

function noticeTemplates(moment: NoticeMoment): string[] {
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

export function listOutbox() {
  return fetchOutbox()
}
