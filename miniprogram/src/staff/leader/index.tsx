// 领导: the cases a leader took in personal charge (领导包案, S2 第八条) with their clocks, and the month's
// receptions (领导接访, S2 第七条) — each leader's count against the jurisdiction's minimum, and a record of a
// reception. Petitioners are shown masked; their names stay sealed.
import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { CLOCK_STATE_LABELS } from '@shared/contracts/cases'
import type { DeskItem, ReceptionMonth } from '@shared/contracts/oversight'
import StateView from '../../components/state-view'
import DatePicker from '../../components/date-picker'
import { DeskChoice, DeskSubmit, DeskText, useDeskForm } from '../desk-form'
import { listLeaderCases, receptionMonth, recordReception } from '../../services/oversight'
import { phoneMonth, phoneToday } from '../../platform/clock'
import '../oversight/index.scss'

export default function LeaderDesk() {
  const [cases, setCases] = useState<DeskItem[] | null>(null)
  const [month, setMonth] = useState(phoneMonth())
  const [receptions, setReceptions] = useState<ReceptionMonth | null>(null)
  const [error, setError] = useState<string | null>(null)
  const form = useDeskForm({ leaderStaffId: '', date: phoneToday(), petitioners: '', matters: '' })

  const load = async (which = month) => {
    setError(null)
    const [mine, month_] = await Promise.all([listLeaderCases(), receptionMonth(which)])
    if (mine.ok) setCases(mine.data.items)
    else if (mine.error.code !== 'FORBIDDEN') setError(mine.error.message)
    else setCases([])
    if (!month_.ok) return setError(month_.error.message)
    setReceptions(month_.data)
  }
  useDidShow(() => void load())

  const record = () =>
    form.submit(
      () =>
        recordReception({
          leaderStaffId: form.values.leaderStaffId,
          date: form.values.date,
          petitioners: form.values.petitioners
            .split(/[，,、\s]+/)
            .map((s) => s.trim())
            .filter(Boolean),
          matters: form.values.matters,
          assignments: [],
        }),
      () => {
        form.set('petitioners', '')
        form.set('matters', '')
        void Taro.showToast({ title: '接访记录已保存', icon: 'none' })
        void load()
      },
    )

  return (
    <View className="page">
      {error && <StateView kind="error" text={error} onRetry={() => void load()} />}
      <Text className="card-title">我的包案</Text>
      {cases === null ? (
        <StateView kind="loading" />
      ) : cases.length === 0 ? (
        <StateView kind="empty" text="暂无包案案件" />
      ) : (
        cases.map((c) => (
          <View
            key={c.caseId}
            className="list-item"
            data-testid="leader-case"
            onClick={() => void Taro.navigateTo({ url: `/staff/case/index?id=${c.caseId}` })}
          >
            <View className="row">
              <Text className="ref-no">{c.refNo}</Text>
              <Text className="tag">{c.statusLabel}</Text>
            </View>
            <Text className="hint">{c.descriptionExcerpt}</Text>
            {c.nextDue && (
              <Text className={`tag ${c.nextDue.overdue ? 'warn' : ''}`}>
                {c.nextDue.label} {c.nextDue.overdue ? CLOCK_STATE_LABELS.overdue : `${c.nextDue.date} 到期`}
              </Text>
            )}
          </View>
        ))
      )}
      <View className="card">
        <Text className="card-title">领导接访</Text>
        <DatePicker
          month
          testId="reception-month"
          value={month}
          end={phoneMonth()}
          onChange={(picked) => {
            setMonth(picked)
            void load(picked)
          }}
        />
        {receptions && (
          <>
            <Text className="hint">
              {receptions.minimum
                ? `每名领导每月接访不少于 ${receptions.minimum.perMonth} 次（${receptions.minimum.basis}）`
                : '本地区未规定每月接访次数'}
            </Text>
            {receptions.counts.map((c) => (
              <View key={c.leaderStaffId} className="row" data-testid="reception-count">
                <Text>{c.leaderName}</Text>
                <Text className={`tag ${c.belowMinimum ? 'warn' : ''}`}>
                  {c.count} 次{c.belowMinimum ? ' · 未达要求' : ''}
                </Text>
              </View>
            ))}
            {receptions.receptions.map((r) => (
              <View key={r.id} className="desk-sub">
                <Text className="hint">
                  {r.date} · {r.leaderName} · 来访 {r.petitionerCount} 人（{r.petitioners.join('、')}）
                </Text>
                <Text>{r.matters}</Text>
              </View>
            ))}
            <View className="desk-form">
              <DeskChoice
                label="接访领导"
                testId="reception-leader"
                options={receptions.counts.map((c) => ({ value: c.leaderStaffId, label: c.leaderName }))}
                value={form.values.leaderStaffId || null}
                onChange={(v) => form.set('leaderStaffId', v)}
              />
              <Text className="label">接访日期</Text>
              <DatePicker
                testId="reception-date"
                value={form.values.date}
                end={phoneToday()}
                onChange={(date) => form.set('date', date)}
              />
              <Text className="label">来访人（以逗号分隔）</Text>
              <Input
                className="input"
                data-testid="reception-petitioners"
                value={form.values.petitioners}
                onInput={(e) => form.set('petitioners', e.detail.value)}
              />
              <DeskText label="反映事项" testId="reception-matters" {...form.field('matters')} />
              <DeskSubmit form={form} onClick={() => void record()}>
                保存接访记录
              </DeskSubmit>
            </View>
          </>
        )}
      </View>
    </View>
  )
}
