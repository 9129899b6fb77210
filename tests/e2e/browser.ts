// Browser tests: the H5 build (dist/h5) served by the real local gateway on a free port, driven in
// headless Chromium (Debian's package; never a downloaded browser). Missing Chromium fails loudly.
import { existsSync } from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { startHarness, type Harness } from '../support/local-harness'
import type { E2EGlobals } from './environment'

const H5_DIST = path.resolve(__dirname, '..', '..', 'dist', 'h5')
const CHROMIUM_CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
]

export interface E2E {
  harness: Harness
  browser: Browser
  baseUrl: string
  /** A phone-like context: touch, zh-CN, a position in 山阳区 (WGS-84, as a browser reports it). */
  newPhone(options?: {
    geolocation?: { latitude: number; longitude: number }
  }): Promise<{ context: BrowserContext; page: Page }>
  close(): Promise<void>
}

/** Every phone opened in this test file, for the report on a failed test (environment.ts). */
const phones: Array<{ page: Page; openedAt: number }> = []
const globals = globalThis as E2EGlobals
globals.__e2eFailureReport = failureReport

/**
 * In the page: the last touches and clicks, each with the element it landed on (its test id and text), and what
 * moved meanwhile — scrolling, and the elements a layout shift moved, from where to where — kept in
 * `window.__gwTouches`. Passive listeners and an observer: they watch and never delay or change an event.
 */
function recordTouches() {
  const log: string[] = []
  ;(window as unknown as { __gwTouches: string[] }).__gwTouches = log
  const describe = (target: EventTarget | null) => {
    if (!(target instanceof Element)) return String(target)
    const marked = target.closest('[data-testid]')
    const where = marked
      ? `${marked.getAttribute('data-testid')} "${(marked.textContent ?? '').slice(0, 16)}"`
      : '-'
    return `<${target.tagName.toLowerCase()} class="${String(target.className).slice(0, 40)}"> in ${where}`
  }
  const push = (line: string) => {
    log.push(`${Math.round(performance.now())} ms ${line}`)
    if (log.length > 40) log.shift()
  }
  for (const type of ['touchstart', 'touchend', 'touchcancel', 'click']) {
    window.addEventListener(
      type,
      (event) => {
        const point = event instanceof TouchEvent ? event.changedTouches[0] : (event as MouseEvent)
        push(
          `${type} at ${Math.round(point?.clientX ?? -1)},${Math.round(point?.clientY ?? -1)} on ${describe(event.target)}`,
        )
      },
      { capture: true, passive: true },
    )
  }
  // What moved under a finger: scrolling, and elements the layout shifted (with where they were and went).
  window.addEventListener(
    'scroll',
    (event) => {
      const el = event.target instanceof Element ? event.target : document.scrollingElement
      push(`scroll ${describe(el)} to ${Math.round(el?.scrollTop ?? -1)}`)
    },
    { capture: true, passive: true },
  )
  const rect = (r: DOMRectReadOnly) =>
    `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}x${Math.round(r.height)}`
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as Array<
      PerformanceEntry & {
        sources?: Array<{ node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }>
      }
    >) {
      for (const source of entry.sources ?? []) {
        push(
          `layout shift ${describe(source.node instanceof Element ? source.node : (source.node?.parentElement ?? null))} from ${rect(source.previousRect)} to ${rect(source.currentRect)}`,
        )
      }
    }
  }).observe({ type: 'layout-shift', buffered: true })
}

/** What the test's phones show: address, the page on screen (text) and the last touches. */
async function failureReport(): Promise<string> {
  const since = globals.__e2eTestStart ?? 0
  const own = phones.filter((p) => p.openedAt >= since && !p.page.isClosed())
  const parts = await Promise.all(
    own.map(async ({ page }, i) => {
      const shown = await screen(page)
        .first()
        .innerText({ timeout: 2000 })
        .catch((error: unknown) => `(unreadable: ${String(error)})`)
      const touches = await page
        .evaluate(() => (window as unknown as { __gwTouches?: string[] }).__gwTouches ?? [])
        .catch(() => [])
      return [
        `--- phone ${i + 1}: ${page.url()}`,
        shown.replace(/\n+/g, ' | ').slice(0, 1500),
        '--- its last touches and clicks:',
        ...touches,
      ].join('\n')
    }),
  )
  return parts.length ? `What the test's phones showed when it failed:\n${parts.join('\n')}` : ''
}

export async function startE2E(options: { now?: string; deployment?: string } = {}): Promise<E2E> {
  const executablePath = CHROMIUM_CANDIDATES.find((p) => p && existsSync(p))
  if (!executablePath) {
    throw new Error(
      'Chromium is required for the browser tests: `node scripts/ensure-chromium.mjs` installs it (npm test runs it).',
    )
  }
  if (!existsSync(path.join(H5_DIST, 'index.html'))) {
    throw new Error(`no H5 build at ${H5_DIST}: run \`npm run build:h5\` first (npm test does)`)
  }
  const harness = await startHarness({ now: options.now, deployment: options.deployment, staticDir: H5_DIST })
  await harness.app.listen({ host: '127.0.0.1', port: 0 })
  const address = harness.app.server.address()
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  const browser = await chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
  return {
    harness,
    browser,
    baseUrl,
    async newPhone(opts = {}) {
      const context = await browser.newContext({
        baseURL: baseUrl,
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        permissions: ['geolocation'],
        geolocation: opts.geolocation ?? { latitude: 35.3, longitude: 113.27 },
      })
      const page = await context.newPage()
      page.on('pageerror', (error) => {
        throw error
      })
      await page.addInitScript(recordTouches)
      phones.push({ page, openedAt: Date.now() })
      return { context, page }
    },
    async close() {
      await browser.close()
      await harness.close()
    },
  }
}

/** Taro H5 renders <Input>/<Textarea> as custom elements wrapping the native control. */
export function field(page: Page, testId: string) {
  return page
    .locator(
      `[data-testid="${testId}"] input, [data-testid="${testId}"] textarea, input[data-testid="${testId}"], textarea[data-testid="${testId}"]`,
    )
    .first()
}

/**
 * The page on screen. Taro H5 keeps earlier pages (and tab pages) in the DOM, hidden, so selectors are
 * scoped to the visible page.
 */
export function screen(page: Page) {
  return page.locator('.taro_page').filter({ visible: true })
}

/**
 * Waits until the page on screen has drawn all its Taro components, then two frames more. In H5 they are web
 * components that hydrate — load their code and styles — a while after their text appears, more so on a busy
 * machine. A tap is a touch and, a moment later, a click the browser hit-tests again: anything that moves in
 * between sends the click to whatever is there now (CI saw it when the root font size changed half a second after
 * a page showed; miniprogram/src/index.html). So a test taps only once the page has settled.
 */
export async function settled(page: Page) {
  await page.evaluate(async () => {
    type Host = Element & { componentOnReady?: () => Promise<unknown> }
    const shown = Array.from(document.querySelectorAll('.taro_page')).find(
      (p) => p.getClientRects().length > 0,
    )
    const hosts = Array.from(shown?.querySelectorAll('*') ?? []).filter((e) =>
      /^taro-.*-core$/.test(e.localName),
    )
    // Stencil's own signal: resolved once the component has loaded, rendered and applied its styles.
    await Promise.all(hosts.map((e) => (e as Host).componentOnReady?.()))
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
  })
}

/** The layout shifts the page has recorded so far (`recordTouches`): which element moved, from where to where. */
export async function layoutShifts(page: Page): Promise<string[]> {
  const log = await page.evaluate(() => (window as unknown as { __gwTouches?: string[] }).__gwTouches ?? [])
  return log.filter((line) => line.includes(' layout shift '))
}

/** Navigates by hash route and waits until that page is the one on screen, settled. */
export async function open(page: Page, route: string, ready: string) {
  await page.goto(`/#${route}`)
  await screen(page).getByText(ready).first().waitFor()
  await settled(page)
}

/**
 * Waits until `read()` gives a value that `ok` accepts (for what a locator cannot wait on, such as an input's
 * value), and returns it; fails with the last value seen.
 */
export async function until<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  timeout = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeout
  for (;;) {
    const value = await read()
    if (ok(value)) return value
    if (Date.now() > deadline)
      throw new Error(`still not there after ${timeout} ms: ${JSON.stringify(value)}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/**
 * Taro's H5 date picker (its wheels drawn outside the page): opens a form's date field (its `data-testid`), turns the day wheel `days`
 * rows on from the phone's today with a finger's swipe up (a row is 34 px high), and confirms.
 */
export async function pickDate(page: Page, testId: string, days: number) {
  await screen(page).getByTestId(testId).locator('.date-picker__value').tap()
  const dayWheel = page.locator('.weui-picker__group').filter({ visible: true }).nth(2)
  await dayWheel.waitFor()
  await dayWheel.evaluate(async (wheel, rows) => {
    const box = wheel.getBoundingClientRect()
    const [x, y] = [box.left + box.width / 2, box.top + box.height / 2]
    const finger = (clientY: number) => new Touch({ identifier: 1, target: wheel, clientX: x, clientY })
    const swipe = (type: string, clientY: number) =>
      wheel.dispatchEvent(
        new TouchEvent(type, {
          bubbles: true,
          cancelable: true,
          touches: type === 'touchend' ? [] : [finger(clientY)],
          changedTouches: [finger(clientY)],
        }),
      )
    // One frame between moves, as a finger gives the wheel time to follow.
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 16)))
    swipe('touchstart', y)
    for (let step = 1; step <= 4; step++) {
      await frame()
      swipe('touchmove', y - (34 * rows * step) / 4)
    }
    await frame()
    swipe('touchend', y - 34 * rows)
  }, days)
  await page.locator('.weui-picker__action', { hasText: '确定' }).filter({ visible: true }).tap()
}
