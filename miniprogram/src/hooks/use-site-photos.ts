// Photos taken on site for a workflow form: the camera, the stamp (when — the phone's clock — and where, with the
// case's number) drawn on the photo and kept with it, compressed like a report's photos, and kept on the device
// until the action carrying them is sent (services/offline uploads them then, with or without a network now).
import { useCallback, useEffect, useState } from 'react'
import { toShanghaiIso } from '@shared/time'
import { photoStampLines } from '@shared/workflow/catalogue/field-work'
import type { SitePhoto } from '../forms/event-forms'
import type { PhotoSlot } from './use-photo-uploads'
import { stampPhoto, takePhoto } from '../platform/camera'
import { currentFix } from '../platform/location'
import { discardKeptPhoto, keepPhotoForQueue, openKeptPhoto } from '../platform/photo-store'

type SetPhotos = (update: (list: SitePhoto[]) => SitePhoto[]) => void

export function useSitePhotos(photos: SitePhoto[], setPhotos: SetPhotos, max: number, refNo: string) {
  const [previews, setPreviews] = useState<Record<string, string>>({})
  const [taking, setTaking] = useState(false)
  const [message, setMessage] = useState('')

  // Kept photos are shown from the device (h5: read back from IndexedDB after a reload).
  useEffect(() => {
    for (const p of photos) {
      if (!p.localPath || previews[p.key]) continue
      void openKeptPhoto(p.localPath).then((url) => {
        if (url) setPreviews((all) => ({ ...all, [p.key]: url }))
      })
    }
  }, [photos, previews])

  const take = useCallback(async () => {
    setTaking(true)
    setMessage('')
    // The position is read while the camera is open: the stamp says where the photo was taken.
    const located = currentFix()
    const shot = await takePhoto()
    if (!shot.ok) {
      setTaking(false)
      setMessage(shot.message)
      return
    }
    const takenAt = toShanghaiIso(new Date())
    const fix = await located
    const position = fix.ok ? fix.fix : null
    const stamped = await stampPhoto(shot, photoStampLines({ takenAt, position }, refNo))
    const kept = await keepPhotoForQueue(stamped.path)
    setTaking(false)
    if (!kept) {
      setMessage('手机存储空间不足，照片未能保存，请清理后重新拍摄')
      return
    }
    const key = `s${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`
    setPreviews((all) => ({ ...all, [key]: stamped.path }))
    setPhotos((list) =>
      [
        ...list,
        {
          key,
          localPath: kept,
          fileId: null,
          size: stamped.size,
          originalSize: stamped.originalSize,
          stamp: { takenAt, position, drawn: stamped.drawn },
        },
      ].slice(0, max),
    )
    if (!fix.ok) setMessage(`未取得定位，照片只带拍摄时间：${fix.message}`)
    else if (!stamped.drawn) setMessage('这台设备无法把水印画在照片上：拍摄时间和位置已随照片记录。')
  }, [max, refNo, setPhotos])

  const remove = useCallback(
    (key: string) => {
      const photo = photos.find((p) => p.key === key)
      if (photo?.localPath && !photo.fileId) void discardKeptPhoto(photo.localPath)
      setPhotos((list) => list.filter((p) => p.key !== key))
    },
    [photos, setPhotos],
  )

  const slots: PhotoSlot[] = photos.map((p) => ({
    ...p,
    previewUrl: previews[p.key] ?? null,
    // Uploaded with the action that carries it.
    status: p.fileId ? 'uploaded' : 'waiting',
    progress: 0,
    error: null,
  }))

  return { slots, take, remove, taking, message, canAdd: photos.length < max }
}
