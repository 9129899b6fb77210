// One field of a form declared in shared/ (a FormSpec of the event catalogue): its label, the control its kind
// asks for — with the limits the declaration gives (the same the server checks) — and its message. Text keeps a
// count of what is left; an instant starts at now and can be changed; choices, 是/否 and units are chips.
import { useCallback, useEffect, useState } from 'react'
import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import type { ColleagueOption, UnitOption } from '@shared/contracts/staff'
import { citeForStaff } from '@shared/policy/sources'
import { formatShanghai } from '@shared/time'
import { positionText } from '@shared/workflow/catalogue/describe'
import type { FieldErrors, FixValue, FormField as Field, FormValue, SitePhoto } from '../../forms/event-forms'
import { instantText, isColleague } from '../../forms/event-forms'
import { usePhotoUploads } from '../../hooks/use-photo-uploads'
import { useSitePhotos } from '../../hooks/use-site-photos'
import { currentFix } from '../../platform/location'
import type { DraftPhoto } from '../../services/draft'
// In the order the citizen's pages meet them (their styles share one stylesheet, in one order).
import DatePicker from '../date-picker'
import TimePicker from '../time-picker'
import ChipPicker from '../chip-picker'
import FieldError from '../field-error'
import StarRating from '../star-rating'
import PhotoGrid from '../photo-grid'
import { phoneToday } from '../../platform/clock'
import './index.scss'

/** The deployment's units, for unit fields: null while loading, with the reason if they could not be loaded. */
export interface Units {
  list: UnitOption[] | null
  error: string | null
}

/**
 * The colleagues a `staff` field picks from (the officers of the case's lead unit): null while loading, with the
 * reason if they could not be loaded; `waiting` says what must be chosen first (the unit).
 */
export interface Colleagues {
  list: ColleagueOption[] | null
  error: string | null
  waiting?: string
}

type Change = (next: FormValue | ((current: FormValue) => FormValue)) => void

const YES_NO = [
  { value: true, label: '是' },
  { value: false, label: '否' },
]

const str = (value: FormValue) => (typeof value === 'string' ? value : '')

function Counter({ value, max }: { value: string; max: number }) {
  return (
    <Text className={`form-field__count ${value.length > max ? 'error-text' : 'muted'}`}>
      {value.length}/{max}
    </Text>
  )
}

/** Photos taken on site: uploaded as soon as chosen, attached to the case with the event. */
function PhotosControl({ value, onChange, max }: { value: FormValue; onChange: Change; max: number }) {
  const photos = (Array.isArray(value) ? value : []) as DraftPhoto[]
  const uploads = usePhotoUploads(
    photos,
    (update) => onChange((current) => update((Array.isArray(current) ? current : []) as DraftPhoto[])),
    max,
  )
  return (
    <>
      <PhotoGrid
        slots={uploads.slots}
        canAdd={uploads.canAdd}
        choosing={uploads.choosing}
        onAdd={() => void uploads.add()}
        onRetry={uploads.retry}
        onRemove={uploads.remove}
        max={max}
      />
      {uploads.lost > 0 && (
        <Text className="error-text">有 {uploads.lost} 张照片在上传完成前页面被关闭，请重新添加。</Text>
      )}
    </>
  )
}

const isFix = (value: FormValue): value is FixValue =>
  !!value && typeof value === 'object' && !Array.isArray(value) && 'takenAt' in value

/**
 * The device's position, read when the form opens (and again on a tap): as precise as the phone can tell, with
 * its accuracy and the phone's clock. Never typed.
 */
function PositionControl({ value, onChange }: { value: FormValue; onChange: Change }) {
  const fix = isFix(value) ? value : null
  const [locating, setLocating] = useState(false)
  const [failure, setFailure] = useState('')
  const locate = useCallback(async () => {
    setLocating(true)
    setFailure('')
    const result = await currentFix()
    setLocating(false)
    if (result.ok) onChange(result.fix)
    else setFailure(result.message)
  }, [onChange])
  const [asked, setAsked] = useState(false)
  useEffect(() => {
    if (fix || asked) return
    setAsked(true)
    void locate()
  }, [fix, asked, locate])
  return (
    <View className="form-field__position" data-testid="device-fix" data-status={fix ? 'ready' : 'none'}>
      {fix ? (
        <Text className="hint" data-testid="device-fix-text">
          {positionText(fix)} · 手机时间 {formatShanghai(fix.takenAt, 'HH:mm:ss')}
        </Text>
      ) : (
        <Text className="muted">{locating ? '正在获取当前位置…' : '尚未获取位置'}</Text>
      )}
      <Button
        className="btn small secondary"
        loading={locating}
        disabled={locating}
        data-testid="locate-fix"
        onClick={() => void locate()}
      >
        {fix ? '重新定位' : '获取当前位置'}
      </Button>
      {failure && <Text className="error-text">{failure}</Text>}
    </View>
  )
}

/** Photos taken on site: the camera, the stamp drawn on them, kept on the device until the action is sent. */
function SitePhotosControl({
  value,
  onChange,
  max,
  refNo,
}: {
  value: FormValue
  onChange: Change
  max: number
  refNo: string
}) {
  const photos = (Array.isArray(value) ? value : []) as SitePhoto[]
  const site = useSitePhotos(
    photos,
    (update) => onChange((current) => update((Array.isArray(current) ? current : []) as SitePhoto[])),
    max,
    refNo,
  )
  return (
    <>
      <PhotoGrid
        slots={site.slots}
        canAdd={site.canAdd}
        choosing={site.taking}
        onAdd={() => void site.take()}
        onRetry={() => undefined}
        onRemove={site.remove}
        max={max}
        addLabel="拍照"
      />
      {site.message && <Text className="error-text">{site.message}</Text>}
      <Text className="hint">照片上印有拍摄时间和位置，随本次操作上传；没有网络时先保存在手机上。</Text>
    </>
  )
}

function Control({
  field,
  value,
  onChange,
  units,
  colleagues,
  refNo,
}: {
  field: Field
  value: FormValue
  onChange: Change
  units: Units
  colleagues?: Colleagues
  refNo: string
}) {
  const { spec } = field
  switch (spec.kind) {
    case 'text':
      return spec.multiline ? (
        <>
          <Textarea
            className="textarea"
            value={str(value)}
            placeholder={spec.placeholder ?? ''}
            maxlength={spec.max}
            autoHeight
            onInput={(e) => onChange(e.detail.value)}
          />
          <Counter value={str(value)} max={spec.max} />
        </>
      ) : (
        <Input
          className="input"
          value={str(value)}
          placeholder={spec.placeholder ?? ''}
          maxlength={spec.max}
          onInput={(e) => onChange(e.detail.value)}
        />
      )
    case 'lines':
      return (
        <>
          <Textarea
            className="textarea"
            value={str(value)}
            placeholder={spec.placeholder ?? '每行一项'}
            maxlength={(spec.itemMax + 1) * spec.maxItems}
            autoHeight
            onInput={(e) => onChange(e.detail.value)}
          />
          <Text className="hint">
            每行一项，最多 {spec.maxItems} 项，每项不超过 {spec.itemMax} 字
          </Text>
        </>
      )
    case 'count':
      return (
        <View className="form-field__inline">
          <Input
            className="input form-field__number"
            type="number"
            value={str(value)}
            placeholder={`${spec.min}–${spec.max}`}
            onInput={(e) => onChange(e.detail.value)}
          />
          <Text className="form-field__unit">{spec.unit}</Text>
        </View>
      )
    case 'date':
      return (
        <DatePicker
          value={str(value)}
          onChange={onChange}
          placeholder={spec.placeholder}
          onClear={spec.optional ? () => onChange('') : undefined}
        />
      )
    case 'staff': {
      if (colleagues?.waiting) return <Text className="muted">{colleagues.waiting}</Text>
      if (!colleagues || colleagues.list === null) {
        return colleagues?.error ? (
          <Text className="error-text">{colleagues.error}</Text>
        ) : (
          <Text className="muted">正在加载人员…</Text>
        )
      }
      if (colleagues.list.length === 0) return <Text className="error-text">该单位没有可指定的承办人员</Text>
      const picked = isColleague(value) ? value.id : null
      return (
        <ChipPicker
          label={spec.label}
          testId={`pick-${field.key}`}
          options={colleagues.list.map((c) => ({ value: c.id, label: c.name }))}
          value={picked}
          onChange={(id) => {
            const found = colleagues.list?.find((c) => c.id === id)
            if (found) onChange({ id: found.id, name: found.name })
          }}
        />
      )
    }
    case 'instant': {
      const [date = '', clock = ''] = str(value).split(' ')
      return (
        <View className="form-field__inline">
          <DatePicker
            value={date}
            end={phoneToday()}
            placeholder="日期"
            onChange={(picked) => onChange(`${picked} ${clock || '00:00'}`)}
          />
          <TimePicker
            value={clock}
            placeholder="时间"
            onChange={(picked) => onChange(`${date || phoneToday()} ${picked}`)}
          />
          <Text className="link form-field__now" onClick={() => onChange(instantText(new Date()))}>
            现在
          </Text>
        </View>
      )
    }
    case 'case':
      return (
        <Input
          className="input"
          value={str(value)}
          placeholder="案件编号"
          maxlength={64}
          onInput={(e) => onChange(e.detail.value.trim())}
        />
      )
    case 'choice':
      return (
        <ChipPicker
          label={spec.label}
          options={spec.options.map((o) => ({
            value: o.value,
            label: o.basis ? `${o.label}（${citeForStaff(o.basis)}）` : o.label,
          }))}
          value={typeof value === 'string' ? value : null}
          onChange={onChange}
        />
      )
    case 'yes-no':
      return (
        <ChipPicker
          label={spec.label}
          options={YES_NO}
          value={typeof value === 'boolean' ? value : null}
          onChange={onChange}
          onClear={spec.optional ? () => onChange(null) : undefined}
        />
      )
    case 'stars':
      return <StarRating value={typeof value === 'number' ? value : 0} onChange={onChange} />
    case 'unit':
    case 'units': {
      if (units.list === null) {
        return units.error ? (
          <Text className="error-text">{units.error}</Text>
        ) : (
          <Text className="muted">正在加载单位…</Text>
        )
      }
      const options = units.list.map((u) => ({ value: u.id, label: u.name }))
      return spec.kind === 'units' ? (
        <ChipPicker
          multiple
          label={spec.label}
          options={options}
          value={Array.isArray(value) ? (value as string[]) : []}
          onChange={onChange}
        />
      ) : (
        <ChipPicker
          label={spec.label}
          options={options}
          value={typeof value === 'string' ? value : null}
          onChange={onChange}
          onClear={spec.optional ? () => onChange(null) : undefined}
        />
      )
    }
    case 'files':
      return <PhotosControl value={value} onChange={onChange} max={spec.max} />
    case 'decimal':
      return (
        <View className="form-field__inline">
          <Input
            className="input form-field__number"
            type="digit"
            value={str(value)}
            placeholder={`最多 ${spec.decimals} 位小数`}
            onInput={(e) => onChange(e.detail.value)}
          />
          {spec.unit && <Text className="form-field__unit">{spec.unit}</Text>}
        </View>
      )
    case 'position':
      return <PositionControl value={value} onChange={onChange} />
    case 'stamped-photos':
      return <SitePhotosControl value={value} onChange={onChange} max={spec.max} refNo={refNo} />
  }
}

const isOptional = (spec: Field['spec']) => ('optional' in spec && spec.optional) || spec.kind === 'files'

export default function FormField({
  field,
  value,
  onChange,
  errors,
  units,
  colleagues,
  refNo = '',
}: {
  field: Field
  value: FormValue
  onChange: Change
  errors: FieldErrors
  units: Units
  colleagues?: Colleagues
  /** The case's reference number, stamped on photos taken on site. */
  refNo?: string
}) {
  return (
    <View className="field form-field" data-testid={`field-${field.key}`} data-kind={field.spec.kind}>
      <Text className="label">
        {field.spec.label}
        {isOptional(field.spec) ? (
          <Text className="muted">（选填）</Text>
        ) : (
          <Text className="required">*</Text>
        )}
      </Text>
      <Control
        field={field}
        value={value}
        onChange={onChange}
        units={units}
        colleagues={colleagues}
        refNo={refNo}
      />
      <FieldError errors={errors} names={[field.key]} />
    </View>
  )
}
