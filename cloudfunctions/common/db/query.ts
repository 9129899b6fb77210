// Adapter-independent parts of the DocStore: page-size checks, keyset cursors and patch application.
// Both adapters page by keyset ("after this row"), never by skip, so page 10,000 costs what page 1 costs.
import {
  MAX_PAGE_SIZE,
  type Filter,
  type FindOptions,
  type OrderBy,
  type Patch,
  type Scalar,
  type Stored,
} from '../ports'

const COLLECTION_NAME = /^[a-z][a-z0-9_]{0,62}$/
// A segment never starts with `$`: MongoDB (CloudBase) reads `$name` as an operator, so SQLite must refuse it too.
const FIELD_PATH = /^[A-Za-z_][\w$]*(\.[A-Za-z_][\w$]*)*$/

export function assertCollectionName(name: string): void {
  if (!COLLECTION_NAME.test(name)) throw new Error(`invalid collection name: ${name}`)
}

export function assertFieldPath(path: string): void {
  if (!FIELD_PATH.test(path)) throw new Error(`invalid field path: ${path}`)
}

/**
 * A top-level field name of a stored document or a patch: no `.` (CloudBase would read it as a nested path,
 * SQLite as a literal key) and no leading `$` (an operator to CloudBase).
 */
export function assertFieldName(name: string): void {
  if (name === '' || name.includes('.') || name.startsWith('$') || name.includes('\u0000')) {
    throw new Error(`invalid field name: ${JSON.stringify(name)}`)
  }
}

/** Checks the top-level keys of a document about to be inserted. */
export function assertNewDoc(doc: object): void {
  for (const key of Object.keys(doc)) assertFieldName(key)
}

export function assertFindOptions(options: FindOptions): void {
  if (!Number.isInteger(options.limit) || options.limit < 1 || options.limit > MAX_PAGE_SIZE) {
    throw new Error(`limit must be an integer in 1..${MAX_PAGE_SIZE}, got ${options.limit}`)
  }
  for (const [field] of options.orderBy ?? []) assertFieldPath(field)
}

/**
 * The full sort: the requested fields, then `_id` in the direction of the last field, so order is total.
 * `_id` is unique, so an explicit `_id` ends the sort: fields after it could never matter.
 */
export function totalOrder(orderBy: OrderBy | undefined): OrderBy {
  const fields: Array<readonly [string, 'asc' | 'desc']> = []
  for (const [field, dir] of orderBy ?? []) {
    if (field === '_id') return [...fields, ['_id', dir]]
    fields.push([field, dir])
  }
  const last = fields.length ? fields[fields.length - 1]![1] : 'asc'
  return [...fields, ['_id', last]]
}

export function getPath(doc: unknown, path: string): unknown {
  let value: unknown = doc
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<string, unknown>)[key]
  }
  return value
}

export function encodeCursor(doc: Stored, orderBy: OrderBy | undefined): string {
  const values = totalOrder(orderBy).map(([field]) => getPath(doc, field) ?? null)
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url')
}

function decodeCursor(cursor: string, length: number): Scalar[] {
  let values: unknown
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw new InvalidCursorError()
  }
  const scalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v)
  if (!Array.isArray(values) || values.length !== length || !values.every(scalar))
    throw new InvalidCursorError()
  return values as Scalar[]
}

export class InvalidCursorError extends Error {
  constructor() {
    super('invalid page cursor')
    this.name = 'InvalidCursorError'
  }
}

/**
 * "Rows after the cursor" in the total order, as a filter any adapter can run:
 * (f1 > v1) OR (f1 = v1 AND f2 > v2) OR … — with < for descending fields.
 */
export function cursorFilter(orderBy: OrderBy | undefined, cursor: string): Filter {
  const order = totalOrder(orderBy)
  const values = decodeCursor(cursor, order.length)
  // The last value is the `_id` tiebreaker: always a string (a number would compare differently per adapter).
  if (typeof values[values.length - 1] !== 'string') throw new InvalidCursorError()
  const branches: Filter[] = order.map(([field, dir], i) => {
    const branch: Filter = {}
    for (let j = 0; j < i; j++) branch[order[j]![0]] = values[j] as Scalar
    const v = values[i]
    if (v === null || v === undefined) throw new InvalidCursorError()
    branch[field] = dir === 'asc' ? { $gt: v as string | number } : { $lt: v as string | number }
    return branch
  })
  return { $or: branches }
}

/** The user's filter plus the cursor condition. */
export function pageFilter(options: FindOptions): Filter | undefined {
  if (!options.after) return options.filter
  const after = cursorFilter(options.orderBy, options.after)
  return options.filter ? { $and: [options.filter, after] } : after
}

/** Checks a patch's keys: top-level field names, never `_id` or `_version`. */
export function assertPatch(patch: object): void {
  for (const key of Object.keys(patch)) {
    if (key === '_id' || key === '_version') throw new Error(`cannot patch ${key}`)
    assertFieldName(key)
  }
}

/** Applies a top-level patch (undefined removes a field). `_id` and `_version` are never patched. */
export function applyPatch<T extends object>(doc: T, patch: Patch<T>): T {
  assertPatch(patch)
  const next: Record<string, unknown> = { ...(doc as Record<string, unknown>) }
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete next[key]
    else next[key] = value
  }
  return next as T
}

/** Fetch one more than asked to know whether a next page exists. */
export function toPage<T extends Stored>(
  rows: T[],
  options: FindOptions,
): { items: T[]; next: string | null } {
  const items = rows.slice(0, options.limit)
  const next = rows.length > options.limit ? encodeCursor(items[items.length - 1]!, options.orderBy) : null
  return { items, next }
}

function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0
  if (a === null || a === undefined) return -1
  if (b === null || b === undefined) return 1
  return (a as string | number) < (b as string | number) ? -1 : 1
}

/** Orders documents as a find with `orderBy` does (the total order, `_id` last). */
export function compareInOrder(orderBy: OrderBy | undefined): (a: Stored, b: Stored) => number {
  const order = totalOrder(orderBy)
  return (a, b) => {
    for (const [field, dir] of order) {
      const c = compareValues(getPath(a, field), getPath(b, field))
      if (c !== 0) return dir === 'asc' ? c : -c
    }
    return 0
  }
}
