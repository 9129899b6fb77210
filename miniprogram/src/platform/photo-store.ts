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
