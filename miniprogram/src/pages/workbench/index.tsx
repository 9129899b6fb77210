// 工作台: a to-do list, not a case list. Per post, what I must do next and by when — 值班紧急 while I am on duty,
// then the lists of my posts (待受理, 待交办, 我承办的, 待审核, 待审批, 督办), urgent first, then by due date — and,
// beside them, my units' cases in progress, all of them, and those shared with another lead office (协办). Every
// list filters, searches by reference number or reported party, and pages through any number of cases; each row
// says who holds the case now and what it waits for. A list is shown only as the answer to the view on screen
// (scope, list, filters, search): while another view's answer is awaited, it is loading. Someone not yet staff
// enters an invite or setup code here; posts without case duties (系统管理员, 奖励管理员) see no cases.
import { useCallback, useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import type { InboxFilters, InboxInput, InboxItem, StaffProfile, TodoList } from '@shared/contracts/staff'
import type { NoticeConsentView } from '@shared/contracts/enrolment'
import { TODO_LIST_KEYS, TODO_LISTS } from '@shared/cases/todo-lists'
import { CASE_DUTY_ROLES, hasCaseDuty, type StaffRole } from '@shared/vocabulary/units'
import StateView from '../../components/state-view'
import ChipPicker, { type ChipOption } from '../../components/chip-picker'
import PersonaPicker from '../../components/persona-picker'
import { useLatestWins } from '../../hooks/use-answer'
import { loadClientConfig } from '../../services/cases'
import { askForNotices, canAskForNotices } from '../../services/notifications'
import {
  getDutyRoster,
  getNoticeConsent,
  getStaffProfile,
  listCounties,
  listInbox,
  recordNoticeConsent,
} from '../../services/staff'
import EnrolCard from './enrol-card'
import NoticeBanner, { FEW_NOTICES_LEFT } from './notice-banner'
import InboxRow from './inbox-row'
import Filters from './filters'
import './index.scss'

type Scope = NonNullable<InboxInput['scope']>

const SCOPES: ReadonlyArray<ChipOption<Scope>> = [
  { value: 'todo', label: '我的待办' },
  { value: 'open', label: '在办' },
  { value: 'all', label: '全部' },
  { value: 'co-handling', label: '协办' },
]

type Load =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'not-staff' }
  | { status: 'ready'; profile: StaffProfile; lists: TodoList[] }

interface View_ {
  scope: Scope
  list: TodoList | null
  filters: InboxFilters
  search: string
}

/** The lists of my posts, and the duty list while a shift names me. */
function listsOf(profile: StaffProfile, onDuty: boolean): TodoList[] {
  return TODO_LIST_KEYS.filter((list) => {
    const role = TODO_LISTS[list].role
    return role === null ? onDuty : profile.roles.includes(role)
  })
}

const activeFilters = (f: InboxFilters) => Object.values(f).filter((v) => v !== undefined).length

/**
 * The staff subpackage's pages this person's posts open: the duty roster, reply templates, the export log; the
 * desk, statistics, leaders' work; calls, letters and
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
  { label: '值班表', url: '/staff/duty/index', roles: CASE_DUTY_ROLES, testId: 'open-duty' },
  { label: '答复模板', url: '/staff/templates/index', roles: ['office-head'], testId: 'open-templates' },
  { label: '查阅导出记录', url: '/staff/audit/index', roles: ['supervisor'], testId: 'open-audit' },
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
  const [view, setView] = useState<View_>({ scope: 'todo', list: null, filters: {}, search: '' })
  const [typed, setTyped] = useState('')
  const [showFilters, setShowFilters] = useState(false)
  const [counties, setCounties] = useState<Array<{ code: string; name: string }>>([])
  const [items, setItems] = useState<InboxItem[]>([])
  const [next, setNext] = useState<string | null>(null)
  // The view the list on screen answers: another view's list is never shown under this one.
  const [answered, setAnswered] = useState<View_ | null>(null)
  const [consent, setConsent] = useState<NoticeConsentView | null>(null)

  // Only the latest refresh may fill the list (a slow answer for one list never lands under another, nor one for
  // the persona before a switch), and a page of "more" is added only to the list it continues.
  const begin = useLatestWins()
  const generation = useRef<object | null>(null)
  const requestOf = (v: View_, lists: TodoList[]): Omit<InboxInput, 'limit'> | null => {
    if (v.search) return { search: v.search, filters: v.filters }
    if (v.scope !== 'todo') return { scope: v.scope, filters: v.filters }
    const list = v.list && lists.includes(v.list) ? v.list : lists[0]
    return list ? { scope: 'todo', list, filters: v.filters } : null
  }

  const refresh = useCallback(
    async (v: View_) => {
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
        // Posts without case duties (系统管理员, 奖励管理员) have no lists: they see no cases.
        if (!hasCaseDuty(me.data.roles)) {
          setItems([])
          setNext(null)
          setAnswered(v)
          return setLoad({ status: 'ready', profile: me.data, lists: [] })
        }
        const roster = await getDutyRoster({ days: 1 })
        if (!ticket.isLatest()) return
        const lists = listsOf(me.data, roster.ok && roster.data.mine.length > 0)
        // Nothing of mine to do in any list (a post without a list): my units' cases in progress.
        const shown = v.scope === 'todo' && lists.length === 0 ? { ...v, scope: 'open' as const } : v
        const request = requestOf(shown, lists)
        const page = request ? await listInbox(request) : null
        if (!ticket.isLatest()) return
        if (page && !page.ok) return setLoad({ status: 'error', message: page.error.message })
        setItems(page?.data.items ?? [])
        setNext(page?.data.next ?? null)
        if (shown !== v) setView(shown)
        setAnswered(shown)
        setLoad({ status: 'ready', profile: me.data, lists })
      } finally {
        Taro.stopPullDownRefresh()
      }
    },
    [begin],
  )

  const loadingMore = useRef(false)
  useDidShow(() => {
    void refresh(view)
    if (counties.length === 0) {
      void listCounties().then((res) => res.ok && setCounties(res.data))
    }
  })
  usePullDownRefresh(() => void refresh(view))
  useReachBottom(async () => {
    if (!next || loadingMore.current || load.status !== 'ready') return
    const request = requestOf(view, load.lists)
    if (!request) return
    loadingMore.current = true
    const continues = generation.current
    const res = await listInbox({ ...request, cursor: next })
    loadingMore.current = false
    if (continues !== generation.current) return
    if (!res.ok) return void Taro.showToast({ title: res.error.message, icon: 'none', duration: 3000 })
    setItems((list) => {
      const seen = new Set(list.map((i) => i.caseId))
      return [...list, ...res.data.items.filter((i) => !seen.has(i.caseId))]
    })
    setNext(res.data.next)
  })

  const change = (patch: Partial<View_>) => {
    const v = { ...view, ...patch }
    setView(v)
    setItems([])
    setNext(null)
    void refresh(v)
  }
  const switchPersona = () => {
    setLoad({ status: 'loading' })
    setConsent(null)
    change({ scope: 'todo', list: null, search: '', filters: {} })
    setTyped('')
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

  const ready = load.status === 'ready' ? load : null
  const currentList = ready && view.scope === 'todo' ? (requestOf(view, ready.lists)?.list ?? null) : null
  const roles = ready?.profile.roles ?? []
  const caseDuty = hasCaseDuty(roles)
  const listShown = answered === view

  return (
    <View className="page">
      <PersonaPicker onChange={switchPersona} />
      {load.status === 'loading' && <StateView kind="loading" />}
      {load.status === 'error' && (
        <StateView kind="error" text={load.message} onRetry={() => void refresh(view)} />
      )}
      {load.status === 'not-staff' && <EnrolCard onBound={() => void refresh(view)} />}
      {ready && (
        <>
          <View className="card">
            <Text className="card-title" data-testid="staff-name">
              {ready.profile.name} · {ready.profile.title}
            </Text>
            <Text className="muted">{ready.profile.units.map((u) => u.name).join('、')}</Text>
            {roles.includes('admin') && (
              <Button
                className="btn small secondary section-gap"
                onClick={() => void Taro.navigateTo({ url: '/staff/admin/index' })}
                data-testid="admin-entry"
              >
                人员管理
              </Button>
            )}
            {roles.includes('reward-admin') && (
              <Text
                className="link workbench__rewards"
                data-testid="reward-queue"
                onClick={() => void Taro.navigateTo({ url: '/reward-admin/queue/index' })}
              >
                奖励审核：举报奖励申领
              </Text>
            )}
            <StaffLinks roles={roles} />
          </View>
          {consent && <NoticeBanner consent={consent} onAsk={() => void askNotices()} />}
          {!caseDuty && <StateView kind="empty" text="您的岗位没有办案职责，工作台不显示案件。" />}
        </>
      )}
      {ready && caseDuty && (
        <>
          <View className="workbench__search">
            <View className="workbench__search-input">
              <Input
                className="input"
                data-testid="search"
                value={typed}
                placeholder="案件编号或被反映对象名称"
                confirmType="search"
                onInput={(e) => setTyped(e.detail.value)}
                onConfirm={() => change({ search: typed.trim() })}
              />
            </View>
            <Button
              className="btn small"
              data-testid="search-go"
              onClick={() => change({ search: typed.trim() })}
            >
              搜索
            </Button>
          </View>
          {view.search ? (
            <View className="banner workbench__banner" data-testid="searching">
              <Text>搜索“{view.search}”的结果（本单位及下属单位）</Text>
              <Text
                className="link"
                onClick={() => {
                  setTyped('')
                  change({ search: '' })
                }}
              >
                清除
              </Text>
            </View>
          ) : (
            <>
              <ChipPicker
                label="案件范围"
                options={SCOPES.filter((s) => s.value !== 'todo' || ready.lists.length > 0)}
                value={view.scope}
                onChange={(scope) => change({ scope })}
                testId="scope"
              />
              {view.scope === 'todo' && (
                <ChipPicker
                  label="待办列表"
                  testId="todo-list"
                  attr="list"
                  options={ready.lists.map((list) => ({ value: list, label: TODO_LISTS[list].label }))}
                  value={currentList}
                  onChange={(list) => change({ list })}
                />
              )}
            </>
          )}
          {view.scope !== 'co-handling' && (
            <Text
              className="link workbench__filter-toggle"
              data-testid="toggle-filters"
              onClick={() => setShowFilters((s) => !s)}
            >
              筛选{activeFilters(view.filters) ? `（${activeFilters(view.filters)}）` : ''}
              {showFilters ? ' ▲' : ' ▼'}
            </Text>
          )}
          {showFilters && view.scope !== 'co-handling' && (
            <Filters value={view.filters} onChange={(filters) => change({ filters })} counties={counties} />
          )}
          {currentList && !view.search && <Text className="hint">{TODO_LISTS[currentList].hint}</Text>}
          {!listShown && <StateView kind="loading" />}
          {listShown && items.length === 0 && (
            <StateView kind="empty" text={view.search ? '没有找到符合的案件' : '暂无案件'} />
          )}
          {listShown && items.map((c) => <InboxRow key={c.caseId} item={c} onOpen={openCase} />)}
        </>
      )}
    </View>
  )
}
