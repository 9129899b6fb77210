// BlobStore / Notifier / ContentCheck: the contract against the local adapters and the CloudBase adapters
// (driven by a fake wx-server-sdk at the SDK boundary), then what only the CloudBase adapters do: the exact
// SDK calls, batching, WeChat error codes.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { CloudbaseBlobStore } from '../../cloudfunctions/common/cloudbase/blobstore'
import { CloudbaseContentCheck } from '../../cloudfunctions/common/cloudbase/content-check'
import { CloudbaseDocStore } from '../../cloudfunctions/common/cloudbase/docstore'
import {
  CloudbaseNotifier,
  NOTIFICATIONS_COLLECTION,
  type NotificationRecord,
} from '../../cloudfunctions/common/cloudbase/notifier'
import { ControlledClock } from '../../cloudfunctions/common/clock'
import { silentLogger } from '../../cloudfunctions/common/log'
import type { DocStore, SubscribeMessage } from '../../cloudfunctions/common/ports'
import { FsBlobStore } from '../../local/adapters/fs-blobstore'
import {
  KeywordContentCheck,
  LOCAL_BLOCKED_WORDS,
  LOCAL_REVIEW_WORDS,
} from '../../local/adapters/keyword-content-check'
import { OutboxNotifier } from '../../local/adapters/outbox-notifier'
import { SqliteDocStore } from '../../local/adapters/sqlite-docstore'
import { FakeCloud, sdkError } from '../support/cloudbase-fake-cloud'
import { fastRetry, skipPlatformProbe, wxDatabase } from '../support/cloudbase-harness'
import { installNetworkGuard, type NetworkGuard } from '../support/cloudbase-network-guard'
import {
  installOfflineCloudbase,
  offlineCloudbase,
  uninstallOfflineCloudbase,
} from '../support/cloudbase-offline-stub'
import {
  describeBlobStoreContract,
  describeContentCheckContract,
  describeNotifierContract,
} from './ports.contract'

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

const clock = new ControlledClock('2026-11-21T02:00:00.000Z')
const RISKY = Object.keys(LOCAL_BLOCKED_WORDS)[1]!
const REVIEW = LOCAL_REVIEW_WORDS[0]!
const TEMPLATES = { 'case-accepted': 'TPL-accepted-0001', 'case-closed': 'TPL-closed-0002' }

function tempDir(): { dir: string; drop(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'gw-ports-contract-'))
  return { dir, drop: () => rmSync(dir, { recursive: true, force: true }) }
}

let envCounter = 0
/** A CloudbaseDocStore over wx-server-sdk's database handle, on a fresh offline environment. */
function cloudDocStore(): { db: CloudbaseDocStore; env: string } {
  const env = `gw-offline-ports-${++envCounter}`
  offlineCloudbase(env)
  return { db: CloudbaseDocStore.fromWxServerSdk(wxDatabase(env), { retryDelayMs: fastRetry }), env }
}

// ---------- BlobStore ----------

describeBlobStoreContract('BlobStore contract: local files', async () => {
  const tmp = tempDir()
  return {
    blobs: new FsBlobStore(tmp.dir, new Uint8Array(32).fill(7), clock),
    missingId: 'local://uploads/nope.jpg',
    foreignId: 'cloud://fake-env-1a2b.6661/uploads/a.jpg',
    close: async () => tmp.drop(),
  }
})

describeBlobStoreContract('BlobStore contract: CloudBase storage (fake wx-server-sdk)', async () => {
  const cloud = new FakeCloud()
  return {
    blobs: new CloudbaseBlobStore(cloud),
    missingId: `cloud://${cloud.env}.6661-${cloud.env}-1300000000/uploads/nope.jpg`,
    foreignId: 'local://uploads/a.jpg',
    close: async () => {},
  }
})

describe('CloudbaseBlobStore: SDK calls', () => {
  test('uploads with cloudPath and a Buffer, reports the fileID cloud storage gave', async () => {
    const cloud = new FakeCloud()
    const info = await new CloudbaseBlobStore(cloud).put(
      'exports/2026/cases.csv',
      new Uint8Array([1, 2]),
      'text/csv',
    )
    expect(info.fileId).toMatch(/^cloud:\/\/fake-env-1a2b\..+\/exports\/2026\/cases\.csv$/)
    expect(cloud.calls).toEqual([
      {
        api: 'uploadFile',
        params: { cloudPath: 'exports/2026/cases.csv', fileContent: Buffer.from([1, 2]) },
      },
    ])
  })

  test('asks temp URLs 50 at a time with the ttl as maxAge, each file once', async () => {
    const cloud = new FakeCloud()
    const blobs = new CloudbaseBlobStore(cloud)
    const ids: string[] = []
    for (let i = 0; i < 120; i++)
      ids.push((await blobs.put(`uploads/p${i}.jpg`, new Uint8Array([i]), 'image/jpeg')).fileId)
    const urls = await blobs.tempUrls([...ids, ids[0]!], 300)
    expect(Object.keys(urls)).toHaveLength(120)
    const calls = cloud.calls.filter((c) => c.api === 'getTempFileURL')
    expect(calls.map((c) => (c.params.fileList as unknown[]).length)).toEqual([50, 50, 20])
    expect(calls[0]!.params.fileList).toContainEqual({ fileID: ids[0], maxAge: 300 })
  })

  test('deletes 50 at a time', async () => {
    const cloud = new FakeCloud()
    const blobs = new CloudbaseBlobStore(cloud)
    const ids: string[] = []
    for (let i = 0; i < 60; i++)
      ids.push((await blobs.put(`uploads/d${i}.jpg`, new Uint8Array([i]), 'image/jpeg')).fileId)
    await blobs.remove(ids)
    expect(
      cloud.calls.filter((c) => c.api === 'deleteFile').map((c) => (c.params.fileList as unknown[]).length),
    ).toEqual([50, 10])
    expect(cloud.files.size).toBe(0)
  })

  test('a download failure other than "no such file" is not hidden', async () => {
    const cloud = new FakeCloud()
    const blobs = new CloudbaseBlobStore(cloud)
    const { fileId } = await blobs.put('uploads/x.jpg', new Uint8Array([1]), 'image/jpeg')
    cloud.failNext.set('downloadFile', sdkError(-501002, 'downloadFile:fail server timeout'))
    await expect(blobs.read(fileId)).rejects.toMatchObject({ errCode: -501002 })
  })
})

// ---------- Notifier ----------

describeNotifierContract('Notifier contract: local outbox', async () => {
  const tmp = tempDir()
  const db = new SqliteDocStore(path.join(tmp.dir, 'n.sqlite'))
  return {
    notifier: new OutboxNotifier(db, clock),
    allow: () => {},
    close: async () => {
      db.close()
      tmp.drop()
    },
  }
})

describeNotifierContract(
  'Notifier contract: CloudBase subscribe messages (fake openapi, offline database)',
  async () => {
    const cloud = new FakeCloud()
    const { db } = cloudDocStore()
    return {
      notifier: new CloudbaseNotifier({ openapi: cloud.openapi, db, clock, templates: TEMPLATES }),
      allow: (m) => cloud.subscribe(m.to, TEMPLATES[m.template as keyof typeof TEMPLATES]),
      close: async () => {},
    }
  },
)

describe('CloudbaseNotifier: WeChat specifics', () => {
  let cloud: FakeCloud
  let db: DocStore
  let notifier: CloudbaseNotifier
  const message: SubscribeMessage = {
    to: 'o-citizen-9',
    template: 'case-accepted',
    page: 'pages/case/index?id=c9',
    data: { thing1: '夜间施工噪声', character_string2: 'JZ-20261121-0042' },
    dedupeKey: 'case-c9-accepted',
  }
  const sends = () => cloud.calls.filter((c) => c.api === 'subscribeMessage.send')
  const record = (key = message.dedupeKey) => db.get<NotificationRecord>(NOTIFICATIONS_COLLECTION, key)

  beforeEach(() => {
    cloud = new FakeCloud()
    db = cloudDocStore().db
    notifier = new CloudbaseNotifier({
      openapi: cloud.openapi,
      db,
      clock,
      templates: TEMPLATES,
      miniprogramState: 'trial',
      log: silentLogger,
    })
  })

  test('sends the configured template id with WeChat data values, and records the outcome', async () => {
    cloud.subscribe(message.to, 'TPL-accepted-0001')
    await expect(notifier.send(message)).resolves.toEqual({ delivered: true })
    expect(sends()).toEqual([
      {
        api: 'subscribeMessage.send',
        params: {
          touser: 'o-citizen-9',
          templateId: 'TPL-accepted-0001',
          page: 'pages/case/index?id=c9',
          data: { thing1: { value: '夜间施工噪声' }, character_string2: { value: 'JZ-20261121-0042' } },
          miniprogramState: 'trial',
          lang: 'zh_CN',
        },
      },
    ])
    await expect(record()).resolves.toMatchObject({
      _version: 2,
      status: 'sent',
      to: 'o-citizen-9',
      template: 'case-accepted',
      templateId: 'TPL-accepted-0001',
      createdAt: '2026-11-21T10:00:00+08:00',
    })
  })

  test('errCode 43101 (not subscribed) is "not delivered", recorded, and never retried under that key', async () => {
    await expect(notifier.send(message)).resolves.toEqual({ delivered: false, reason: 'not-subscribed' })
    await expect(record()).resolves.toMatchObject({ status: 'refused', errCode: 43101 })
    cloud.subscribe(message.to, 'TPL-accepted-0001')
    await expect(notifier.send(message)).resolves.toEqual({ delivered: false, reason: 'duplicate' })
    expect(sends()).toHaveLength(1)
  })

  test('other WeChat errors are "not delivered" with the code; a failure without a code says so', async () => {
    cloud.failNext.set(
      'subscribeMessage.send',
      sdkError(40003, 'openapi.subscribeMessage.send:fail invalid openid'),
    )
    await expect(notifier.send(message)).resolves.toEqual({ delivered: false, reason: 'wechat-error-40003' })
    await expect(record()).resolves.toMatchObject({ status: 'failed', errCode: 40003 })
    cloud.failNext.set('subscribeMessage.send', new Error('socket hang up'))
    await expect(notifier.send({ ...message, dedupeKey: 'k2' })).resolves.toEqual({
      delivered: false,
      reason: 'send-failed',
    })
    await expect(record('k2')).resolves.toMatchObject({
      status: 'failed',
      error: expect.stringContaining('socket'),
    })
  })

  test('a template key without a configured id is not sent and not recorded', async () => {
    await expect(notifier.send({ ...message, template: 'unknown-template' })).resolves.toEqual({
      delivered: false,
      reason: 'template-not-configured',
    })
    expect(sends()).toHaveLength(0)
    await expect(record()).resolves.toBeNull()
  })
})

// ---------- ContentCheck ----------

describeContentCheckContract('ContentCheck contract: local keyword list', async () => ({
  check: new KeywordContentCheck(),
  riskyText: RISKY,
  reviewText: REVIEW,
}))

describeContentCheckContract('ContentCheck contract: WeChat content security (fake openapi)', async () => {
  const cloud = new FakeCloud()
  cloud.textRules.push({ word: RISKY, verdict: { suggest: 'risky', label: 20006 } })
  cloud.textRules.push({ word: REVIEW, verdict: { suggest: 'review', label: 21000 } })
  return {
    check: new CloudbaseContentCheck(cloud.openapi, silentLogger),
    riskyText: RISKY,
    reviewText: REVIEW,
  }
})

describe('CloudbaseContentCheck: WeChat specifics', () => {
  let cloud: FakeCloud
  let check: CloudbaseContentCheck
  beforeEach(() => {
    cloud = new FakeCloud()
    check = new CloudbaseContentCheck(cloud.openapi, silentLogger)
  })

  test('msgSecCheck v2 gets the content, scene (report 3, comment 2) and openid', async () => {
    await check.checkText({ text: '河道发黑发臭', openid: 'o-7', scene: 'report' })
    await check.checkText({ text: '谢谢处理', openid: 'o-8', scene: 'comment' })
    expect(cloud.calls).toEqual([
      {
        api: 'security.msgSecCheck',
        params: { content: '河道发黑发臭', version: 2, scene: 3, openid: 'o-7' },
      },
      { api: 'security.msgSecCheck', params: { content: '谢谢处理', version: 2, scene: 2, openid: 'o-8' } },
    ])
  })

  test('labels are named; an unknown label keeps its number', async () => {
    cloud.textRules.push({ word: 'A', verdict: { suggest: 'risky', label: 20002 } })
    cloud.textRules.push({ word: 'B', verdict: { suggest: 'review', label: 12345 } })
    await expect(check.checkText({ text: 'A', openid: 'o', scene: 'report' })).resolves.toEqual({
      verdict: 'risky',
      label: 'porn',
    })
    await expect(check.checkText({ text: 'B', openid: 'o', scene: 'report' })).resolves.toEqual({
      verdict: 'review',
      label: '12345',
    })
  })

  test('when the check itself fails, the text goes to review', async () => {
    cloud.failNext.set(
      'security.msgSecCheck',
      sdkError(-604101, 'openapi.security.msgSecCheck:fail no permission'),
    )
    await expect(check.checkText({ text: 'x', openid: 'o', scene: 'report' })).resolves.toEqual({
      verdict: 'review',
    })
  })

  test('mediaCheckAsync v2 gets media_url, media_type 2 (image), scene and openid; the verdict is pending', async () => {
    const result = await check.checkImage({
      fileId: 'cloud://e/p.jpg',
      url: 'https://tmp.example/p.jpg',
      openid: 'o-3',
    })
    expect(result).toEqual({ verdict: 'pending', traceId: 'trace-media-1' })
    expect(cloud.calls).toEqual([
      {
        api: 'security.mediaCheckAsync',
        params: {
          media_url: 'https://tmp.example/p.jpg',
          media_type: 2,
          version: 2,
          scene: 3,
          openid: 'o-3',
        },
      },
    ])
  })

  test('a raw trace_id is read too; a failed image check goes to review', async () => {
    const raw = new CloudbaseContentCheck(
      {
        security: {
          msgSecCheck: cloud.openapi.security.msgSecCheck,
          mediaCheckAsync: async () => ({ errCode: 0, trace_id: 't-9' }),
        },
      },
      silentLogger,
    )
    await expect(raw.checkImage({ fileId: 'f', url: 'u', openid: 'o' })).resolves.toEqual({
      verdict: 'pending',
      traceId: 't-9',
    })
    cloud.failNext.set(
      'security.mediaCheckAsync',
      sdkError(45009, 'openapi.security.mediaCheckAsync:fail api limit'),
    )
    await expect(check.checkImage({ fileId: 'f', url: 'u', openid: 'o' })).resolves.toEqual({
      verdict: 'review',
    })
  })
})
