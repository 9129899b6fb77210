// 反映详情: progress, the reply, and what the citizen may do now — supply information when asked, rate the
// reply, ask for 复查/复核 inside the window, follow or unfollow. Opening it marks its news as read.
import { useEffect, useState } from 'react'
import Taro, { useDidShow, useRouter, useUnload } from '@tarojs/taro'
import { Button, Text, Textarea, View } from '@tarojs/components'
import { MAX_PHOTOS, type SubmitReportResult } from '@shared/contracts/cases'
import type { ApiError } from '@shared/contracts/result'
import { citeForCitizens } from '@shared/policy/sources'
import StateView from '../../components/state-view'
import CaseView from '../../components/case-view'
import QueryCode from '../../components/query-code'
import RewardStatus from '../../components/reward-status'
import StarRating from '../../components/star-rating'
import PhotoGrid from '../../components/photo-grid'
import PrivacyPrompt from '../../components/privacy-prompt'
import { useCaseDetail } from '../../hooks/use-case-detail'
import { usePhotoUploads } from '../../hooks/use-photo-uploads'
import type { DraftPhoto } from '../../services/draft'
import {
  followCase,
  loadClientConfig,
  rateReply,
  requestReReview,
  requestReview,
  supplyInfo,
  unfollowCase,
} from '../../services/cases'
import { takeFiled } from '../../services/handoff'
import { askForNotices, canAskForNotices } from '../../services/notifications'
import { isLocalMode } from '../../platform/identity'
import './index.scss'

/**
 * An action's error under its form. A field error is shown in the field's own words only: the top-level
 * message of a validation failure already quotes it (请检查填写的内容：…), so the two would repeat each other.
 */
function ActionError({ error, field }: { error?: ApiError; field?: string }) {
  if (!error) return null
  const fieldMessage = field ? error.fields?.[field] : undefined
  return (
    <Text className="error-text" data-testid="action-error">
      {fieldMessage ?? error.message}
    </Text>
  )
}

export default function CaseDetailPage() {
  const { params } = useRouter()
  const caseId = params.id ?? ''
  const [filed] = useState<SubmitReportResult | null>(() => (params.new === '1' ? takeFiled(caseId) : null))
  const justFiled = params.new === '1'
  const { detail, loadError, load, run, busy, actionErrors } = useCaseDetail(caseId)

  const [supplyText, setSupplyText] = useState('')
  const [supplyPhotos, setSupplyPhotos] = useState<DraftPhoto[]>([])
  const supplyUploads = usePhotoUploads(supplyPhotos, setSupplyPhotos)
  const [stars, setStars] = useState(0)
  const [comment, setComment] = useState('')
  const [grounds, setGrounds] = useState('')
  const [subscribed, setSubscribed] = useState<'accepted' | 'declined' | null>(null)
  const [formHint, setFormHint] = useState<{ form: 'supply' | 'rate'; text: string } | null>(null)
  // Each time the page shows, the reward status is asked again (it follows the case and the claim).
  const [shown, setShown] = useState(0)

  useDidShow(() => {
    void load()
    setShown((n) => n + 1)
  })
  // Supplement photos are not a draft: copies kept on the device go when the page does.
  useUnload(supplyUploads.clear)
  useEffect(() => {
    void loadClientConfig()
  }, [])

  if (loadError && !detail) {
    return (
      <View className="page">
        <StateView
          kind="error"
          text={
            loadError.code === 'NOT_FOUND'
              ? '没有找到这条反映：可能编号有误，或它不属于当前微信账号。'
              : `${loadError.message}`
          }
          onRetry={() => void load()}
        />
      </View>
    )
  }
  if (!detail) {
    return (
      <View className="page">
        <StateView kind="loading" text="正在加载反映详情…" />
      </View>
    )
  }

  const { actions } = detail

  async function submitSupply() {
    setFormHint(null)
    if (supplyUploads.pending > 0)
      return setFormHint({ form: 'supply', text: '照片还在上传，请等上传完成后再提交' })
    if (supplyUploads.failed > 0)
      return setFormHint({ form: 'supply', text: '有照片没有上传成功：请点照片重试，或删除后再提交' })
    const ok = await run('supply', () =>
      supplyInfo(
        caseId,
        supplyText,
        supplyPhotos.flatMap((p) => (p.fileId ? [p.fileId] : [])),
      ),
    )
    if (ok) {
      setSupplyText('')
      supplyUploads.clear()
      void Taro.showToast({ title: '补充材料已提交', icon: 'success' })
    }
  }

  async function rate(accept: boolean) {
    setFormHint(null)
    if (stars === 0) return setFormHint({ form: 'rate', text: '请先点星星选择评分（1–5 星）' })
    const ok = await run(accept ? 'accept' : 'rate', () => rateReply(caseId, stars, comment, accept))
    if (ok) void Taro.showToast({ title: accept ? '已确认，办理结束' : '评价已提交', icon: 'success' })
  }

  function askReview(kind: 'review' | 'reReview') {
    // The consent dialog must open straight from the tap, before anything is awaited.
    void askForNotices('before-review')
    void run(kind, () =>
      kind === 'review' ? requestReview(caseId, grounds) : requestReReview(caseId, grounds),
    ).then((ok) => {
      if (ok) {
        setGrounds('')
        void Taro.showToast({ title: kind === 'review' ? '已申请复查' : '已申请复核', icon: 'success' })
      }
    })
  }

  function subscribe() {
    void askForNotices('after-submit').then((outcome) => {
      if (outcome !== 'unavailable') setSubscribed(outcome)
    })
  }

  const reviewWindow = actions.review ?? actions.reReview
  const reviewKind = actions.review ? 'review' : 'reReview'
  const reviewWord = actions.review ? '复查' : '复核'

  return (
    <View className="page case">
      <PrivacyPrompt />
      {justFiled && (
        <View className="card case__filed" data-testid="filed-banner">
          <Text className="case__filed-title">提交成功</Text>
          <Text className="hint">
            编号 <Text className="ref-no">{detail.refNo}</Text>
            。我们会尽快决定是否受理并告诉您；不予受理的，也会说明理由。
          </Text>
          {filed?.replayed && (
            <Text className="banner case__note" data-testid="replayed">
              这条反映在网络中断前已经送达，没有重复提交。
            </Text>
          )}
          {filed?.queryCode && <QueryCode code={filed.queryCode} />}
          {canAskForNotices('after-submit') && subscribed === null && (
            <Button className="btn secondary case__subscribe" onClick={subscribe}>
              开启办理进度提醒
            </Button>
          )}
          {subscribed === 'accepted' && (
            <Text className="hint">已开启：受理、答复等进展会通过微信通知您。</Text>
          )}
          {subscribed === 'declined' && (
            <Text className="hint">未开启提醒，您可随时在「我的反映」中查看进展。</Text>
          )}
          {isLocalMode && (
            <Text className="hint">
              本地演示：微信通知会记录在
              <Text className="link" onClick={() => void Taro.navigateTo({ url: '/pages/outbox/index' })}>
                「通知箱」
              </Text>
              中。
            </Text>
          )}
        </View>
      )}
      {params.followed === '1' && (
        <Text className="banner" data-testid="followed-banner">
          已关注该问题：办理进度和答复会同样通知您，无需重复反映。
        </Text>
      )}
      {loadError && <Text className="banner error">{loadError.message}</Text>}

      <CaseView detail={detail}>
        {actions.supply && (
          <View className="card case__action" data-testid="supply-form">
            <Text className="card-title">请补充材料</Text>
            <Text className="hint">办理人员需要您一次性补充以下内容，补充后继续办理：</Text>
            {actions.supply.missingItems.map((item) => (
              <Text key={item} className="case__missing">
                · {item}
              </Text>
            ))}
            <Textarea
              className="textarea section-gap"
              value={supplyText}
              maxlength={4000}
              autoHeight
              placeholder="请逐项说明"
              onInput={(e) => setSupplyText(e.detail.value)}
              data-testid="supply-text"
            />
            <Text className="label section-gap">补充照片（选填）</Text>
            <PhotoGrid
              slots={supplyUploads.slots}
              canAdd={supplyUploads.canAdd}
              choosing={supplyUploads.choosing}
              onAdd={() => void supplyUploads.add()}
              onRetry={supplyUploads.retry}
              onRemove={supplyUploads.remove}
              max={MAX_PHOTOS}
            />
            {formHint?.form === 'supply' && <Text className="error-text">{formHint.text}</Text>}
            <ActionError error={actionErrors.supply} field="content" />
            <Button
              className="btn section-gap"
              loading={busy === 'supply'}
              disabled={busy !== null}
              onClick={() => void submitSupply()}
              data-testid="submit-supply"
            >
              提交补充材料
            </Button>
          </View>
        )}

        {actions.rate && (
          <View className="card case__action" data-testid="rate-form">
            <Text className="card-title">评价答复</Text>
            <Text className="hint">您对这次办理和答复满意吗？</Text>
            <StarRating value={stars} onChange={setStars} />
            <Textarea
              className="textarea case__comment"
              value={comment}
              maxlength={500}
              autoHeight
              placeholder="说说您的看法（选填）"
              onInput={(e) => setComment(e.detail.value)}
              data-testid="rate-comment"
            />
            {formHint?.form === 'rate' && <Text className="error-text">{formHint.text}</Text>}
            <ActionError error={actionErrors.rate ?? actionErrors.accept} />
            <View className="stack">
              <Button
                className="btn"
                loading={busy === 'accept'}
                disabled={busy !== null}
                onClick={() => void rate(true)}
                data-testid="accept-reply"
              >
                满意，结束办理
              </Button>
              <Button
                className="btn secondary"
                loading={busy === 'rate'}
                disabled={busy !== null}
                onClick={() => void rate(false)}
                data-testid="submit-rating"
              >
                提交评价
              </Button>
            </View>
            <Text className="hint">
              「满意，结束办理」后本件办结。对答复有异议的，请只提交评价，并在下方申请{reviewWord}。
            </Text>
          </View>
        )}

        {reviewWindow && (
          <View className="card case__action" data-testid="review-form">
            <Text className="card-title">申请{reviewWord}</Text>
            <Text className="case__window" data-testid="review-window">
              可在 {reviewWindow.until} 前申请{reviewWord}
            </Text>
            <Text className="muted">依据：{citeForCitizens(reviewWindow.basis)}</Text>
            <Text className="hint">
              {actions.review
                ? '对答复的处理意见有异议的，可以申请复查，我们会重新审查处理意见并书面答复您。'
                : '对复查意见仍有异议的，可以申请复核，复核意见为最终意见。'}
            </Text>
            <Textarea
              className="textarea section-gap"
              value={grounds}
              maxlength={2000}
              autoHeight
              placeholder={`请写明申请${reviewWord}的理由，如：工地仍在夜间施工`}
              onInput={(e) => setGrounds(e.detail.value)}
              data-testid="review-grounds"
            />
            <ActionError error={actionErrors[reviewKind]} field="grounds" />
            <Button
              className="btn section-gap"
              loading={busy === reviewKind}
              disabled={busy !== null}
              onClick={() => askReview(reviewKind)}
              data-testid="request-review"
            >
              申请{reviewWord}
            </Button>
          </View>
        )}

        {detail.relation === 'reporter' && <RewardStatus caseId={caseId} shown={shown} />}

        {(actions.follow || actions.unfollow) && (
          <View className="card case__action">
            {actions.follow ? (
              <>
                <Text className="hint">关注后，这件事的办理进度和答复会同样通知您。</Text>
                <Button
                  className="btn section-gap"
                  loading={busy === 'follow'}
                  disabled={busy !== null}
                  onClick={() => void run('follow', () => followCase(caseId))}
                  data-testid="follow"
                >
                  关注该问题
                </Button>
              </>
            ) : (
              <Button
                className="btn secondary"
                loading={busy === 'unfollow'}
                disabled={busy !== null}
                onClick={() =>
                  void run('unfollow', () => unfollowCase(caseId)).then((ok) => {
                    if (!ok) return
                    void Taro.showToast({ title: '已取消关注', icon: 'none' })
                    // The case is no longer the caller's to view: back to the list.
                    void Taro.switchTab({ url: '/pages/mine/index' })
                  })
                }
                data-testid="unfollow"
              >
                取消关注
              </Button>
            )}
            <ActionError error={actionErrors.follow ?? actionErrors.unfollow} />
          </View>
        )}
      </CaseView>
    </View>
  )
}
