// 答复模板: the reply templates of my units, per pollution category and outcome, kept by office heads (every change
// audited). A template's sections may name the case's facts in braces — {被反映对象}, {现场检查时间}, {核查结论},
// {救济渠道} … — which the officer's draft is filled with; what the case does not have yet is left to complete.
import { useCallback, useState } from 'react'
import Taro, { useDidShow, useReachBottom } from '@tarojs/taro'
import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import type { ReplyTemplate, StaffProfile } from '@shared/contracts/staff'
import {
  REPLY_FACT_NAMES,
  REPLY_OUTCOME_KEYS,
  REPLY_OUTCOMES,
  type ReplyOutcome,
  type ReplyTemplateTexts,
} from '@shared/cases/reply-templates'
import { formatShanghai } from '@shared/time'
import { CATEGORIES, CATEGORY_KEYS, type CategoryKey } from '@shared/vocabulary/categories'
import { REPLY_FIELDS } from '@shared/workflow/catalogue/reply'
import ChipPicker from '../../components/chip-picker'
import StateView from '../../components/state-view'
import {
  getStaffProfile,
  listReplyTemplates,
  removeReplyTemplate,
  saveReplyTemplate,
} from '../../services/staff'
import './index.scss'

const SECTIONS = Object.entries(REPLY_FIELDS) as Array<
  [keyof ReplyTemplateTexts, (typeof REPLY_FIELDS)[keyof typeof REPLY_FIELDS]]
>
const EMPTY_TEXTS = Object.fromEntries(SECTIONS.map(([key]) => [key, ''])) as ReplyTemplateTexts

interface Draft {
  templateId?: string
  version?: number
  unitId: string | null
  category: CategoryKey | null
  outcome: ReplyOutcome | null
  title: string
  texts: ReplyTemplateTexts
}

export default function Templates() {
  const [profile, setProfile] = useState<StaffProfile | null>(null)
  const [items, setItems] = useState<ReplyTemplate[] | null>(null)
  const [next, setNext] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [draft, setDraft] = useState<Draft | null>(null)
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  // Removing asks once more, on the page (as the staff administration's 停用 does).
  const [confirming, setConfirming] = useState(false)

  const load = useCallback(async () => {
    const [me, page] = await Promise.all([getStaffProfile(), listReplyTemplates()])
    if (me.ok) setProfile(me.data)
    if (!page.ok) return setError(page.error.message)
    setError(null)
    setItems(page.data.items)
    setNext(page.data.next)
  }, [])
  useDidShow(() => void load())
  useReachBottom(async () => {
    if (!next) return
    const page = await listReplyTemplates(next)
    if (!page.ok) return
    setItems((list) => [...(list ?? []), ...page.data.items])
    setNext(page.data.next)
  })

  const edit = (t?: ReplyTemplate) => {
    setFieldErrors({})
    setConfirming(false)
    setDraft(
      t
        ? {
            templateId: t.templateId,
            version: t.version,
            unitId: t.unitId,
            category: t.category,
            outcome: t.outcome,
            title: t.title,
            texts: { ...EMPTY_TEXTS, ...t.texts },
          }
        : {
            unitId: profile?.units[0]?.id ?? null,
            category: null,
            outcome: null,
            title: '',
            texts: { ...EMPTY_TEXTS },
          },
    )
  }

  const save = async () => {
    if (!draft || busy) return
    if (!draft.unitId || !draft.category || !draft.outcome) {
      return setFieldErrors({ _: '请选择单位、类别和办理结果' })
    }
    setBusy(true)
    const res = await saveReplyTemplate({
      templateId: draft.templateId,
      expectedVersion: draft.version,
      unitId: draft.unitId,
      category: draft.category,
      outcome: draft.outcome,
      title: draft.title,
      texts: draft.texts,
    })
    setBusy(false)
    if (!res.ok) return setFieldErrors({ ...(res.error.fields ?? {}), _: res.error.message })
    void Taro.showToast({ title: '已保存', icon: 'success' })
    setDraft(null)
    void load()
  }

  const remove = async () => {
    if (!draft?.templateId || draft.version === undefined || busy) return
    setBusy(true)
    const res = await removeReplyTemplate({ templateId: draft.templateId, expectedVersion: draft.version })
    setBusy(false)
    if (!res.ok) return setFieldErrors({ _: res.error.message })
    void Taro.showToast({ title: '已删除', icon: 'success' })
    setDraft(null)
    void load()
  }

  if (error) return <StateView kind="error" text={error} onRetry={() => void load()} />
  if (!items) return <StateView kind="loading" />
  if (draft) {
    return (
      <View className="page" data-testid="template-form">
        <View className="card">
          <Text className="label">单位</Text>
          <ChipPicker
            label="单位"
            options={(profile?.units ?? []).map((u) => ({ value: u.id, label: u.name }))}
            value={draft.unitId}
            onChange={(unitId) => setDraft({ ...draft, unitId })}
          />
          <Text className="label">问题类别</Text>
          <ChipPicker
            label="问题类别"
            testId="template-category"
            options={CATEGORY_KEYS.map((k) => ({ value: k, label: CATEGORIES[k].label }))}
            value={draft.category}
            onChange={(category) => setDraft({ ...draft, category })}
          />
          <Text className="label">办理结果</Text>
          <ChipPicker
            label="办理结果"
            testId="template-outcome"
            options={REPLY_OUTCOME_KEYS.map((k) => ({ value: k, label: REPLY_OUTCOMES[k] }))}
            value={draft.outcome}
            onChange={(outcome) => setDraft({ ...draft, outcome })}
          />
          <Text className="label">模板名称</Text>
          <Input
            className="input"
            data-testid="template-title"
            value={draft.title}
            maxlength={40}
            onInput={(e) => setDraft({ ...draft, title: e.detail.value })}
          />
          {fieldErrors.title && <Text className="error-text">{fieldErrors.title}</Text>}
        </View>
        <View className="card">
          <Text className="hint">可插入的案件信息：{REPLY_FACT_NAMES.map((n) => `{${n}}`).join(' ')}</Text>
          {SECTIONS.map(([key, field]) => (
            <View key={key} className="field">
              <Text className="label">{field.form.label}</Text>
              <Textarea
                className="textarea"
                data-testid={`template-${key}`}
                value={draft.texts[key]}
                autoHeight
                maxlength={field.form.kind === 'text' ? field.form.max : 4000}
                placeholder="可留空，由承办人填写"
                onInput={(e) => setDraft({ ...draft, texts: { ...draft.texts, [key]: e.detail.value } })}
              />
              {fieldErrors[`texts.${key}`] && (
                <Text className="error-text">{fieldErrors[`texts.${key}`]}</Text>
              )}
            </View>
          ))}
          {fieldErrors._ && <Text className="error-text">{fieldErrors._}</Text>}
          <Button
            className="btn"
            loading={busy}
            disabled={busy}
            data-testid="save-template"
            onClick={() => void save()}
          >
            保存模板
          </Button>
          {draft.templateId && !confirming && (
            <Button
              className="btn secondary"
              disabled={busy}
              data-testid="remove-template"
              onClick={() => setConfirming(true)}
            >
              删除模板
            </Button>
          )}
          {draft.templateId && confirming && (
            <View className="banner warn" data-testid="remove-confirm">
              <Text>删除「{draft.title}」后，拟写答复时不再提供此模板（删除记入操作记录）。</Text>
              <Button
                className="btn"
                loading={busy}
                disabled={busy}
                data-testid="remove-template-confirm"
                onClick={() => void remove()}
              >
                确认删除
              </Button>
              <Text className="link" onClick={() => setConfirming(false)}>
                不删除
              </Text>
            </View>
          )}
          <Text className="link templates__cancel" onClick={() => setDraft(null)}>
            返回列表
          </Text>
        </View>
      </View>
    )
  }
  return (
    <View className="page">
      <Button className="btn" data-testid="new-template" onClick={() => edit()}>
        新建答复模板
      </Button>
      {items.length === 0 && <StateView kind="empty" text="还没有答复模板" />}
      {items.map((t) => (
        <View key={t.templateId} className="list-item" data-testid="template" onClick={() => edit(t)}>
          <View className="row">
            <Text className="card-title">{t.title}</Text>
            <Text className="tag">{REPLY_OUTCOMES[t.outcome]}</Text>
          </View>
          <Text className="hint">
            {CATEGORIES[t.category].label} · {t.unitName}
          </Text>
          <Text className="muted">
            {t.updatedBy} 更新于 {formatShanghai(t.updatedAt)}
          </Text>
        </View>
      ))}
    </View>
  )
}
