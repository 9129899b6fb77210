// Keeping a draft's photos on the device until the report is filed.
// weapp: the temp files of chooseImage/compressImage may be deleted once the app closes, so each photo is
// copied into the user data directory (wx.env.USER_DATA_PATH) and that path goes into the draft.
// h5: blob: URLs die with the page; the draft keeps the uploaded fileIds and previews through files.tempUrls.
import Taro from '@tarojs/taro'

const DIR = 'gw-draft-photos'
/** blob: URLs created in this page session (h5); any other stored blob: URL is gone. */
const sessionUrls = new Set<string>()

function userDataDir(): string | null {
  const root = (Taro.env as { USER_DATA_PATH?: string } | undefined)?.USER_DATA_PATH
  return root ? `${root}/${DIR}` : null
}

/** Copies a chosen photo somewhere it survives closing the app; returns the path to keep. */
export async function keepPhoto(path: string): Promise<string> {
  if (process.env.TARO_ENV !== 'weapp') {
    sessionUrls.add(path)
    return path
  }
  const dir = userDataDir()
  if (!dir) return path
  const fs = Taro.getFileSystemManager()
  try {
    fs.accessSync(dir)
  } catch {
    try {
      fs.mkdirSync(dir, true)
    } catch {
      return path
    }
  }
  const ext = /\.(jpe?g|png|webp|gif)$/i.exec(path)?.[1] ?? 'jpg'
  const dest = `${dir}/${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.${ext}`
  return new Promise((resolve) => {
    fs.copyFile({ srcPath: path, destPath: dest, success: () => resolve(dest), fail: () => resolve(path) })
  })
}

/** Whether a kept photo can still be shown and uploaded from the device. */
export function photoAvailable(path: string | null): boolean {
  if (!path) return false
  if (process.env.TARO_ENV !== 'weapp') return sessionUrls.has(path) || !path.startsWith('blob:')
  try {
    Taro.getFileSystemManager().accessSync(path)
    return true
  } catch {
    return false
  }
}

/** Deletes a kept photo (removed from the draft, or the report was filed). */
export function discardPhoto(path: string | null): void {
  if (!path) return
  if (process.env.TARO_ENV !== 'weapp') {
    if (sessionUrls.delete(path)) URL.revokeObjectURL(path)
    return
  }
  const dir = userDataDir()
  if (!dir || !path.startsWith(dir)) return
  try {
    Taro.getFileSystemManager().unlinkSync(path)
  } catch {
    // already gone
  }
}

// Photos waiting for an action queued on the device (services/offline.ts): kept until they are uploaded with it,
// across app restarts. weapp: a copy in the user data directory (apart from draft photos, which a sent form
// deletes); h5: the image itself in IndexedDB, since a blob: URL dies with the page. The kept path is
// `idb:<key>` on h5.
const SITE_DIR = 'gw-site-photos'
const IDB_PREFIX = 'idb:'
const IDB_NAME = 'gw-photos'
const IDB_STORE = 'photos'
/** blob: URLs made from IndexedDB in this page session, by kept path. */
const opened = new Map<string, string>()

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(IDB_NAME, 1)
    request.onupgradeneeded = () => request.result.createObjectStore(IDB_STORE)
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error ?? new Error('indexedDB'))
  })
}

async function idb<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest): Promise<T> {
  const db = await openDb()
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = work(db.transaction(IDB_STORE, mode).objectStore(IDB_STORE))
      request.onsuccess = () => resolve(request.result as T)
      request.onerror = () => reject(request.error ?? new Error('indexedDB'))
    })
  } finally {
    db.close()
  }
}

const newKey = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`

/** Keeps a photo until it is uploaded with its queued action; null when the device cannot keep it. */
export async function keepPhotoForQueue(path: string): Promise<string | null> {
  if (process.env.TARO_ENV !== 'weapp') {
    try {
      const blob = await (await fetch(path)).blob()
      const key = newKey()
      await idb('readwrite', (store) => store.put(blob, key))
      opened.set(`${IDB_PREFIX}${key}`, path)
      sessionUrls.add(path)
      return `${IDB_PREFIX}${key}`
    } catch {
      return null
    }
  }
  const root = (Taro.env as { USER_DATA_PATH?: string } | undefined)?.USER_DATA_PATH
  if (!root) return null
  const fs = Taro.getFileSystemManager()
  const dir = `${root}/${SITE_DIR}`
  try {
    fs.accessSync(dir)
  } catch {
    try {
      fs.mkdirSync(dir, true)
    } catch {
      return null
    }
  }
  const dest = `${dir}/${newKey()}.jpg`
  return new Promise((resolve) => {
    fs.copyFile({ srcPath: path, destPath: dest, success: () => resolve(dest), fail: () => resolve(null) })
  })
}

/** A path to show or upload a kept photo now (h5: a blob: URL read back from IndexedDB); null when it is gone. */
export async function openKeptPhoto(kept: string): Promise<string | null> {
  if (!kept.startsWith(IDB_PREFIX)) return photoAvailable(kept) ? kept : null
  const known = opened.get(kept)
  if (known) return known
  try {
    const blob = await idb<Blob | undefined>('readonly', (store) => store.get(kept.slice(IDB_PREFIX.length)))
    if (!blob) return null
    const url = URL.createObjectURL(blob)
    opened.set(kept, url)
    sessionUrls.add(url)
    return url
  } catch {
    return null
  }
}

/** The photo was uploaded with its action (or the action was discarded): its kept copy goes. */
export async function discardKeptPhoto(kept: string): Promise<void> {
  if (kept.startsWith(IDB_PREFIX)) {
    const url = opened.get(kept)
    if (url) {
      opened.delete(kept)
      discardPhoto(url)
    }
    try {
      await idb('readwrite', (store) => store.delete(kept.slice(IDB_PREFIX.length)))
    } catch {
      // already gone
    }
    return
  }
  const root = (Taro.env as { USER_DATA_PATH?: string } | undefined)?.USER_DATA_PATH
  if (!root || !kept.startsWith(`${root}/${SITE_DIR}/`)) return
  try {
    Taro.getFileSystemManager().unlinkSync(kept)
  } catch {
    // already gone
  }
}
