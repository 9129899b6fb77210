// Ports: what the cloud functions need from the platform. Functions depend on these, never on an SDK.
// Adapters: cloudfunctions/common/cloudbase/* (production, wx-server-sdk / @cloudbase/node-sdk) and
// local/adapters/* (embedded default: SQLite, files on disk, outbox, keyword list).

import type { DeploymentConfig } from '../../shared/deployment/config'

// ---------- DocStore ----------

export type Scalar = string | number | boolean | null

export interface FieldOps {
  $eq?: Scalar
  $ne?: Scalar
  $gt?: string | number
  $gte?: string | number
  $lt?: string | number
  $lte?: string | number
  $in?: readonly Scalar[]
  $nin?: readonly Scalar[]
  $exists?: boolean
}

/**
 * The filter subset every adapter supports: a field (dotted path) equals a scalar or matches operators;
 * fields are ANDed; `$or` / `$and` combine sub-filters. No array-membership or regex queries: model those
 * as their own collection (e.g. `follows`) so every query can use an index.
 */
export interface Filter {
  [field: string]: Scalar | FieldOps | readonly Filter[] | undefined
  $or?: readonly Filter[]
  $and?: readonly Filter[]
}

export type SortDirection = 'asc' | 'desc'
export type OrderBy = ReadonlyArray<readonly [field: string, direction: SortDirection]>

export const MAX_PAGE_SIZE = 100

export interface FindOptions {
  filter?: Filter
  /** Sort fields must be present (non-null) on every document of the result. `_id` breaks ties. */
  orderBy?: OrderBy
  /** 1..100. Nothing ever loads a whole collection. */
  limit: number
  /** Opaque cursor from a previous page's `next`. */
  after?: string | null
  /**
   * Projection: read only these fields (dotted paths through objects; none a prefix of another). Found
   * documents then hold these fields where present, the `orderBy` fields (the next page's cursor is made of
   * them), `_id` and `_version` — type the call with that shape (`find<Pick<CaseDoc, 'createdAt'>>`).
   * Without it, whole documents.
   */
  fields?: readonly string[]
}

export interface Page<T> {
  items: T[]
  /** Cursor of the next page, or null when this was the last page. */
  next: string | null
}

/** Every stored document has an id and a version that every update increments. */
export interface Stored {
  _id: string
  _version: number
}

export type WithId<T> = T & Stored
export type NewDoc<T> = T & { _id?: string }
/** Top-level fields to set; `undefined` removes the field. */
export type Patch<T> = { [K in keyof T]?: T[K] | undefined }

interface DocReader {
  get<T extends object>(collection: string, id: string): Promise<WithId<T> | null>
}

export interface DocWriter {
  /** Inserts with `_version: 1`; a taken `_id` throws DuplicateKeyError. Returns the id. */
  insert<T extends object>(collection: string, doc: NewDoc<T>): Promise<string>
  /** Applies the patch only if the stored version equals `expectedVersion`, else VersionConflictError. */
  update<T extends object>(
    collection: string,
    id: string,
    patch: Patch<T>,
    expectedVersion: number,
  ): Promise<void>
  remove(collection: string, id: string): Promise<void>
}

/** By-id operations only (CloudBase transactions support nothing else). */
export type Tx = DocReader & DocWriter

export interface DocStore extends DocReader, DocWriter {
  find<T extends object>(collection: string, options: FindOptions): Promise<Page<WithId<T>>>
  count(collection: string, filter?: Filter): Promise<number>
  /**
   * Runs `work` atomically: all its writes apply or none do. Reads inside it see a consistent snapshot;
   * on a concurrent change the adapter retries `work` (so it must have no side effects outside `tx`).
   */
  transaction<R>(work: (tx: Tx) => Promise<R>): Promise<R>
}

export class DuplicateKeyError extends Error {
  constructor(
    readonly collection: string,
    readonly id: string,
  ) {
    super(`duplicate id ${id} in ${collection}`)
    this.name = 'DuplicateKeyError'
  }
}

export class VersionConflictError extends Error {
  constructor(
    readonly collection: string,
    readonly id: string,
  ) {
    super(`version conflict on ${collection}/${id}`)
    this.name = 'VersionConflictError'
  }
}

export class DocNotFoundError extends Error {
  constructor(
    readonly collection: string,
    readonly id: string,
  ) {
    super(`no document ${collection}/${id}`)
    this.name = 'DocNotFoundError'
  }
}

// ---------- BlobStore ----------

export interface BlobInfo {
  fileId: string
  size: number
  contentType: string
}

export interface BlobStore {
  /** Server-side write (local uploads, generated exports). */
  put(path: string, bytes: Uint8Array, contentType: string): Promise<BlobInfo>
  /** Reads a stored file (used to verify what a client uploaded directly to cloud storage). */
  read(fileId: string): Promise<Uint8Array | null>
  /** Short-lived download URLs, keyed by fileId; missing files are absent from the result. */
  tempUrls(fileIds: readonly string[], ttlSeconds?: number): Promise<Record<string, string>>
  remove(fileIds: readonly string[]): Promise<void>
}

// ---------- Notifier ----------

export interface SubscribeMessage {
  /** OPENID of the recipient. */
  to: string
  /** Key of a template in the deployment configuration (e.g. `case-accepted`). */
  template: string
  /** Mini-program page the message opens. */
  page: string
  /** Template data: keyword → value. */
  data: Record<string, string>
  /** Idempotency key: the same key is never sent twice. */
  dedupeKey: string
}

export interface Notifier {
  send(message: SubscribeMessage): Promise<{ delivered: boolean; reason?: string }>
}

// ---------- ContentCheck ----------

export type ContentVerdict = 'pass' | 'review' | 'risky'

export interface ContentCheck {
  /** msgSecCheck v2 in the cloud. */
  checkText(input: { text: string; openid: string; scene: 'report' | 'comment' }): Promise<{
    verdict: ContentVerdict
    label?: string
  }>
  /** mediaCheckAsync in the cloud: returns a trace id; the verdict arrives later (callback). */
  checkImage(input: { fileId: string; url: string; openid: string }): Promise<{
    verdict: ContentVerdict | 'pending'
    traceId?: string
  }>
}

// ---------- Follow-up runs ----------

/** The trigger name of a timer run that an earlier run started (its event carries `followUp`, see router.ts). */
export const FOLLOW_UP_TRIGGER = 'follow-up'

export interface FollowUps {
  /**
   * Starts another run of `fn`'s timer handler now, without waiting for it to finish: a job that stopped at its
   * budget with work left goes on at once instead of an hour later. `followUp` numbers the runs of one chain
   * (1 = the first follow-up of a trigger). Never throws: a follow-up that does not start leaves the work to
   * the next trigger.
   */
  start(fn: string, followUp: number): Promise<void>
}

// ---------- HTTP (outgoing) ----------

/** A platform's answer to a push. */
export interface HttpAnswer {
  status: number
  body: string
}

/** Sends a JSON POST (feedback to a platform); rejects on a network failure or after `timeoutMs`. */
export interface HttpPoster {
  post(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<HttpAnswer>
}

// ---------- Clock, identity, logging ----------

export interface Clock {
  now(): Date
}

/** Who is calling, as the platform says (cloud.getWXContext().OPENID, or the local x-dev-openid header). */
export interface Caller {
  openid: string | null
}

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void
  warn(message: string, fields?: Record<string, unknown>): void
  error(message: string, fields?: Record<string, unknown>): void
}

export interface Runtime {
  db: DocStore
  blobs: BlobStore
  notifier: Notifier
  contentCheck: ContentCheck
  clock: Clock
  log: Logger
  /**
   * Secret material for reporter-identity encryption and signed URLs (never in the database), and the shared
   * secret of each work-order platform (signed pushes in, signed feedback out): GW_PLATFORM_SECRETS.
   */
  secrets: { identityKey: Uint8Array; platformKeys?: Readonly<Record<string, string>> }
  mode: 'cloud' | 'local'
  /** The jurisdiction this backend serves, with its policy profile (bundled at build time). */
  deployment: DeploymentConfig
  /** The deployment's county-level boundaries (TopoJSON, WGS-84), for routing by location. */
  boundaries: unknown
  /** Subscribe-message template ids by template key (the client asks for consent with these). */
  subscribeTemplates?: Record<string, string>
  /** Starts follow-up timer runs (cloud: the function calls itself; local: the scheduler). Absent: none. */
  followUps?: FollowUps
  /** Outgoing HTTP (feedback pushed to platforms); absent: Node's https (common/channels/http-post.ts). */
  http?: HttpPoster
}
