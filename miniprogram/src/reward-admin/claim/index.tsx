// 奖励申领 for the reward admin: the claimant's identity and account (opening this page is recorded: 审计编号), the
// parts of the case a decision needs — what was reported, the decisions confirming the violation, where the report
// stands among others on the same matter, who handled it — and the steps the claim's state allows: decide (the
// amount from the tier table, another amount with its reason), refuse (reasons the claimant reads), record the
// payout or the recovery. Someone who handled the case is told so and cannot decide.
import { useCallback, useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import type { ClaimForRewardAdmin } from '@shared/contracts/rewards'
import type { ApiResult } from '@shared/contracts/result'
import { REFUSAL_REASON_KEYS, REFUSAL_REASONS, type RefusalReasonKey } from '@shared/rewards/statuses'
import { formatShanghai } from '@shared/time'
import ChipPicker from '../../components/chip-picker'
import DatePicker from '../../components/date-picker'
import StateView from '../../components/state-view'
import { decideReward, getClaim, recordPayout, recordRecovery, refuseReward } from '../../services/rewards'
import { phoneToday } from '../../platform/clock'
import './index.scss'

const YES_NO = [
  { value: true, label: '是' },
  { value: false, label: '否' },
]
const REASONS = REFUSAL_REASON_KEYS.map((value) => ({ value, label: REFUSAL_REASONS[value] }))

export default function RewardClaim() {
  const { params } = useRouter()
  const claimId = params.id ?? ''
  const [claim, setClaim] = useState<ClaimForRewardAdmin | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [insider, setInsider] = useState(false)
  const [amount, setAmount] = useState('')
  const [overrideReason, setOverrideReason] = useState('')
  const [reasons, setReasons] = useState<RefusalReasonKey[]>([])
  const [note, setNote] = useState('')
  const [date, setDate] = useState(phoneToday)
  const [reference, setReference] = useState('')

  const load = useCallback(async () => {
    setLoadError(null)
    const res = await getClaim(claimId)
    if (!res.ok) return setLoadError(res.error.message)
    setClaim(res.data)
    setInsider(res.data.decision?.insider ?? res.data.declaredInsider)
  }, [claimId])
  useEffect(() => void load(), [load])

  if (!claim) {
    return (
      <View className="page">
        {loadError ? (
          <StateView kind="error" text={loadError} onRetry={() => void load()} />
        ) : (
          <StateView kind="loading" />
        )}
      </View>
    )
  }

  const award = insider ? claim.awards.insider : claim.awards.notInsider
  const typed = amount.trim() === '' ? award.amount : Number(amount)
  const overridden = typed !== award.amount

  async function step(call: () => Promise<ApiResult<unknown>>, done: string) {
    setBusy(true)
    setError(null)
    const res = await call()
    setBusy(false)
    if (!res.ok) return setError(res.error.message)
    void Taro.showToast({ title: done, icon: 'success' })
    setAmount('')
    setOverrideReason('')
    setReasons([])
    setNote('')
    setReference('')
    await load()
  }

  const ref = { claimId: claim.claimId, expectedVersion: claim.version }
  const canDecide = claim.mayDecide.ok
  const c = claim.case
  return (
    <View className="page reward-claim">
      <View className="card">
        <View className="row">
          <Text className="ref-no">{c.refNo}</Text>
          <Text className="tag" data-testid="claim-state">
            {claim.stateLabel}
          </Text>
        </View>
        <Text className="hint">
          {claim.claimedBy} · {formatShanghai(claim.submittedAt)} 申领 · 奖励状态：{claim.status.label}
        </Text>
        {claim.status.reasons.map((r) => (
          <Text key={r} className="hint">
            {r}
          </Text>
        ))}
        {claim.flags.map((f) => (
          <Text key={f} className="banner warn" data-testid="claim-flag">
            {f}
          </Text>
        ))}
      </View>

      {claim.identity && (
        <View className="card" data-testid="claimant">
          <Text className="card-title">申领人（保密）</Text>
          <Text>姓名：{claim.identity.name}</Text>
          <Text>身份证号码：{claim.identity.idNumber}</Text>
          <Text>手机号：{claim.identity.phone}</Text>
          <Text>开户银行：{claim.identity.bankName}</Text>
          <Text>银行账号：{claim.identity.accountNumber}</Text>
          <Text className="muted">
            本次查看已记录（审计编号 {claim.auditId}）。申领人信息不得记录、转告他人或告知被举报对象。
          </Text>
        </View>
      )}

      <View className="card" data-testid="reward-case">
        <Text className="card-title">
          {c.requestType} · {c.category}
        </Text>
        <Text className="hint">收到：{formatShanghai(c.receivedAt)}</Text>
        {c.reportedEntity && <Text className="hint">被反映对象：{c.reportedEntity}</Text>}
        <Text className="reward-claim__text">{c.description}</Text>
        <Text className="hint">
          案件状态：{c.statusLabel}
          {c.handledIn ? `（合并到 ${c.handledIn} 办理）` : ''}
          {c.reopenCount > 0 ? `；已重新办理 ${c.reopenCount} 次` : ''}
        </Text>
        <Text className="hint">
          同一事项共 {c.position.of} 件举报，本件按收到时间排第 {c.position.rank}
        </Text>
        {c.confirmations.map((v) => (
          <View
            key={`${v.decisionNumber}-${v.recordedAt}`}
            className="reward-claim__decision"
            data-testid="confirmation"
          >
            <Text>
              {v.decision} {v.decisionNumber}（{v.decidedOn}）
            </Text>
            <Text className="hint">
              {v.violation}；罚款 {v.fineYuan} 元{v.knownBefore ? '；举报前已掌握或已报道' : ''}
            </Text>
          </View>
        ))}
        {c.untrue && (
          <Text className="banner warn">
            {c.untrue.finding}：{c.untrue.note}
          </Text>
        )}
        <Text className="muted">经办人员：{c.handledBy.join('、') || '无'}</Text>
      </View>

      {!canDecide && !claim.mayDecide.ok && (
        <Text className="banner error" data-testid="may-not-decide">
          {claim.mayDecide.reason}
        </Text>
      )}

      {claim.actions.includes('decide') && (
        <View className="card" data-testid="decide-form">
          <Text className="card-title">决定奖励</Text>
          <Text className="label">
            举报人是否为内部人员（申领人{claim.declaredInsider ? '声明是' : '声明否'}）
          </Text>
          <ChipPicker
            label="是否内部人员"
            testId="decide-insider"
            options={YES_NO}
            value={insider}
            onChange={setInsider}
          />
          {award.lines.map((l) => (
            <View key={l.text} className="reward-claim__line">
              <Text>{l.text}</Text>
              <Text className="muted">{l.source}</Text>
            </View>
          ))}
          <Text className="reward-claim__amount" data-testid="computed-amount">
            按标准计算：{award.amount} 元{award.placeholder ? '（含暂定标准）' : ''}
          </Text>
          <Text className="label section-gap">奖励金额（元，最高 {claim.cap}）</Text>
          <Input
            className="input"
            type="number"
            value={amount}
            placeholder={String(award.amount)}
            onInput={(e) => setAmount(e.detail.value)}
            data-testid="decide-amount"
          />
          {overridden && (
            <Textarea
              className="textarea section-gap"
              value={overrideReason}
              maxlength={500}
              placeholder="改定金额的理由（必填）"
              onInput={(e) => setOverrideReason(e.detail.value)}
              data-testid="decide-reason"
            />
          )}
          <Button
            className="btn section-gap"
            loading={busy}
            disabled={busy || !canDecide}
            data-testid="decide"
            onClick={() =>
              void step(
                () =>
                  decideReward({
                    ...ref,
                    insider,
                    ...(overridden ? { amount: typed, overrideReason } : {}),
                  }),
                '已决定奖励',
              )
            }
          >
            决定奖励 {typed} 元
          </Button>
        </View>
      )}

      {claim.actions.includes('refuse') && (
        <View className="card" data-testid="refuse-form">
          <Text className="card-title">不予奖励</Text>
          <ChipPicker
            multiple
            label="不予奖励的理由"
            testId="refuse-reasons"
            options={REASONS}
            value={reasons}
            onChange={setReasons}
          />
          <Textarea
            className="textarea section-gap"
            value={note}
            maxlength={500}
            placeholder="向申领人说明（选择“其他原因”时必填）"
            onInput={(e) => setNote(e.detail.value)}
          />
          <Button
            className="btn secondary section-gap"
            loading={busy}
            disabled={busy || !canDecide}
            data-testid="refuse"
            onClick={() => void step(() => refuseReward({ ...ref, reasons, note }), '已不予奖励')}
          >
            不予奖励
          </Button>
        </View>
      )}

      {(claim.actions.includes('pay') || claim.actions.includes('record-recovery')) && (
        <View className="card" data-testid="money-form">
          <Text className="card-title">{claim.actions.includes('pay') ? '登记发放' : '登记追回'}</Text>
          {claim.decision && <Text className="hint">奖励金额：{claim.decision.amount} 元</Text>}
          <Text className="label">{claim.actions.includes('pay') ? '发放日期' : '追回日期'}</Text>
          <DatePicker testId="money-date" value={date} end={phoneToday()} onChange={setDate} />
          <Text className="label section-gap">凭证号</Text>
          <Input
            className="input"
            value={reference}
            maxlength={100}
            placeholder="转账流水号或凭证号"
            onInput={(e) => setReference(e.detail.value)}
            data-testid="money-reference"
          />
          <Button
            className="btn section-gap"
            loading={busy}
            disabled={busy}
            data-testid="record-money"
            onClick={() =>
              void step(
                () =>
                  claim.actions.includes('pay')
                    ? recordPayout({ ...ref, paidOn: date, reference })
                    : recordRecovery({ ...ref, recoveredOn: date, reference }),
                '已登记',
              )
            }
          >
            {claim.actions.includes('pay') ? '登记发放' : '登记追回'}
          </Button>
        </View>
      )}

      {claim.decision && (
        <View className="card">
          <Text className="hint">
            {claim.decision.staffName} 于 {formatShanghai(claim.decision.at)} 决定奖励 {claim.decision.amount}{' '}
            元
            {claim.decision.overrideReason
              ? `（按标准 ${claim.decision.computedAmount} 元，改定理由：${claim.decision.overrideReason}）`
              : ''}
          </Text>
          {claim.payout && (
            <Text className="hint">
              {claim.payout.paidOn} 已发放，凭证号 {claim.payout.reference}
            </Text>
          )}
        </View>
      )}
      {claim.refusal && (
        <View className="card">
          <Text className="hint">
            不予奖励：{claim.refusal.reasons.join('；')}
            {claim.refusal.note ? `。${claim.refusal.note}` : ''}（{claim.refusal.byStaff ?? '系统'}）
          </Text>
        </View>
      )}
      {error && (
        <View className="banner error" role="alert" data-testid="claim-action-error">
          <Text>{error}</Text>
        </View>
      )}
    </View>
  )
}
