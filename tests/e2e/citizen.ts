// Helpers for the citizen browser tests: who the browser acts as, filling the report form, and what the
// backend holds (asked through the same API the app uses).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import type { CaseSummary } from '../../shared/contracts/cases'
import { field, open, screen, type E2E } from './browser'

export const PHOTO = path.join(__dirname, '..', 'fixtures', 'photo.jpg')

/** The persona the H5 app acts as (what the persona picker stores), set before any page script runs. */
export async function actAs(context: BrowserContext, openid: string) {
  await context.addInitScript((id) => {
    window.localStorage.setItem('gw.devOpenid', JSON.stringify({ data: id }))
  }, openid)
}

export async function phoneAs(e2e: E2E, openid: string) {
  const phone = await e2e.newPhone()
  await actAs(phone.context, openid)
  return phone
}

export async function openReportForm(page: Page) {
  await open(page, '/pages/report/index', '问题类别')
}

/** 使用当前位置; the first time in a browser, the explanation of why comes first. */
export async function locate(page: Page, { firstTime = true } = {}) {
  await screen(page).getByTestId('locate').tap()
  if (firstTime) {
    await screen(page).getByTestId('location-explain').waitFor()
    await screen(page).getByTestId('location-consent').tap()
  }
  await screen(page).getByTestId('coords').waitFor()
}

/**
 * The preview (提交前确认) answered for the place the form shows now — never an answer still on screen for an
 * earlier place. Resolves to the preview element.
 */
export async function previewOfShownPlace(page: Page) {
  const shown = (await screen(page).getByTestId('coords').textContent()) ?? ''
  const coords = /-?\d+\.\d{5}, -?\d+\.\d{5}/.exec(shown)?.[0]
  if (!coords) throw new Error(`no coordinates on screen: ${shown}`)
  const preview = screen(page).locator(
    `[data-testid="preview"][data-status="ready"][data-position="${coords}"]`,
  )
  await preview.waitFor()
  return preview
}

export async function addPhotos(
  page: Page,
  files: Array<string | { name: string; mimeType: string; buffer: Buffer }>,
) {
  const chooser = page.waitForEvent('filechooser')
  await screen(page).getByTestId('add-photo').tap()
  // Playwright takes either paths or buffers in one call: read the paths.
  const payloads = files.map((f) =>
    typeof f === 'string' ? { name: path.basename(f), mimeType: 'image/jpeg', buffer: readFileSync(f) } : f,
  )
  await (await chooser).setFiles(payloads)
}

/** Waits until `n` photo slots show as uploaded. */
export async function waitForUploads(page: Page, n: number) {
  await screen(page)
    .locator('[data-testid="photo-slot"][data-status="uploaded"]')
    .nth(n - 1)
    .waitFor()
}

export interface ReportFill {
  category?: string
  description?: string
  address?: string
  anonymous?: boolean
  name?: string
  phone?: string
  locateFirstTime?: boolean
}

/**
 * Taps a category on a report form (the citizen's, or the staff's 登记) and waits until it shows as chosen: what
 * the choice changes on the page has been drawn before the next tap looks for its target.
 */
export async function chooseCategory(page: Page, label: string) {
  const categories = screen(page).getByTestId('categories')
  await categories.getByText(label, { exact: true }).tap()
  await categories.locator('.active').filter({ hasText: label }).waitFor()
}

/** Fills the required parts of the form (category, description, location, reporter, consent). */
export async function fillReport(page: Page, fill: ReportFill = {}) {
  const s = screen(page)
  await chooseCategory(page, fill.category ?? '噪声污染')
  await field(page, 'description').fill(
    fill.description ?? '每晚十一点以后工地还在打桩，噪声很大，影响周边居民休息。',
  )
  await locate(page, { firstTime: fill.locateFirstTime ?? true })
  await field(page, 'address').fill(fill.address ?? '焦作市山阳区人民路与塔南路交叉口东北角工地')
  if (fill.anonymous) {
    await s.locator('[data-testid="reporter-mode"] [data-value="anonymous"]').tap()
  } else {
    await field(page, 'reporter-name').fill(fill.name ?? '张三')
    await field(page, 'reporter-phone').fill(fill.phone ?? '13800138000')
  }
  await s.getByTestId('consent').tap()
}

export async function submitAndWaitFiled(page: Page) {
  await screen(page).getByTestId('submit').tap()
  await screen(page).getByTestId('filed-banner').waitFor()
  return (await screen(page).getByTestId('ref-no').textContent())!.trim()
}

/** The cases this user reported or follows, through the citizen API. */
export async function casesOf(e2e: E2E, openid: string): Promise<CaseSummary[]> {
  const page = await e2e.harness.ok<{ items: CaseSummary[] }>('cases', 'listMine', { limit: 50 }, openid)
  return page.items
}

/**
 * A large photo (a 2400×1800 PNG of several MB, well over the 500 KB target), drawn by the browser itself so
 * no big fixture has to live in the repository.
 */
export async function largePhoto(page: Page): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  const base64 = await page.evaluate(() => {
    const canvas = document.createElement('canvas')
    canvas.width = 2400
    canvas.height = 1800
    const ctx = canvas.getContext('2d')!
    const gradient = ctx.createLinearGradient(0, 0, 2400, 1800)
    gradient.addColorStop(0, '#3a6b4c')
    gradient.addColorStop(1, '#c9b88a')
    ctx.fillStyle = gradient
    ctx.fillRect(0, 0, 2400, 1800)
    let seed = 7
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647
    for (let i = 0; i < 40000; i++) {
      ctx.fillStyle = `rgb(${Math.floor(rand() * 255)},${Math.floor(rand() * 255)},${Math.floor(rand() * 255)})`
      ctx.fillRect(rand() * 2400, rand() * 1800, 2 + rand() * 10, 2 + rand() * 10)
    }
    return canvas.toDataURL('image/png').split(',')[1]!
  })
  return { name: 'site.png', mimeType: 'image/png', buffer: Buffer.from(base64, 'base64') }
}
