// Photos of a report or a supplement: chosen, compressed and kept on the device, uploaded with progress
// (three at a time), retried by a tap, and — for a restored draft — resumed or previewed from the server.
import { useCallback, useEffect, useRef, useState } from 'react'
import { MAX_PHOTOS } from '@shared/contracts/cases'
import { choosePhotos } from '../platform/media'
import { discardPhoto, keepPhoto, photoAvailable } from '../platform/photo-store'
import { photoUrls, uploadPhoto } from '../services/files'
import type { DraftPhoto } from '../services/draft'

export interface PhotoSlot extends DraftPhoto {
  previewUrl: string | null
  /**
   * `failed`: the upload did not get through (retry); `rejected`: the server will not take this photo (content
   * check, not an image); `refused`: the file chosen is not a photo or cannot be read — it was never added.
   */
  status: 'waiting' | 'uploading' | 'uploaded' | 'failed' | 'rejected' | 'refused'
  progress: number
  error: string | null
  /** The chosen file's name (refused files have no preview). */
  name?: string
}

/** Upload errors a retry cannot fix: the server will not take this file (its message says why). */
const REFUSED_FILE_ERRORS = new Set(['UNSUPPORTED_FILE_TYPE', 'FILE_TOO_LARGE'])

type UploadState = Pick<PhotoSlot, 'status' | 'progress' | 'error'>
type SetPhotos = (update: (list: DraftPhoto[]) => DraftPhoto[]) => void

const PARALLEL_UPLOADS = 3

export function usePhotoUploads(photos: DraftPhoto[], setPhotos: SetPhotos, max = MAX_PHOTOS) {
  const [states, setStates] = useState<Record<string, UploadState>>({})
  const [remoteUrls, setRemoteUrls] = useState<Record<string, string>>({})
  const [lost, setLost] = useState(0)
  const [choosing, setChoosing] = useState(false)
  // Files of the last choice that were not taken, with the reason; shown as slots until removed.
  const [refused, setRefused] = useState<Array<{ key: string; name: string; reason: string }>>([])
  // Photos whose file is on this device (checked once: the file system is not asked on every render).
  const local = useRef<Set<string>>(new Set())
  const queue = useRef<Array<() => Promise<void>>>([])
  const running = useRef(0)

  const setState = useCallback((key: string, patch: Partial<UploadState>) => {
    setStates((all) => ({
      ...all,
      [key]: { ...(all[key] ?? { status: 'waiting', progress: 0, error: null }), ...patch },
    }))
  }, [])

  const pump = useCallback(() => {
    while (running.current < PARALLEL_UPLOADS && queue.current.length > 0) {
      const job = queue.current.shift()!
      running.current++
      void job().finally(() => {
        running.current--
        pump()
      })
    }
  }, [])

  const upload = useCallback(
    (key: string, path: string) => {
      setState(key, { status: 'waiting', progress: 0, error: null })
      queue.current.push(async () => {
        setState(key, { status: 'uploading' })
        const res = await uploadPhoto(path, (progress) => setState(key, { progress }))
        if (res.ok) {
          setPhotos((list) => list.map((p) => (p.key === key ? { ...p, fileId: res.data.fileId } : p)))
          setState(key, { status: 'uploaded', progress: 100 })
        } else if (res.error.code === 'CONTENT_REJECTED') {
          setState(key, { status: 'rejected', error: '未通过内容安全检查，请删除后换一张' })
        } else if (REFUSED_FILE_ERRORS.has(res.error.code)) {
          setState(key, { status: 'rejected', error: res.error.message })
        } else {
          setState(key, { status: 'failed', error: res.error.message })
        }
      })
      pump()
    },
    [pump, setPhotos, setState],
  )

  // A restored draft: resume uploads whose file is still here, drop those that are gone, and preview
  // uploaded photos from the server when the device copy is gone (H5 after a reload).
  const restored = useRef(false)
  useEffect(() => {
    if (restored.current) return
    restored.current = true
    const gone: string[] = []
    const remote: string[] = []
    for (const p of photos) {
      const here = photoAvailable(p.localPath)
      if (here) local.current.add(p.key)
      if (!p.fileId && here && p.localPath) upload(p.key, p.localPath)
      else if (!p.fileId) gone.push(p.key)
      else if (!here) remote.push(p.fileId)
      if (p.fileId) setState(p.key, { status: 'uploaded', progress: 100 })
    }
    if (gone.length > 0) {
      setLost(gone.length)
      setPhotos((list) => list.filter((p) => !gone.includes(p.key)))
    }
    if (remote.length > 0) void photoUrls(remote).then(setRemoteUrls)
  }, [photos, setPhotos, setState, upload])

  const add = useCallback(async () => {
    setChoosing(true)
    const { photos: chosen, refused: notTaken } = await choosePhotos(max - photos.length)
    setRefused(
      notTaken.map((r) => ({
        key: `x${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`,
        ...r,
      })),
    )
    const added: DraftPhoto[] = []
    for (const c of chosen) {
      const key = `p${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`
      const localPath = await keepPhoto(c.path)
      local.current.add(key)
      added.push({ key, localPath, fileId: null, size: c.size, originalSize: c.originalSize })
    }
    setChoosing(false)
    if (added.length === 0) return
    setLost(0)
    setPhotos((list) => [...list, ...added].slice(0, max))
    for (const p of added) upload(p.key, p.localPath!)
  }, [max, photos.length, setPhotos, upload])

  const retry = useCallback(
    (key: string) => {
      const photo = photos.find((p) => p.key === key)
      if (photo?.localPath) upload(key, photo.localPath)
    },
    [photos, upload],
  )

  const remove = useCallback(
    (key: string) => {
      setRefused((list) => list.filter((r) => r.key !== key))
      const photo = photos.find((p) => p.key === key)
      discardPhoto(photo?.localPath ?? null)
      local.current.delete(key)
      setPhotos((list) => list.filter((p) => p.key !== key))
    },
    [photos, setPhotos],
  )

  /** After the photos were submitted (or abandoned): their kept copies on the device go, and their states. */
  const latest = useRef(photos)
  latest.current = photos
  const clear = useCallback(() => {
    for (const photo of latest.current) discardPhoto(photo.localPath)
    local.current.clear()
    setPhotos(() => [])
    setStates({})
    setRemoteUrls({})
    setRefused([])
  }, [setPhotos])

  const slots: PhotoSlot[] = photos.map((p) => {
    const state = states[p.key] ?? {
      status: p.fileId ? 'uploaded' : 'waiting',
      progress: p.fileId ? 100 : 0,
      error: null,
    }
    const previewUrl = local.current.has(p.key)
      ? p.localPath
      : p.fileId
        ? (remoteUrls[p.fileId] ?? null)
        : null
    return { ...p, ...state, status: p.fileId ? 'uploaded' : state.status, previewUrl }
  })
  const refusedSlots: PhotoSlot[] = refused.map((r) => ({
    key: r.key,
    localPath: null,
    fileId: null,
    size: 0,
    originalSize: 0,
    previewUrl: null,
    status: 'refused',
    progress: 0,
    error: r.reason,
    name: r.name,
  }))
  const pending = slots.filter((s) => s.status === 'waiting' || s.status === 'uploading').length
  const failed = slots.filter((s) => s.status === 'failed' || s.status === 'rejected').length

  return {
    // Refused files are not part of the report (nothing to upload or submit); their slots only say why.
    slots: [...slots, ...refusedSlots],
    add,
    retry,
    remove,
    clear,
    pending,
    failed,
    lost,
    choosing,
    canAdd: photos.length < max,
  }
}
