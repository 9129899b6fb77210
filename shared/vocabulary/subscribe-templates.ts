// The subscribe-message templates the product sends through (WeChat 订阅消息): each has a key, which
// configuration maps to the template id of the mini-program's account (GW_SUBSCRIBE_TEMPLATES), and the name a
// person knows it by (when asked for consent, in the local outbox). Declared once for the notifier and the app.
export const SUBSCRIBE_TEMPLATES = {
  /** Accepted / not accepted / transferred / merged / extension / closed. */
  'case-progress': '办理进度提醒',
  /** 一次性告知. */
  'case-info-request': '补充材料提醒',
  /** The reply, review and re-review decisions. */
  'case-reply': '答复结果通知',
  /** Work waiting for staff. */
  'staff-task': '待办提醒',
  'reward-result': '奖励结果通知',
} as const

export type SubscribeTemplateKey = keyof typeof SUBSCRIBE_TEMPLATES
