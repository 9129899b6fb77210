// Choosing and compressing photos. Target ≤ 500 KB each before upload: weapp compresses with
// Taro.compressImage; the H5 build re-encodes through a canvas. A chosen file that is not a photo, or cannot be
// read, is reported with the reason — never dropped without a word.
import Taro from '@tarojs/taro'
import { ACCEPTED_IMAGE_TYPES, NOT_AN_IMAGE_MESSAGE } from '@shared/contracts/files'

export const TARGET_PHOTO_BYTES = 500 * 1024
export const MAX_EDGE = 1600
const UNREADABLE_MESSAGE = '无法读取这张照片（可能已损坏），未添加，请换一张'

export interface ChosenPhoto {
  /** Temp path (weapp) or blob: URL (h5) of the compressed image. */
  path: string
  size: number
  /** Size before compression (equal to `size` when it was small enough already). */
  originalSize: number
}

/** A chosen file that is not taken, and why (shown on its photo slot). */
interface RefusedPhoto {
  name: string
  reason: string
}

export interface PhotoChoice {
  photos: ChosenPhoto[]
  refused: RefusedPhoto[]
}

export async function choosePhotos(count: number): Promise<PhotoChoice> {
  if (count <= 0) return { photos: [], refused: [] }
  if (process.env.TARO_ENV !== 'weapp') return chooseInBrowser(count)
  let res: Taro.chooseImage.SuccessCallbackResult
  try {
    res = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
  } catch {
    return { photos: [], refused: [] } // cancelled
  }
  const photos: ChosenPhoto[] = []
  for (const file of res.tempFiles.slice(0, count)) {
    photos.push(
      file.size <= TARGET_PHOTO_BYTES
        ? { path: file.path, size: file.size, originalSize: file.size }
        : await compressOnDevice(file.path, file.size),
    )
  }
  return { photos, refused: [] }
}

/**
 * H5: a file input of our own. (Taro's chooseImage drops a file it cannot decode as an image and logs it to the
 * console: the citizen saw the photo vanish without a reason.)
 */
async function chooseInBrowser(count: number): Promise<PhotoChoice> {
  const files = (await pickFiles(count)).slice(0, count)
  const photos: ChosenPhoto[] = []
  const refused: RefusedPhoto[] = []
  for (const file of files) {
    if (file.type && !file.type.startsWith('image/')) {
      refused.push({ name: file.name, reason: `不是照片：${NOT_AN_IMAGE_MESSAGE}` })
      continue
    }
    const url = URL.createObjectURL(file)
    const img = await decode(url)
    if (!img) {
      URL.revokeObjectURL(url)
      refused.push({ name: file.name, reason: UNREADABLE_MESSAGE })
      continue
    }
    const accepted = (ACCEPTED_IMAGE_TYPES as readonly string[]).includes(file.type)
    // Small photos of an accepted type go as they are; anything else is re-encoded as JPEG.
    if (accepted && file.size <= TARGET_PHOTO_BYTES) {
      photos.push({ path: url, size: file.size, originalSize: file.size })
      continue
    }
    const encoded = await encodeJpeg(img, file.size)
    if (encoded) {
      URL.revokeObjectURL(url)
      photos.push(encoded)
    } else if (accepted) {
      photos.push({ path: url, size: file.size, originalSize: file.size }) // the server still enforces its limit
    } else {
      URL.revokeObjectURL(url)
      refused.push({ name: file.name, reason: UNREADABLE_MESSAGE })
    }
  }
  return { photos, refused }
}

/** The files the person picks; none when they cancel. `camera`: offer the phone's camera first (on site). */
export function pickFiles(count: number, camera = false): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = 'image/*'
    input.multiple = count > 1
    if (camera) input.setAttribute('capture', 'environment')
    input.style.cssText = 'position:fixed;top:-4000px;left:-3000px;'
    let settled = false
    const finish = (files: File[]) => {
      if (settled) return
      settled = true
      window.removeEventListener('focus', onFocus)
      input.remove()
      resolve(files)
    }
    // Browsers without the input's `cancel` event: back on the page with nothing chosen means cancelled.
    const onFocus = () => setTimeout(() => finish(Array.from(input.files ?? [])), 1000)
    input.addEventListener('change', () => finish(Array.from(input.files ?? [])))
    input.addEventListener('cancel', () => finish([]))
    window.addEventListener('focus', onFocus)
    document.body.appendChild(input)
    input.click()
  })
}

export function decode(url: string): Promise<HTMLImageElement | null> {
  return new Promise((resolve) => {
    const img = new Image()
    img.onload = () => resolve(img.naturalWidth > 0 ? img : null)
    img.onerror = () => resolve(null)
    img.src = url
  })
}

export async function compressOnDevice(path: string, size: number): Promise<ChosenPhoto> {
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

/** Re-encodes a decoded image as JPEG (longest edge ≤ 1600 px), as small as needed for the target. */
async function encodeJpeg(img: HTMLImageElement, size: number): Promise<ChosenPhoto | null> {
  try {
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
    return await encodeCanvasJpeg(canvas, size)
  } catch {
    // No canvas: the caller decides (upload the original; the server still enforces its limit).
  }
  return null
}

/** The canvas as a JPEG, at the first quality that meets the target (the lowest one otherwise). */
export async function encodeCanvasJpeg(canvas: HTMLCanvasElement, size: number): Promise<ChosenPhoto | null> {
  for (const quality of [0.8, 0.65, 0.5, 0.4]) {
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality))
    if (blob && (blob.size <= TARGET_PHOTO_BYTES || quality === 0.4)) {
      return { path: URL.createObjectURL(blob), size: blob.size, originalSize: size }
    }
  }
  return null
}
