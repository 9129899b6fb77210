// Translates the DocStore's Filter subset into a `where()` condition built with `db.command`, so the SDK's own
// serializer produces the query. Semantics are MongoDB's, which the SQLite adapter reproduces: `{ f: null }`
// and `$in: [null]` match a missing field, `$ne` / `$nin` match a missing field, `$exists: true` matches a
// stored null.
import { assertFieldPath } from '../db/query'
import type { FieldOps, Filter, Scalar } from '../ports'
import type { SdkCommand } from './sdk'

const OPS = new Set(['$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$in', '$nin', '$exists'])

function isOps(value: unknown): value is FieldOps {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function operator(_: SdkCommand, op: string, operand: unknown): unknown {
  switch (op) {
    case '$eq':
      return _.eq(operand)
    case '$ne':
      return _.neq(operand)
    case '$gt':
      return _.gt(operand)
    case '$gte':
      return _.gte(operand)
    case '$lt':
      return _.lt(operand)
    case '$lte':
      return _.lte(operand)
    case '$in':
    case '$nin':
      if (!Array.isArray(operand)) throw new Error(`${op} needs an array`)
      return op === '$in' ? _.in([...(operand as Scalar[])]) : _.nin([...(operand as Scalar[])])
    case '$exists':
      return _.exists(Boolean(operand))
    default:
      throw new Error(`unsupported operator ${op}`)
  }
}

/** A condition that matches nothing (MongoDB rejects an empty `$or`). */
function matchNothing(_: SdkCommand): object {
  return { _id: _.in([]) }
}

/** The condition for `filter`, or null when it matches every document. */
export function toCondition(filter: Filter | undefined, _: SdkCommand): object | null {
  if (!filter) return null
  const fields: Record<string, unknown> = {}
  const parts: object[] = []
  const add = (path: string, condition: unknown) => {
    if (Object.prototype.hasOwnProperty.call(fields, path)) parts.push({ [path]: condition })
    else fields[path] = condition
  }
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined) continue
    if (key === '$or' || key === '$and') {
      const subs = (value as readonly Filter[]).map((sub) => toCondition(sub, _))
      if (key === '$or') {
        if (subs.length === 0) parts.push(matchNothing(_))
        // A branch that matches everything makes the whole $or match everything.
        else if (!subs.includes(null)) parts.push(subs.length === 1 ? subs[0]! : (_.or(subs) as object))
      } else {
        const real = subs.filter((s): s is object => s !== null)
        if (real.length) parts.push(real.length === 1 ? real[0]! : (_.and(real) as object))
      }
      continue
    }
    assertFieldPath(key)
    if (!isOps(value)) {
      add(key, value as Scalar)
      continue
    }
    for (const [op, operand] of Object.entries(value)) {
      if (!OPS.has(op)) throw new Error(`unsupported operator ${op}`)
      if (operand === undefined) continue
      add(key, operator(_, op, operand))
    }
  }
  if (Object.keys(fields).length) parts.unshift(fields)
  if (parts.length === 0) return null
  return parts.length === 1 ? parts[0]! : (_.and(parts) as object)
}
