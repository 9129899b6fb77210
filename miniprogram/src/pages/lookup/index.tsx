// 查询匿名反映: the query code given after an anonymous report shows its progress and reply — from any
// WeChat account. Tries are limited (the backend allows 10 per 10 minutes), so the code is checked here first.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import { lookupByCodeInput, type CaseDetailForReporter } from '@shared/contracts/cases'
import type { ApiError } from '@shared/contracts/result'
import StateView from '../../components/state-view'
import CaseView from '../../components/case-view'
import RewardStatus from '../../components/reward-status'
import { useLatestWins } from '../../hooks/use-answer'
import { followCase, lookupByCode } from '../../services/cases'
import './index.scss'

export default function LookupPage() {
  const [code, setCode] = useState('')
  const [inputError, setInputError] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const [detail, setDetail] = useState<CaseDetailForReporter | null>(null)
  const [following, setFollowing] = useState(false)
  /** The code the answer on screen was found by (its reward is read by it too). */
  const [foundBy, setFoundBy] = useState('')

  // Searching again (the keyboard's 完成 while a search runs) shows only the answer to the last code asked.
  const begin = useLatestWins()

  async function search() {
    setError(null)
    const checked = lookupByCodeInput.safeParse({ code })
    if (!checked.success) {
      setInputError(checked.error.issues[0]?.message ?? '查询码格式不正确')
      return
    }
    setInputError('')
    setBusy(true)
    setDetail(null)
    const ticket = begin()
    const res = await lookupByCode(checked.data.code)
    if (!ticket.isLatest()) return
    setBusy(false)
    if (res.ok) {
      setDetail(res.data)
      setFoundBy(checked.data.code)
    } else setError(res.error)
  }

  async function follow(caseId: string) {
    setFollowing(true)
    const res = await followCase(caseId)
    setFollowing(false)
    if (res.ok) void Taro.navigateTo({ url: `/pages/case/index?id=${caseId}&followed=1` })
    else setError(res.error)
  }

  // The code's own reporter (same WeChat account) or a follower can open the full page with its actions.
  const linked = detail && (detail.relation === 'reporter' || detail.actions.unfollow)

  return (
    <View className="page lookup">
      <View className="card">
        <Text className="label">查询码</Text>
        <Input
          className="input lookup__input"
          value={code}
          maxlength={24}
          placeholder="10 位字母和数字"
          onInput={(e) => setCode(e.detail.value.toUpperCase())}
          onConfirm={() => void search()}
          data-testid="lookup-code"
        />
        {inputError && <Text className="error-text">{inputError}</Text>}
        <Text className="hint">
          匿名反映提交成功后显示的查询码。不区分大小写，可带空格；字母 O 按数字 0、字母 I 和 L 按数字 1
          识别。为防止他人猜测，每 10 分钟最多查询 10 次。
        </Text>
        <Button
          className="btn section-gap"
          loading={busy}
          disabled={busy}
          onClick={() => void search()}
          data-testid="lookup-submit"
        >
          查询
        </Button>
      </View>
      {busy && <StateView kind="loading" text="正在查询…" />}
      {error && (
        <View className="card" role="alert" data-testid="lookup-error">
          <Text className="error-text">
            {error.code === 'RATE_LIMITED'
              ? `${error.message}。为保护反映人，查询次数有限制。`
              : error.message}
          </Text>
        </View>
      )}
      {detail && (
        <View data-testid="lookup-result">
          {linked ? (
            <Button
              className="btn secondary lookup__open"
              onClick={() => void Taro.navigateTo({ url: `/pages/case/index?id=${detail.caseId}` })}
            >
              打开完整详情（评价、申请复查）
            </Button>
          ) : (
            detail.actions.follow && (
              <Button
                className="btn secondary lookup__open"
                loading={following}
                onClick={() => void follow(detail.caseId)}
              >
                关注该问题，有进展时通知我
              </Button>
            )
          )}
          <CaseView detail={detail}>
            {detail.reporterMode === 'anonymous' && (
              <RewardStatus caseId={detail.caseId} code={foundBy} shown={0} />
            )}
          </CaseView>
        </View>
      )}
    </View>
  )
}
