// 申领举报奖励: identity and payment details are asked for only here, when claiming; they are sealed on the server and
// only reward admins can open them (every time recorded). A real-name reporter claims in the name they reported
// with; an anonymous reporter, where the jurisdiction rewards anonymous reports, with the query code shown when the
// report was filed. The same schema checks the form here and on the server.
import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import { claimInput, type RewardStatusView } from '@shared/contracts/rewards'
import ChipPicker from '../../components/chip-picker'
import FieldError from '../../components/field-error'
import { claimReward } from '../../services/rewards'
import './index.scss'

const YES_NO = [
  { value: true, label: '是' },
  { value: false, label: '否' },
]

interface Form {
  claimCode: string
  name: string
  idNumber: string
  phone: string
  bankName: string
  accountNumber: string
  insider: boolean | null
  excluded: boolean | null
  consent: boolean
}

const EMPTY: Form = {
  claimCode: '',
  name: '',
  idNumber: '',
  phone: '',
  bankName: '',
  accountNumber: '',
  insider: null,
  excluded: null,
  consent: false,
}

export default function ClaimReward() {
  const { params } = useRouter()
  const caseId = params.id ?? ''
  const byCode = params.with === 'claim-code'
  const [form, setForm] = useState<Form>(EMPTY)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<RewardStatusView | null>(null)
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }))

  async function submit() {
    setMessage(null)
    const payload = {
      caseId,
      ...(byCode ? { claimCode: form.claimCode } : {}),
      claimant: { name: form.name, idNumber: form.idNumber, phone: form.phone },
      payment: { bankName: form.bankName, accountNumber: form.accountNumber },
      insider: form.insider ?? undefined,
      excluded: form.excluded ?? undefined,
      consent: form.consent,
    }
    const checked = claimInput.safeParse(payload)
    if (!checked.success) {
      const found: Record<string, string> = {}
      for (const issue of checked.error.issues) found[issue.path.join('.')] ??= issue.message
      setErrors(found)
      setMessage('请检查填写的内容')
      return
    }
    setErrors({})
    setBusy(true)
    const res = await claimReward(checked.data)
    setBusy(false)
    if (res.ok) return setDone(res.data)
    setErrors(res.error.fields ?? {})
    setMessage(res.error.message)
  }

  if (done) {
    return (
      <View className="page">
        <View className="card" data-testid="claim-done" data-status={done.status}>
          <Text className="card-title">
            {done.claim?.state === 'submitted' ? '申领已提交，等待审核' : `申领结果：${done.label}`}
          </Text>
          {done.reasons.map((r) => (
            <Text key={r} className="hint">
              {r}
            </Text>
          ))}
          <Text className="hint">审核结果会通过微信通知您，也可在这条举报的详情中查看。</Text>
        </View>
        <Button className="btn" onClick={() => void Taro.navigateBack()}>
          返回
        </Button>
      </View>
    )
  }

  const field = (
    key: 'claimCode' | 'name' | 'idNumber' | 'phone' | 'bankName' | 'accountNumber',
    label: string,
    path: string,
    props: { maxlength: number; placeholder: string; type?: 'text' | 'number' | 'idcard' },
  ) => (
    <View className="claim__field">
      <Text className="label">{label}</Text>
      <Input
        className="input"
        value={form[key]}
        maxlength={props.maxlength}
        type={props.type ?? 'text'}
        placeholder={props.placeholder}
        onInput={(e) => set({ [key]: e.detail.value } as Partial<Form>)}
        data-testid={`claim-${key}`}
      />
      <FieldError errors={errors} names={[path]} />
    </View>
  )

  return (
    <View className="page claim">
      <View className="card">
        <Text className="card-title">申领人信息</Text>
        <Text className="hint">
          身份和收款信息只在申领时填写，加密保存，仅奖励管理员可以查看，每次查看都有记录，不会告诉被举报的单位或个人。
        </Text>
        {byCode &&
          field('claimCode', '查询码（申领码）', 'claimCode', {
            maxlength: 24,
            placeholder: '匿名举报提交后显示的 10 位查询码',
          })}
        {field('name', '姓名', 'claimant.name', {
          maxlength: 30,
          placeholder: byCode ? '收款人姓名' : '与举报时登记的姓名一致',
        })}
        {field('idNumber', '身份证号码', 'claimant.idNumber', {
          maxlength: 18,
          type: 'idcard',
          placeholder: '18 位居民身份证号码',
        })}
        {field('phone', '手机号', 'claimant.phone', {
          maxlength: 11,
          type: 'number',
          placeholder: '11 位手机号',
        })}
      </View>

      <View className="card">
        <Text className="card-title">收款账户</Text>
        {field('bankName', '开户银行', 'payment.bankName', {
          maxlength: 50,
          placeholder: '如：中国银行焦作分行',
        })}
        {field('accountNumber', '银行账号', 'payment.accountNumber', {
          maxlength: 40,
          type: 'number',
          placeholder: '本人名下银行卡号',
        })}
      </View>

      <View className="card">
        <Text className="label">您是被举报单位的内部人员（如员工）吗？</Text>
        <ChipPicker
          label="是否内部人员"
          testId="claim-insider"
          options={YES_NO}
          value={form.insider}
          onChange={(insider) => set({ insider })}
        />
        <FieldError errors={errors} names={['insider']} />
        <Text className="label section-gap">您是负有生态环境监管职责的工作人员，或其近亲属吗？</Text>
        <ChipPicker
          label="是否负有监管职责的工作人员或其近亲属"
          testId="claim-excluded"
          options={YES_NO}
          value={form.excluded}
          onChange={(excluded) => set({ excluded })}
        />
        <FieldError errors={errors} names={['excluded']} />
        <View
          className="claim__consent"
          onClick={() => set({ consent: !form.consent })}
          data-testid="claim-consent"
        >
          <Text className={`claim__check ${form.consent ? 'checked' : ''}`} aria-checked={form.consent}>
            {form.consent ? '✓' : ''}
          </Text>
          <Text>我已阅读并同意《奖励申领须知》：所填信息真实；冒领、虚假举报获取的奖励将依法追回。</Text>
        </View>
        <FieldError errors={errors} names={['consent']} />
      </View>

      {message && (
        <View className="banner error" role="alert" data-testid="claim-error">
          <Text>{message}</Text>
        </View>
      )}
      <Button
        className="btn"
        loading={busy}
        disabled={busy}
        onClick={() => void submit()}
        data-testid="claim-submit"
      >
        提交申领
      </Button>
    </View>
  )
}
