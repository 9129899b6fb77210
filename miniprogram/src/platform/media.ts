// Choosing and compressing photos. Target ≤ 500 KB each before upload: weapp compresses with
// Taro.compressImage; the H5 build re-encodes through a canvas.
import Taro from '@tarojs/taro'

export const TARGET_PHOTO_BYTES = 500 * 1024
const MAX_EDGE = 1600

export interface ChosenPhoto {
  /** Temp path (weapp) or blob: URL (h5) of the compressed image. */
  path: string
  size: number
  /** Size before compression (equal to `size` when it was small enough already). */
  originalSize: number
}

export async function choosePhotos(count: number): Promise<ChosenPhoto[]> {
  if (count <= 0) return []
  let res: Taro.chooseImage.SuccessCallbackResult
  try {
    res = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
  } catch {
    return [] // cancelled
  }
  const out: ChosenPhoto[] = []
  for (const file of res.tempFiles.slice(0, count)) out.push(await compressPhoto(file.path, file.size))
  return out
}

async function compressPhoto(path: string, size: number): Promise<ChosenPhoto> {
  if (size <= TARGET_PHOTO_BYTES) return { path, size, originalSize: size }
  if (process.env.TARO_ENV === 'weapp') return compressOnDevice(path, size)
  return compressInBrowser(path, size)
}

async function compressOnDevice(path: string, size: number): Promise<ChosenPhoto> {
  let best = { path, size, originalSize: size }
  // Quality scaled to how far over target the photo is; compressedWidth caps the longest edge.
  for (const quality of [Math.max(40, Math.min(80, Math.round((TARGET_PHOTO_BYTES / size) * 100))), 35]) {
    try {
      const r = await Taro.compressImage({ src: path, quality, compressedWidth: MAX_EDGE })
      const info = await Taro.getFileInfo({ filePath: r.tempFilePath })
      const compressed = 'size' in info ? info.size : size
      if (compressed < best.size) best = { path: r.tempFilePath, size: compressed, originalSize: size }
      if (best.size <= TARGET_PHOTO_BYTES) break
    } catch {
      break
    }
  }
  return best
}

async function compressInBrowser(url: string, size: number): Promise<ChosenPhoto> {
  try {
    const img = await new Promise<HTMLImageElement>((resolve, reject) => {
      const el = new Image()
      el.onload = () => resolve(el)
      el.onerror = reject
      el.src = url
    })
    const scale = Math.min(1, MAX_EDGE / Math.max(img.naturalWidth, img.naturalHeight))
    const canvas = document.createElement('canvas')
    canvas.width = Math.round(img.naturalWidth * scale)
    canvas.height = Math.round(img.naturalHeight * scale)
    const ctx = canvas.getContext('2d')
    if (!ctx) throw new Error('no canvas')
    // JPEG has no transparency: paint white first so transparent PNG areas do not turn black.
    ctx.fillStyle = '#fff'
    ctx.fillRect(0, 0, canvas.width, canvas.height)
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height)
    for (const quality of [0.8, 0.65, 0.5, 0.4]) {
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality))
      if (blob && (blob.size <= TARGET_PHOTO_BYTES || quality === 0.4)) {
        return { path: URL.createObjectURL(blob), size: blob.size, originalSize: size }
      }
    }
  } catch {
    // Fall through: upload the original; the server still enforces its limit.
  }
  return { path: url, size, originalSize: size }
}
