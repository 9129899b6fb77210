// A local system for tests: a fresh data directory, the real SQLite store, seeded demo deployment,
// a controlled clock, and the gateway driven in-process (fastify inject) or on a real port.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { ControlledClock } from '../../cloudfunctions/common/clock'
import { silentLogger } from '../../cloudfunctions/common/log'
import type { Logger } from '../../cloudfunctions/common/ports'
import { FUNCTIONS } from '../../cloudfunctions/registry'
import { loadDeployment } from '../../local/deployments'
import { buildGateway, DEV_OPENID_HEADER } from '../../local/gateway'
import { createLocalRuntime, type LocalRuntime } from '../../local/runtime'
import { readFunctionConfig } from '../../local/scheduler'
import { seedDeployment } from '../../local/seed'

export interface Harness {
  runtime: LocalRuntime
  clock: ControlledClock
  app: FastifyInstance
  dataDir: string
  /** POST /api/fn/<fn> as a persona openid (or anonymous when null). */
  call<T = unknown>(
    fn: string,
    action: string,
    payload: unknown,
    openid: string | null,
  ): Promise<{ status: number; body: T }>
  /** Every document of every collection, for "nothing was written" assertions. */
  snapshot(): Promise<Record<string, number>>
  /** Calls an action and fails the test unless it answers ok; returns the data. */
  ok<T = unknown>(fn: string, action: string, payload: unknown, openid: string | null): Promise<T>
  /** A staff member applies a workflow event to a case at its current version. */
  act<T = unknown>(openid: string, caseId: string, event: Record<string, unknown>): Promise<T>
  /** Runs a timer trigger of a function's config.json now (by default its first). */
  fireTimer(fn: string, trigger?: string): Promise<unknown>
  close(): Promise<void>
}

export async function startHarness(
  options: {
    now?: string
    deployment?: string
    staticDir?: string
    /** Runs the deployment under another policy profile (e.g. `national`, which has no deployment of its own). */
    profileId?: string
    /** Where the runtime logs (default: nowhere). */
    log?: Logger
    /** Seed the deployment's demo staff (default true); false is a fresh deployment with nobody bound. */
    demo?: boolean
  } = {},
): Promise<Harness> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gw-test-'))
  const clock = new ControlledClock(options.now ?? '2026-11-21T10:00:00+08:00')
  const deployment = loadDeployment(options.deployment ?? 'jiaozuo')
  const runtime = createLocalRuntime({
    dataDir,
    clock,
    log: options.log ?? silentLogger,
    deployment: options.profileId ? { ...deployment, profileId: options.profileId } : deployment,
  })
  if (options.demo !== false) await seedDeployment(runtime.db, runtime.deployment)
  const app = await buildGateway({ runtime, functions: FUNCTIONS, staticDir: options.staticDir })
  await app.ready()
  const harness: Harness = {
    runtime,
    clock,
    app,
    dataDir,
    async call<T>(fn: string, action: string, payload: unknown, openid: string | null) {
      const res = await app.inject({
        method: 'POST',
        url: `/api/fn/${fn}`,
        headers: openid ? { [DEV_OPENID_HEADER]: openid } : {},
        payload: { action, payload } as object,
      })
      return { status: res.statusCode, body: res.json() as T }
    },
    async ok<T>(fn: string, action: string, payload: unknown, openid: string | null) {
      const res = await harness.call<{ ok: boolean; data?: T; error?: unknown }>(fn, action, payload, openid)
      if (!res.body.ok) throw new Error(`${fn}.${action} failed: ${JSON.stringify(res.body.error)}`)
      return res.body.data as T
    },
    async act<T>(openid: string, caseId: string, event: Record<string, unknown>) {
      const current = await harness.ok<{ version: number }>('staff', 'getCase', { caseId }, openid)
      return harness.ok<T>('staff', 'act', { caseId, expectedVersion: current.version, event }, openid)
    },
    async fireTimer(fn: string, trigger?: string) {
      const handler = FUNCTIONS[fn]?.onTimer
      const name = trigger ?? readFunctionConfig(fn).triggers?.[0]?.name
      if (!handler || !name) throw new Error(`${fn} has no timer`)
      return handler({ Type: 'Timer', TriggerName: name, Time: runtime.clock.now().toISOString() }, runtime)
    },
    async snapshot() {
      const counts: Record<string, number> = {}
      for (const c of runtime.db.collections()) counts[c] = await runtime.db.count(c)
      counts['<stored files>'] = countFiles(path.join(dataDir, 'files'))
      return counts
    },
    async close() {
      await app.close()
      runtime.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
  return harness
}

function countFiles(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length
}
