// The CloudBase runtime and the `main(event, context)` entry: init once, identity only from getWXContext,
// timer routing, the identity key from GW_IDENTITY_KEY — with a fake wx-server-sdk whose database() is the
// real one on the offline stub.
import type * as WxServerSdk from 'wx-server-sdk'
import { CloudbaseBlobStore } from '../../cloudfunctions/common/cloudbase/blobstore'
import { CloudbaseContentCheck } from '../../cloudfunctions/common/cloudbase/content-check'
import { CloudbaseDocStore } from '../../cloudfunctions/common/cloudbase/docstore'
import { CloudbaseFollowUps } from '../../cloudfunctions/common/cloudbase/follow-ups'
import { cloudMain } from '../../cloudfunctions/common/cloudbase/entry'
import { CloudbaseNotifier } from '../../cloudfunctions/common/cloudbase/notifier'
import { createCloudRuntime, identityKeyFrom } from '../../cloudfunctions/common/cloudbase/runtime'
import type { WxCloud } from '../../cloudfunctions/common/cloudbase/sdk'
import { silentLogger } from '../../cloudfunctions/common/log'
import type { Caller, Runtime } from '../../cloudfunctions/common/ports'
import type { CloudFunction, TimerEvent } from '../../cloudfunctions/common/router'
import type { DeploymentConfig } from '../../shared/deployment/config'
import { FakeCloud, sdkError } from '../support/cloudbase-fake-cloud'
import { skipPlatformProbe, wxDatabase } from '../support/cloudbase-harness'
import { installNetworkGuard, type NetworkGuard } from '../support/cloudbase-network-guard'
import {
  installOfflineCloudbase,
  offlineCloudbase,
  uninstallOfflineCloudbase,
} from '../support/cloudbase-offline-stub'

// Compile-time: the real wx-server-sdk module satisfies the structural type the adapters are written against.
type Assignable<T, U extends T> = U
export type WxServerSdkIsAWxCloud = Assignable<WxCloud, typeof WxServerSdk>

let guard: NetworkGuard
let restoreEnv: () => void

beforeAll(() => {
  guard = installNetworkGuard()
  restoreEnv = skipPlatformProbe()
  installOfflineCloudbase()
})

afterEach(() => {
  expect(guard.attempts).toEqual([])
})

afterAll(() => {
  uninstallOfflineCloudbase()
  restoreEnv()
  guard.uninstall()
})

const KEY = Buffer.alloc(32, 9).toString('base64')
const ENV = { GW_IDENTITY_KEY: KEY }

const deployment: DeploymentConfig = {
  id: 'test-city',
  name: '测试市生态环境局',
  profileId: 'test-profile',
  referencePrefix: 'TC',
  regionCode: '410800',
  regionName: '测试市',
  units: [],
  staff: [],
  personas: [],
}

let envCounter = 0
function fakeCloud(): FakeCloud {
  const env = `gw-offline-entry-${++envCounter}`
  offlineCloudbase(env)
  // database() is wx-server-sdk's real handle (on the offline stub), whatever config the runtime passes.
  return new FakeCloud(env, (config) => wxDatabase(env, config?.throwOnNotFound))
}

/** A CloudFunction that writes through the runtime and reports who called. */
function recordingFunction(withTimer = true) {
  const calls: Array<{ kind: 'handle' | 'timer'; event: unknown; caller?: Caller; runtime: Runtime }> = []
  const fn: CloudFunction = {
    name: 'probe',
    actions: ['whoami'],
    async handle(event, caller, runtime) {
      calls.push({ kind: 'handle', event, caller, runtime })
      if (caller.openid) await runtime.db.insert('callers', { _id: caller.openid, at: runtime.clock.now() })
      return { ok: true, data: { openid: caller.openid } }
    },
    onTimer: withTimer
      ? async (event, runtime) => {
          calls.push({ kind: 'timer', event, runtime })
          return { swept: 0 }
        }
      : undefined,
  }
  return { fn, calls }
}

const timer: TimerEvent = { Type: 'Timer', TriggerName: 'hourly', Time: '2026-11-21T02:00:00Z' }

describe('identityKeyFrom', () => {
  test('decodes 32 base64 bytes', () => {
    expect(Buffer.from(identityKeyFrom(ENV))).toEqual(Buffer.alloc(32, 9))
  })

  test('a missing key fails with how to set it', () => {
    expect(() => identityKeyFrom({})).toThrow(/GW_IDENTITY_KEY is not set.*openssl rand -base64 32/)
    expect(() => identityKeyFrom({ GW_IDENTITY_KEY: '  ' })).toThrow(/is not set/)
  })

  test('a key that is not base64 of 32 bytes fails', () => {
    for (const bad of [
      Buffer.alloc(16).toString('base64'),
      Buffer.alloc(33).toString('base64'),
      'not base64 at all!!',
    ]) {
      expect(() => identityKeyFrom({ GW_IDENTITY_KEY: bad })).toThrow(/exactly 32 bytes/)
    }
  })
})

describe('createCloudRuntime', () => {
  test('assembles every port on CloudBase, in cloud mode', () => {
    const cloud = fakeCloud()
    const runtime = createCloudRuntime(cloud, deployment, { env: ENV, log: silentLogger })
    expect(runtime.mode).toBe('cloud')
    expect(runtime.deployment).toBe(deployment)
    expect(runtime.db).toBeInstanceOf(CloudbaseDocStore)
    expect((runtime.db as CloudbaseDocStore).flavour).toBe('wx-server-sdk')
    expect(runtime.blobs).toBeInstanceOf(CloudbaseBlobStore)
    expect(runtime.notifier).toBeInstanceOf(CloudbaseNotifier)
    expect(runtime.contentCheck).toBeInstanceOf(CloudbaseContentCheck)
    expect(Buffer.from(runtime.secrets.identityKey)).toEqual(Buffer.alloc(32, 9))
    expect(Math.abs(runtime.clock.now().getTime() - Date.now())).toBeLessThan(5_000)
  })

  test('carries the bundled boundaries (null when none were given)', () => {
    const boundaries = { type: 'Topology', objects: {} }
    expect(createCloudRuntime(fakeCloud(), deployment, { env: ENV, boundaries }).boundaries).toBe(boundaries)
    expect(createCloudRuntime(fakeCloud(), deployment, { env: ENV }).boundaries).toBeNull()
  })

  test('refuses to start without GW_IDENTITY_KEY', () => {
    expect(() => createCloudRuntime(fakeCloud(), deployment, { env: {} })).toThrow(
      /GW_IDENTITY_KEY is not set/,
    )
  })

  test('takes subscribe-message template ids from GW_SUBSCRIBE_TEMPLATES', async () => {
    const cloud = fakeCloud()
    const env = { ...ENV, GW_SUBSCRIBE_TEMPLATES: JSON.stringify({ 'case-accepted': 'TPL-1' }) }
    const runtime = createCloudRuntime(cloud, deployment, { env, log: silentLogger })
    cloud.subscribe('o-1', 'TPL-1')
    const message = {
      to: 'o-1',
      template: 'case-accepted',
      page: 'pages/index/index',
      data: {},
      dedupeKey: 'k1',
    }
    await expect(runtime.notifier.send(message)).resolves.toEqual({ delivered: true })
    expect(cloud.calls.find((c) => c.api === 'subscribeMessage.send')?.params.templateId).toBe('TPL-1')
    expect(() =>
      createCloudRuntime(cloud, deployment, { env: { ...ENV, GW_SUBSCRIBE_TEMPLATES: '[1]' } }),
    ).toThrow(/GW_SUBSCRIBE_TEMPLATES must be a JSON object/)
  })
})

describe('cloudMain', () => {
  test('initialises the SDK once with DYNAMIC_CURRENT_ENV and keeps one runtime per instance', async () => {
    const cloud = fakeCloud()
    const { fn, calls } = recordingFunction()
    const main = cloudMain(fn, deployment, { cloud, env: ENV, log: silentLogger })
    cloud.context = { OPENID: 'o-first' }
    await main({ action: 'whoami' }, {})
    cloud.context = { OPENID: 'o-second' }
    await main({ action: 'whoami' }, {})
    expect(cloud.inits).toEqual([{ env: cloud.DYNAMIC_CURRENT_ENV }])
    expect(calls).toHaveLength(2)
    expect(calls[0]!.runtime).toBe(calls[1]!.runtime)
  })

  test('identity comes from getWXContext().OPENID only, never from the event', async () => {
    const cloud = fakeCloud()
    const { fn, calls } = recordingFunction()
    const main = cloudMain(fn, deployment, { cloud, env: ENV, log: silentLogger })
    cloud.context = { OPENID: 'o-real' }
    const event = {
      action: 'whoami',
      openid: 'o-forged',
      OPENID: 'o-forged',
      userInfo: { openId: 'o-forged' },
    }
    await expect(main(event, {})).resolves.toEqual({ ok: true, data: { openid: 'o-real' } })
    expect(calls[0]!.caller).toEqual({ openid: 'o-real' })
    expect(calls[0]!.event).toBe(event)
    // The write went through wx-server-sdk's real database handle to the offline database.
    await expect(calls[0]!.runtime.db.get('callers', 'o-real')).resolves.toMatchObject({ _version: 1 })

    cloud.context = {}
    await expect(main({ action: 'whoami', userInfo: { openId: 'o-forged' } }, {})).resolves.toEqual({
      ok: true,
      data: { openid: null },
    })
    expect(calls[1]!.caller).toEqual({ openid: null })
  })

  test('a timer trigger (no OPENID) goes to onTimer; a timer-shaped event from a user is a client call', async () => {
    const cloud = fakeCloud()
    const { fn, calls } = recordingFunction()
    const main = cloudMain(fn, deployment, { cloud, env: ENV, log: silentLogger })
    await expect(main(timer, {})).resolves.toEqual({ swept: 0 })
    expect(calls.map((c) => c.kind)).toEqual(['timer'])
    expect(calls[0]!.event).toBe(timer)
    cloud.context = { OPENID: 'o-user' }
    await main(timer, {})
    expect(calls.map((c) => c.kind)).toEqual(['timer', 'handle'])
    expect(calls[1]!.caller).toEqual({ openid: 'o-user' })
  })

  test('a timer for a function without onTimer is logged and answered with null', async () => {
    const cloud = fakeCloud()
    const { fn, calls } = recordingFunction(false)
    const warnings: unknown[] = []
    const log = { ...silentLogger, warn: (m: string, f?: Record<string, unknown>) => warnings.push([m, f]) }
    const main = cloudMain(fn, deployment, { cloud, env: ENV, log })
    await expect(main(timer, {})).resolves.toBeNull()
    expect(calls).toHaveLength(0)
    expect(warnings).toEqual([['timer event for a function without a timer handler', { trigger: 'hourly' }]])
  })

  test('a failing timer handler is logged and the failure reaches CloudBase', async () => {
    const cloud = fakeCloud()
    const errors: unknown[] = []
    const log = { ...silentLogger, error: (m: string) => errors.push(m) }
    const fn: CloudFunction = {
      name: 'broken',
      actions: [],
      handle: async () => ({ ok: true, data: null }),
      onTimer: async () => {
        throw new Error('sweep failed')
      },
    }
    await expect(cloudMain(fn, deployment, { cloud, env: ENV, log })(timer)).rejects.toThrow('sweep failed')
    expect(errors).toEqual(['timer handler failed'])
  })

  test('without GW_IDENTITY_KEY every call fails loudly', async () => {
    const cloud = fakeCloud()
    const { fn, calls } = recordingFunction()
    const main = cloudMain(fn, deployment, { cloud, env: {}, log: silentLogger })
    await expect(main({ action: 'whoami' }, {})).rejects.toThrow(/GW_IDENTITY_KEY is not set/)
    expect(calls).toHaveLength(0)
  })
})

describe('follow-up runs: the function calls itself with a timer event', () => {
  const clock = { now: () => new Date('2026-12-09T01:00:00Z') }

  test('the runtime starts them through cloud.callFunction; the called run reaches onTimer, a user cannot start one', async () => {
    const cloud = fakeCloud()
    const { fn, calls } = recordingFunction()
    const main = cloudMain(fn, deployment, { cloud, env: ENV, log: silentLogger, clock })
    // The platform hands the call to the same function, with no user (a call from a function carries none).
    cloud.answerCall = async (_name, data) => ({ result: await main(data, {}) })
    const runtime = createCloudRuntime(cloud, deployment, { env: ENV, log: silentLogger, clock })
    expect(runtime.followUps).toBeInstanceOf(CloudbaseFollowUps)
    await runtime.followUps!.start('probe', 3)
    const event = { Type: 'Timer', TriggerName: 'follow-up', Time: '2026-12-09T09:00:00+08:00', followUp: 3 }
    expect(cloud.calls).toEqual([{ api: 'callFunction', params: { name: 'probe', data: event } }])
    expect(calls.map((c) => [c.kind, c.event])).toEqual([['timer', event]])
    // The same event from a client (it always has an OPENID) is a client call, never a timer run.
    cloud.context = { OPENID: 'o-user' }
    await main(event, {})
    expect(calls.map((c) => c.kind)).toEqual(['timer', 'handle'])
  })

  test('the caller does not wait for the follow-up to finish, and a call that fails is logged, not thrown', async () => {
    const cloud = fakeCloud()
    const errors: unknown[] = []
    const log = { ...silentLogger, error: (m: string, f?: Record<string, unknown>) => errors.push([m, f]) }
    cloud.answerCall = () => new Promise(() => undefined) // the called run takes its whole minute
    const started = Date.now()
    await new CloudbaseFollowUps(cloud, clock, log, 50).start('timers', 1)
    expect(Date.now() - started).toBeLessThan(1_000)
    expect(errors).toEqual([])
    cloud.answerCall = async () => {
      throw sdkError(-504002, 'cloud.callFunction:fail functions execute fail')
    }
    await new CloudbaseFollowUps(cloud, clock, log, 5_000).start('timers', 2)
    expect(Date.now() - started).toBeLessThan(2_000) // a failure answers before the hand-over time
    expect(errors).toEqual([
      [
        'follow-up run: the call failed',
        {
          fn: 'timers',
          followUp: 2,
          error: expect.stringContaining('-504002') as unknown,
        },
      ],
    ])
  })
})

// Keeps the import of the real module type-only: loading wx-server-sdk here is the harness's job.
export type { WxServerSdk }
