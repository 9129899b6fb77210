// 登记反映: intake staff register a report that came by phone, letter, visit, a leader's instruction or a referral
// (S2 第十四条(一)(二); S4 四(一) 当天登记受理，记录姓名、联系方式和反映内容). The same case as a mini-program report:
// routed, clocked and confidential alike — the caller's contact is sealed, the original material attached. After
// registering: the query code to read out to the caller (with it they follow the case in WeChat), whether staff
// are to call them at each step, and the same matter already open, offered for merging.
import { useMemo, useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import {
  MAX_MATERIALS,
  MATERIAL_TYPES,
  REGISTERED_DESCRIPTION,
  registerReportInput,
  type RegisteredReport,
  type RegisterReportInput,
} from '@shared/contracts/channels'
import { CHANNELS_NAMING_SOURCE, STAFF_CHANNELS, type StaffChannel } from '@shared/intake/channels'
import { formatShanghai } from '@shared/time'
import {
  CATEGORIES,
  CATEGORY_KEYS,
  POLLUTION_SOURCES,
  POLLUTION_SOURCE_KEYS,
  type CategoryKey,
  type PollutionSourceKey,
} from '@shared/vocabulary/categories'
import { REQUEST_TYPES, REQUEST_TYPE_KEYS, type RequestTypeKey } from '@shared/vocabulary/request-types'
import { TERMS } from '@shared/vocabulary/terms'
import { INTAKE_CHANNELS } from '@shared/workflow/grounds'
import ChipPicker from '../../components/chip-picker'
import DatePicker from '../../components/date-picker'
import TimePicker from '../../components/time-picker'
import FieldError, { errorFor } from '../../components/field-error'
import LocationField from '../../components/location-field'
import { chooseDocuments } from '../../platform/documents'
import type { DraftPosition } from '../../services/draft'
import { registerReport, uploadMaterial } from '../../services/channels'
import { actOnCase } from '../../services/staff'
import { phoneToday } from '../../platform/clock'
import './index.scss'

/** Channels a hotline or platform order comes under: its number and deadline may be typed in. */
const ORDER_CHANNELS: readonly StaffChannel[] = ['hotline-12345', 'hotline-12369', 'platform-12369']
const MATERIAL_EXTENSIONS = [...new Set(Object.values(MATERIAL_TYPES))]

interface Form {
  channel: StaffChannel
  referredBy: string
  externalNo: string
  platformDue: string
  receivedDate: string
  receivedClock: string
  requestType: RequestTypeKey
  category: CategoryKey | null
  source: PollutionSourceKey | null
  description: string
  position: DraftPosition | null
  address: string
  reportedEntity: string
  name: string
  phone: string
  attachments: Array<{ fileId: string; name: string }>
}

const newRequestId = () => `staff-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`

function emptyForm(): Form {
  const now = new Date()
  return {
    channel: 'phone',
    referredBy: '',
    externalNo: '',
    platformDue: '',
    receivedDate: formatShanghai(now, 'YYYY-MM-DD'),
    receivedClock: formatShanghai(now, 'HH:mm'),
    requestType: 'complaint',
    category: null,
    source: null,
    description: '',
    position: null,
    address: '',
    reportedEntity: '',
    name: '',
    phone: '',
    attachments: [],
  }
}

/** The form as the action takes it (empty optional fields left out). */
function inputOf(form: Form, clientRequestId: string): RegisterReportInput {
  const optional = (value: string) => (value.trim() ? value.trim() : undefined)
  return {
    clientRequestId,
    channel: form.channel,
    referredBy: optional(form.referredBy),
    externalNo: optional(form.externalNo),
    platformDue: optional(form.platformDue),
    receivedAt: `${form.receivedDate}T${form.receivedClock}:00+08:00`,
    requestType: form.requestType,
    category: form.category as CategoryKey,
    source: form.source ?? undefined,
    description: form.description,
    location: form.position
      ? {
          address: form.address,
          lat: form.position.lat,
          lng: form.position.lng,
          coordSystem: form.position.coordSystem,
        }
      : { address: form.address },
    reportedEntity: optional(form.reportedEntity),
    contact: { name: optional(form.name), phone: optional(form.phone) },
    attachments: form.attachments.map((a) => a.fileId),
  }
}

export default function RegisterReport() {
  const [form, setForm] = useState<Form>(emptyForm)
  const [requestId, setRequestId] = useState(newRequestId)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const [uploading, setUploading] = useState(false)
  const [result, setResult] = useState<RegisteredReport | null>(null)
  const [merged, setMerged] = useState<string | null>(null)

  const update = (patch: Partial<Form>) => {
    setForm((f) => ({ ...f, ...patch }))
    setErrors({})
  }
  const channelOptions = useMemo(
    () => STAFF_CHANNELS.map((c) => ({ value: c, label: INTAKE_CHANNELS[c], testId: `channel-${c}` })),
    [],
  )

  async function addMaterial() {
    const chosen = await chooseDocuments(MATERIAL_EXTENSIONS, MAX_MATERIALS - form.attachments.length)
    if (chosen.length === 0) return
    setUploading(true)
    const added: Form['attachments'] = []
    for (const file of chosen) {
      const res = await uploadMaterial(file.path, file.name)
      if (res.ok) added.push({ fileId: res.data.fileId, name: file.name })
      else void Taro.showToast({ title: `${file.name}：${res.error.message}`, icon: 'none', duration: 3000 })
    }
    setUploading(false)
    setForm((f) => ({ ...f, attachments: [...f.attachments, ...added] }))
  }

  async function submit() {
    if (busy) return
    const input = inputOf(form, requestId)
    const checked = registerReportInput.safeParse(input)
    if (!checked.success) {
      const found: Record<string, string> = {}
      for (const issue of checked.error.issues)
        found[issue.path.map(String).join('.') || '_'] ??= issue.message
      setErrors(found)
      return
    }
    setBusy(true)
    const res = await registerReport(input)
    setBusy(false)
    if (!res.ok) {
      setErrors(res.error.fields ?? { _: res.error.message })
      if (!res.error.fields) void Taro.showToast({ title: res.error.message, icon: 'none', duration: 3000 })
      return
    }
    setResult(res.data)
  }

  async function mergeInto(intoCaseId: string) {
    if (!result || busy) return
    setBusy(true)
    const res = await actOnCase({
      caseId: result.caseId,
      expectedVersion: result.version,
      event: { type: 'merge', intoCaseId },
    })
    setBusy(false)
    if (!res.ok) return void Taro.showToast({ title: res.error.message, icon: 'none', duration: 3000 })
    setMerged(intoCaseId)
  }

  function next() {
    setForm(emptyForm())
    setRequestId(newRequestId())
    setResult(null)
    setMerged(null)
  }

  if (result) {
    return (
      <View className="page register">
        <View className="card" data-testid="registered">
          <Text className="card-title">已登记</Text>
          <View className="row">
            <Text className="ref-no" data-testid="registered-ref-no">
              {result.refNo}
            </Text>
            <Text className="tag">{result.unitName}</Text>
          </View>
          {result.queryCode && (
            <View className="register__code">
              <Text className="muted">
                请告知{TERMS.reporter}查询码（可在绿哨小程序查询进度、接收通知）：
              </Text>
              <Text className="register__code-value" data-testid="registered-query-code">
                {result.queryCode}
              </Text>
            </View>
          )}
          <Text className="hint" data-testid="registered-tell">
            {result.tellReporter === 'phone'
              ? `已留联系电话：受理、答复等每一步都会提醒受理员电话告知${TERMS.reporter}。`
              : `未留联系方式：按匿名${TERMS.report}办理。`}
          </Text>
        </View>
        {result.similar.length > 0 && (
          <View className="card" data-testid="similar">
            <Text className="card-title">同一问题已有在办案件，可合并办理</Text>
            {result.similar.map((s) => (
              <View key={s.caseId} className="list-item" data-testid="similar-case">
                <View className="row">
                  <Text className="ref-no">{s.refNo}</Text>
                  <Text className="tag">{s.statusLabel}</Text>
                </View>
                <Text className="hint">
                  {CATEGORIES[s.category].label} · {s.address}
                </Text>
                <Text className="hint">{s.reasons.join('；')}</Text>
                {merged === s.caseId ? (
                  <Text className="tag" data-testid="merged">
                    已合并到此案件
                  </Text>
                ) : (
                  !merged && (
                    <Button
                      className="btn small secondary"
                      disabled={busy}
                      onClick={() => void mergeInto(s.caseId)}
                    >
                      合并到此案件
                    </Button>
                  )
                )}
              </View>
            ))}
          </View>
        )}
        <View className="register__actions">
          <Button
            className="btn secondary"
            onClick={() => void Taro.redirectTo({ url: `/staff/case/index?id=${merged ?? result.caseId}` })}
          >
            查看案件
          </Button>
          <Button className="btn" onClick={next} data-testid="register-next">
            登记下一条
          </Button>
        </View>
      </View>
    )
  }

  const namesSource = CHANNELS_NAMING_SOURCE.includes(form.channel)
  const isOrder = ORDER_CHANNELS.includes(form.channel)
  const length = [...form.description.trim()].length
  return (
    <View className="page register">
      <View className="card">
        <Text className="label">
          来源渠道<Text className="required">*</Text>
        </Text>
        <ChipPicker
          label="来源渠道"
          testId="channels"
          options={channelOptions}
          value={form.channel}
          onChange={(channel) => update({ channel })}
        />
        <FieldError errors={errors} names={['channel']} />
        {(namesSource || isOrder || form.channel === 'referral') && (
          <>
            <Text className="label register__gap">
              交办渠道{namesSource && <Text className="required">*</Text>}
            </Text>
            <Input
              className="input"
              value={form.referredBy}
              maxlength={100}
              placeholder={form.channel === 'leader-instruction' ? '批示领导及批示' : '交办、转办单位'}
              onInput={(e) => update({ referredBy: e.detail.value })}
              data-testid="referred-by"
            />
            <FieldError errors={errors} names={['referredBy']} />
          </>
        )}
        {isOrder && (
          <>
            <Text className="label register__gap">工单编号（选填）</Text>
            <Input
              className="input"
              value={form.externalNo}
              maxlength={64}
              onInput={(e) => update({ externalNo: e.detail.value })}
              data-testid="external-no"
            />
            <FieldError errors={errors} names={['externalNo']} />
            <Text className="label register__gap">平台办理时限（选填）</Text>
            <DatePicker
              testId="platform-due"
              value={form.platformDue}
              start={form.receivedDate}
              onChange={(platformDue) => update({ platformDue })}
              onClear={() => update({ platformDue: '' })}
            />
            <Text className="hint">平台对办理时限另有规定的，从其规定（与本地时限都约束时从严）。</Text>
          </>
        )}
        <Text className="label register__gap">
          收到时间<Text className="required">*</Text>
        </Text>
        <View className="register__time">
          <DatePicker
            testId="received-date"
            value={form.receivedDate}
            end={phoneToday()}
            onChange={(receivedDate) => update({ receivedDate })}
          />
          <TimePicker
            testId="received-clock"
            value={form.receivedClock}
            onChange={(receivedClock) => update({ receivedClock })}
          />
        </View>
        <Text className="hint">办理时限从收到之日起计算。</Text>
        <FieldError errors={errors} names={['receivedAt']} />
      </View>

      <View className="card">
        <Text className="label">
          诉求类型<Text className="required">*</Text>
        </Text>
        <ChipPicker
          label="诉求类型"
          testId="request-types"
          options={REQUEST_TYPE_KEYS.map((k) => ({ value: k, label: REQUEST_TYPES[k] }))}
          value={form.requestType}
          onChange={(requestType) => update({ requestType })}
        />
        <Text className="label register__gap">
          问题类别<Text className="required">*</Text>
        </Text>
        <ChipPicker
          label="问题类别"
          testId="categories"
          options={CATEGORY_KEYS.map((k) => ({ value: k, label: CATEGORIES[k].label }))}
          value={form.category}
          onChange={(category) => update({ category })}
        />
        <FieldError errors={errors} names={['category']} />
        <Text className="label register__gap">污染来源（选填）</Text>
        <ChipPicker
          label="污染来源"
          options={POLLUTION_SOURCE_KEYS.map((k) => ({ value: k, label: POLLUTION_SOURCES[k].label }))}
          value={form.source}
          onChange={(source) => update({ source })}
          onClear={() => update({ source: null })}
        />
      </View>

      <View className="card">
        <Text className="label">
          反映内容<Text className="required">*</Text>
        </Text>
        <Textarea
          className="textarea"
          value={form.description}
          maxlength={REGISTERED_DESCRIPTION.max}
          autoHeight
          placeholder="按来电、来信原意记录：什么问题、在哪里、从何时开始、影响到谁"
          onInput={(e) => update({ description: e.detail.value })}
          data-testid="description"
        />
        <Text className={length > 0 && length < REGISTERED_DESCRIPTION.min ? 'error-text' : 'muted'}>
          {length}/{REGISTERED_DESCRIPTION.max}（至少 {REGISTERED_DESCRIPTION.min} 个字）
        </Text>
        <FieldError errors={errors} names={['description']} />
        <Text className="label register__gap">
          问题地点<Text className="required">*</Text>
        </Text>
        <LocationField
          position={form.position}
          address={form.address}
          errors={errors}
          onPosition={(position, address) => update(address ? { position, address } : { position })}
          onAddress={(address) => update({ address })}
        />
        <Text className="hint">没有坐标时，请在地址中写明区县（如「武陟县」），按区县分办。</Text>
        <Text className="label register__gap">{TERMS.reportedParty}（选填）</Text>
        <Input
          className="input"
          value={form.reportedEntity}
          maxlength={100}
          onInput={(e) => update({ reportedEntity: e.detail.value })}
          data-testid="reported-entity"
        />
        <FieldError errors={errors} names={['reportedEntity']} />
      </View>

      <View className="card">
        <Text className="label">{TERMS.reporter}联系方式（如实记录，可只填一项；都不填按匿名）</Text>
        <Input
          className="input"
          value={form.name}
          maxlength={30}
          placeholder="姓名"
          onInput={(e) => update({ name: e.detail.value })}
          data-testid="contact-name"
        />
        <FieldError errors={errors} names={['contact.name']} />
        <Input
          className="input register__gap"
          value={form.phone}
          maxlength={20}
          placeholder="联系电话（手机或带区号的固话）"
          onInput={(e) => update({ phone: e.detail.value })}
          data-testid="contact-phone"
        />
        <FieldError errors={errors} names={['contact.phone', 'contact']} />
        <Text className="hint">姓名和电话加密保存，仅办理人员可见，不会告知被反映对象。</Text>
      </View>

      <View className="card">
        <Text className="label">原始材料（选填：来信扫描件、通话录音，最多 {MAX_MATERIALS} 个）</Text>
        {form.attachments.map((a) => (
          <View key={a.fileId} className="row" data-testid="material">
            <Text className="hint">{a.name}</Text>
            <Text
              className="link"
              onClick={() => update({ attachments: form.attachments.filter((x) => x.fileId !== a.fileId) })}
            >
              删除
            </Text>
          </View>
        ))}
        {form.attachments.length < MAX_MATERIALS && (
          <Button
            className="btn small secondary"
            loading={uploading}
            disabled={uploading}
            onClick={() => void addMaterial()}
          >
            添加材料
          </Button>
        )}
        <FieldError errors={errors} names={['attachments']} />
      </View>

      {errorFor(errors, '_') && <Text className="error-text">{errorFor(errors, '_')}</Text>}
      <Button
        className="btn"
        loading={busy}
        disabled={busy || uploading}
        onClick={() => void submit()}
        data-testid="register-submit"
      >
        登记
      </Button>
    </View>
  )
}
