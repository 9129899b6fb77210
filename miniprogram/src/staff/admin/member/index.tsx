// 工作人员 (系统管理员): one colleague — change their title, roles and units (effective on their next call), hand the
// open cases they work over to a colleague (移交经办, page by page until done), deactivate them (their WeChat
// identity loses access at once), and read the audit: what was done to them, and what they did.
import { useCallback, useEffect, useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import type { AdminScope, AuditItem, StaffListItem } from '@shared/contracts/staff-admin'
import { formatShanghai } from '@shared/time'
import { hasCaseDuty, STAFF_ROLES, type StaffRole } from '@shared/vocabulary/units'
import StateView from '../../../components/state-view'
import {
  deactivateStaff,
  getAdminScope,
  getStaff,
  handOverCases,
  listAudit,
  listStaff,
  updateStaff,
} from '../api'
import PostFields from '../post-fields'

type AuditAs = 'subject' | 'actor'

const toast = (title: string) => void Taro.showToast({ title, icon: 'none', duration: 3000 })

export default function MemberPage() {
  const { params } = useRouter()
  const staffId = params.id ?? ''
  const [member, setMember] = useState<StaffListItem | null>(null)
  const [scope, setScope] = useState<AdminScope | null>(null)
  const [error, setError] = useState('')

  const load = useCallback(async () => {
    const [found, granted] = await Promise.all([getStaff(staffId), getAdminScope()])
    if (!found.ok) return setError(found.error.message)
    if (!granted.ok) return setError(granted.error.message)
    setMember(found.data)
    setScope(granted.data)
  }, [staffId])
  useDidShow(() => void load())

  if (error) return <StateView kind="error" text={error} onRetry={() => void load()} />
  if (!member || !scope) return <StateView kind="loading" />

  return (
    <View className="page">
      <View className="card">
        <View className="row">
          <Text className="card-title">{member.name}</Text>
          <Text className={`tag ${member.active ? '' : 'closed'}`} data-testid="member-status">
            {member.active ? '在职' : '已停用'}
          </Text>
        </View>
        <Text className="hint">
          {member.title} · {member.roles.map((r) => STAFF_ROLES[r]).join('、')}
        </Text>
        <Text className="muted">{member.units.map((u) => u.name).join('、')}</Text>
        {member.deactivatedAt && <Text className="muted">停用于 {formatShanghai(member.deactivatedAt)}</Text>}
        {member.active && !member.manageable && (
          <Text className="hint">
            您不能调整此账号：自己的账号、其他单位的人员或系统管理员由上级单位的系统管理员办理。
          </Text>
        )}
      </View>
      {member.active && member.manageable && (
        <>
          <PostEditor member={member} scope={scope} onSaved={setMember} />
          <HandOver member={member} />
          <Deactivate member={member} onDone={setMember} />
        </>
      )}
      <AuditList
        key={member.version}
        staffId={member.staffId}
        initial={params.audit === 'actor' ? 'actor' : 'subject'}
      />
    </View>
  )
}

function PostEditor({
  member,
  scope,
  onSaved,
}: {
  member: StaffListItem
  scope: AdminScope
  onSaved: (member: StaffListItem) => void
}) {
  const [title, setTitle] = useState(member.title)
  const [roles, setRoles] = useState<StaffRole[]>(member.roles)
  const [unitIds, setUnitIds] = useState(member.units.map((u) => u.id))
  const [busy, setBusy] = useState(false)

  async function save() {
    setBusy(true)
    const res = await updateStaff({
      staffId: member.staffId,
      expectedVersion: member.version,
      title,
      roles,
      unitIds,
    })
    setBusy(false)
    if (!res.ok) return toast(res.error.message)
    onSaved(res.data)
    void Taro.showToast({ title: '已保存，下次操作时生效', icon: 'none' })
  }

  return (
    <View className="card">
      <Text className="card-title">职务、岗位和单位</Text>
      <View className="field">
        <Text className="label">职务</Text>
        <Input className="input" value={title} maxlength={40} onInput={(e) => setTitle(e.detail.value)} />
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
      <Button
        className="btn"
        loading={busy}
        disabled={busy}
        onClick={() => void save()}
        data-testid="save-post"
      >
        保存
      </Button>
    </View>
  )
}

function HandOver({ member }: { member: StaffListItem }) {
  const [open, setOpen] = useState(false)
  const [colleagues, setColleagues] = useState<StaffListItem[]>([])
  const [to, setTo] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  const [progress, setProgress] = useState('')
  const [busy, setBusy] = useState(false)

  async function start() {
    setOpen(true)
    const res = await listStaff({ status: 'active', limit: 100 })
    if (res.ok)
      setColleagues(res.data.items.filter((s) => s.staffId !== member.staffId && hasCaseDuty(s.roles)))
  }

  // A leaver may hold many cases: one page per call, the cursor sent back until the last page.
  async function run() {
    if (!to) return toast('请选择接手人')
    setBusy(true)
    let cursor: string | null = null
    let examined = 0
    let handed = 0
    let conflicts = 0
    do {
      const res = await handOverCases({
        fromStaffId: member.staffId,
        toStaffId: to,
        reason,
        cursor,
        limit: 100,
      })
      if (!res.ok) {
        setBusy(false)
        return toast(res.error.message)
      }
      examined += res.data.examined
      handed += res.data.handedOver
      conflicts += res.data.conflicts
      cursor = res.data.next
      setProgress(`已查看 ${examined} 件在办案件，移交 ${handed} 件`)
    } while (cursor)
    setBusy(false)
    setProgress(
      `移交完成：查看 ${examined} 件在办案件，移交 ${handed} 件${conflicts ? `；${conflicts} 件刚被他人更新，请再移交一次` : ''}`,
    )
  }

  if (!open) {
    return (
      <Button className="btn secondary section-gap" onClick={() => void start()} data-testid="open-hand-over">
        移交经办案件
      </Button>
    )
  }
  return (
    <View className="card section-gap">
      <Text className="card-title">移交经办案件</Text>
      <Text className="hint">
        把 {member.name}{' '}
        正在经办（最后由其办理）的未办结案件移交给同事，每件案件的办理记录中留下一条移交记录。
      </Text>
      <View className="field section-gap">
        <Text className="label">接手人</Text>
        <View className="chips">
          {colleagues.map((c) => (
            <View
              key={c.staffId}
              className={`chip ${to === c.staffId ? 'active' : ''}`}
              onClick={() => setTo(c.staffId)}
            >
              {c.name}（{c.title}）
            </View>
          ))}
        </View>
      </View>
      <View className="field">
        <Text className="label">移交原因</Text>
        <Input className="input" value={reason} maxlength={200} onInput={(e) => setReason(e.detail.value)} />
      </View>
      {progress && (
        <Text className="banner" data-testid="hand-over-progress">
          {progress}
        </Text>
      )}
      <Button className="btn" loading={busy} disabled={busy} onClick={() => void run()}>
        开始移交
      </Button>
    </View>
  )
}

function Deactivate({ member, onDone }: { member: StaffListItem; onDone: (member: StaffListItem) => void }) {
  const [confirming, setConfirming] = useState(false)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)

  async function confirm() {
    setBusy(true)
    const res = await deactivateStaff({ staffId: member.staffId, expectedVersion: member.version, reason })
    setBusy(false)
    if (!res.ok) return toast(res.error.message)
    onDone(res.data)
  }

  if (!confirming) {
    return (
      <Button
        className="btn secondary section-gap"
        onClick={() => setConfirming(true)}
        data-testid="deactivate"
      >
        停用账号
      </Button>
    )
  }
  return (
    <View className="card section-gap">
      <Text className="card-title">停用 {member.name} 的账号</Text>
      <Text className="hint">停用后其微信立即不能再使用工作台。如有未办结案件，请先移交。</Text>
      <View className="field section-gap">
        <Text className="label">停用原因</Text>
        <Input
          className="input"
          value={reason}
          maxlength={200}
          placeholder="如 调离本单位"
          onInput={(e) => setReason(e.detail.value)}
          data-testid="deactivate-reason"
        />
      </View>
      <Button
        className="btn"
        loading={busy}
        disabled={busy}
        onClick={() => void confirm()}
        data-testid="deactivate-confirm"
      >
        确认停用
      </Button>
    </View>
  )
}

function AuditList({ staffId, initial }: { staffId: string; initial: AuditAs }) {
  const [as, setAs] = useState<AuditAs>(initial)
  const [items, setItems] = useState<AuditItem[] | null>(null)
  const [next, setNext] = useState<string | null>(null)

  const load = useCallback(
    async (which: AuditAs, cursor: string | null) => {
      const res = await listAudit({ staffId, as: which, cursor, limit: 20 })
      if (!res.ok) return toast(res.error.message)
      setItems((list) => [...(cursor ? (list ?? []) : []), ...res.data.items])
      setNext(res.data.next)
    },
    [staffId],
  )
  // On first show and after every change to the colleague (the page keys this list by their version).
  useEffect(() => {
    void load(initial, null)
  }, [load, initial])

  const show = (which: AuditAs) => {
    setAs(which)
    setItems(null)
    void load(which, null)
  }

  return (
    <View className="section-gap" data-testid="audit">
      <Text className="card-title">操作记录</Text>
      <View className="chips" style={{ marginBottom: '10px' }}>
        <View className={`chip ${as === 'subject' ? 'active' : ''}`} onClick={() => show('subject')}>
          关于此人
        </View>
        <View className={`chip ${as === 'actor' ? 'active' : ''}`} onClick={() => show('actor')}>
          此人的操作
        </View>
      </View>
      {items === null && <StateView kind="loading" />}
      {items?.length === 0 && <StateView kind="empty" text="没有操作记录" />}
      {items?.map((a) => (
        <View key={a.auditId} className="list-item" data-testid="audit-item">
          <View className="row">
            <Text className="card-title">{a.actionLabel}</Text>
            <Text className="muted">{formatShanghai(a.at)}</Text>
          </View>
          <Text className="hint">
            {a.actor} → {a.subject}
          </Text>
          {a.detail && <Text className="muted">{a.detail}</Text>}
        </View>
      ))}
      {next && (
        <Button className="btn small secondary" onClick={() => void load(as, next)}>
          加载更多
        </Button>
      )}
    </View>
  )
}
