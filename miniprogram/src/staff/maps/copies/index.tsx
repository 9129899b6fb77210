// 业务科室抄送 (S0 第十七条 对内共享): the reports copied to the business sections of the staff member's units, and one
// copy read — the report and its handling, never the reporter (each reading is recorded).
import { useCallback, useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { SectionCopyItem, SectionCopyView } from '@shared/contracts/sharing'
import CaseTimeline from '../../../components/case-timeline'
import StateView from '../../../components/state-view'
import { getSectionCopy, listSectionCopies } from '../../../services/sharing'

export default function CopiesPage() {
  const [items, setItems] = useState<SectionCopyItem[] | null>(null)
  const [next, setNext] = useState<string | null>(null)
  const [open, setOpen] = useState<SectionCopyView | null>(null)
  const [error, setError] = useState<string | null>(null)

  const refresh = useCallback(async () => {
    const res = await listSectionCopies()
    if (!res.ok) return setError(res.error.message)
    setItems(res.data.items)
    setNext(res.data.next)
  }, [])
  useEffect(() => void refresh(), [refresh])

  const more = async () => {
    if (!next) return
    const res = await listSectionCopies(next)
    if (!res.ok) return void Taro.showToast({ title: res.error.message, icon: 'none' })
    setItems((list) => [...(list ?? []), ...res.data.items])
    setNext(res.data.next)
  }

  const read = async (copyId: string) => {
    const res = await getSectionCopy(copyId)
    if (!res.ok) return void Taro.showToast({ title: res.error.message, icon: 'none', duration: 3000 })
    setOpen(res.data)
  }

  if (error) return <StateView kind="error" text={error} onRetry={() => void refresh()} />
  if (!items) return <StateView kind="loading" />
  if (open) {
    return (
      <View className="page" data-testid="section-copy">
        <Text className="link" onClick={() => setOpen(null)}>
          ← 返回抄送列表
        </Text>
        <View className="card">
          <Text className="ref-no">{open.refNo}</Text>
          <Text className="card-title">
            {open.statusLabel} · {open.unitName}
          </Text>
          <Text className="muted">
            抄送{open.sectionName} · {open.cite}
          </Text>
          <Text className="hint">{open.description}</Text>
          <Text className="muted">{open.location.address}</Text>
          {open.reportedEntity && <Text className="muted">被反映对象：{open.reportedEntity}</Text>}
          <Text className="muted">抄送内容不含反映人信息。</Text>
        </View>
        <View className="card">
          <Text className="card-title">办理记录</Text>
          <CaseTimeline entries={open.timeline} />
        </View>
      </View>
    )
  }
  return (
    <View className="page" data-testid="section-copies">
      {items.length === 0 && <StateView kind="empty" text="暂无抄送给本科室的反映" />}
      {items.map((c) => (
        <View
          key={c.copyId}
          className="list-item"
          data-testid="section-copy-item"
          onClick={() => void read(c.copyId)}
        >
          <View className="row">
            <Text className="ref-no">{c.refNo}</Text>
            <Text className="tag">{c.statusLabel}</Text>
          </View>
          <Text className="card-title">
            {c.categoryLabel} · {c.unitName}
          </Text>
          <Text className="muted">
            抄送{c.sectionName} · {c.sharedAt.slice(0, 16).replace('T', ' ')}
          </Text>
        </View>
      ))}
      {next && (
        <Text className="link" onClick={() => void more()}>
          查看更多
        </Text>
      )}
    </View>
  )
}
