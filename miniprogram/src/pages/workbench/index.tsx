import { useCallback, useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { CLOCK_STATE_LABELS } from '@shared/contracts/cases'
import type { InboxItem, StaffProfile } from '@shared/contracts/staff'
import type { NoticeConsentView } from '@shared/contracts/enrolment'
import type { StaffRole } from '@shared/vocabulary/units'
import { CATEGORIES } from '@shared/vocabulary/categories'
import { CASE_DUTY_ROLES, hasCaseDuty } from '@shared/vocabulary/units'
import { CONTENT_HELD_TAG } from '@shared/cases/held-content'
import { REQUEST_TYPES } from '@shared/vocabulary/request-types'
import { formatShanghai } from '@shared/time'
import StateView from '../../components/state-view'
import ChipPicker, { type ChipOption } from '../../components/chip-picker'
import PersonaPicker from '../../components/persona-picker'
import { useLatestWins } from '../../hooks/use-answer'
import { loadClientConfig } from '../../services/cases'
import { askForNotices, canAskForNotices } from '../../services/notifications'
import { getNoticeConsent, getStaffProfile, listInbox, recordNoticeConsent } from '../../services/staff'
import EnrolCard from './enrol-card'
import NoticeBanner, { FEW_NOTICES_LEFT } from './notice-banner'
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

/**
 * The staff subpackage's pages this person's posts open: the desk, statistics, leaders' work; calls, letters and
 * visits registered by intake; platform orders and their feedback (which hold the case's findings: posts with
 * case duty only, least privilege, like the contract).
 */
const STAFF_LINKS: ReadonlyArray<{
  label: string
  url: string
  roles: readonly StaffRole[]
  testId: string
}> = [
  {
    label: '督办台',
    url: '/staff/oversight/index',
    roles: ['supervisor', 'leader', 'office-head'],
    testId: 'open-desk',
  },
  {
    label: '统计与月报',
    url: '/staff/stats/index',
    roles: ['supervisor', 'leader', 'office-head'],
    testId: 'open-stats',
  },
  {
    label: '包案与接访',
    url: '/staff/leader/index',
    roles: ['leader', 'supervisor', 'intake'],
    testId: 'open-leader',
  },
  { label: '登记来电来信', url: '/staff/register/index', roles: ['intake'], testId: 'open-register' },
  {
    label: '工单与平台反馈',
    url: '/staff/import/index',
    roles: ['intake', 'supervisor'],
    testId: 'open-import',
  },
  {
    label: '案件地图 · 趋势 · 季度分析 · 科室抄送',
    url: '/staff/maps/index',
    roles: CASE_DUTY_ROLES,
    testId: 'open-maps',
  },
]

function StaffLinks({ roles }: { roles: readonly StaffRole[] }) {
  const links = STAFF_LINKS.filter((l) => l.roles.some((r) => roles.includes(r)))
  if (links.length === 0) return null
  return (
    <View className="chips workbench__links">
      {links.map((l) => (
        <Button
          key={l.url}
          className="btn small secondary"
          data-testid={l.testId}
          onClick={() => void Taro.navigateTo({ url: l.url })}
        >
          {l.label}
        </Button>
      ))}
    </View>
  )
}

export default function Workbench() {
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const [scope, setScope] = useState<'open' | 'all'>('open')
  const [items, setItems] = useState<InboxItem[]>([])
  const [next, setNext] = useState<string | null>(null)
  const [consent, setConsent] = useState<NoticeConsentView | null>(null)

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
        // Template ids for asking agreement from a tap must be at hand before the tap (platform/subscribe).
        void loadClientConfig()
        void getNoticeConsent().then((res) => ticket.isLatest() && setConsent(res.ok ? res.data : null))
        // Posts without case duties (系统管理员, 奖励管理员) have no inbox: they see no cases.
        if (!hasCaseDuty(me.data.roles)) {
          setItems([])
          setNext(null)
          return setLoad({ status: 'ready', profile: me.data })
        }
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
    setConsent(null)
    void refresh(scope)
  }

  // Agreement to staff notices is asked from a tap, first thing (WeChat requires it); each one counted.
  const askNotices = (): Promise<void> =>
    askForNotices('staff-task').then(async (outcome) => {
      if (outcome !== 'accepted') return
      const res = await recordNoticeConsent()
      if (res.ok) setConsent(res.data)
    })

  const openCase = (caseId: string) => {
    const open = () => void Taro.navigateTo({ url: `/staff/case/index?id=${caseId}` })
    const running = consent && consent.status !== 'not-applicable' && consent.remaining < FEW_NOTICES_LEFT
    if (running && canAskForNotices('staff-task')) void askNotices().finally(open)
    else open()
  }

  return (
    <View className="page">
      <PersonaPicker onChange={switchPersona} />
      {load.status === 'loading' && <StateView kind="loading" />}
      {load.status === 'error' && (
        <StateView kind="error" text={load.message} onRetry={() => void refresh(scope)} />
      )}
      {load.status === 'not-staff' && <EnrolCard onBound={() => void refresh(scope)} />}
      {load.status === 'ready' && (
        <>
          <View className="card">
            <Text className="card-title" data-testid="staff-name">
              {load.profile.name} · {load.profile.title}
            </Text>
            <Text className="muted">{load.profile.units.map((u) => u.name).join('、')}</Text>
            {load.profile.roles.includes('admin') && (
              <Button
                className="btn small secondary section-gap"
                onClick={() => void Taro.navigateTo({ url: '/staff/admin/index' })}
                data-testid="admin-entry"
              >
                人员管理
              </Button>
            )}
            {load.profile.roles.includes('reward-admin') && (
              <Text
                className="link workbench__rewards"
                data-testid="reward-queue"
                onClick={() => void Taro.navigateTo({ url: '/reward-admin/queue/index' })}
              >
                奖励审核：举报奖励申领
              </Text>
            )}
            <StaffLinks roles={load.profile.roles} />
          </View>
          {consent && <NoticeBanner consent={consent} onAsk={() => void askNotices()} />}
          {!hasCaseDuty(load.profile.roles) && (
            <StateView kind="empty" text="您的岗位没有办案职责，工作台不显示案件。" />
          )}
        </>
      )}
      {load.status === 'ready' && hasCaseDuty(load.profile.roles) && (
        <>
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
              onClick={() => openCase(c.caseId)}
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
