// The form of one workflow event on the staff case page: every field of its catalogue entry (FormField), what
// was restored or carried over from the reply sent back, where the draft stands, and the submit.
import { Button, Text, View } from '@tarojs/components'
import type { StaffCaseDetail } from '@shared/contracts/staff'
import { formatShanghai } from '@shared/time'
import type { CaseEventInput, CaseEventType } from '@shared/workflow/events'
import FormField, { type Units } from '../../components/form-field'
import { useEventForm } from '../../hooks/use-event-form'
import type { ActOutcome } from '../../hooks/use-staff-case'

const when = (iso: string) => formatShanghai(iso, 'MM-DD HH:mm')

export default function EventForm({
  caseId,
  type,
  label,
  detail,
  units,
  act,
  onSent,
}: {
  caseId: string
  type: CaseEventType
  label: string
  detail: StaffCaseDetail
  units: Units
  act: (event: CaseEventInput) => Promise<ActOutcome>
  onSent: () => void
}) {
  const form = useEventForm({ caseId, type, detail, act })
  return (
    <View className="staff-case__form" data-testid="event-form" data-type={type}>
      <Text className="card-title">{label}</Text>
      {form.origin?.kind === 'restored' && (
        <View className="banner staff-case__banner" data-testid="form-restored">
          <Text>已恢复您未提交的内容（{when(form.origin.savedAt)} 保存），可以接着填写。</Text>
          <Text className="link staff-case__banner-link" onClick={form.discard}>
            清空重填
          </Text>
        </View>
      )}
      {form.origin?.kind === 'previous' && (
        <View className="banner warn" data-testid="form-prefilled">
          <Text>
            {form.origin.sentBack
              ? `已带出 ${when(form.origin.at)} 报送后被退回的内容（${form.origin.sentBack}），请修改后重新报送。`
              : `已带出 ${when(form.origin.at)} 报送的内容，请修改后再报送。`}
          </Text>
        </View>
      )}
      {form.fields.length === 0 && <Text className="hint">无需填写内容，确认即可。</Text>}
      {form.fields.map((field) => (
        <FormField
          key={field.key}
          field={field}
          value={form.values[field.key] ?? null}
          onChange={(next) => form.set(field.key, next)}
          errors={form.errors}
          units={units}
          refNo={detail.refNo}
        />
      ))}
      {form.formError && (
        <Text className="error-text" data-testid="form-error">
          {form.formError}
        </Text>
      )}
      {form.saveFailed ? (
        <Text className="error-text">手机存储空间不足，填写的内容未能保存，请尽快提交。</Text>
      ) : (
        form.savedAt && (
          <Text className="muted staff-case__saved" data-testid="form-saved">
            草稿已保存（{formatShanghai(form.savedAt, 'HH:mm:ss')}）
          </Text>
        )
      )}
      <Button
        className="btn"
        loading={form.busy}
        disabled={form.busy}
        data-testid="submit-event"
        onClick={() => void form.submit().then((sent) => sent && onSent())}
      >
        确认{label}
      </Button>
    </View>
  )
}
