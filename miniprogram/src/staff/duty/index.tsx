// 值班表: who is on duty in each of my units, day by day, and which leader leads the shift (24小时值班制和领导
// 带班制, S0 第五条; 值班值守制度, S2 第十二条). Office heads set their units' days; everyone with a case duty reads
// them. An urgent case is sent at once to the officers and the leader of the shift.
import { useCallback, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import type { ColleagueOption, DutyRoster, StaffProfile } from '@shared/contracts/staff'
import { addLocalDays } from '@shared/time'
import ChipPicker from '../../components/chip-picker'
import DatePicker from '../../components/date-picker'
import StateView from '../../components/state-view'
import { getDutyRoster, getStaffProfile, listColleagues, setDuty } from '../../services/staff'
import './index.scss'

const DAYS = 7

interface Draft {
  unitId: string | null
  date: string
  officerIds: string[]
  leaderId: string | null
  note: string
}

export default function Duty() {
  const [profile, setProfile] = useState<StaffProfile | null>(null)
  const [roster, setRoster] = useState<DutyRoster | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [draft, setDraft] = useState<Draft | null>(null)
  const [officers, setOfficers] = useState<ColleagueOption[]>([])
  const [leaders, setLeaders] = useState<ColleagueOption[]>([])
  const [busy, setBusy] = useState(false)

  const load = useCallback(async () => {
    const [me, days] = await Promise.all([getStaffProfile(), getDutyRoster({ days: DAYS })])
    if (me.ok) setProfile(me.data)
    if (!days.ok) return setError(days.error.message)
    setError(null)
    setRoster(days.data)
  }, [])
  useDidShow(() => void load())

  const pickUnit = async (unitId: string, date: string) => {
    const day = roster?.days.find((d) => d.unitId === unitId && d.date === date)
    setDraft({
      unitId,
      date,
      officerIds: day?.officers.map((o) => o.id) ?? [],
      leaderId: day?.leader?.id ?? null,
      note: day?.note ?? '',
    })
    const [o, l] = await Promise.all([
      listColleagues({ unitId, role: 'officer' }),
      listColleagues({ unitId, role: 'leader' }),
    ])
    setOfficers(o.ok ? o.data : [])
    setLeaders(l.ok ? l.data : [])
  }

  const save = async () => {
    if (!draft?.unitId || busy) return
    setBusy(true)
    const res = await setDuty({ ...draft, unitId: draft.unitId })
    setBusy(false)
    if (!res.ok) return void Taro.showToast({ title: res.error.message, icon: 'none', duration: 3000 })
    void Taro.showToast({ title: '已保存', icon: 'success' })
    setDraft(null)
    void load()
  }

  if (error) return <StateView kind="error" text={error} onRetry={() => void load()} />
  if (!roster) return <StateView kind="loading" />
  const head = profile?.roles.includes('office-head') ?? false
  const dates = Array.from({ length: DAYS }, (_, i) => addLocalDays(roster.today, i))
  return (
    <View className="page duty">
      <View className="card">
        <Text className="card-title">
          今日值班（{roster.today} {roster.handover} 起 24 小时）
        </Text>
        {roster.mine.length === 0 ? (
          <Text className="muted">今天您不在值班表上</Text>
        ) : (
          roster.mine.map((m) => (
            <Text key={m.unitId} className="hint" data-testid="my-duty">
              {m.unitName}：{m.leads ? '带班领导' : '值班人员'}
            </Text>
          ))
        )}
      </View>
      {dates.map((date) => (
        <View key={date} className="card" data-testid="duty-day" data-date={date}>
          <Text className="card-title">{date}</Text>
          {roster.days.filter((d) => d.date === date).length === 0 && <Text className="muted">尚未排班</Text>}
          {roster.days
            .filter((d) => d.date === date)
            .map((d) => (
              <View key={d.unitId} className="duty__unit">
                <Text className="label">{d.unitName}</Text>
                <Text className="hint">值班：{d.officers.map((o) => o.name).join('、')}</Text>
                <Text className="hint">带班领导：{d.leader?.name ?? '未安排'}</Text>
                {d.note && <Text className="muted">{d.note}</Text>}
              </View>
            ))}
          {head &&
            profile!.units.map((u) => (
              <Text
                key={u.id}
                className="link duty__edit"
                data-testid="edit-duty"
                onClick={() => void pickUnit(u.id, date)}
              >
                安排{u.name}值班
              </Text>
            ))}
        </View>
      ))}
      {draft && (
        <View className="card" data-testid="duty-form">
          <Text className="card-title">
            {profile?.units.find((u) => u.id === draft.unitId)?.name} · 值班安排
          </Text>
          <Text className="label">值班日期</Text>
          <DatePicker
            testId="duty-date"
            value={draft.date}
            start={roster.today}
            onChange={(date) => setDraft({ ...draft, date })}
          />
          <Text className="label">值班人员</Text>
          <ChipPicker
            multiple
            label="值班人员"
            testId="duty-officers"
            options={officers.map((o) => ({ value: o.id, label: o.name }))}
            value={draft.officerIds}
            onChange={(officerIds) => setDraft({ ...draft, officerIds })}
          />
          <Text className="label">带班领导</Text>
          <ChipPicker
            label="带班领导"
            testId="duty-leader"
            options={leaders.map((o) => ({ value: o.id, label: o.name }))}
            value={draft.leaderId}
            onChange={(leaderId) => setDraft({ ...draft, leaderId })}
            onClear={() => setDraft({ ...draft, leaderId: null })}
          />
          <Text className="label">备注</Text>
          <Input
            className="input"
            value={draft.note}
            maxlength={200}
            placeholder="如：敏感时段增设班次"
            onInput={(e) => setDraft({ ...draft, note: e.detail.value })}
          />
          <Button
            className="btn"
            loading={busy}
            disabled={busy}
            data-testid="save-duty"
            onClick={() => void save()}
          >
            保存值班安排
          </Button>
        </View>
      )}
    </View>
  )
}
