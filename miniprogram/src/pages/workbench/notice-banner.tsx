// 待办提醒: whether staff notices can reach this staff member. WeChat sends one notice per agreement and asks only
// from a tap, so the banner says when agreement is missing (or running out) and asks when tapped. In local mode
// (H5) there is nothing to agree to: notices go to the local outbox.
import { Text, View } from '@tarojs/components'
import type { NoticeConsentView } from '@shared/contracts/enrolment'
import { SUBSCRIBE_TEMPLATES } from '@shared/vocabulary/subscribe-templates'
import { isLocalMode } from '../../platform/identity'

/** Fewer than this many notices left: ask again when a task is opened. */
export const FEW_NOTICES_LEFT = 3

const NAME = SUBSCRIBE_TEMPLATES['staff-task']

function text(consent: NoticeConsentView): string {
  if (consent.status === 'not-applicable') {
    return isLocalMode
      ? `${NAME}：本地演示模式不发送微信订阅消息，提醒写入本地通知箱。`
      : `${NAME}：尚未配置订阅消息模板，请联系系统管理员。`
  }
  if (consent.status === 'missing') {
    return consent.refusedAt
      ? `${NAME}未送达：您的订阅次数已用完，新任务、待审批、催办和逾期提醒将收不到。点此开启。`
      : `${NAME}未开启：新任务、待审批、催办和逾期将无法通知您。点此开启。`
  }
  return `${NAME}已开启，还可接收 ${consent.remaining} 条。点此多接收一条。`
}

export default function NoticeBanner({ consent, onAsk }: { consent: NoticeConsentView; onAsk: () => void }) {
  const askable = consent.status !== 'not-applicable'
  return (
    <View
      className={`banner ${consent.status === 'missing' ? 'warn' : ''}`}
      role={consent.status === 'missing' ? 'alert' : 'status'}
      data-testid="notice-consent"
      data-status={consent.status}
      onClick={askable ? onAsk : undefined}
    >
      <Text>{text(consent)}</Text>
    </View>
  )
}
