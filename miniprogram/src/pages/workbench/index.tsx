import { useCallback, useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { CLOCK_STATE_LABELS } from '@shared/contracts/cases'
import type { InboxItem, StaffProfile } from '@shared/contracts/staff'
import { CATEGORIES } from '@shared/vocabulary/categories'
import { CONTENT_HELD_TAG } from '@shared/cases/held-content'
import { REQUEST_TYPES } from '@shared/vocabulary/request-types'
import { formatShanghai } from '@shared/time'
import StateView from '../../components/state-view'
import ChipPicker, { type ChipOption } from '../../components/chip-picker'
import PersonaPicker from '../../components/persona-picker'
import { useLatestWins } from '../../hooks/use-answer'
import { getStaffProfile, listInbox } from '../../services/staff'
import './index.scss'

const SCOPES: ReadonlyArray<ChipOption<'open' | 'all'>> = [
  { value: 'open', label: '待办' },
  { value: 'all', label: '全部' },
]

type Load =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'not-staff' }
  | { status: 'ready'; profile: StaffProfile }

export default function Workbench() {
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const [scope, setScope] = useState<'open' | 'all'>('open')
  const [items, setItems] = useState<InboxItem[]>([])
  const [next, setNext] = useState<string | null>(null)

  // Only the latest refresh may fill the list (a slow answer for 待办 never lands under 全部, nor one for the
  // persona before a switch), and a page of "more" is added only to the list it continues.
  const begin = useLatestWins()
  const generation = useRef<object | null>(null)
  const refresh = useCallback(
    async (which: 'open' | 'all') => {
      const ticket = begin()
      generation.current = ticket
      try {
        const me = await getStaffProfile()
        if (!ticket.isLatest()) return
        if (!me.ok) return setLoad({ status: 'error', message: me.error.message })
        if (!me.data) return setLoad({ status: 'not-staff' })
        const inbox = await listInbox(which)
        if (!ticket.isLatest()) return
        if (!inbox.ok) return setLoad({ status: 'error', message: inbox.error.message })
        setItems(inbox.data.items)
        setNext(inbox.data.next)
        setLoad({ status: 'ready', profile: me.data })
      } finally {
        Taro.stopPullDownRefresh()
      }
    },
    [begin],
  )

  const loadingMore = useRef(false)
  useDidShow(() => void refresh(scope))
  usePullDownRefresh(() => void refresh(scope))
  useReachBottom(async () => {
    if (!next || loadingMore.current || load.status !== 'ready') return
    loadingMore.current = true
    const continues = generation.current
    const res = await listInbox(scope, next)
    loadingMore.current = false
    if (continues !== generation.current) return
    if (!res.ok) return void Taro.showToast({ title: res.error.message, icon: 'none', duration: 3000 })
    setItems((list) => {
      const seen = new Set(list.map((i) => i.caseId))
      return [...list, ...res.data.items.filter((i) => !seen.has(i.caseId))]
    })
    setNext(res.data.next)
  })

  const switchScope = (which: 'open' | 'all') => {
    setScope(which)
    setLoad({ status: 'loading' })
    void refresh(which)
  }
  const switchPersona = () => {
    setLoad({ status: 'loading' })
    void refresh(scope)
  }

  return (
    <View className="page">
      <PersonaPicker onChange={switchPersona} />
      {load.status === 'loading' && <StateView kind="loading" />}
      {load.status === 'error' && (
        <StateView kind="error" text={load.message} onRetry={() => void refresh(scope)} />
      )}
      {load.status === 'not-staff' && (
        <StateView
          kind="empty"
          text="工作台仅供环保部门工作人员使用。工作人员请使用单位发放的邀请码绑定身份。"
        />
      )}
      {load.status === 'ready' && (
        <>
          <View className="card">
            <Text className="card-title" data-testid="staff-name">
              {load.profile.name} · {load.profile.title}
            </Text>
            <Text className="muted">{load.profile.units.map((u) => u.name).join('、')}</Text>
            <Text
              className="link"
              data-testid="open-maps"
              onClick={() => void Taro.navigateTo({ url: '/staff/maps/index' })}
            >
              案件地图 · 趋势 · 季度分析 · 科室抄送
            </Text>
          </View>
          <View className="workbench__scope">
            <ChipPicker
              label="案件范围"
              options={SCOPES}
              value={scope}
              onChange={switchScope}
              testId="scope"
            />
          </View>
          {items.length === 0 && <StateView kind="empty" text="暂无案件" />}
          {items.map((c) => (
            <View
              key={c.caseId}
              className="list-item"
              data-testid="inbox-item"
              onClick={() => void Taro.navigateTo({ url: `/staff/case/index?id=${c.caseId}` })}
            >
              <View className="row">
                <Text className="ref-no">{c.refNo}</Text>
                <Text className="tag">{c.statusLabel}</Text>
              </View>
              <View>
                {c.urgent && <Text className="tag warn">紧急</Text>}
                {c.important && <Text className="tag warn">重要</Text>}
                {c.escalated && <Text className="tag warn">提级办理</Text>}
                {c.supervised && <Text className="tag warn">督办</Text>}
                {c.leaderCase && <Text className="tag warn">领导包案</Text>}
                {c.contentHeld && <Text className="tag warn">{CONTENT_HELD_TAG}</Text>}
                {c.nextDue && (
                  <Text className={`tag ${c.nextDue.overdue ? 'warn' : ''}`}>
                    {c.nextDue.label}{' '}
                    {c.nextDue.overdue ? CLOCK_STATE_LABELS.overdue : `${c.nextDue.date} 到期`}
                  </Text>
                )}
              </View>
              <Text className="card-title">
                {REQUEST_TYPES[c.requestType]} · {CATEGORIES[c.category].label}
              </Text>
              <Text className="hint">{c.descriptionExcerpt}</Text>
              <Text className="hint">{c.address}</Text>
              <View className="row">
                <Text className="muted">{formatShanghai(c.createdAt)}</Text>
                <Text className="muted">
                  {c.unitName} ·{' '}
                  {c.reporter.mode === 'anonymous'
                    ? '匿名'
                    : `${c.reporter.name ?? ''} ${c.reporter.phone ?? ''}`}
                </Text>
              </View>
            </View>
          ))}
        </>
      )}
    </View>
  )
}
