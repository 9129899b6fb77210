// The reply and its approval chain, grouped (S1 第十一条, S2 第十七条): each draft, each approval with its comment,
// each send-back with its reason, the sending — and, while it awaits approval, the draft itself, so the approver
// reads what they approve next to the buttons.
import { Text, View } from '@tarojs/components'
import type { StaffCaseDetail } from '@shared/contracts/staff'
import { formatShanghai } from '@shared/time'
import { replySections } from '@shared/workflow/catalogue/reply'

const AWAITING_APPROVAL = new Set(['pending-head-approval', 'pending-leader-approval', 'reply-approved'])

export default function ReplyChain({ detail }: { detail: StaffCaseDetail }) {
  if (detail.replyChain.length === 0) return null
  return (
    <View className="card" data-testid="reply-chain">
      <Text className="card-title">答复与审批</Text>
      {detail.replyChain.map((step) => (
        <View key={`${step.at}-${step.kind}`} className="staff-case__chain-step" data-kind={step.kind}>
          <View className="row">
            <Text className={step.kind === 'send-back-reply' ? 'error-text' : ''}>{step.label}</Text>
            <Text className="muted">{formatShanghai(step.at, 'MM-DD HH:mm')}</Text>
          </View>
          <Text className="muted">
            {step.actor.name ?? ''}（{step.actor.post}）
          </Text>
          {step.comment && (
            <Text className="staff-case__description" data-testid="chain-comment">
              {step.kind === 'send-back-reply' ? '退回理由：' : '审核意见：'}
              {step.comment}
            </Text>
          )}
        </View>
      ))}
      {detail.replyDraft && AWAITING_APPROVAL.has(detail.status) && (
        <View className="staff-case__draft" data-testid="reply-draft">
          <Text className="label">待审批的答复</Text>
          {replySections(detail.replyDraft, true).map((section) => (
            <View key={section.title}>
              <Text className="muted">{section.title}</Text>
              <Text className="staff-case__description">{section.body}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
