// A fake Tencent Cloud for @cloudbase/manager-node, at its network layer: `https.request` (what node-fetch,
// the manager's HTTP client, calls) is redirected to an HTTP server on 127.0.0.1 that answers the cloud API
// actions the deploy and backup tools use, with the response shapes the SDK parses
// (`{ Response: { …, RequestId } }`, errors as `{ Response: { Error: { Code, Message } } }`). The SDK's own code —
// request building, TC3 signing, polling, zip packing — runs unchanged; every call is recorded.
//
// The environment's documents live in the offline CloudBase database of @cloudbase/node-sdk
// (cloudbase-offline-stub.ts), so the manager view (collections, counts) and the data view agree. Its storage
// is a map of objects served as COS (`<bucket>.cos.<region>.tencentcos.cn`: list, head, get, put) and through
// the CloudBase admin API (`tcb-api.tencentcloudapi.com/admin`: download URLs, upload metadata, delete);
// database export and import jobs write and read those objects as JSON lines.
//
// Anything else that tries to leave the machine is refused and recorded in `unexpected`.
import http from 'node:http'
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import { inflateRawSync } from 'node:zlib'
import type { OfflineCloudbase } from './cloudbase-offline-stub'

export interface RecordedCall {
  service: string
  action: string
  params: Record<string, unknown>
}

interface FakeIndex {
  Name: string
  Keys: Array<{ Name: string; Direction: string }>
  Unique: boolean
}

export interface FakeFunction {
  FunctionName: string
  Runtime: string
  Handler: string
  MemorySize: number
  Timeout: number
  Description: string
  Environment: { Variables: Array<{ Key: string; Value: string }> }
  Triggers: Array<{ TriggerName: string; Type: string; TriggerDesc: string }>
  Status: string
  /** Names of the files in the last uploaded zip. */
  files: string[]
}

class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

/** File names of a zip archive, from its central directory. */
function zipEntries(zip: Buffer): string[] {
  const names: string[] = []
  for (let i = zip.length - 22; i >= 0; i--) {
    if (zip.readUInt32LE(i) !== 0x06054b50) continue
    let offset = zip.readUInt32LE(i + 16)
    const count = zip.readUInt16LE(i + 10)
    for (let n = 0; n < count; n++) {
      const nameLength = zip.readUInt16LE(offset + 28)
      const extra = zip.readUInt16LE(offset + 30)
      const comment = zip.readUInt16LE(offset + 32)
      names.push(zip.subarray(offset + 46, offset + 46 + nameLength).toString('utf8'))
      offset += 46 + nameLength + extra + comment
    }
    return names
  }
  throw new Error('not a zip archive')
}

/** The bytes of one file of a zip (stored or deflated), for checks on what was uploaded. */
export function zipFile(zip: Buffer, name: string): Buffer | null {
  let offset = 0
  while (offset + 30 <= zip.length && zip.readUInt32LE(offset) === 0x04034b50) {
    const method = zip.readUInt16LE(offset + 8)
    let size = zip.readUInt32LE(offset + 18)
    const nameLength = zip.readUInt16LE(offset + 26)
    const extra = zip.readUInt16LE(offset + 28)
    const entry = zip.subarray(offset + 30, offset + 30 + nameLength).toString('utf8')
    const start = offset + 30 + nameLength + extra
    if (size === 0 && (zip.readUInt16LE(offset + 6) & 0x08) !== 0) {
      // Sizes in a data descriptor: find the next local header.
      const next = zip.indexOf(Buffer.from([0x50, 0x4b, 0x07, 0x08]), start)
      size = next - start
    }
    const data = zip.subarray(start, start + size)
    if (entry === name) return method === 8 ? inflateRawSync(data) : Buffer.from(data)
    offset = start + size
    if (zip.readUInt32LE(offset) === 0x08074b50) offset += 16
  }
  return null
}

export class FakeTencentCloud {
  readonly calls: RecordedCall[] = []
  readonly unexpected: string[] = []
  /** SecretIds that signed requests (TC3-HMAC-SHA256 Authorization headers). */
  readonly signers = new Set<string>()
  readonly functions = new Map<string, FakeFunction>()
  readonly indexes = new Map<string, FakeIndex[]>()
  readonly permissions = new Map<string, { Permission: string; SecurityRule?: string }>()
  storageAcl: { AclTag: string; Rule?: string } = { AclTag: 'PRIVATE' }
  /** Stored files by cloud path. */
  readonly objects = new Map<string, Buffer>()
  private readonly jobs = new Map<number, { RecordSuccess: number; FileUrl: string }>()
  private jobCounter = 100
  private server: http.Server | null = null
  private port = 0
  private restores: Array<() => void> = []
  private readonly originalHttpRequest = http.request

  constructor(
    readonly envId: string,
    /** The environment's documents (the offline node-sdk database of the same env). */
    readonly data: OfflineCloudbase,
  ) {}

  /** Calls of one action (e.g. `scf.CreateFunction`), in order. */
  actions(name?: string): RecordedCall[] {
    return name ? this.calls.filter((c) => `${c.service}.${c.action}` === name) : this.calls
  }

  /** Calls that change something (everything but Describe/Get/List reads). */
  writes(): string[] {
    return this.calls
      .filter((c) => !/^(Describe|Get|List)/.test(c.action))
      .map((c) => `${c.service}.${c.action}`)
  }

  async install(): Promise<void> {
    this.server = http.createServer((req, res) => void this.serve(req, res))
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve))
    this.port = (this.server.address() as AddressInfo).port
    const redirect = (original: typeof https.request, label: string) =>
      ((...args: unknown[]) => {
        const [first, second, third] = args
        let url: URL | null = null
        let options: http.RequestOptions = {}
        let callback: ((res: http.IncomingMessage) => void) | undefined
        if (typeof first === 'string' || first instanceof URL) {
          url = new URL(String(first))
          if (typeof second === 'function') callback = second as typeof callback
          else {
            options = (second ?? {}) as http.RequestOptions
            callback = third as typeof callback
          }
        } else {
          options = first as http.RequestOptions
          callback = second as typeof callback
        }
        const host = String(url?.hostname ?? options.hostname ?? options.host ?? '').replace(/:\d+$/, '')
        if (!/\.(tencentcloudapi\.com|tencentcos\.cn)$/.test(host)) {
          this.unexpected.push(`${label} ${host}`)
          throw new Error(`network access blocked in tests (${label} ${host})`)
        }
        const path = url ? url.pathname + url.search : (options.path ?? '/')
        const headers = { ...(options.headers as Record<string, string>), 'x-fake-host': host }
        return this.originalHttpRequest(
          { hostname: '127.0.0.1', port: this.port, method: options.method ?? 'GET', path, headers },
          callback,
        )
      }) as typeof https.request
    const patch = <T extends object>(target: T, name: keyof T & string, value: unknown) => {
      const original = target[name]
      ;(target as Record<string, unknown>)[name] = value
      this.restores.push(() => ((target as Record<string, unknown>)[name] = original))
    }
    patch(https, 'request', redirect(https.request, 'https'))
    patch(http, 'request', redirect(http.request, 'http'))
  }

  async uninstall(): Promise<void> {
    for (const restore of this.restores.reverse()) restore()
    this.restores = []
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()))
  }

  private async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const host = String(req.headers['x-fake-host'])
    if (host.endsWith('.tencentcos.cn')) return this.serveCos(req, res, Buffer.concat(chunks))
    if (/(^|\.)tcb-api\.tencentcloudapi\.com$/.test(host)) return this.serveAdmin(res, Buffer.concat(chunks))
    const service = host.split('.')[0]!
    const action = String(req.headers['x-tc-action'] ?? '')
    const auth = String(req.headers.authorization ?? '')
    const signed =
      /^TC3-HMAC-SHA256 Credential=([^/]+)\/\d{4}-\d{2}-\d{2}\/(\w+)\/tc3_request, SignedHeaders=[\w;-]+, Signature=[0-9a-f]{64}$/.exec(
        auth,
      )
    const requestId = `fake-${this.calls.length + 1}`
    const reply = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ Response: { ...(body as object), RequestId: requestId } }))
    }
    if (!signed || signed[2] !== service) {
      reply({ Error: { Code: 'AuthFailure.SignatureFailure', Message: 'unsigned request' } })
      return
    }
    this.signers.add(signed[1]!)
    const params = (chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {}) as Record<
      string,
      unknown
    >
    this.calls.push({ service, action, params })
    try {
      reply(this.handle(service, action, params))
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      reply({ Error: { Code: error.code, Message: error.message } })
    }
  }

  private handle(service: string, action: string, p: Record<string, unknown>): unknown {
    const key = `${service}.${action}`
    switch (key) {
      case 'tcb.DescribeEnvInfo':
        if (p.EnvId !== this.envId) throw new ApiError('ResourceNotFound', `env ${String(p.EnvId)} not found`)
        return {
          EnvInfo: {
            EnvBaseInfo: {
              EnvId: this.envId,
              Alias: 'test',
              Status: 'NORMAL',
              Region: 'ap-shanghai',
              Databases: [{ InstanceId: 'tnt-fake', Region: 'ap-shanghai', Status: 'RUNNING' }],
              Storages: [{ Region: 'ap-shanghai', Bucket: `${this.envId}-1250000000`, AppId: '1250000000' }],
              Functions: [{ Namespace: this.envId, Region: 'ap-shanghai' }],
              LogServices: [],
            },
          },
        }
      case 'tcb.ListTables': {
        const names = this.collectionNames()
        const offset = Number(p.MgoOffset ?? 0)
        const limit = Number(p.MgoLimit ?? 100)
        return {
          Tables: names.slice(offset, offset + limit).map((TableName) => ({
            TableName,
            Count: this.data.documents(TableName)?.length ?? 0,
            Size: 0,
            IndexCount: this.indexes.get(TableName)?.length ?? 0,
            IndexSize: 0,
          })),
          Pager: { Offset: offset, Limit: limit, Total: names.length },
        }
      }
      case 'tcb.DescribeTable': {
        const indexes = this.indexes.get(String(p.TableName))
        if (!indexes) throw new ApiError('ResourceNotFound.TableNotExist', 'table not exist')
        return {
          Indexes: [{ Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true }, ...indexes],
          IndexNum: indexes.length + 1,
        }
      }
      case 'tcb.CreateTable': {
        const name = String(p.TableName)
        if (this.indexes.has(name)) throw new ApiError('ResourceInUse', `table ${name} exists`)
        this.indexes.set(name, [])
        if (!this.data.hasCollection(name)) this.data.seed(name, [])
        return {}
      }
      case 'tcb.UpdateTable': {
        const name = String(p.TableName)
        const indexes = this.indexes.get(name)
        if (!indexes) throw new ApiError('ResourceNotFound.TableNotExist', 'table not exist')
        for (const drop of (p.DropIndexes ?? []) as Array<{ IndexName: string }>) {
          const at = indexes.findIndex((i) => i.Name === drop.IndexName)
          if (at < 0) throw new ApiError('ResourceNotFound.IndexNotExist', drop.IndexName)
          indexes.splice(at, 1)
        }
        for (const create of (p.CreateIndexes ?? []) as Array<{
          IndexName: string
          MgoKeySchema: { MgoIndexKeys: Array<{ Name: string; Direction: string }>; MgoIsUnique: boolean }
        }>) {
          if (indexes.some((i) => i.Name === create.IndexName))
            throw new ApiError('ResourceInUse.IndexExist', create.IndexName)
          indexes.push({
            Name: create.IndexName,
            Keys: create.MgoKeySchema.MgoIndexKeys,
            Unique: create.MgoKeySchema.MgoIsUnique,
          })
        }
        return {}
      }
      case 'tcb.DescribeResourcePermission': {
        const list = ((p.Resources ?? []) as string[]).map((Resource) => ({
          ResourceType: p.ResourceType,
          Resource,
          Permission: this.permissions.get(Resource)?.Permission ?? 'PRIVATE',
          ...(this.permissions.get(Resource)?.SecurityRule
            ? { SecurityRule: this.permissions.get(Resource)!.SecurityRule }
            : {}),
        }))
        return { Data: { TotalCount: list.length, PermissionList: list } }
      }
      case 'tcb.ModifyResourcePermission':
        this.permissions.set(String(p.Resource), {
          Permission: String(p.Permission),
          SecurityRule: p.SecurityRule as string | undefined,
        })
        return { Data: { Success: true } }
      case 'tcb.DescribeStorageSafeRule':
        return { ...this.storageAcl }
      case 'tcb.ModifyStorageSafeRule':
        this.storageAcl = { AclTag: String(p.AclTag), Rule: p.Rule as string | undefined }
        return {}
      case 'tcb.DatabaseMigrateExport': {
        const name = String(p.CollectionName)
        const docs = this.data.documents(name)
        if (!docs) throw new ApiError('ResourceNotFound.TableNotExist', 'table not exist')
        const key = String(p.FilePath)
        this.objects.set(
          key,
          Buffer.from(docs.map((d) => JSON.stringify(d)).join('\n') + (docs.length ? '\n' : '')),
        )
        return { JobId: this.job(docs.length, key) }
      }
      case 'tcb.DatabaseMigrateImport': {
        const name = String(p.CollectionName)
        const body = this.objects.get(String(p.FilePath))
        if (!body) throw new ApiError('ResourceNotFound.File', `no object ${String(p.FilePath)}`)
        if (p.ConflictMode !== 'upsert' && p.ConflictMode !== 'insert')
          throw new ApiError('InvalidParameter', 'ConflictMode')
        const docs = body
          .toString('utf8')
          .split('\n')
          .filter((l) => l.trim())
          .map((l) => JSON.parse(l) as Record<string, unknown>)
        // Upsert by _id (seed replaces a document of the same id).
        this.data.seed(name, docs)
        if (!this.indexes.has(name)) this.indexes.set(name, [])
        return { JobId: this.job(docs.length, '') }
      }
      case 'tcb.DatabaseMigrateQueryInfo': {
        const job = this.jobs.get(Number(p.JobId))
        if (!job) throw new ApiError('ResourceNotFound', 'no such job')
        return {
          Status: 'success',
          RecordSuccess: job.RecordSuccess,
          RecordFail: 0,
          ErrorMsg: '',
          FileUrl: job.FileUrl,
        }
      }
      case 'scf.GetFunction': {
        const fn = this.functions.get(String(p.FunctionName))
        if (!fn)
          throw new ApiError('ResourceNotFound.FunctionName', `function ${String(p.FunctionName)} not found`)
        const { files: _files, ...info } = fn
        return structuredClone(info)
      }
      case 'scf.CreateFunction': {
        const name = String(p.FunctionName)
        if (this.functions.has(name))
          throw new ApiError('ResourceInUse.FunctionName', `function ${name} exists`)
        this.functions.set(name, {
          FunctionName: name,
          Runtime: String(p.Runtime),
          Handler: String(p.Handler),
          MemorySize: Number(p.MemorySize),
          Timeout: Number(p.Timeout ?? 3),
          Description: String(p.Description ?? ''),
          Environment: (p.Environment as FakeFunction['Environment']) ?? { Variables: [] },
          Triggers: [],
          Status: 'Active',
          files: this.uploaded(p),
        })
        return {}
      }
      case 'scf.UpdateFunctionCode': {
        const fn = this.fn(p)
        fn.files = this.uploaded(p)
        fn.Handler = String(p.Handler ?? fn.Handler)
        return {}
      }
      case 'scf.UpdateFunctionConfiguration': {
        const fn = this.fn(p)
        if (p.Description !== undefined) fn.Description = String(p.Description)
        if (p.MemorySize !== undefined) fn.MemorySize = Number(p.MemorySize)
        if (p.Timeout !== undefined) fn.Timeout = Number(p.Timeout)
        if (p.Environment !== undefined) fn.Environment = p.Environment as FakeFunction['Environment']
        return {}
      }
      case 'scf.BatchCreateTrigger': {
        const fn = this.fn(p)
        for (const t of JSON.parse(String(p.Triggers)) as Array<{
          TriggerName: string
          Type: string
          TriggerDesc: string
        }>) {
          if (fn.Triggers.some((x) => x.TriggerName === t.TriggerName))
            throw new ApiError('ResourceInUse.Trigger', t.TriggerName)
          // SCF reads a timer back as a JSON description of its cron.
          fn.Triggers.push({
            TriggerName: t.TriggerName,
            Type: t.Type,
            TriggerDesc: JSON.stringify({ cron: t.TriggerDesc }),
          })
        }
        return {}
      }
      case 'scf.DeleteTrigger': {
        const fn = this.fn(p)
        const at = fn.Triggers.findIndex((t) => t.TriggerName === p.TriggerName)
        if (at < 0) throw new ApiError('ResourceNotFound.Trigger', String(p.TriggerName))
        fn.Triggers.splice(at, 1)
        return {}
      }
      default:
        throw new ApiError('UnsupportedOperation', `the fake does not serve ${key}`)
    }
  }

  get bucket(): string {
    return `${this.envId}-1250000000`
  }

  private objectUrl(key: string): string {
    return `https://${this.bucket}.cos.ap-shanghai.tencentcos.cn/${key.split('/').map(encodeURIComponent).join('/')}?sign=fake`
  }

  private job(records: number, key: string): number {
    const id = ++this.jobCounter
    this.jobs.set(id, { RecordSuccess: records, FileUrl: key ? this.objectUrl(key) : '' })
    return id
  }

  /** COS XML API: list (GET /?prefix), head, get and put of objects; requests must carry a COS signature. */
  private serveCos(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer): void {
    const url = new URL(req.url ?? '/', 'https://cos.invalid')
    const key = decodeURIComponent(url.pathname.slice(1))
    const signed =
      /^q-sign-algorithm=sha1&q-ak=AKIDtest&/.test(String(req.headers.authorization ?? '')) ||
      url.searchParams.get('sign') === 'fake'
    this.calls.push({ service: 'cos', action: `${req.method} ${key ? 'object' : 'bucket'}`, params: { key } })
    if (!signed) {
      res.writeHead(403).end()
      return
    }
    if (req.method === 'GET' && key === '') {
      const prefix = url.searchParams.get('prefix') ?? ''
      const marker = url.searchParams.get('marker') ?? ''
      const max = Number(url.searchParams.get('max-keys') ?? 1000)
      const keys = [...this.objects.keys()]
        .filter((k) => k.startsWith(prefix) && (!marker || marker === '/' || k > marker))
        .sort()
      const page = keys.slice(0, max)
      const truncated = keys.length > page.length
      const xml = `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>${this.bucket}</Name><Prefix>${prefix}</Prefix><Marker>${marker}</Marker><MaxKeys>${max}</MaxKeys><IsTruncated>${truncated}</IsTruncated>${truncated ? `<NextMarker>${page[page.length - 1]}</NextMarker>` : ''}${page
        .map(
          (k) =>
            `<Contents><Key>${k}</Key><LastModified>2026-11-21T02:00:00.000Z</LastModified><ETag>"x"</ETag><Size>${this.objects.get(k)!.length}</Size><StorageClass>STANDARD</StorageClass></Contents>`,
        )
        .join('')}</ListBucketResult>`
      res.writeHead(200, { 'content-type': 'application/xml' }).end(xml)
      return
    }
    const stored = this.objects.get(key)
    if (req.method === 'PUT') {
      this.objects.set(key, body)
      res.writeHead(200, { etag: '"x"' }).end()
    } else if (!stored) {
      res.writeHead(404, { 'content-type': 'application/xml' }).end('<Error><Code>NoSuchKey</Code></Error>')
    } else if (req.method === 'HEAD') {
      res
        .writeHead(200, {
          'content-length': stored.length,
          'content-type': 'application/octet-stream',
          etag: '"x"',
        })
        .end()
    } else {
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(stored)
    }
  }

  /** The CloudBase admin API (storage actions), signed in its body. */
  private serveAdmin(res: http.ServerResponse, body: Buffer): void {
    const p = JSON.parse(body.toString('utf8')) as Record<string, unknown>
    const action = String(p.action)
    this.calls.push({ service: 'tcb-admin', action, params: p })
    const reply = (data: unknown) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(data))
    if (typeof p.authorization !== 'string' || !p.authorization.includes('AKIDtest')) {
      reply({ code: 'SIGN_PARAM_INVALID', message: 'unsigned' })
      return
    }
    const keyOf = (fileId: string) => fileId.replace(`cloud://${this.envId}.${this.bucket}/`, '')
    switch (action) {
      case 'storage.batchGetDownloadUrl':
        reply({
          data: {
            download_list: (p.file_list as Array<{ fileid: string }>).map((f) => ({
              fileid: f.fileid,
              download_url: this.objectUrl(keyOf(f.fileid)),
            })),
          },
        })
        return
      case 'storage.getUploadMetadata':
        reply({ data: { cosFileId: 'cos-file-id', url: '', token: '', authorization: '' } })
        return
      case 'storage.batchDeleteFile':
        reply({
          data: {
            delete_list: (p.fileid_list as string[]).map((fileid) => ({
              fileid,
              code: this.objects.delete(keyOf(fileid)) ? 'SUCCESS' : 'NOT_FOUND',
            })),
          },
        })
        return
      default:
        reply({ code: 'INVALID_ACTION', message: `the fake does not serve ${action}` })
    }
  }

  collectionNames(): string[] {
    return [...this.indexes.keys()].sort()
  }

  /** Zips are kept so tests can look inside. */
  readonly zips = new Map<string, Buffer>()

  private uploaded(p: Record<string, unknown>): string[] {
    const code = p.Code as { ZipFile?: string } | undefined
    if (!code?.ZipFile) throw new ApiError('InvalidParameterValue.Code', 'only ZipFile uploads are served')
    const zip = Buffer.from(code.ZipFile, 'base64')
    this.zips.set(String(p.FunctionName), zip)
    return zipEntries(zip).sort()
  }

  private fn(p: Record<string, unknown>): FakeFunction {
    const fn = this.functions.get(String(p.FunctionName))
    if (!fn)
      throw new ApiError('ResourceNotFound.FunctionName', `function ${String(p.FunctionName)} not found`)
    return fn
  }
}
