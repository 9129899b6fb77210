// 绑定工作人员身份: a WeChat user who is not yet staff enters the invite code their administrator gave them (or, for
// the very first administrator, the setup code the deployment printed, with their name). The identity bound is the
// WeChat user's own: nothing but the code is sent.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import { redeemInviteInput, redeemSetupCodeInput } from '@shared/contracts/enrolment'
import { redeemInvite, redeemSetupCode } from '../../services/staff'

type Mode = 'invite' | 'setup'

export default function EnrolCard({ onBound }: { onBound: () => void }) {
  const [mode, setMode] = useState<Mode>('invite')
  const [code, setCode] = useState('')
  const [name, setName] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  async function submit() {
    const checked =
      mode === 'invite'
        ? redeemInviteInput.safeParse({ code })
        : redeemSetupCodeInput.safeParse({ code, name })
    if (!checked.success) return setError(checked.error.issues[0]?.message ?? '请检查填写的内容')
    setError('')
    setBusy(true)
    const res = mode === 'invite' ? await redeemInvite(code) : await redeemSetupCode(code, name.trim())
    setBusy(false)
    if (!res.ok) return setError(res.error.message)
    setCode('')
    void Taro.showToast({ title: '绑定成功', icon: 'success' })
    onBound()
  }

  const switchMode = (next: Mode) => {
    setMode(next)
    setError('')
  }

  return (
    <View className="card" data-testid="enrol">
      <Text className="card-title">
        {mode === 'invite' ? '工作人员绑定身份' : '首次设置：绑定系统管理员'}
      </Text>
      <Text className="hint">
        {mode === 'invite'
          ? '工作台仅供环保部门工作人员使用。请输入单位系统管理员发给您的邀请码，绑定后即可办理本单位的案件。'
          : '部署完成时会显示一次设置码。输入设置码和您的姓名，成为本单位的第一位系统管理员；之后的工作人员由您发放邀请码。'}
      </Text>
      <View className="field section-gap">
        <Text className="label">{mode === 'invite' ? '邀请码' : '设置码'}</Text>
        <Input
          className="input"
          value={code}
          maxlength={20}
          placeholder="如 7KQM-3WXP-9TDA"
          onInput={(e) => setCode(e.detail.value.toUpperCase())}
          onConfirm={() => void submit()}
          data-testid="enrol-code"
        />
      </View>
      {mode === 'setup' && (
        <View className="field">
          <Text className="label">您的姓名</Text>
          <Input
            className="input"
            value={name}
            maxlength={30}
            onInput={(e) => setName(e.detail.value)}
            data-testid="enrol-name"
          />
        </View>
      )}
      {error && (
        <View role="alert" data-testid="enrol-error">
          <Text className="error-text">{error}</Text>
        </View>
      )}
      <Button
        className="btn section-gap"
        loading={busy}
        disabled={busy}
        onClick={() => void submit()}
        data-testid="enrol-submit"
      >
        绑定身份
      </Button>
      <Text
        className="link hint"
        onClick={() => switchMode(mode === 'invite' ? 'setup' : 'invite')}
        data-testid="enrol-switch"
      >
        {mode === 'invite' ? '首次部署？使用设置码绑定系统管理员' : '使用邀请码绑定'}
      </Text>
    </View>
  )
}
