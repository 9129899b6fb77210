// Choosing documents that are not photos — a registration's original material (a letter's PDF, a call's
// recording) and a platform's export (CSV/XLSX). weapp: from a chat (chooseMessageFile, the only way a
// mini-program reaches files); H5: a file input of our own. Cancelling chooses nothing.
import Taro from '@tarojs/taro'

export interface ChosenDocument {
  /** Temp path (weapp) or blob: URL (h5). */
  path: string
  name: string
  size: number
}

export async function chooseDocuments(
  extensions: readonly string[],
  count: number,
): Promise<ChosenDocument[]> {
  if (count <= 0) return []
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const res = await Taro.chooseMessageFile({ count, type: 'file', extension: [...extensions] })
      return res.tempFiles.map((f) => ({ path: f.path, name: f.name, size: f.size }))
    } catch {
      return [] // cancelled
    }
  }
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = extensions.map((e) => `.${e}`).join(',')
    input.multiple = count > 1
    input.style.cssText = 'position:fixed;top:-4000px;left:-3000px;'
    let settled = false
    const finish = (files: File[]) => {
      if (settled) return
      settled = true
      window.removeEventListener('focus', onFocus)
      input.remove()
      resolve(
        files.slice(0, count).map((f) => ({ path: URL.createObjectURL(f), name: f.name, size: f.size })),
      )
    }
    const onFocus = () => setTimeout(() => finish(Array.from(input.files ?? [])), 1000)
    input.addEventListener('change', () => finish(Array.from(input.files ?? [])))
    input.addEventListener('cancel', () => finish([]))
    window.addEventListener('focus', onFocus)
    document.body.appendChild(input)
    input.click()
  })
}

/** Opens a file the server exported (H5: a new tab; weapp: downloaded and opened with the phone's viewer). */
export async function openExport(url: string, fileName: string): Promise<boolean> {
  if (process.env.TARO_ENV !== 'weapp') {
    window.open(url, '_blank', 'noopener')
    return true
  }
  try {
    const res = await Taro.downloadFile({ url })
    await Taro.openDocument({
      filePath: res.tempFilePath,
      fileType: fileName.endsWith('.csv') ? 'xlsx' : 'pdf',
    })
    return true
  } catch {
    return false
  }
}
