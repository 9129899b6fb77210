// Runs the real weapp build (dist/weapp) under miniprogram-simulate (jsdom). Taro pages are `Page()`s,
// which miniprogram-simulate does not know: a small shim registers them as components and calls the
// page lifecycle on attach. `wx.cloud` is replaced by a recorder before app.js loads.
import path from 'node:path'
import { existsSync } from 'node:fs'
import type * as Simulate from 'miniprogram-simulate'

const WEAPP_DIST = path.resolve(__dirname, '..', '..', 'dist', 'weapp')

type AnyFn = (...args: unknown[]) => unknown
type Options = Record<string, unknown>

interface CloudCall {
  name: string
  data: { action: string; payload: unknown }
}

export interface SimulatedApp {
  simulate: typeof Simulate
  cloudCalls: CloudCall[]
  /** Answers the next cloud function calls: by `${name}.${action}`. */
  respond(handlers: Record<string, (payload: unknown) => unknown>): void
  renderPage(route: string, query?: Record<string, string>): Promise<PageHandle>
}

interface PageHandle {
  root: HTMLElement
  /** Text of the whole rendered page. */
  text(): string
  /** Fires a tap on the innermost element whose text contains `label` (through Taro's event handler). */
  tap(label: string): Promise<void>
  /** Fires a tap on the `index`-th element matching a CSS selector (the first by default). */
  tapSelector(selector: string, index?: number): Promise<void>
  /**
   * Types into the n-th element of a tag (`wx-input`, `wx-textarea`), in page order. (The weapp templates
   * carry no placeholder or test ids, so fields are found by position.)
   */
  input(tag: 'wx-input' | 'wx-textarea', index: number, value: string): Promise<void>
  /** Picks `value` on the n-th picker (`wx-picker`) in page order, as its wheel's 确定 does. */
  pick(index: number, value: string): Promise<void>
}

/** A previewReport answer routing the report to `unit` (in `region`), as the cases function gives it. */
export function previewAnswer(unit: string, region = unit) {
  return {
    ok: true as const,
    data: {
      routing: {
        inJurisdiction: true,
        outcome: 'assigned' as const,
        region: { code: '410800', name: region },
        county: { code: '410800', name: region },
        placeName: `焦作市${region}`,
        unit: { id: 'u', name: unit },
        guidance: null,
        cite: 'S0 第三条',
      },
      expectedReplyBy: {
        date: '2026-12-04',
        basis: 'S0 第七条(四)',
        provisional: false,
        estimate: {
          composition: 'handling',
          steps: [
            {
              clock: 'handling',
              label: '办结答复',
              days: 10,
              unit: 'working',
              due: '2026-12-04',
              basis: 'S0 第七条(四)',
            },
          ],
          summary: '办结答复 10 个工作日（自收到之日起）',
        },
      },
      urgent: false,
      similarCases: [],
    },
  }
}

/**
 * The weapp's storage kept in `stored` (wx.getStorageSync / setStorageSync / removeStorageSync), for a test that
 * reads what the app saved or gives it a saved state: call it in `loadWeappBuild`'s setup.
 */
export function useMemoryStorage(wx: Record<string, unknown>, stored: Record<string, unknown>): void {
  wx.getStorageSync = (key: string) => stored[key] ?? ''
  wx.setStorageSync = (key: string, data: unknown) => {
    stored[key] = data
  }
  wx.removeStorageSync = (key: string) => {
    delete stored[key]
  }
}

let loaded: SimulatedApp | null = null

/**
 * Loads dist/weapp once per test file. `setup` runs on the mocked `wx` before app.js: Taro only exposes the wx
 * APIs that exist when it starts (e.g. `wx.getPrivacySetting`, which miniprogram-simulate lacks).
 */
export function loadWeappBuild(setup?: (wx: Record<string, unknown>) => void): SimulatedApp {
  if (loaded) return loaded
  if (!existsSync(path.join(WEAPP_DIST, 'app.js'))) {
    throw new Error(`no weapp build at ${WEAPP_DIST}: run \`npm run build:weapp\` first (npm test does)`)
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const simulate = require('miniprogram-simulate') as typeof Simulate
  const g = globalThis as unknown as Record<string, unknown>
  const wx = g.wx as Record<string, unknown>
  setup?.(wx)
  const cloudCalls: CloudCall[] = []
  let handlers: Record<string, (payload: unknown) => unknown> = {}
  wx.cloud = {
    init: () => undefined,
    callFunction: async ({ name, data }: CloudCall) => {
      cloudCalls.push({ name, data })
      const handler = handlers[`${name}.${data.action}`]
      // A handler may answer later (a promise): tests hold an answer back to see what shows meanwhile.
      return {
        result: handler
          ? await handler(data.payload)
          : { ok: false, error: { code: 'NOT_FOUND', message: '未模拟' } },
      }
    },
    uploadFile: () => ({ onProgressUpdate: () => undefined }),
  }
  const pages: unknown[] = []
  let appOptions: Options = {}
  g.App = (options: Options) => {
    appOptions = options
  }
  g.getApp = () => appOptions
  g.getCurrentPages = () => pages
  g.Page = (options: Options) => {
    const methods: Record<string, AnyFn> = {}
    for (const [key, value] of Object.entries(options))
      if (typeof value === 'function') methods[key] = value as AnyFn
    ;(g.Component as AnyFn)({
      data: options.data ?? {},
      methods,
      lifetimes: {
        attached(this: Record<string, AnyFn> & { __query?: Record<string, string> }) {
          pages.push(this)
          this.onLoad?.call(this, this.__query ?? {})
          this.onShow?.call(this)
          this.onReady?.call(this)
        },
      },
    })
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(path.join(WEAPP_DIST, 'app.js'))
  ;(appOptions.onLaunch as AnyFn | undefined)?.call(appOptions, {})
  ;(appOptions.onShow as AnyFn | undefined)?.call(appOptions, {})

  // A page's JS registers its component once (require cache), so each route is loaded once and rendered often.
  const pageIds = new Map<string, string>()
  loaded = {
    simulate,
    cloudCalls,
    respond(next) {
      handlers = { ...handlers, ...next }
    },
    async renderPage(route, query = {}) {
      let id = pageIds.get(route)
      if (!id) {
        id = simulate.load(path.join(WEAPP_DIST, route), { rootPath: WEAPP_DIST })
        pageIds.set(route, id)
      }
      const comp = simulate.render(id) as unknown as {
        dom: HTMLElement
        instance: Record<string, AnyFn> & { __query?: Record<string, string> }
        attach(parent: Element): void
      }
      comp.instance.__query = query
      const parent = document.createElement('parent-wrapper')
      document.body.appendChild(parent)
      comp.attach(parent)
      await settle()
      const page: PageHandle = {
        root: comp.dom,
        text: () => comp.dom.textContent ?? '',
        async tap(label) {
          const el = findByText(comp.dom, label)
          await fire(comp.instance, el, 'tap')
        },
        async tapSelector(selector, index = 0) {
          const el = comp.dom.querySelectorAll(selector)[index]
          if (!el) throw new Error(`nothing matches ${selector} #${index}`)
          await fire(comp.instance, el as HTMLElement, 'tap')
        },
        async input(tag, index, value) {
          const el = comp.dom.querySelectorAll(tag)[index]
          if (!el) throw new Error(`no ${tag} #${index}`)
          await fire(comp.instance, el as HTMLElement, 'input', { value })
        },
        async pick(index, value) {
          const el = comp.dom.querySelectorAll('wx-picker')[index]
          if (!el) throw new Error(`no picker #${index}`)
          await fire(comp.instance, el as HTMLElement, 'change', { value })
        },
      }
      return page
    },
  }
  return loaded
}

async function settle(ms = 30): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, ms))
}

/** The element whose whole text is `label`; else the innermost element whose text contains it. */
function findByText(root: HTMLElement, label: string): HTMLElement {
  const all = Array.from(root.querySelectorAll('*')) as HTMLElement[]
  const exact = all.filter((el) => (el.textContent ?? '').trim() === label).pop()
  const match = exact ?? all.filter((el) => (el.textContent ?? '').includes(label)).pop()
  if (!match) throw new Error(`nothing with text ${label}`)
  return match
}

/**
 * Taro's weapp templates bind events to the page's `eh` method with the node id in data-sid. As in the
 * real mini-program, the event bubbles: `eh` is called for the target and then for each ancestor node.
 */
async function fire(instance: Record<string, AnyFn>, el: HTMLElement, type: string, detail: object = {}) {
  const chain: string[] = []
  for (let node: HTMLElement | null = el; node; node = node.parentElement) {
    const sid = node.getAttribute('data-sid')
    if (sid) chain.push(sid)
  }
  const target = chain[0]
  if (!target) throw new Error('element is not a Taro node (no data-sid)')
  const bubbles = type === 'tap'
  for (const sid of bubbles ? chain : [target]) {
    instance.eh!.call(instance, {
      type,
      timeStamp: Date.now(),
      target: { id: target, dataset: { sid: target } },
      currentTarget: { id: sid, dataset: { sid } },
      detail,
    })
  }
  await settle()
}

/** Waits (in small steps, up to `timeoutMs`) until `check` holds, e.g. a debounced call went out. */
export async function waitUntil(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 25))
  }
  await settle()
}
