// Local mode only: choose who the H5 app acts as (citizen, officer, …). Sets the x-dev-openid header.
import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
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

  if (!isLocalMode || personas.length === 0) return null
  const current = personas.find((p) => p.openid === openid)

  return (
    <View className="persona-picker" data-testid="persona-picker">
      <View className="persona-picker__current" onClick={() => setOpen(!open)}>
        <Text className="persona-picker__badge">本地演示</Text>
        <Text>
          当前身份：<Text className="persona-picker__name">{current?.label ?? openid}</Text>
        </Text>
        <Text className="persona-picker__switch">{open ? '收起' : '切换身份'}</Text>
      </View>
      {open && (
        <View className="chips persona-picker__list">
          {personas.map((p) => (
            <View
              key={p.key}
              className={`chip ${p.openid === openid ? 'active' : ''}`}
              data-persona={p.key}
              onClick={() => {
                setDevOpenid(p.openid)
                setOpenid(p.openid)
                setOpen(false)
                onChange?.(p)
              }}
            >
              {p.label}
            </View>
          ))}
        </View>
      )}
      <Text className="persona-picker__deployment">{deployment}</Text>
    </View>
  )
}
