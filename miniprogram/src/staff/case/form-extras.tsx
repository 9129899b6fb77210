// What some workflow forms show besides their fields: the merge candidates side by side (tap one to merge into
// it), the transfer targets as lists (units of the bureau, neighbouring regions, departments), the reply
// templates to start a draft from, and — for the approver — the extension request and the approval chain.
import { Text, View } from '@tarojs/components'
import type { MergeSide, ReplyTemplateDraft, StaffCaseDetail } from '@shared/contracts/staff'
import { REPLY_OUTCOMES } from '@shared/cases/reply-templates'
import { formatShanghai } from '@shared/time'
import { CATEGORIES } from '@shared/vocabulary/categories'
import { TERMS } from '@shared/vocabulary/terms'
import ChipPicker from '../../components/chip-picker'
import StateView from '../../components/state-view'
import type { FormValue } from '../../forms/event-forms'
import { useMergeCandidates, useReplyTemplates, useTransferOptions } from './use-pickers'

const when = (iso: string) => formatShanghai(iso, 'MM-DD HH:mm')

function Side({ side, testId }: { side: MergeSide; testId?: string }) {
  return (
    <View className="staff-case__side" data-testid={testId}>
      <Text className="ref-no">{side.refNo}</Text>
      <Text className="hint">
        {CATEGORIES[side.category].label} · {side.statusLabel} · {side.unitName}
      </Text>
      <Text className="hint">{formatShanghai(side.createdAt)}</Text>
      <Text className="hint">地点：{side.address}</Text>
      {side.reportedEntity && (
        <Text className="hint">
          {TERMS.reportedParty}：{side.reportedEntity}
        </Text>
      )}
      <Text className="staff-case__side-text">{side.description}</Text>
    </View>
  )
}

/** 合并办理: the similar open cases of my scope beside this one; choosing one fills in its reference number. */
export function MergeCandidates({
  caseId,
  value,
  onPick,
}: {
  caseId: string
  value: FormValue
  onPick: (refNo: string) => void
}) {
  const state = useMergeCandidates(caseId, true)
  if (state.status === 'loading' || state.status === 'idle')
    return <StateView kind="loading" text="正在查找相似案件…" />
  if (state.status === 'error') return <Text className="error-text">{state.message}</Text>
  const { case: self, candidates } = state.data
  if (candidates.length === 0)
    return (
      <Text className="hint">
        附近没有同类的在办案件，也没有反映同一对象的案件；如确需合并，请输入案件编号。
      </Text>
    )
  return (
    <View data-testid="merge-candidates">
      <Text className="hint">相似的在办案件（点选要合并到的案件）：</Text>
      {candidates.map((c) => (
        <View
          key={c.caseId}
          className={`staff-case__pair ${value === c.refNo ? 'staff-case__pair--picked' : ''}`}
          data-testid="merge-candidate"
          data-ref={c.refNo}
          onClick={() => onPick(c.refNo)}
        >
          <Side side={self} />
          <Side side={c} testId="candidate-side" />
          <Text className="muted staff-case__pair-why">
            {c.distanceMetres !== null ? `相距约 ${c.distanceMetres} 米；` : ''}
            {c.reasons.join('；')}
          </Text>
        </View>
      ))}
    </View>
  )
}

/** 转办: the bureau's units, the neighbouring regions, other departments — chosen, never typed. */
export function TransferTarget({
  target,
  value,
  onChange,
}: {
  target: FormValue
  value: FormValue
  onChange: (value: string) => void
}) {
  const state = useTransferOptions(true)
  if (!target) return <Text className="muted">请先选择转办给谁</Text>
  if (state.status === 'loading' || state.status === 'idle') return <Text className="muted">正在加载…</Text>
  if (state.status === 'error') return <Text className="error-text">{state.message}</Text>
  const options =
    target === 'unit'
      ? state.data.units.map((u) => ({ value: u.id, label: u.name }))
      : target === 'region'
        ? state.data.regions.map((r) => ({ value: r.name, label: r.name }))
        : state.data.departments.map((d) => ({ value: d, label: d }))
  return (
    <ChipPicker
      label="转办对象"
      testId="transfer-target"
      options={options}
      value={typeof value === 'string' && value ? value : null}
      onChange={onChange}
    />
  )
}

/** 答复模板: this case's category's templates, merged with its facts; applying one fills the reply's sections. */
export function ReplyTemplates({
  caseId,
  onApply,
}: {
  caseId: string
  onApply: (draft: ReplyTemplateDraft) => void
}) {
  const state = useReplyTemplates(caseId, true)
  if (state.status !== 'ready' || state.data.length === 0) return null
  return (
    <View className="staff-case__templates" data-testid="reply-templates">
      <Text className="hint">从答复模板开始（已填入本案情况，【待补充】处请补充）：</Text>
      {state.data.map((t) => (
        <Text
          key={t.templateId}
          className="chip"
          data-testid="apply-template"
          data-template={t.templateId}
          onClick={() => onApply(t)}
        >
          {t.title}（{REPLY_OUTCOMES[t.outcome]} · {t.unitName}）
        </Text>
      ))}
    </View>
  )
}

/** What the approver decides on: the extension asked for — days, reason, who asked and when. */
export function PendingExtension({ pending }: { pending: NonNullable<StaffCaseDetail['pendingExtension']> }) {
  return (
    <View className="banner warn" data-testid="pending-extension">
      <Text>
        申请延期 {pending.days} 天（{pending.requestedBy?.name ?? ''}
        {pending.requestedBy?.post ?? ''}，{when(pending.requestedAt)}）。理由：{pending.reason}
      </Text>
    </View>
  )
}
