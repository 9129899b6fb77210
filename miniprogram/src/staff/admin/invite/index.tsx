// 发放邀请码: a one-time code for a post (name, title, roles × units of the administrator's scope), shown once —
// only its keyed hash is stored — to pass to the colleague, who enters it in their 工作台. Pending codes can be
// withdrawn (作废) until used.
import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import {
  INVITE_STATUS_LABELS,
  INVITE_VALID_DAYS,
  issueInviteInput,
  type AdminScope,
  type InviteItem,
  type IssuedInvite,
} from '@shared/contracts/staff-admin'
import { formatShanghai } from '@shared/time'
import { STAFF_ROLES, type StaffRole } from '@shared/vocabulary/units'
import StateView from '../../../components/state-view'
import { getAdminScope, issueInvite, listInvites, revokeInvite } from '../api'
import PostFields from '../post-fields'
import './index.scss'

export default function InvitePage() {
  const [scope, setScope] = useState<AdminScope | null>(null)
  const [error, setError] = useState('')
  const [name, setName] = useState('')
  const [title, setTitle] = useState('')
  const [roles, setRoles] = useState<StaffRole[]>([])
  const [unitIds, setUnitIds] = useState<string[]>([])
  const [validDays, setValidDays] = useState(String(INVITE_VALID_DAYS.default))
  const [busy, setBusy] = useState(false)
  const [issued, setIssued] = useState<IssuedInvite | null>(null)
  const [pending, setPending] = useState<InviteItem[]>([])

  const loadPending = async () => {
    const res = await listInvites({ status: 'pending', limit: 50 })
    if (res.ok) setPending(res.data.items)
  }

  useDidShow(() => {
    void getAdminScope().then((res) => (res.ok ? setScope(res.data) : setError(res.error.message)))
    void loadPending()
  })

  async function submit() {
    const input = { name, title, roles, unitIds, validDays: Number(validDays) }
    const checked = issueInviteInput.safeParse(input)
    if (!checked.success) return setError(checked.error.issues[0]?.message ?? '请检查填写的内容')
    setError('')
    setBusy(true)
    const res = await issueInvite(checked.data)
    setBusy(false)
    if (!res.ok) return setError(res.error.message)
    setIssued(res.data)
    setName('')
    setTitle('')
    void loadPending()
  }

  async function revoke(inviteId: string) {
    const res = await revokeInvite(inviteId)
    if (!res.ok) return void Taro.showToast({ title: res.error.message, icon: 'none', duration: 3000 })
    if (issued?.inviteId === inviteId) setIssued(null)
    void loadPending()
  }

  if (!scope) return error ? <StateView kind="error" text={error} /> : <StateView kind="loading" />

  return (
    <View className="page">
      {issued && (
        <View className="card" data-testid="issued-invite">
          <Text className="card-title">
            {issued.name}（{issued.title}）的邀请码
          </Text>
          <Text className="invite-code" data-testid="invite-code">
            {issued.code}
          </Text>
          <Text className="hint">
            {issued.roles.map((r) => STAFF_ROLES[r]).join('、')} ·{' '}
            {issued.units.map((u) => u.name).join('、')}；{formatShanghai(issued.expiresAt)}{' '}
            前有效，只能使用一次。
          </Text>
          <Text className="banner warn section-gap">
            邀请码只显示这一次（系统只保存它的密文）。请当面或通过单位内部渠道交给本人，由本人在「工作台」输入。
          </Text>
          <Button
            className="btn small secondary"
            onClick={() => void Taro.setClipboardData({ data: issued.code })}
          >
            复制邀请码
          </Button>
        </View>
      )}
      <View className="card">
        <View className="field">
          <Text className="label">姓名</Text>
          <Input
            className="input"
            value={name}
            maxlength={30}
            onInput={(e) => setName(e.detail.value)}
            data-testid="invite-name"
          />
        </View>
        <View className="field">
          <Text className="label">职务</Text>
          <Input
            className="input"
            value={title}
            maxlength={40}
            placeholder="如 山阳区分局执法人员"
            onInput={(e) => setTitle(e.detail.value)}
            data-testid="invite-title"
          />
        </View>
        <PostFields
          scope={scope}
          roles={roles}
          unitIds={unitIds}
          onChange={(post) => {
            setRoles(post.roles)
            setUnitIds(post.unitIds)
          }}
        />
        <View className="field">
          <Text className="label">
            有效期（{INVITE_VALID_DAYS.min}–{INVITE_VALID_DAYS.max} 天）
          </Text>
          <Input
            className="input"
            type="number"
            value={validDays}
            onInput={(e) => setValidDays(e.detail.value)}
            data-testid="invite-days"
          />
        </View>
        {error && (
          <View role="alert" data-testid="invite-error">
            <Text className="error-text">{error}</Text>
          </View>
        )}
        <Button
          className="btn section-gap"
          loading={busy}
          disabled={busy}
          onClick={() => void submit()}
          data-testid="invite-submit"
        >
          发放邀请码
        </Button>
      </View>
      <Text className="card-title">待使用的邀请码</Text>
      {pending.length === 0 && <StateView kind="empty" text="没有待使用的邀请码" />}
      {pending.map((i) => (
        <View key={i.inviteId} className="list-item" data-testid="pending-invite">
          <View className="row">
            <Text className="card-title">
              {i.name}（{i.title}）
            </Text>
            <Text className={`tag ${i.status === 'expired' ? 'closed' : ''}`}>
              {INVITE_STATUS_LABELS[i.status]}
            </Text>
          </View>
          <Text className="hint">
            {i.roles.map((r) => STAFF_ROLES[r]).join('、')} · {i.units.map((u) => u.name).join('、')}
          </Text>
          <Text className="muted">
            {i.issuedBy} 发放于 {formatShanghai(i.issuedAt)}，{formatShanghai(i.expiresAt)} 前有效
          </Text>
          {i.status === 'pending' && (
            <Button
              className="btn small secondary section-gap"
              onClick={() => void revoke(i.inviteId)}
              data-testid="revoke-invite"
            >
              作废
            </Button>
          )}
        </View>
      ))}
    </View>
  )
}
