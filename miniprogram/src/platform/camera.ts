// Photos taken on site, stamped with when and where they were taken. The stamp is drawn onto the photo on the
// device — bottom left, light text on a dark band so it stays legible on any picture — and the same stamp is kept
// in the event; the photo is then compressed like a report's photos (≤ 500 KB, longest edge 1600 px). weapp: the
// camera (chooseMedia), an offscreen 2d canvas; h5: the file input with the camera offered first, a canvas. A
// device that cannot draw keeps the photo unstamped and says so (`drawn: false`): the stamp data still goes with it.
import Taro from '@tarojs/taro'
import { NOT_AN_IMAGE_MESSAGE } from '@shared/contracts/files'
import {
  compressOnDevice,
  decode,
  encodeCanvasJpeg,
  MAX_EDGE,
  pickFiles,
  TARGET_PHOTO_BYTES,
  type ChosenPhoto,
} from './media'

export type TakenPhoto = { ok: true; path: string; size: number } | { ok: false; message: string }

export interface StampedPhoto extends ChosenPhoto {
  /** The stamp is drawn on the photo (false: kept unstamped; the stamp is still recorded with it). */
  drawn: boolean
}

/** The part of a 2d context the stamp needs (the browser's and the mini-program's both have it). */
interface Context2d {
  fillStyle: unknown
  font: string
  textBaseline: string
  fillRect(x: number, y: number, w: number, h: number): void
  fillText(text: string, x: number, y: number): void
  drawImage(image: unknown, x: number, y: number, w: number, h: number): void
}

/** Draws the stamp's lines onto the bottom of the picture. */
function drawStamp(ctx: Context2d, width: number, height: number, lines: readonly string[]): void {
  const size = Math.max(14, Math.round(Math.min(width, height) / 28))
  const lineHeight = Math.round(size * 1.4)
  const pad = Math.round(size * 0.6)
  const band = lines.length * lineHeight + pad * 2
  ctx.fillStyle = 'rgba(0, 0, 0, 0.6)'
  ctx.fillRect(0, height - band, width, band)
  ctx.fillStyle = '#ffffff'
  ctx.font = `${size}px sans-serif`
  ctx.textBaseline = 'top'
  lines.forEach((line, i) => ctx.fillText(line, pad, height - band + pad + i * lineHeight))
}

const fitted = (width: number, height: number) => {
  const scale = Math.min(1, MAX_EDGE / Math.max(width, height))
  return { w: Math.round(width * scale), h: Math.round(height * scale) }
}

/** Opens the camera for one photo. A cancelled camera answers `{ ok: false, message: '' }`. */
export async function takePhoto(): Promise<TakenPhoto> {
  if (process.env.TARO_ENV !== 'weapp') {
    const [file] = await pickFiles(1, true)
    if (!file) return { ok: false, message: '' }
    if (file.type && !file.type.startsWith('image/'))
      return { ok: false, message: `不是照片：${NOT_AN_IMAGE_MESSAGE}` }
    return { ok: true, path: URL.createObjectURL(file), size: file.size }
  }
  try {
    const r = await Taro.chooseMedia({
      count: 1,
      mediaType: ['image'],
      sourceType: ['camera'],
      sizeType: ['compressed'],
    })
    const file = r.tempFiles[0]
    return file ? { ok: true, path: file.tempFilePath, size: file.size } : { ok: false, message: '' }
  } catch (error) {
    const msg = String((error as { errMsg?: string })?.errMsg ?? '')
    if (msg.includes('cancel')) return { ok: false, message: '' }
    return { ok: false, message: '无法打开相机：请在右上角「···」→「设置」中允许使用摄像头后重试' }
  }
}

/** Draws the stamp onto the photo and compresses it. Never fails: an undrawable photo is kept as it was. */
export async function stampPhoto(photo: { path: string; size: number }, lines: readonly string[]) {
  const unstamped: StampedPhoto = {
    path: photo.path,
    size: photo.size,
    originalSize: photo.size,
    drawn: false,
  }
  try {
    return (
      (process.env.TARO_ENV === 'weapp'
        ? await stampOnDevice(photo, lines)
        : await stampInBrowser(photo, lines)) ?? unstamped
    )
  } catch {
    return unstamped
  }
}

async function stampInBrowser(
  photo: { path: string; size: number },
  lines: readonly string[],
): Promise<StampedPhoto | null> {
  const img = await decode(photo.path)
  if (!img) return null
  const { w, h } = fitted(img.naturalWidth, img.naturalHeight)
  const canvas = document.createElement('canvas')
  canvas.width = w
  canvas.height = h
  const ctx = canvas.getContext('2d')
  if (!ctx) return null
  ctx.fillStyle = '#fff'
  ctx.fillRect(0, 0, w, h)
  ctx.drawImage(img, 0, 0, w, h)
  drawStamp(ctx, w, h, lines)
  const encoded = await encodeCanvasJpeg(canvas, photo.size)
  if (!encoded) return null
  // The camera's own file (takePhoto's blob: URL) is not needed once the stamped copy exists.
  if (photo.path.startsWith('blob:')) URL.revokeObjectURL(photo.path)
  return { ...encoded, drawn: true }
}

interface DeviceCanvas {
  getContext(type: '2d'): Context2d
  createImage(): { onload: (() => void) | null; onerror: ((e: unknown) => void) | null; src: string }
  toDataURL(type?: string, quality?: number): string
}

async function stampOnDevice(
  photo: { path: string; size: number },
  lines: readonly string[],
): Promise<StampedPhoto | null> {
  const info = await Taro.getImageInfo({ src: photo.path })
  const { w, h } = fitted(info.width, info.height)
  const canvas = Taro.createOffscreenCanvas({ type: '2d', width: w, height: h }) as unknown as DeviceCanvas
  const ctx = canvas.getContext('2d')
  const img = canvas.createImage()
  await new Promise<void>((resolve, reject) => {
    img.onload = () => resolve()
    img.onerror = reject
    img.src = photo.path
  })
  ctx.drawImage(img, 0, 0, w, h)
  drawStamp(ctx, w, h, lines)
  const path = await exportCanvas(canvas)
  if (!path) return null
  const info2 = await Taro.getFileInfo({ filePath: path })
  const size = 'size' in info2 ? info2.size : photo.size
  if (size <= TARGET_PHOTO_BYTES) return { path, size, originalSize: photo.size, drawn: true }
  const compressed = await compressOnDevice(path, size)
  return { ...compressed, originalSize: photo.size, drawn: true }
}

/** The offscreen canvas as a JPEG file; where the export is not supported (iOS), through its data URL. */
async function exportCanvas(canvas: DeviceCanvas): Promise<string | null> {
  try {
    const r = await Taro.canvasToTempFilePath({
      canvas: canvas as never,
      fileType: 'jpg',
      quality: 0.8,
    } as Taro.canvasToTempFilePath.Option)
    return r.tempFilePath
  } catch {
    const root = (Taro.env as { USER_DATA_PATH?: string } | undefined)?.USER_DATA_PATH
    if (!root) return null
    const data = canvas.toDataURL('image/jpeg', 0.8).replace(/^data:image\/\w+;base64,/, '')
    const dest = `${root}/gw-stamp-${Date.now().toString(36)}.jpg`
    return new Promise((resolve) =>
      Taro.getFileSystemManager().writeFile({
        filePath: dest,
        data,
        encoding: 'base64',
        success: () => resolve(dest),
        fail: () => resolve(null),
      }),
    )
  }
}
