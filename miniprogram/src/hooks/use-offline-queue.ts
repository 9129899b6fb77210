// The actions kept on the device for one case, and the other cases that have some, kept current as the queue
// changes.
import { useEffect, useState } from 'react'
import { queuedActions, subscribeQueue } from '../services/offline'

export interface OtherCaseQueue {
  caseId: string
  refNo: string
  count: number
  /** Something there waits for the officer (a conflict, a refusal). */
  needsDecision: boolean
}

export function useOfflineQueue(caseId: string) {
  const [items, setItems] = useState(queuedActions)
  useEffect(() => subscribeQueue(() => setItems(queuedActions())), [])
  const others = new Map<string, OtherCaseQueue>()
  for (const item of items) {
    if (item.caseId === caseId) continue
    const entry = others.get(item.caseId) ?? {
      caseId: item.caseId,
      refNo: item.refNo,
      count: 0,
      needsDecision: false,
    }
    entry.count++
    entry.needsDecision ||= item.state !== 'waiting'
    others.set(item.caseId, entry)
  }
  return { mine: items.filter((i) => i.caseId === caseId), others: [...others.values()] }
}
