// 反映人: masked for staff; a real-name reporter's name and phone are shown only after a reason is given, and
// every look is recorded (S0 第十三条).
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import type { MaskedReporter } from '@shared/cases/views/staff'
import { TERMS } from '@shared/vocabulary/terms'
import { revealReporter } from '../../services/staff'

export default function ReporterContact({ caseId, reporter }: { caseId: string; reporter: MaskedReporter }) {
  const [contact, setContact] = useState<{ name: string | null; phone: string | null } | null>(null)
  const [revealing, setRevealing] = useState(false)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)

  async function reveal() {
    if (busy) return
    setBusy(true)
    const res = await revealReporter(caseId, reason)
    setBusy(false)
    if (res.ok) {
      setContact({ name: res.data.name, phone: res.data.phone })
      setRevealing(false)
    } else void Taro.showToast({ title: res.error.message, icon: 'none', duration: 3000 })
  }

  const shown = contact ?? reporter
  return (
    <>
      <View className="row staff-case__reporter">
        <Text className="hint">
          {TERMS.reporter}：
          {reporter.mode === 'anonymous' ? '匿名' : `${shown.name ?? ''} ${shown.phone ?? ''}`}
        </Text>
        {reporter.mode === 'real-name' && !contact && !revealing && (
          <Button className="btn small secondary" onClick={() => setRevealing(true)}>
            查看联系方式
          </Button>
        )}
      </View>
      {revealing && (
        <View className="field">
          <Text className="hint">
            {TERMS.reporter}信息严格保密，查看将记录在案（S0 第十三条）。请填写理由：
          </Text>
          <Input
            className="input"
            value={reason}
            placeholder="如：需电话联系核实现场位置"
            onInput={(e) => setReason(e.detail.value)}
          />
          <Button className="btn small" loading={busy} disabled={busy} onClick={() => void reveal()}>
            确认查看
          </Button>
        </View>
      )}
    </>
  )
}
