// 人员管理 (系统管理员): the staff of the administrator's scope, by name, searched by the beginning of a name; each
// opens to change their post, deactivate them or hand their cases over. Invites are issued from here.
import { useCallback, useState } from 'react'
import Taro, { useDidShow, useReachBottom } from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import type { StaffListItem } from '@shared/contracts/staff-admin'
import { STAFF_ROLES } from '@shared/vocabulary/units'
import StateView from '../../components/state-view'
import { useLatestWins } from '../../hooks/use-answer'
import { getStaffProfile } from '../../services/staff'
import { listStaff } from './api'

type Status = 'active' | 'inactive'

export default function StaffAdminPage() {
  const [query, setQuery] = useState('')
  const [status, setStatus] = useState<Status>('active')
  const [items, setItems] = useState<StaffListItem[] | null>(null)
  const [next, setNext] = useState<string | null>(null)
  const [error, setError] = useState('')
  const [selfId, setSelfId] = useState<string | null>(null)
  const begin = useLatestWins()

  const load = useCallback(
    async (which: Status, name: string) => {
      const ticket = begin()
      setError('')
      const res = await listStaff({ status: which, query: name.trim(), limit: 50 })
      if (!ticket.isLatest()) return
      if (!res.ok) return setError(res.error.message)
      setItems(res.data.items)
      setNext(res.data.next)
    },
    [begin],
  )

  useDidShow(() => {
    void load(status, query)
    void getStaffProfile().then((res) => res.ok && res.data && setSelfId(res.data.staffId))
  })
  useReachBottom(async () => {
    if (!next) return
    const res = await listStaff({ status, query: query.trim(), limit: 50, cursor: next })
    if (!res.ok) return void Taro.showToast({ title: res.error.message, icon: 'none', duration: 3000 })
    setItems((list) => [...(list ?? []), ...res.data.items])
    setNext(res.data.next)
  })

  const show = (which: Status) => {
    setStatus(which)
    setItems(null)
    void load(which, query)
  }

  return (
    <View className="page">
      <View className="stack" style={{ marginTop: 0, marginBottom: '12px' }}>
        <Button
          className="btn"
          onClick={() => void Taro.navigateTo({ url: '/staff/admin/invite/index' })}
          data-testid="open-invite"
        >
          发放邀请码
        </Button>
        {selfId && (
          <Button
            className="btn secondary"
            onClick={() =>
              void Taro.navigateTo({ url: `/staff/admin/member/index?id=${selfId}&audit=actor` })
            }
          >
            我的操作记录
          </Button>
        )}
      </View>
      <View className="card">
        <View className="row">
          <Input
            className="input"
            value={query}
            maxlength={30}
            placeholder="按姓名查找（姓或全名）"
            onInput={(e) => setQuery(e.detail.value)}
            onConfirm={() => void load(status, query)}
            data-testid="staff-search"
          />
          <Button
            className="btn small"
            style={{ marginLeft: '8px' }}
            onClick={() => void load(status, query)}
            data-testid="staff-search-submit"
          >
            查找
          </Button>
        </View>
        <View className="chips section-gap">
          <View className={`chip ${status === 'active' ? 'active' : ''}`} onClick={() => show('active')}>
            在职
          </View>
          <View className={`chip ${status === 'inactive' ? 'active' : ''}`} onClick={() => show('inactive')}>
            已停用
          </View>
        </View>
      </View>
      {error && <StateView kind="error" text={error} onRetry={() => void load(status, query)} />}
      {!error && items === null && <StateView kind="loading" />}
      {items?.length === 0 && <StateView kind="empty" text="没有符合条件的工作人员" />}
      {items?.map((s) => (
        <View
          key={s.staffId}
          className="list-item"
          data-testid="staff-item"
          onClick={() => void Taro.navigateTo({ url: `/staff/admin/member/index?id=${s.staffId}` })}
        >
          <View className="row">
            <Text className="card-title">{s.name}</Text>
            <View>
              {!s.active && <Text className="tag closed">已停用</Text>}
              {s.active && !s.bound && <Text className="tag warn">未绑定</Text>}
            </View>
          </View>
          <Text className="hint">
            {s.title} · {s.roles.map((r) => STAFF_ROLES[r]).join('、')}
          </Text>
          <Text className="muted">{s.units.map((u) => u.name).join('、')}</Text>
        </View>
      ))}
    </View>
  )
}
