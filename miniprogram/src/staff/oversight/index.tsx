// 督办台: the supervisor's desk over the units in their scope — overdue cases, 督办单 owed and results to check
// (S3 第十五条), cases supervised, return visits due (S4 四(七)), early warnings with the cases behind them (S3
// 第十六条) and spot checks (S3 第十四条). Each action is the oversight function's; the page never edits a case
// itself: every answer reloads the list. A case opens on its own page for everything else.
import { useCallback, useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { CLOCK_STATE_LABELS } from '@shared/contracts/cases'
import {
  DESK_LISTS,
  type DeskItem,
  type DeskList,
  type SpotCheckView,
  type WarningView,
} from '@shared/contracts/oversight'
import type { UnitOption } from '@shared/contracts/staff'
import { SUPERVISION_REASONS } from '@shared/workflow/grounds'
import { SPOT_CHECK_FINDINGS, SUPERVISION_SEND_BACK_REASONS } from '@shared/workflow/catalogue/supervision'
import { CATEGORIES } from '@shared/vocabulary/categories'
import { formatShanghai } from '@shared/time'
import StateView from '../../components/state-view'
import ChipPicker, { type ChipOption } from '../../components/chip-picker'
import DatePicker from '../../components/date-picker'
import { DeskChoice, DeskSubmit, DeskText, useDeskForm } from '../desk-form'
import { listUnits } from '../../services/staff'
import {
  checkSupervision,
  drawSpotCheck,
  handleWarning,
  listDesk,
  listWarnings,
  orderRedo,
  orderSupervision,
  recordReturnVisit,
  recordSpotCheck,
} from '../../services/oversight'
import { previousMonth } from '@shared/months'
import { phoneMonth, phoneToday } from '../../platform/clock'
import './index.scss'

type Tab = DeskList | 'warnings' | 'spot-checks'

const TABS: ReadonlyArray<ChipOption<Tab>> = [
  ...(Object.entries(DESK_LISTS) as Array<[DeskList, string]>).map(([value, label]) => ({ value, label })),
  { value: 'warnings', label: '集中举报预警' },
  { value: 'spot-checks', label: '抽查' },
]

const options = (table: Record<string, { label: string } | string>) =>
  Object.entries(table).map(([value, o]) => ({ value, label: typeof o === 'string' ? o : o.label }))
const YES_NO: ReadonlyArray<ChipOption<boolean>> = [
  { value: true, label: '是' },
  { value: false, label: '否' },
]

function toast(text: string) {
  void Taro.showToast({ title: text, icon: 'none', duration: 3000 })
}

/** Last month, `YYYY-MM`: the period a spot check usually samples. */
const lastMonth = () => previousMonth(phoneMonth())

/** A case's reference number, which opens the case, and where it stands. */
function RefNoRow({ item }: { item: { caseId: string; refNo: string; statusLabel: string } }) {
  return (
    <View className="row">
      <Text
        className="ref-no link"
        onClick={() => void Taro.navigateTo({ url: `/staff/case/index?id=${item.caseId}` })}
      >
        {item.refNo}
      </Text>
      <Text className="tag">{item.statusLabel}</Text>
    </View>
  )
}

function CaseHead({ item }: { item: DeskItem | WarningView['cases'][number] }) {
  return (
    <>
      <RefNoRow item={item} />
      <Text className="card-title">
        {item.unitName} · {CATEGORIES[item.category].label}
      </Text>
      <Text className="hint">{item.descriptionExcerpt}</Text>
      {item.nextDue && (
        <Text className={`tag ${item.nextDue.overdue ? 'warn' : ''}`}>
          {item.nextDue.label}{' '}
          {item.nextDue.overdue ? CLOCK_STATE_LABELS.overdue : `${item.nextDue.date} 到期`}
        </Text>
      )}
    </>
  )
}

function SupervisionForm({ item, onDone }: { item: DeskItem; onDone: () => void }) {
  const form = useDeskForm({ reason: 'procedure-violated', instructions: '', dueDate: '' })
  return (
    <View className="desk-form" data-testid="supervision-form">
      <DeskChoice
        label="督办情形"
        options={options(SUPERVISION_REASONS)}
        {...form.field('reason')}
        testId="supervision-reason"
      />
      <DeskText
        label="督办要求"
        testId="supervision-instructions"
        value={form.values.instructions}
        maxlength={2000}
        onChange={(v) => form.set('instructions', v)}
      />
      <Text className="label">办结上报期限</Text>
      <DatePicker
        testId="supervision-due"
        value={form.values.dueDate}
        start={phoneToday()}
        onChange={(v) => form.set('dueDate', v)}
      />
      <DeskSubmit
        form={form}
        testId="supervision-submit"
        onClick={() =>
          void form.submit(
            () =>
              orderSupervision({
                caseId: item.caseId,
                expectedVersion: item.version,
                reason: form.values.reason as keyof typeof SUPERVISION_REASONS,
                instructions: form.values.instructions,
                dueDate: form.values.dueDate,
              }),
            onDone,
          )
        }
      >
        下达督办单
      </DeskSubmit>
    </View>
  )
}

function CheckForm({ item, onDone }: { item: DeskItem; onDone: () => void }) {
  const form = useDeskForm({ decision: 'accept', reason: 'incomplete', note: '', dueDate: '' })
  const sendBack = form.values.decision === 'send-back'
  return (
    <View className="desk-form" data-testid="check-form">
      <ChipPicker
        options={[
          { value: 'accept', label: '审核通过' },
          { value: 'send-back', label: '退回重新办理' },
        ]}
        {...form.field('decision')}
        testId="check-decision"
      />
      {sendBack && (
        <>
          <DeskChoice
            label="退回理由"
            options={options(SUPERVISION_SEND_BACK_REASONS)}
            {...form.field('reason')}
            testId="check-reason"
          />
        </>
      )}
      <DeskText label={sendBack ? '退回说明' : '审核意见'} testId="check-note" {...form.field('note')} />
      {sendBack && (
        <>
          <Text className="label">重新上报期限</Text>
          <DatePicker
            testId="check-due"
            value={form.values.dueDate}
            start={phoneToday()}
            onChange={(v) => form.set('dueDate', v)}
          />
        </>
      )}
      <DeskSubmit
        form={form}
        testId="check-submit"
        onClick={() =>
          void form.submit(
            () =>
              checkSupervision(
                sendBack
                  ? {
                      caseId: item.caseId,
                      expectedVersion: item.version,
                      decision: 'send-back',
                      reason: form.values.reason as keyof typeof SUPERVISION_SEND_BACK_REASONS,
                      note: form.values.note,
                      dueDate: form.values.dueDate,
                    }
                  : {
                      caseId: item.caseId,
                      expectedVersion: item.version,
                      decision: 'accept',
                      note: form.values.note,
                    },
              ),
            onDone,
          )
        }
      >
        提交审核结果
      </DeskSubmit>
    </View>
  )
}

/** 责令重新办理 after a check found a problem. */
function RedoForm({ caseId, version, onDone }: { caseId: string; version: number; onDone: () => void }) {
  const form = useDeskForm({ reason: '' })
  return (
    <View className="desk-form" data-testid="redo-form">
      <DeskText label="重新办理的理由" testId="redo-reason" {...form.field('reason')} />
      <DeskSubmit
        form={form}
        testId="redo-submit"
        onClick={() =>
          void form.submit(
            () => orderRedo({ caseId, expectedVersion: version, reason: form.values.reason }),
            onDone,
          )
        }
      >
        责令重新办理
      </DeskSubmit>
    </View>
  )
}

function ReturnVisitForm({ item, onDone }: { item: DeskItem; onDone: (recurred: boolean) => void }) {
  const form = useDeskForm<{ problemRecurred: boolean | null; satisfied: boolean | null; note: string }>({
    problemRecurred: null,
    satisfied: null,
    note: '',
  })
  return (
    <View className="desk-form" data-testid="return-visit-form">
      <DeskChoice
        label="问题是否反弹"
        options={YES_NO}
        {...form.field('problemRecurred')}
        testId="visit-recurred"
      />
      <DeskChoice
        label="反映人是否满意"
        options={YES_NO}
        {...form.field('satisfied')}
        onClear={() => form.set('satisfied', null)}
        testId="visit-satisfied"
      />
      <DeskText label="回访情况" testId="visit-note" {...form.field('note')} />
      <DeskSubmit
        form={form}
        testId="visit-submit"
        onClick={() => {
          if (form.values.problemRecurred === null) return toast('请说明问题是否反弹')
          const recurred = form.values.problemRecurred
          void form.submit(
            () =>
              recordReturnVisit({
                caseId: item.caseId,
                expectedVersion: item.version,
                problemRecurred: recurred,
                satisfied: form.values.satisfied,
                note: form.values.note,
              }),
            () => onDone(recurred),
          )
        }}
      >
        录入回访结果
      </DeskSubmit>
    </View>
  )
}

function DeskRow({ tab, item, onChanged }: { tab: DeskList; item: DeskItem; onChanged: () => void }) {
  const [open, setOpen] = useState(false)
  const [redo, setRedo] = useState<{ version: number } | null>(null)
  const done = () => {
    setOpen(false)
    setRedo(null)
    onChanged()
  }
  const order = item.supervisionOrder
  const action =
    tab === 'overdue' || tab === 'supervised'
      ? '下达督办单'
      : tab === 'reported'
        ? '审核督办结果'
        : tab === 'return-visits'
          ? '录入回访'
          : null
  return (
    <View className="list-item" data-testid="desk-item" data-case={item.caseId}>
      <CaseHead item={item} />
      {order && order.state !== 'closed' && (
        <Text className={`tag ${order.overdue ? 'warn' : ''}`} data-testid="order-due">
          督办期限 {order.due}
          {order.overdue ? ' 已逾期' : ''}
          {order.sendBacks > 0 ? ` · 已退回 ${order.sendBacks} 次` : ''}
        </Text>
      )}
      {item.returnVisitDue && <Text className="tag">回访期限 {item.returnVisitDue}</Text>}
      {action && !open && !redo && (
        <Button className="btn small secondary" data-testid="desk-action" onClick={() => setOpen(true)}>
          {action}
        </Button>
      )}
      {open && (tab === 'overdue' || tab === 'supervised') && <SupervisionForm item={item} onDone={done} />}
      {open && tab === 'reported' && <CheckForm item={item} onDone={done} />}
      {open && tab === 'return-visits' && (
        <ReturnVisitForm
          item={item}
          onDone={(recurred) => {
            setOpen(false)
            if (recurred) setRedo({ version: item.version + 1 })
            else done()
          }}
        />
      )}
      {redo && <RedoForm caseId={item.caseId} version={redo.version} onDone={done} />}
    </View>
  )
}

function WarningCard({ warning, onChanged }: { warning: WarningView; onChanged: () => void }) {
  const form = useDeskForm({ note: '' })
  return (
    <View className="list-item" data-testid="warning">
      <View className="row">
        <Text className="card-title">集中举报预警 · {warning.categoryLabel}</Text>
        <Text className={`tag ${warning.status === 'open' ? 'warn' : ''}`}>
          {warning.status === 'open' ? '待处置' : '已处置'}
        </Text>
      </View>
      <Text className="hint">
        {formatShanghai(warning.raisedAt)} · {warning.reporters} 名反映人 · {warning.basis}
      </Text>
      {warning.cases.map((c) => (
        <View key={c.caseId} className="desk-sub">
          <CaseHead item={c} />
        </View>
      ))}
      {warning.hiddenCases > 0 && <Text className="muted">另有 {warning.hiddenCases} 件不在您的范围内</Text>}
      {warning.status === 'open' && (
        <View className="desk-form">
          <DeskText label="处置情况" testId="warning-note" {...form.field('note')} />
          <DeskSubmit
            form={form}
            small
            testId="warning-submit"
            onClick={() => void form.submit(() => handleWarning(warning.id, form.values.note), onChanged)}
          >
            标记已处置
          </DeskSubmit>
        </View>
      )}
      {warning.handledNote && <Text className="hint">处置情况：{warning.handledNote}</Text>}
    </View>
  )
}

function SpotCheckItem({
  sample,
  item,
  onChanged,
}: {
  sample: SpotCheckView
  item: SpotCheckView['items'][number]
  onChanged: (view: SpotCheckView | null) => void
}) {
  const form = useDeskForm<{ finding: string | null; problemRecurred: boolean | null; note: string }>({
    finding: null,
    problemRecurred: null,
    note: '',
  })
  if (item.version === null) return <Text className="muted">（不在您的范围内）</Text>
  return (
    <View className="list-item" data-testid="sample-item" data-case={item.caseId}>
      <RefNoRow item={item} />
      {item.finding ? (
        <Text
          className={`tag ${item.finding === 'irregular' || item.problemRecurred ? 'warn' : ''}`}
          data-testid="sample-finding"
        >
          {SPOT_CHECK_FINDINGS[item.finding].label}
          {item.problemRecurred ? ' · 问题反弹' : ''}
          {item.redoOrdered ? ' · 已责令重新办理' : ''}
        </Text>
      ) : (
        <View className="desk-form">
          <DeskChoice
            label="抽查结论"
            options={options(SPOT_CHECK_FINDINGS)}
            {...form.field('finding')}
            testId="sample-finding-choice"
          />
          <DeskChoice
            label="问题是否反弹"
            options={YES_NO}
            {...form.field('problemRecurred')}
            testId="sample-recurred"
          />
          <DeskText label="抽查情况" testId="sample-note" {...form.field('note')} />
          <DeskSubmit
            form={form}
            small
            testId="sample-submit"
            onClick={() => {
              if (!form.values.finding || form.values.problemRecurred === null)
                return toast('请选择抽查结论和是否反弹')
              const { finding, problemRecurred, note } = form.values
              void form.submit(
                () =>
                  recordSpotCheck({
                    sampleId: sample.id,
                    caseId: item.caseId,
                    expectedVersion: item.version!,
                    finding: finding as keyof typeof SPOT_CHECK_FINDINGS,
                    problemRecurred,
                    note,
                  }),
                onChanged,
              )
            }}
          >
            录入抽查结果
          </DeskSubmit>
        </View>
      )}
      {(item.finding === 'irregular' || item.problemRecurred) && !item.redoOrdered && (
        <RedoForm caseId={item.caseId} version={item.version} onDone={() => onChanged(null)} />
      )}
    </View>
  )
}

function SpotChecks() {
  const [units, setUnits] = useState<UnitOption[]>([])
  const [unitId, setUnitId] = useState<string | null>(null)
  const [period, setPeriod] = useState(lastMonth())
  const [sample, setSample] = useState<SpotCheckView | null>(null)
  const [error, setError] = useState<string | null>(null)
  useDidShow(() => {
    void listUnits().then(
      (r) => r.ok && setUnits(r.data.filter((u) => u.kind === 'branch' || u.kind === 'zone-centre')),
    )
  })
  const draw = async () => {
    if (!unitId) return toast('请选择被抽查单位')
    setError(null)
    const result = await drawSpotCheck(unitId, period)
    if (!result.ok) return setError(result.error.message)
    setSample(result.data)
  }
  return (
    <View data-testid="spot-checks">
      <View className="card">
        <DeskChoice
          label="被抽查单位"
          options={units.map((u) => ({ value: u.id, label: u.name }))}
          value={unitId}
          onChange={setUnitId}
          testId="spot-unit"
        />
        <Text className="label">办结月份</Text>
        <DatePicker month testId="spot-period" value={period} end={phoneMonth()} onChange={setPeriod} />
        {error && <Text className="error-text">{error}</Text>}
        <Button className="btn" data-testid="spot-draw" onClick={() => void draw()}>
          抽取样本
        </Button>
      </View>
      {sample && (
        <View data-testid="sample">
          <Text className="hint" data-testid="sample-summary">
            {sample.unitName} {sample.period} 办结 {sample.population} 件，抽取 {sample.items.length}{' '}
            件（随机种子
            {sample.seed}，可复现）
          </Text>
          {sample.items.map((item) => (
            <SpotCheckItem
              key={item.caseId}
              sample={sample}
              item={item}
              onChanged={(view) => {
                if (view) setSample(view)
                else void draw()
              }}
            />
          ))}
        </View>
      )}
    </View>
  )
}

export default function OversightDesk() {
  const { params } = useRouter()
  const [tab, setTab] = useState<Tab>((params.tab as Tab) || 'overdue')
  const [items, setItems] = useState<DeskItem[] | null>(null)
  const [warnings, setWarnings] = useState<WarningView[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  const refresh = useCallback(async (which: Tab) => {
    setError(null)
    if (which === 'spot-checks') return
    if (which === 'warnings') {
      const result = await listWarnings('open')
      if (!result.ok) return setError(result.error.message)
      return setWarnings(result.data.items)
    }
    const result = await listDesk(which)
    if (!result.ok) return setError(result.error.message)
    setItems(result.data.items)
  }, [])

  useDidShow(() => void refresh(tab))
  const switchTab = (which: Tab) => {
    setTab(which)
    setItems(null)
    setWarnings(null)
    void refresh(which)
  }

  return (
    <View className="page">
      <View className="desk-tabs">
        <ChipPicker label="督办台" options={TABS} value={tab} onChange={switchTab} testId="desk-tabs" />
      </View>
      {error && <StateView kind="error" text={error} onRetry={() => void refresh(tab)} />}
      {tab === 'spot-checks' && <SpotChecks />}
      {tab === 'warnings' &&
        (warnings === null ? (
          <StateView kind="loading" />
        ) : warnings.length === 0 ? (
          <StateView kind="empty" text="暂无待处置的预警" />
        ) : (
          warnings.map((w) => (
            <WarningCard key={w.id} warning={w} onChanged={() => void refresh('warnings')} />
          ))
        ))}
      {tab !== 'warnings' &&
        tab !== 'spot-checks' &&
        (items === null ? (
          <StateView kind="loading" />
        ) : items.length === 0 ? (
          <StateView kind="empty" text="暂无案件" />
        ) : (
          items.map((item) => (
            <DeskRow key={item.caseId} tab={tab} item={item} onChanged={() => void refresh(tab)} />
          ))
        ))}
    </View>
  )
}
