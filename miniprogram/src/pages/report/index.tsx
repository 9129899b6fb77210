// 反映问题: the report form. Everything is kept as a draft on the device while it is typed; before
// submitting it shows who will handle it, by when, and similar open cases nearby (follow instead).
import { useCallback, useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import {
  CATEGORIES,
  CATEGORY_KEYS,
  POLLUTION_SOURCES,
  POLLUTION_SOURCE_KEYS,
} from '@shared/vocabulary/categories'
import {
  DESCRIPTION_MAX,
  DESCRIPTION_MIN,
  MAX_PHOTOS,
  type ClientConfig,
  type SimilarCase,
  type SubmitReportResult,
} from '@shared/contracts/cases'
import { REQUEST_TYPES, REQUEST_TYPE_KEYS } from '@shared/vocabulary/request-types'
import { formatShanghai } from '@shared/time'
import Glyph, { CATEGORY_GLYPHS, REQUEST_TYPE_GLYPHS } from '../../components/glyph'
import PhotoGrid from '../../components/photo-grid'
import ChipPicker, { type ChipOption } from '../../components/chip-picker'
import DatePicker from '../../components/date-picker'
import TimePicker from '../../components/time-picker'
import LocationField from '../../components/location-field'
import ReportPreviewCard from '../../components/report-preview'
import FieldError, { errorFor } from '../../components/field-error'
import PrivacyPrompt from '../../components/privacy-prompt'
import { useReportDraft } from '../../hooks/use-report-draft'
import { usePhotoUploads } from '../../hooks/use-photo-uploads'
import { useReportPreview } from '../../hooks/use-report-preview'
import { submitFailureText, useSubmitReport } from '../../hooks/use-submit-report'
import { followCase, loadClientConfig } from '../../services/cases'
import type { ReportDraft } from '../../services/draft'
import { handOverFiled } from '../../services/handoff'
import { CONSENT_EVENT } from '../../events'
import { phoneToday } from '../../platform/clock'
import './index.scss'

const REQUEST_TYPE_HINTS = {
  consult: '了解环保政策、办事流程等',
  help: '遇到环境问题，需要帮助解决',
  complaint: '自己的生活、健康受到污染影响',
  report: '发现单位或个人违法排污、破坏生态',
  opinion: '对生态环境工作提出批评意见',
  suggestion: '对生态环境工作提出改进建议',
} as const

/** Under the categories before one is chosen (each category then says what it covers). */
const NO_CATEGORY_HINT = '不确定属于哪一类？选最接近的一项即可，办理人员会再核对。'

const TIME_CHOICES: ReadonlyArray<ChipOption<'now' | 'pick'>> = [
  { value: 'now', label: '正在发生 / 刚刚', testId: 'time-now' },
  { value: 'pick', label: '其他时间', testId: 'time-pick' },
]
const SOURCE_CHOICES = POLLUTION_SOURCE_KEYS.map((key) => ({
  value: key,
  label: POLLUTION_SOURCES[key].label,
}))
const REPORTER_MODES: ReadonlyArray<ChipOption<ReportDraft['reporterMode']>> = [
  { value: 'real-name', label: '实名' },
  { value: 'anonymous', label: '匿名' },
]

/** Sections in page order, for scrolling to the first one with an error. */
const SECTIONS: Array<[string, string[]]> = [
  ['sec-type', ['requestType']],
  ['sec-category', ['category']],
  ['sec-description', ['description']],
  ['sec-photos', ['photos']],
  ['sec-location', ['location']],
  ['sec-time', ['occurredAt']],
  ['sec-more', ['reportedEntity', 'source']],
  ['sec-reporter', ['reporter']],
  ['sec-consent', ['consent']],
]

/** Which error messages a draft property answers. */
const FIELD_OF: Partial<Record<keyof ReportDraft, string>> = {
  requestType: 'requestType',
  category: 'category',
  description: 'description',
  photos: 'photos',
  position: 'location',
  address: 'location',
  occurredAt: 'occurredAt',
  reportedEntity: 'reportedEntity',
  source: 'source',
  reporterMode: 'reporter',
  name: 'reporter.name',
  phone: 'reporter.phone',
  consent: 'consent',
}

export default function ReportPage() {
  const { params } = useRouter()
  const preset = CATEGORY_KEYS.find((k) => k === params.category)
  const {
    draft,
    update: updateDraft,
    setPhotos,
    restored,
    savedAt,
    saveFailed,
    discard,
    finish,
  } = useReportDraft(preset)
  const photos = usePhotoUploads(draft.photos, setPhotos)
  const preview = useReportPreview(draft)
  const [followBusy, setFollowBusy] = useState<string | null>(null)
  const [timeDate, setTimeDate] = useState(() => draft.occurredAt?.slice(0, 10) ?? phoneToday())
  const [timeClock, setTimeClock] = useState(() => draft.occurredAt?.slice(11, 16) ?? '')
  const [pickTime, setPickTime] = useState(draft.occurredAt !== null)
  const [localities, setLocalities] = useState<ClientConfig['localities']>([])

  useEffect(() => {
    void loadClientConfig().then((config) => setLocalities(config?.localities ?? []))
    // 《举报须知与保密说明》 page: 「我已阅读并同意」 ticks the box here.
    const agree = () => updateDraft({ consent: true })
    Taro.eventCenter.on(CONSENT_EVENT, agree)
    return () => {
      Taro.eventCenter.off(CONSENT_EVENT, agree)
    }
  }, [updateDraft])

  const onFiled = useCallback(
    (result: SubmitReportResult) => {
      finish()
      handOverFiled(result)
      void Taro.redirectTo({ url: `/pages/case/index?id=${result.caseId}&new=1` })
    },
    [finish],
  )
  const { state: submitState, fieldErrors, formError, submit, clearErrors } = useSubmitReport(onFiled)
  const submitting = submitState.phase === 'submitting'
  // Editing a field takes its error message away.
  const update = useCallback(
    (patch: Partial<ReportDraft>) => {
      updateDraft(patch)
      clearErrors(Object.keys(patch).flatMap((k) => FIELD_OF[k as keyof ReportDraft] ?? []))
    },
    [updateDraft, clearErrors],
  )

  async function onSubmit() {
    await submit(draft, photos)
  }
  useEffect(() => clearErrors(['photos']), [draft.photos.length, clearErrors])
  // After a refused submit, bring the first field with an error into view.
  useEffect(() => {
    const first = SECTIONS.find(([, names]) => errorFor(fieldErrors, ...names))
    if (first) void Taro.pageScrollTo({ selector: `#${first[0]}`, duration: 200 }).catch(() => undefined)
  }, [fieldErrors])

  async function follow(c: SimilarCase) {
    setFollowBusy(c.caseId)
    const res = await followCase(c.caseId)
    setFollowBusy(null)
    if (!res.ok) {
      void Taro.showToast({ title: res.error.message, icon: 'none', duration: 3000 })
      return
    }
    void Taro.navigateTo({ url: `/pages/case/index?id=${c.caseId}&followed=1` })
  }

  function setOccurred(date: string, clock: string) {
    setTimeDate(date)
    setTimeClock(clock)
    update({ occurredAt: date && clock ? `${date}T${clock}:00+08:00` : null })
  }

  const descriptionLength = [...draft.description.trim()].length

  return (
    <View className="page report">
      <PrivacyPrompt />
      {restored && (
        <View className="banner report__restored" data-testid="draft-restored">
          <Text>已恢复您上次未填完的内容{savedAt ? `（${savedAt} 保存）` : ''}，可以接着填写。</Text>
          <Text
            className="link report__discard"
            onClick={() =>
              void Taro.showModal({
                title: '清空重填',
                content: '清空后，已填写的内容和照片都会删除。',
                confirmText: '清空',
              }).then((r) => r.confirm && discard())
            }
          >
            清空重填
          </Text>
        </View>
      )}

      <View className="card" id="sec-type">
        <Text className="label">
          诉求类型<Text className="required">*</Text>
        </Text>
        <View className="report__types" data-testid="request-types">
          {REQUEST_TYPE_KEYS.map((key) => (
            <View
              key={key}
              className={`report__type ${draft.requestType === key ? 'active' : ''}`}
              onClick={() => update({ requestType: key })}
              data-value={key}
            >
              <Glyph char={REQUEST_TYPE_GLYPHS[key]} tone="request" size="sm" />
              <Text className="report__type-label">{REQUEST_TYPES[key]}</Text>
            </View>
          ))}
        </View>
        <Text className="hint">
          {REQUEST_TYPES[draft.requestType]}：{REQUEST_TYPE_HINTS[draft.requestType]}
        </Text>
        <FieldError errors={fieldErrors} names={['requestType']} />
      </View>

      <View className="card" id="sec-category">
        <Text className="label">
          问题类别<Text className="required">*</Text>
        </Text>
        <View className="report__categories" data-testid="categories">
          {CATEGORY_KEYS.map((key) => (
            <View
              key={key}
              className={`report__category ${draft.category === key ? 'active' : ''}`}
              onClick={() => update({ category: key })}
              data-value={key}
            >
              <Glyph char={CATEGORY_GLYPHS[key]} tone={key} />
              <View className="report__category-text">
                <Text className="report__category-label">{CATEGORIES[key].label}</Text>
                {CATEGORIES[key].short !== CATEGORIES[key].label && (
                  <Text className="report__category-short">{CATEGORIES[key].short}</Text>
                )}
              </View>
            </View>
          ))}
        </View>
        {/* Always there, two lines high: choosing a category changes its words, never the place of what is below. */}
        <Text className="hint report__category-hint" data-testid="category-hint">
          {draft.category ? CATEGORIES[draft.category].description : NO_CATEGORY_HINT}
        </Text>
        <FieldError errors={fieldErrors} names={['category']} />
      </View>

      <View className="card" id="sec-description">
        <Text className="label">
          问题描述<Text className="required">*</Text>
        </Text>
        <Textarea
          className="textarea"
          value={draft.description}
          maxlength={DESCRIPTION_MAX}
          autoHeight
          placeholder="例如：每晚 23 点后工地还在打桩，噪声很大，已持续一周，影响周边居民休息。"
          onInput={(e) => update({ description: e.detail.value })}
          data-testid="description"
        />
        <View className="row">
          <Text
            className={descriptionLength > 0 && descriptionLength < DESCRIPTION_MIN ? 'error-text' : 'muted'}
          >
            {descriptionLength > 0 && descriptionLength < DESCRIPTION_MIN
              ? `还差 ${DESCRIPTION_MIN - descriptionLength} 个字`
              : `至少 ${DESCRIPTION_MIN} 个字`}
          </Text>
          <Text className="muted">
            {descriptionLength}/{DESCRIPTION_MAX}
          </Text>
        </View>
        <Text className="hint">
          写清：什么问题、在哪里、什么时候开始、持续多久、影响到谁。不要填写他人的身份证号、电话等个人信息。
        </Text>
        <FieldError errors={fieldErrors} names={['description']} />
      </View>

      <View className="card" id="sec-photos">
        <Text className="label">现场照片（选填，最多 {MAX_PHOTOS} 张）</Text>
        <PhotoGrid
          slots={photos.slots}
          canAdd={photos.canAdd}
          choosing={photos.choosing}
          onAdd={() => void photos.add()}
          onRetry={photos.retry}
          onRemove={photos.remove}
          max={MAX_PHOTOS}
        />
        {photos.lost > 0 && (
          <Text className="error-text">有 {photos.lost} 张照片在上传完成前页面被关闭，请重新添加。</Text>
        )}
        <Text className="hint">
          照片会先在手机上压缩（每张约 500 KB 以内）再上传。请拍清现场和污染情况，避免拍到无关人员的面部。
        </Text>
        <FieldError errors={fieldErrors} names={['photos']} />
      </View>

      <View className="card" id="sec-location">
        <Text className="label">
          问题位置<Text className="required">*</Text>
        </Text>
        <LocationField
          position={draft.position}
          address={draft.address}
          errors={fieldErrors}
          onPosition={(position, address) => update(address ? { position, address } : { position })}
          onAddress={(address) => update({ address })}
        />
      </View>

      <View className="card" id="sec-time">
        <Text className="label">发生时间（选填）</Text>
        <ChipPicker
          label="发生时间"
          options={TIME_CHOICES}
          value={pickTime ? 'pick' : 'now'}
          onChange={(choice) => {
            setPickTime(choice === 'pick')
            if (choice === 'now') update({ occurredAt: null })
          }}
        />
        {pickTime && (
          <View className="report__time">
            <DatePicker
              value={timeDate}
              end={phoneToday()}
              placeholder="选择日期"
              onChange={(picked) => setOccurred(picked, timeClock || formatShanghai(new Date(), 'HH:mm'))}
            />
            <TimePicker
              value={timeClock}
              initial="22:00"
              placeholder="选择时间"
              onChange={(picked) => setOccurred(timeDate, picked)}
            />
          </View>
        )}
        <Text className="hint">如夜间噪声第二天才反映，请选择实际发生的时间。</Text>
        <FieldError errors={fieldErrors} names={['occurredAt']} />
      </View>

      <View className="card" id="sec-more">
        <Text className="label">被反映单位（选填）</Text>
        <Input
          className="input"
          value={draft.reportedEntity}
          maxlength={100}
          placeholder="如知道，请填写工厂、工地或店铺名称"
          onInput={(e) => update({ reportedEntity: e.detail.value })}
          data-testid="reported-entity"
        />
        <FieldError errors={fieldErrors} names={['reportedEntity']} />
        <Text className="label report__source-label">污染来源（选填）</Text>
        <ChipPicker
          label="污染来源"
          testId="sources"
          options={SOURCE_CHOICES}
          value={draft.source}
          onChange={(source) => update({ source })}
          onClear={() => update({ source: null })}
        />
        {draft.source && <Text className="hint">{POLLUTION_SOURCES[draft.source].description}</Text>}
        <FieldError errors={fieldErrors} names={['source']} />
      </View>

      <View className="card" id="sec-reporter">
        <Text className="label">
          反映方式<Text className="required">*</Text>
        </Text>
        <ChipPicker
          label="反映方式"
          testId="reporter-mode"
          options={REPORTER_MODES}
          value={draft.reporterMode}
          onChange={(reporterMode) => update({ reporterMode })}
        />
        {draft.reporterMode === 'real-name' ? (
          <View className="report__identity">
            <Input
              className="input"
              value={draft.name}
              maxlength={30}
              placeholder="您的姓名"
              onInput={(e) => update({ name: e.detail.value })}
              data-testid="reporter-name"
            />
            <FieldError errors={fieldErrors} names={['reporter.name']} />
            <Input
              className="input report__phone"
              type="number"
              maxlength={11}
              value={draft.phone}
              placeholder="手机号（办理人员联系和答复用）"
              onInput={(e) => update({ phone: e.detail.value })}
              data-testid="reporter-phone"
            />
            <FieldError errors={fieldErrors} names={['reporter.phone', 'reporter']} />
            <Text className="hint">
              姓名和手机号加密保存，只有办理人员可见，绝不公开，也不会告诉被反映的单位或个人。
            </Text>
          </View>
        ) : (
          <Text className="hint">
            匿名反映不需要填写姓名和电话。提交后会给您一个查询码，凭它查看办理进度和答复；匿名反映无法电话回访。
          </Text>
        )}
        <Text
          className="link report__reward"
          onClick={() => void Taro.navigateTo({ url: '/rewards/self-check/index' })}
          data-testid="reward-self-check"
        >
          有奖举报：提交前看看您的举报能否获得奖励
        </Text>
      </View>

      <View className="card" id="sec-consent">
        <View
          className="report__consent"
          onClick={() => update({ consent: !draft.consent })}
          data-testid="consent"
        >
          <Text className={`report__check ${draft.consent ? 'checked' : ''}`} aria-checked={draft.consent}>
            {draft.consent ? '✓' : ''}
          </Text>
          <Text className="report__consent-text">我已阅读并同意《举报须知与保密说明》</Text>
        </View>
        <Text className="hint">
          要点：如实反映，不捏造、不诬告；您的个人信息依法保密，只用于办理本次反映。
        </Text>
        <Text
          className="link report__notice-link"
          onClick={() => void Taro.navigateTo({ url: '/pages/notice/index?from=report' })}
          data-testid="open-notice"
        >
          阅读《举报须知与保密说明》全文
        </Text>
        <FieldError errors={fieldErrors} names={['consent']} />
      </View>

      <ReportPreviewCard
        state={preview.state}
        answeredPosition={preview.answeredPosition}
        address={draft.address}
        localities={localities}
        onRetry={preview.retry}
        onFollow={(c) => void follow(c)}
        onOpen={(c) => void Taro.navigateTo({ url: `/pages/case/index?id=${c.caseId}` })}
        busyCaseId={followBusy}
      />

      {formError && (
        <Text className="error-text report__form-error" data-testid="form-error">
          {formError}
        </Text>
      )}
      {submitState.phase === 'failed' && (
        <View className="banner error report__failed" role="alert" data-testid="submit-error">
          <Text>{submitFailureText(submitState.error, submitState.attempts)}</Text>
          <Button
            className="btn small secondary report__retry"
            onClick={() => void onSubmit()}
            data-testid="retry-submit"
          >
            重新提交
          </Button>
        </View>
      )}
      <Button
        className="btn report__submit"
        onClick={() => void onSubmit()}
        loading={submitting}
        disabled={submitting}
        data-testid="submit"
      >
        {submitState.phase === 'submitting'
          ? submitState.attempt > 1
            ? `网络不稳，正在第 ${submitState.attempt} 次尝试…`
            : '正在提交…'
          : '提交反映'}
      </Button>
      <Text className="muted report__saved" data-testid="draft-saved">
        {saveFailed
          ? '手机存储空间不足，草稿未能保存'
          : savedAt
            ? `草稿已自动保存（${savedAt}），关闭后再打开可继续填写`
            : '填写的内容会自动保存为草稿'}
      </Text>
    </View>
  )
}
