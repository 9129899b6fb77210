// Local mode only: choose who the H5 app acts as (citizen, officer, …). Sets the x-dev-openid header. Drawn at
// its full size before the personas arrive, so the page below it does not jump when they do.
import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import ChipPicker from '../chip-picker'
import { fetchPersonas, type Persona } from '../../platform/dev'
import { currentDevOpenid, isLocalMode, setDevOpenid } from '../../platform/identity'
import './index.scss'

export default function PersonaPicker({ onChange }: { onChange?: (persona: Persona) => void }) {
  const [personas, setPersonas] = useState<Persona[]>([])
  const [deployment, setDeployment] = useState('')
  const [openid, setOpenid] = useState(currentDevOpenid())
  const [open, setOpen] = useState(false)

  useEffect(() => {
    if (!isLocalMode) return
    void fetchPersonas().then((data) => {
      if (!data) return
      setPersonas(data.personas)
      setDeployment(data.deployment.name)
    })
  }, [])

  if (!isLocalMode) return null
  const current = personas.find((p) => p.openid === openid)
  // Drawn at once, the same size while the personas load: what is below never moves under a finger.
  const status = personas.length > 0 ? 'ready' : 'loading'

  return (
    <View className="persona-picker" data-testid="persona-picker" data-status={status}>
      <View className="persona-picker__current" onClick={() => setOpen(!open)}>
        <Text className="persona-picker__badge">本地演示</Text>
        <Text>
          当前身份：
          <Text className="persona-picker__name">
            {current?.label ?? (status === 'ready' ? openid : '…')}
          </Text>
        </Text>
        <Text className="persona-picker__switch">{open ? '收起' : '切换身份'}</Text>
      </View>
      {open && (
        <View className="persona-picker__list">
          <ChipPicker
            label="切换身份"
            attr="persona"
            options={personas.map((p) => ({ value: p.key, label: p.label }))}
            value={current?.key ?? null}
            onChange={(key) => {
              const p = personas.find((x) => x.key === key)!
              setDevOpenid(p.openid)
              setOpenid(p.openid)
              setOpen(false)
              onChange?.(p)
            }}
          />
        </View>
      )}
      <Text className="persona-picker__deployment">{deployment || '…'}</Text>
    </View>
  )
}
