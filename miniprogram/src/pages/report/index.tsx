import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Image, Input, Text, Textarea, View } from '@tarojs/components'
import { CATEGORIES, CATEGORY_KEYS, type CategoryKey } from '@shared/contracts/categories'
import { DESCRIPTION_MAX, DESCRIPTION_MIN, MAX_PHOTOS, submitReportInput } from '@shared/contracts/cases'
import { REQUEST_TYPES, REQUEST_TYPE_KEYS, type RequestTypeKey } from '@shared/contracts/request-types'
import { choosePhotos } from '../../platform/media'
import { canPickOnMap, currentPosition, pickOnMap } from '../../platform/location'
import { submitReport } from '../../services/cases'
import { uploadPhoto } from '../../services/files'
import './index.scss'

interface PhotoSlot {
  key: string
  path: string
  progress: number
  fileId?: string
  error?: string
}

function newRequestId(): string {
  return `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`
}

export default function ReportPage() {
  const { params } = useRouter()
  const initialCategory = CATEGORY_KEYS.find((k) => k === params.category)
  const [clientRequestId, setClientRequestId] = useState(newRequestId)
  const [requestType, setRequestType] = useState<RequestTypeKey>('complaint')
  const [category, setCategory] = useState<CategoryKey | undefined>(initialCategory)
  const [description, setDescription] = useState('')
  const [photos, setPhotos] = useState<PhotoSlot[]>([])
  const [coords, setCoords] = useState<{ lat: number; lng: number; coordSystem: 'gcj02' | 'wgs84' } | null>(
    null,
  )
  const [address, setAddress] = useState('')
  const [reportedEntity, setReportedEntity] = useState('')
  const [reporterMode, setReporterMode] = useState<'real-name' | 'anonymous'>('real-name')
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [consent, setConsent] = useState(false)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [locating, setLocating] = useState(false)
  const [submitting, setSubmitting] = useState(false)
  const [submitError, setSubmitError] = useState('')

  const updatePhoto = (key: string, patch: Partial<PhotoSlot>) =>
    setPhotos((list) => list.map((p) => (p.key === key ? { ...p, ...patch } : p)))

  async function addPhotos() {
    const chosen = await choosePhotos(MAX_PHOTOS - photos.length)
    const slots = chosen.map((c, i) => ({ key: `${Date.now()}-${i}`, path: c.path, progress: 0 }))
    setPhotos((list) => [...list, ...slots])
    await Promise.all(
      slots.map(async (slot) => {
        const res = await uploadPhoto(slot.path, (progress) => updatePhoto(slot.key, { progress }))
        if (res.ok) updatePhoto(slot.key, { fileId: res.data.fileId, progress: 100, error: undefined })
        else updatePhoto(slot.key, { error: res.error.message })
      }),
    )
  }

  async function retryPhoto(slot: PhotoSlot) {
    updatePhoto(slot.key, { error: undefined, progress: 0 })
    const res = await uploadPhoto(slot.path, (progress) => updatePhoto(slot.key, { progress }))
    if (res.ok) updatePhoto(slot.key, { fileId: res.data.fileId, progress: 100 })
    else updatePhoto(slot.key, { error: res.error.message })
  }

  async function locate() {
    if (canPickOnMap) {
      const picked = await pickOnMap(coords ? { ...coords, address } : undefined)
      if (picked.ok) {
        setCoords({ lat: picked.location.lat, lng: picked.location.lng, coordSystem: 'gcj02' })
        setAddress(picked.location.address)
      } else if (picked.message) void Taro.showToast({ title: picked.message, icon: 'none', duration: 3000 })
      return
    }
    setLocating(true)
    const pos = await currentPosition()
    setLocating(false)
    if (pos.ok) setCoords({ lat: pos.lat, lng: pos.lng, coordSystem: pos.coordSystem })
    else void Taro.showToast({ title: pos.message, icon: 'none', duration: 3000 })
  }

  async function submit() {
    setSubmitError('')
    if (photos.some((p) => !p.fileId && !p.error)) {
      setSubmitError('照片还在上传，请稍候再提交')
      return
    }
    if (photos.some((p) => p.error)) {
      setSubmitError('有照片上传失败，请重试或删除后再提交')
      return
    }
    const input = {
      clientRequestId,
      requestType,
      category,
      description,
      photos: photos.map((p) => p.fileId as string),
      location: coords ? { ...coords, address } : undefined,
      reportedEntity: reportedEntity.trim() || undefined,
      reporter:
        reporterMode === 'anonymous'
          ? { mode: 'anonymous' as const }
          : { mode: 'real-name' as const, name, phone },
      consent,
    }
    const checked = submitReportInput.safeParse(input)
    if (!checked.success) {
      const fields: Record<string, string> = {}
      for (const issue of checked.error.issues) fields[issue.path.map(String).join('.')] ??= issue.message
      setErrors(fields)
      setSubmitError('还有内容没有填好，请按红字提示修改')
      return
    }
    setErrors({})
    setSubmitting(true)
    const res = await submitReport(checked.data)
    setSubmitting(false)
    if (!res.ok) {
      // The same clientRequestId is kept: retrying can never create a second case.
      setErrors(res.error.fields ?? {})
      setSubmitError(res.error.message)
      return
    }
    setClientRequestId(newRequestId())
    const query = res.data.queryCode ? `&code=${res.data.queryCode}` : ''
    void Taro.redirectTo({ url: `/pages/case/index?id=${res.data.caseId}&new=1${query}` })
  }

  const err = (field: string) => (errors[field] ? <Text className="error-text">{errors[field]}</Text> : null)
  const descriptionLength = [...description.trim()].length

  return (
    <View className="page report">
      <View className="card">
        <Text className="label">
          诉求类型<Text className="required">*</Text>
        </Text>
        <View className="chips" data-testid="request-types">
          {REQUEST_TYPE_KEYS.map((key) => (
            <View
              key={key}
              className={`chip ${requestType === key ? 'active' : ''}`}
              onClick={() => setRequestType(key)}
              data-value={key}
            >
              {REQUEST_TYPES[key]}
            </View>
          ))}
        </View>
        {err('requestType')}
      </View>

      <View className="card">
        <Text className="label">
          问题类别<Text className="required">*</Text>
        </Text>
        <View className="report__categories" data-testid="categories">
          {CATEGORY_KEYS.map((key) => (
            <View
              key={key}
              className={`report__category ${category === key ? 'active' : ''}`}
              onClick={() => setCategory(key)}
              data-value={key}
            >
              <Text className="report__category-label">{CATEGORIES[key].label}</Text>
              <Text className="report__category-short">{CATEGORIES[key].short}</Text>
            </View>
          ))}
        </View>
        {category && <Text className="hint">{CATEGORIES[category].description}</Text>}
        {err('category')}
      </View>

      <View className="card">
        <Text className="label">
          问题描述<Text className="required">*</Text>
        </Text>
        <Textarea
          className="textarea"
          value={description}
          maxlength={DESCRIPTION_MAX}
          placeholder="发生了什么？持续多久？影响到谁？例如：每晚 23 点后工地打桩，噪声很大，影响周边居民休息。"
          onInput={(e) => setDescription(e.detail.value)}
          data-testid="description"
        />
        <View className="row">
          <Text className="muted">至少 {DESCRIPTION_MIN} 个字</Text>
          <Text className="muted">
            {descriptionLength}/{DESCRIPTION_MAX}
          </Text>
        </View>
        {err('description')}
      </View>

      <View className="card">
        <Text className="label">现场照片（最多 {MAX_PHOTOS} 张）</Text>
        <View className="report__photos">
          {photos.map((p) => (
            <View key={p.key} className="report__photo" data-testid="photo-slot">
              <Image className="report__photo-img" src={p.path} mode="aspectFill" />
              {!p.fileId && !p.error && <Text className="report__photo-progress">{p.progress}%</Text>}
              {p.fileId && <Text className="report__photo-done">已上传</Text>}
              {p.error && (
                <View className="report__photo-error" onClick={() => retryPhoto(p)}>
                  上传失败，点此重试
                </View>
              )}
              <View
                className="report__photo-remove"
                onClick={() => setPhotos((l) => l.filter((x) => x.key !== p.key))}
              >
                ×
              </View>
            </View>
          ))}
          {photos.length < MAX_PHOTOS && (
            <View className="report__photo report__photo-add" onClick={addPhotos} data-testid="add-photo">
              <Text>＋ 拍照/相册</Text>
            </View>
          )}
        </View>
        <Text className="hint">照片会自动压缩后上传，请拍清现场情况，避免拍到无关人员面部。</Text>
        {err('photos')}
      </View>

      <View className="card">
        <Text className="label">
          问题位置<Text className="required">*</Text>
        </Text>
        <Button className="btn secondary small" onClick={locate} loading={locating} data-testid="locate">
          {canPickOnMap ? '在地图上选择位置' : '使用当前位置'}
        </Button>
        {coords && (
          <Text className="hint" data-testid="coords">
            已定位：{coords.lat.toFixed(5)}, {coords.lng.toFixed(5)}
          </Text>
        )}
        <Input
          className="input report__address"
          value={address}
          placeholder="详细地址，如：某某路与某某街交叉口东北角工地"
          onInput={(e) => setAddress(e.detail.value)}
          data-testid="address"
        />
        {err('location') || err('location.address') || err('location.lat')}
      </View>

      <View className="card">
        <Text className="label">被反映单位（选填）</Text>
        <Input
          className="input"
          value={reportedEntity}
          placeholder="如知道，请填写工厂、工地或店铺名称"
          onInput={(e) => setReportedEntity(e.detail.value)}
          data-testid="reported-entity"
        />
        {err('reportedEntity')}
      </View>

      <View className="card">
        <Text className="label">
          反映方式<Text className="required">*</Text>
        </Text>
        <View className="chips" data-testid="reporter-mode">
          <View
            className={`chip ${reporterMode === 'real-name' ? 'active' : ''}`}
            onClick={() => setReporterMode('real-name')}
            data-value="real-name"
          >
            实名
          </View>
          <View
            className={`chip ${reporterMode === 'anonymous' ? 'active' : ''}`}
            onClick={() => setReporterMode('anonymous')}
            data-value="anonymous"
          >
            匿名
          </View>
        </View>
        {reporterMode === 'real-name' ? (
          <View className="report__identity">
            <Input
              className="input"
              value={name}
              placeholder="您的姓名"
              onInput={(e) => setName(e.detail.value)}
              data-testid="reporter-name"
            />
            {err('reporter.name')}
            <Input
              className="input report__phone"
              type="number"
              maxlength={11}
              value={phone}
              placeholder="手机号（用于办理人员联系和答复）"
              onInput={(e) => setPhone(e.detail.value)}
              data-testid="reporter-phone"
            />
            {err('reporter.phone')}
            <Text className="hint">实名信息加密保存，仅办理人员可见，绝不公开或告知被反映方。</Text>
          </View>
        ) : (
          <Text className="hint">
            匿名反映会生成一个查询码，请妥善保存，用它查询办理进度。匿名反映无法电话回访。
          </Text>
        )}
      </View>

      <View className="card report__consent" onClick={() => setConsent(!consent)} data-testid="consent">
        <Text className={`report__check ${consent ? 'checked' : ''}`} aria-checked={consent}>
          {consent ? '✓' : ''}
        </Text>
        <Text className="report__consent-text">
          我已阅读并同意《举报须知与保密说明》：所反映内容属实，不捏造、不诬告；我的个人信息仅用于办理本件，依法保密。
        </Text>
      </View>
      {err('consent')}

      {submitError && (
        <Text className="error-text report__submit-error" data-testid="submit-error">
          {submitError}
        </Text>
      )}
      <Button
        className="btn report__submit"
        onClick={submit}
        loading={submitting}
        disabled={submitting}
        data-testid="submit"
      >
        提交反映
      </Button>
    </View>
  )
}
