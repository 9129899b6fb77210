// The actions kept on the device for one case (and how many for the others), kept current as the queue changes.
import { useEffect, useState } from 'react'
import { queuedActions, subscribeQueue } from '../services/offline'

export function useOfflineQueue(caseId: string) {
  const [items, setItems] = useState(queuedActions)
  useEffect(() => subscribeQueue(() => setItems(queuedActions())), [])
  return {
    mine: items.filter((i) => i.caseId === caseId),
    others: items.filter((i) => i.caseId !== caseId).length,
  }
}
