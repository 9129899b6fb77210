// 案件办理: one case for staff — what was reported, the legal clocks, the history, and the workflow actions
// this person may take now (buttons come from the server's allowedEvents; the form fields from EVENT_FORMS).
import { useCallback, useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Button, Image, Input, Text, Textarea, View } from '@tarojs/components'
import { CLOCK_STATE_LABELS } from '@shared/contracts/cases'
import type { StaffCaseDetail, UnitOption } from '@shared/contracts/staff'
import { CATEGORIES } from '@shared/vocabulary/categories'
import { CONTENT_HELD_TAG } from '@shared/cases/held-content'
import { REQUEST_TYPES } from '@shared/vocabulary/request-types'
import { citeForStaff } from '@shared/policy/sources'
import { formatShanghai } from '@shared/time'
import { caseEventSchema, type CaseEventType } from '@shared/workflow/events'
import StateView from '../../components/state-view'
import CaseTimeline from '../../components/case-timeline'
import { useLatestWins } from '../../hooks/use-answer'
import { actOnCase, clearHeldContent, getStaffCase, listUnits, revealReporter } from '../api'
import { buildEvent, formFieldsOf, type FormField, type FormValues } from './event-forms'
import './index.scss'

export default function StaffCase() {
  const { params } = useRouter()
  const caseId = params.id ?? ''
  const [detail, setDetail] = useState<StaffCaseDetail | null>(null)
  const [error, setError] = useState('')
  const [units, setUnits] = useState<UnitOption[]>([])
  const [form, setForm] = useState<{ type: CaseEventType; label: string } | null>(null)
  const [values, setValues] = useState<FormValues>({})
  const [formError, setFormError] = useState('')
  const [busy, setBusy] = useState(false)
  const [contact, setContact] = useState<{ name: string | null; phone: string | null } | null>(null)
  const [revealing, setRevealing] = useState(false)
  const [revealReason, setRevealReason] = useState('')
  const [revealBusy, setRevealBusy] = useState(false)

  // A load (on show, after a conflict) and an action can overlap: whichever was started later wins, so a slow
  // load never replaces the view an action has just returned.
  const begin = useLatestWins()
  const load = useCallback(async () => {
    const ticket = begin()
    const res = await getStaffCase(caseId)
    if (!ticket.apply()) return
    if (res.ok) {
      setDetail(res.data)
      setError('')
    } else setError(res.error.message)
  }, [caseId, begin])

  useDidShow(() => {
    void load()
    void listUnits().then((res) => res.ok && setUnits(res.data))
  })

  const open = (type: CaseEventType, label: string) => {
    setForm({ type, label })
    // The reply's 救济渠道 starts from the periods and articles of this case's policy.
    setValues(type === 'draft-reply' && detail ? { 'reply.remedies': detail.replyRemedies } : {})
    setFormError('')
  }

  async function submit() {
    if (!detail || !form) return
    const event = buildEvent(form.type, values, new Date())
    const checked = caseEventSchema.safeParse(event)
    if (!checked.success) {
      setFormError(checked.error.issues[0]?.message ?? '请检查填写的内容')
      return
    }
    setBusy(true)
    const ticket = begin()
    const res = await actOnCase({ caseId, expectedVersion: detail.version, event: checked.data })
    setBusy(false)
    if (res.ok) {
      if (ticket.apply()) setDetail(res.data)
      setForm(null)
      void Taro.showToast({ title: `已${form.label}`, icon: 'success' })
    } else if (res.error.code === 'CONFLICT') {
      setFormError('案件刚被其他人更新过，已刷新，请确认后再操作')
      void load()
    } else setFormError(res.error.message)
  }

  async function clearHeld(holdId: string) {
    if (!detail || busy) return
    setBusy(true)
    const ticket = begin()
    const res = await clearHeldContent({ caseId, expectedVersion: detail.version, holdId })
    setBusy(false)
    if (res.ok) {
      if (ticket.apply()) setDetail(res.data)
      void Taro.showToast({ title: '已审核通过', icon: 'success' })
    } else {
      void Taro.showToast({ title: res.error.message, icon: 'none', duration: 3000 })
      if (res.error.code === 'CONFLICT') void load()
    }
  }

  async function reveal() {
    if (revealBusy) return
    setRevealBusy(true)
    const res = await revealReporter(caseId, revealReason)
    setRevealBusy(false)
    if (res.ok) {
      setContact({ name: res.data.name, phone: res.data.phone })
      setRevealing(false)
    } else void Taro.showToast({ title: res.error.message, icon: 'none', duration: 3000 })
  }

  if (error) return <StateView kind="error" text={error} onRetry={() => void load()} />
  if (!detail) return <StateView kind="loading" />

  const set = (key: string, value: string | string[] | boolean) => setValues((v) => ({ ...v, [key]: value }))
  const renderField = ({ key, spec }: FormField) => {
    const value = values[key]
    switch (spec.kind) {
      case 'text':
      case 'lines':
        return spec.kind === 'lines' || spec.multiline ? (
          <Textarea
            className="textarea"
            value={String(value ?? '')}
            placeholder={spec.placeholder ?? ''}
            maxlength={spec.kind === 'lines' ? spec.itemMax * spec.maxItems : spec.max}
            onInput={(e) => set(key, e.detail.value)}
          />
        ) : (
          <Input
            className="input"
            value={String(value ?? '')}
            placeholder={spec.placeholder ?? ''}
            maxlength={spec.max}
            onInput={(e) => set(key, e.detail.value)}
          />
        )
      case 'count':
      case 'stars':
      case 'date':
      case 'instant':
      case 'case':
        return (
          <Input
            className="input"
            type={spec.kind === 'count' || spec.kind === 'stars' ? 'number' : 'text'}
            value={String(value ?? '')}
            placeholder={
              spec.kind === 'date'
                ? 'YYYY-MM-DD'
                : spec.kind === 'instant'
                  ? `${formatShanghai(new Date())}（不填为现在）`
                  : spec.kind === 'count'
                    ? `${spec.min}–${spec.max} ${spec.unit}`
                    : ''
            }
            onInput={(e) => set(key, e.detail.value)}
          />
        )
      case 'files':
        return <Text className="hint">照片可在现场核查时上传</Text>
      case 'choice':
        return (
          <View className="chips">
            {spec.options.map((o) => (
              <View
                key={o.value}
                className={`chip ${value === o.value ? 'active' : ''}`}
                onClick={() => set(key, o.value)}
              >
                {o.basis ? `${o.label}（${citeForStaff(o.basis)}）` : o.label}
              </View>
            ))}
          </View>
        )
      case 'yes-no':
        return (
          <View className="chips">
            {[
              [true, '是'],
              [false, '否'],
            ].map(([v, label]) => (
              <View
                key={String(v)}
                className={`chip ${value === v ? 'active' : ''}`}
                onClick={() => set(key, v as boolean)}
              >
                {label as string}
              </View>
            ))}
          </View>
        )
      case 'unit':
      case 'units': {
        const picked = Array.isArray(value) ? value : []
        const multiple = spec.kind === 'units'
        const toggle = (id: string) =>
          set(key, multiple ? (picked.includes(id) ? picked.filter((x) => x !== id) : [...picked, id]) : [id])
        return (
          <View className="chips">
            {units.map((u) => (
              <View
                key={u.id}
                className={`chip ${picked.includes(u.id) ? 'active' : ''}`}
                onClick={() => toggle(u.id)}
              >
                {u.name}
              </View>
            ))}
          </View>
        )
      }
    }
  }

  const photos = detail.photos.map((p) => p.url).filter((u): u is string => Boolean(u))
  return (
    <View className="page staff-case">
      <View className="card">
        <View className="row">
          <Text className="ref-no">{detail.refNo}</Text>
          <Text className="tag">{detail.statusLabel}</Text>
        </View>
        <Text className="card-title">
          {REQUEST_TYPES[detail.requestType]} · {CATEGORIES[detail.category].label}
        </Text>
        <View className="staff-case__flags">
          {detail.urgent && <Text className="tag warn">紧急：立即现场处置</Text>}
          {detail.important && <Text className="tag warn">重要案件</Text>}
          {detail.escalated && <Text className="tag warn">提级办理</Text>}
          {detail.supervised && <Text className="tag warn">督办</Text>}
          {detail.leaderCase && <Text className="tag warn">领导包案</Text>}
          {detail.contentHeld && <Text className="tag warn">{CONTENT_HELD_TAG}</Text>}
          {detail.followers > 1 && <Text className="tag">{detail.followers} 人关注</Text>}
        </View>
        <Text className="staff-case__description">{detail.description}</Text>
        {photos.length > 0 && (
          <View className="staff-case__photos">
            {photos.map((url) => (
              <Image
                key={url}
                className="staff-case__photo"
                src={url}
                mode="aspectFill"
                onClick={() => void Taro.previewImage({ urls: photos, current: url })}
              />
            ))}
          </View>
        )}
        <Text className="hint">地点：{detail.address}</Text>
        {detail.reportedEntity && <Text className="hint">被反映单位：{detail.reportedEntity}</Text>}
        {detail.occurredAt && <Text className="hint">发生时间：{formatShanghai(detail.occurredAt)}</Text>}
        <Text className="hint">
          承办单位：{detail.unitName}（{citeForStaff(detail.routing.cite)}）
        </Text>
        {detail.routing.guidance && <Text className="hint">引导：{detail.routing.guidance}</Text>}
        {detail.findings.map((f) => (
          <Text key={f.label} className="hint" data-testid="finding">
            研判：{f.text}
          </Text>
        ))}
        <View className="row staff-case__reporter">
          <Text className="hint">
            反映人：
            {detail.reporter.mode === 'anonymous'
              ? '匿名'
              : contact
                ? `${contact.name} ${contact.phone}`
                : `${detail.reporter.name ?? ''} ${detail.reporter.phone ?? ''}`}
          </Text>
          {detail.reporter.mode === 'real-name' && !contact && !revealing && (
            <Button className="btn small secondary" onClick={() => setRevealing(true)}>
              查看联系方式
            </Button>
          )}
        </View>
        {revealing && (
          <View className="field">
            <Text className="hint">反映人信息严格保密，查看将记录在案（S0 第十三条）。请填写理由：</Text>
            <Input
              className="input"
              value={revealReason}
              placeholder="如：需电话联系核实现场位置"
              onInput={(e) => setRevealReason(e.detail.value)}
            />
            <Button
              className="btn small"
              loading={revealBusy}
              disabled={revealBusy}
              onClick={() => void reveal()}
            >
              确认查看
            </Button>
          </View>
        )}
      </View>

      {detail.heldContent.length > 0 && (
        <View className="card" data-testid="held-content">
          <Text className="card-title">{CONTENT_HELD_TAG}</Text>
          <Text className="hint">
            以下内容未能通过自动安全检查，审核通过前不向其他群众显示；确认无不当内容后点「审核通过」。
          </Text>
          {detail.heldContent.map((held) => (
            <View key={held.holdId} className="staff-case__held">
              <Text className="staff-case__step-label">{held.label}</Text>
              <Text className="muted">{held.reason}</Text>
              {held.text && <Text className="staff-case__description">{held.text}</Text>}
              {held.photos.length > 0 && (
                <View className="staff-case__photos">
                  {held.photos.map((p) =>
                    p.url ? (
                      <Image
                        key={p.fileId}
                        className="staff-case__photo"
                        src={p.url}
                        mode="aspectFill"
                        onClick={() => void Taro.previewImage({ urls: [p.url!], current: p.url! })}
                      />
                    ) : (
                      <Text key={p.fileId} className="tag">
                        {p.checking ? '照片检查中' : '照片不可用'}
                      </Text>
                    ),
                  )}
                </View>
              )}
              {held.clearable && (
                <Button
                  className="btn small secondary"
                  data-testid="clear-held"
                  loading={busy}
                  disabled={busy}
                  onClick={() => void clearHeld(held.holdId)}
                >
                  审核通过
                </Button>
              )}
            </View>
          ))}
        </View>
      )}

      <View className="card">
        <Text className="card-title">办理时限</Text>
        {detail.clocks.length === 0 && <Text className="muted">暂无</Text>}
        {detail.clocks.map((c) => (
          <View key={c.clock} className="row staff-case__clock">
            <Text>{c.label}</Text>
            <Text className={c.overdue ? 'error-text' : 'muted'}>
              {c.due ?? '暂停中'}
              {c.overdue
                ? ` ${CLOCK_STATE_LABELS.overdue}`
                : c.state === 'completed'
                  ? ` ${CLOCK_STATE_LABELS.completed}`
                  : ''}
              {c.provisional ? '（暂估）' : ''} · {citeForStaff(c.basis)}
            </Text>
          </View>
        ))}
      </View>

      <View className="card">
        <Text className="card-title">可办理的操作</Text>
        {detail.allowedEvents.length === 0 && <Text className="muted">当前状态下您没有可办理的操作</Text>}
        <View className="chips">
          {detail.allowedEvents.map((e) => (
            <View
              key={e.type}
              className={`chip ${form?.type === e.type ? 'active' : ''}`}
              onClick={() => open(e.type, e.label)}
            >
              {e.label}
            </View>
          ))}
        </View>
        {form && (
          <View className="staff-case__form">
            <Text className="card-title">{form.label}</Text>
            {formFieldsOf(form.type).map((field) => (
              <View key={field.key} className="field">
                <Text className="label">{field.spec.label}</Text>
                {renderField(field)}
              </View>
            ))}
            {formError && <Text className="error-text">{formError}</Text>}
            <Button className="btn" loading={busy} disabled={busy} onClick={() => void submit()}>
              确认{form.label}
            </Button>
          </View>
        )}
      </View>

      <View className="card" data-testid="staff-timeline">
        <Text className="card-title">办理记录</Text>
        <CaseTimeline entries={detail.timeline} />
      </View>
    </View>
  )
}
