// The form of one workflow event on the staff case page: every field of its catalogue entry (FormField), what
// was restored or carried over from the reply sent back, where the draft stands, and the submit.
import { useEffect } from 'react'
import { Button, Text, View } from '@tarojs/components'
import type { StaffCaseDetail } from '@shared/contracts/staff'
import { formatShanghai } from '@shared/time'
import type { CaseEventInput, CaseEventType } from '@shared/workflow/events'
import FormField, { type Units } from '../../components/form-field'
import { isColleague, type FormValues } from '../../forms/event-forms'
import { useEventForm } from '../../hooks/use-event-form'
import type { ActOutcome } from '../../hooks/use-staff-case'
import { MergeCandidates, ReplyTemplates, TransferTarget } from './form-extras'
import { useColleagues } from './use-pickers'

const when = (iso: string) => formatShanghai(iso, 'MM-DD HH:mm')

/** The unit whose officer a form names: the lead unit picked (or the only one), or the case's lead unit. */
function leadUnitOf(type: CaseEventType, values: FormValues, detail: StaffCaseDetail): string | null {
  if (type === 'assign') {
    const lead = values.leadUnitId
    const units = Array.isArray(values.unitIds) ? (values.unitIds as string[]) : []
    return typeof lead === 'string' && lead ? lead : units.length === 1 ? units[0]! : null
  }
  if (type === 'designate-officer') return detail.assignment?.units.find((u) => u.lead)?.id ?? detail.unitId
  return null
}

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
  const names = type === 'assign' || type === 'designate-officer'
  const lead = leadUnitOf(type, form.values, detail)
  const colleagues = useColleagues(lead, caseId, names)
  // An officer picked for another lead unit is no longer one of its officers.
  const picked = form.values.officer
  const { set } = form
  useEffect(() => {
    if (colleagues?.list && isColleague(picked) && !colleagues.list.some((c) => c.id === picked.id)) {
      set('officer', null)
    }
  }, [colleagues?.list, picked, set])
  const legalDue = detail.clocks.find((c) => c.clock === 'handling')?.due ?? null
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
      {names && legalDue && (
        <Text className="hint" data-testid="legal-due">
          法定办结期限：{legalDue}（办理时限不得晚于此日）
        </Text>
      )}
      {type === 'merge' && (
        <MergeCandidates
          caseId={caseId}
          value={form.values.intoCaseId ?? null}
          onPick={(refNo) => form.set('intoCaseId', refNo)}
        />
      )}
      {type === 'draft-reply' && (
        <ReplyTemplates
          caseId={caseId}
          onApply={(draft) => {
            for (const [key, text] of Object.entries(draft.reply)) if (text) form.set(`reply.${key}`, text)
          }}
        />
      )}
      {form.fields.length === 0 && <Text className="hint">无需填写内容，确认即可。</Text>}
      {form.fields.map((field) =>
        type === 'transfer' && field.key === 'to' ? (
          <View key={field.key} className="field form-field" data-testid="field-to">
            <Text className="label">
              {field.spec.label}
              <Text className="required">*</Text>
            </Text>
            <TransferTarget
              target={form.values.target ?? null}
              value={form.values.to ?? null}
              onChange={(to) => form.set('to', to)}
            />
            {form.errors.to && <Text className="error-text">{form.errors.to}</Text>}
          </View>
        ) : (
          <FormField
            key={field.key}
            field={field}
            value={form.values[field.key] ?? null}
            onChange={(next) => {
              form.set(field.key, next)
              // A new kind of target: the target chosen for the old one no longer applies.
              if (type === 'transfer' && field.key === 'target') form.set('to', '')
            }}
            errors={form.errors}
            units={units}
            colleagues={field.spec.kind === 'staff' ? colleagues : undefined}
            refNo={detail.refNo}
          />
        ),
      )}
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
