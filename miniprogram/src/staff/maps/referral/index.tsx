// 移送司法机关 (S0 第十七条 对外共享; 行政执法与刑事司法衔接): the referrals of a case and a new one. The reporter's
// identity goes with a referral only when the law that requires it is named; it is then opened through the audited
// reveal, never written into the referral.
import { useCallback, useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input, Switch, Text, Textarea, View } from '@tarojs/components'
import type { ReferralView } from '@shared/contracts/sharing'
import ChipPicker from '../../../components/chip-picker'
import FieldError from '../../../components/field-error'
import StateView from '../../../components/state-view'
import {
  listJudiciary,
  listReferrals,
  referToJudiciary,
  revealReferralIdentity,
} from '../../../services/sharing'

export default function ReferralPage() {
  const caseId = useRouter().params.id ?? ''
  const [referrals, setReferrals] = useState<ReferralView[] | null>(null)
  const [bodies, setBodies] = useState<Array<{ id: string; name: string }>>([])
  const [judiciaryId, setJudiciaryId] = useState<string | null>(null)
  const [suspectedOffence, setOffence] = useState('')
  const [facts, setFacts] = useState('')
  const [withIdentity, setWithIdentity] = useState(false)
  const [basis, setBasis] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [revealed, setRevealed] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<string | null>(null)

  const refresh = useCallback(async () => {
    const [list, judiciary] = await Promise.all([listReferrals(caseId), listJudiciary()])
    if (!list.ok) return setFailure(list.error.message)
    setReferrals(list.data)
    if (judiciary.ok) setBodies(judiciary.data)
  }, [caseId])
  useEffect(() => void refresh(), [refresh])

  const submit = async () => {
    const res = await referToJudiciary({
      caseId,
      judiciaryId: judiciaryId ?? '',
      suspectedOffence,
      facts,
      ...(withIdentity ? { identityLegalBasis: basis } : {}),
    })
    if (!res.ok) {
      setErrors(res.error.fields ?? {})
      return void Taro.showToast({ title: res.error.message, icon: 'none', duration: 3000 })
    }
    setErrors({})
    setReferrals((list) => [res.data, ...(list ?? [])])
    Taro.showToast({ title: '已记录移送', icon: 'success' })
  }

  const reveal = async (referralId: string) => {
    const res = await revealReferralIdentity(referralId)
    if (!res.ok) return void Taro.showToast({ title: res.error.message, icon: 'none', duration: 3000 })
    setRevealed((m) => ({
      ...m,
      [referralId]: `${res.data.name ?? ''} ${res.data.phone ?? ''}（查看已记录）`,
    }))
  }

  if (failure) return <StateView kind="error" text={failure} />
  if (!referrals) return <StateView kind="loading" />
  return (
    <View className="page" data-testid="referrals">
      {referrals.map((r) => (
        <View key={r.id} className="card" data-testid="referral">
          <Text className="card-title">移送{r.judiciary}</Text>
          <Text className="hint">{r.suspectedOffence}</Text>
          <Text className="hint">{r.facts}</Text>
          <Text className="muted">
            {r.referredBy} · {r.referredAt.slice(0, 16).replace('T', ' ')}
          </Text>
          {r.identityLegalBasis ? (
            <>
              <Text className="muted">随附反映人身份，依据：{r.identityLegalBasis}</Text>
              {revealed[r.id] ? (
                <Text className="hint">{revealed[r.id]}</Text>
              ) : (
                <Button className="btn small secondary" onClick={() => void reveal(r.id)}>
                  查看反映人信息（将被记录）
                </Button>
              )}
            </>
          ) : (
            <Text className="muted">不含反映人信息</Text>
          )}
        </View>
      ))}
      <View className="card">
        <Text className="card-title">新的移送</Text>
        <Text className="label">移送机关</Text>
        <ChipPicker
          label="移送机关"
          options={bodies.map((b) => ({ value: b.id, label: b.name }))}
          value={judiciaryId}
          onChange={setJudiciaryId}
        />
        <FieldError errors={errors} names={['judiciaryId']} />
        <Text className="label">涉嫌的犯罪及依据</Text>
        <Input className="input" value={suspectedOffence} onInput={(e) => setOffence(e.detail.value)} />
        <FieldError errors={errors} names={['suspectedOffence']} />
        <Text className="label">案件事实和移送材料</Text>
        <Textarea
          className="textarea"
          value={facts}
          maxlength={2000}
          onInput={(e) => setFacts(e.detail.value)}
        />
        <FieldError errors={errors} names={['facts']} />
        <View className="row">
          <Text className="label">随附反映人身份（须写明法律依据）</Text>
          <Switch checked={withIdentity} onChange={(e) => setWithIdentity(e.detail.value)} />
        </View>
        {withIdentity && (
          <>
            <Textarea className="textarea" value={basis} onInput={(e) => setBasis(e.detail.value)} />
            <FieldError errors={errors} names={['identityLegalBasis']} />
          </>
        )}
        <Button className="btn" onClick={() => void submit()}>
          记录移送
        </Button>
      </View>
    </View>
  )
}
