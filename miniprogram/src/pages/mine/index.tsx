import { useCallback, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { CaseSummary } from '@shared/contracts/cases'
import { CATEGORIES } from '@shared/contracts/categories'
import { REQUEST_TYPES } from '@shared/contracts/request-types'
import { formatShanghai } from '@shared/time'
import StateView from '../../components/state-view'
import PersonaPicker from '../../components/persona-picker'
import { listMyCases } from '../../services/cases'

type Load = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready' }

export default function MyReports() {
  const [items, setItems] = useState<CaseSummary[]>([])
  const [next, setNext] = useState<string | null>(null)
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const [loadingMore, setLoadingMore] = useState(false)

  const refresh = useCallback(async () => {
    const res = await listMyCases()
    Taro.stopPullDownRefresh()
    if (!res.ok) return setLoad({ status: 'error', message: res.error.message })
    setItems(res.data.items)
    setNext(res.data.next)
    setLoad({ status: 'ready' })
  }, [])

  useDidShow(() => void refresh())
  usePullDownRefresh(() => void refresh())
  useReachBottom(async () => {
    if (!next || loadingMore) return
    setLoadingMore(true)
    const res = await listMyCases(next)
    setLoadingMore(false)
    if (res.ok) {
      setItems((list) => [...list, ...res.data.items])
      setNext(res.data.next)
    } else void Taro.showToast({ title: res.error.message, icon: 'none' })
  })

  return (
    <View className="page">
      <PersonaPicker onChange={() => void refresh()} />
      {load.status === 'loading' && <StateView kind="loading" />}
      {load.status === 'error' && (
        <StateView kind="error" text={load.message} onRetry={() => void refresh()} />
      )}
      {load.status === 'ready' && items.length === 0 && (
        <StateView
          kind="empty"
          text="您还没有反映过问题"
          action={{ label: '我要反映', onClick: () => void Taro.navigateTo({ url: '/pages/report/index' }) }}
        />
      )}
      {items.map((c) => (
        <View
          key={c.caseId}
          className="list-item"
          data-testid="my-case"
          onClick={() => void Taro.navigateTo({ url: `/pages/case/index?id=${c.caseId}` })}
        >
          <View className="row">
            <Text className="ref-no">{c.refNo}</Text>
            <Text className={`tag ${c.statusOpen ? '' : 'closed'}`}>{c.statusLabel}</Text>
          </View>
          <Text className="card-title">
            {REQUEST_TYPES[c.requestType]} · {CATEGORIES[c.category].label}
          </Text>
          <Text className="hint">{c.address}</Text>
          <View className="row">
            <Text className="muted">{formatShanghai(c.createdAt)} 提交</Text>
            <Text className="muted">{c.unitName ?? ''}</Text>
          </View>
        </View>
      ))}
      {loadingMore && <StateView kind="loading" text="加载更多…" />}
      {load.status === 'ready' && items.length > 0 && !next && <Text className="muted">没有更多了</Text>}
    </View>
  )
}
