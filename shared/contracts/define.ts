// How an API contract is written: each cloud function (bounded context) is a map of actions; each action
// has an input schema (validated by the function, reused by client forms), who may call it, and the type
// of its result. Both sides import these; the client never decides with authority.
import type * as z from 'zod/v4/core'
import type { StaffRole } from '../vocabulary/units'

export type Access =
  /**
   * Anyone, with or without a platform identity: what is published (the public disclosure page, S1 第十三条),
   * open to an anonymous visitor of the H5 page as to any WeChat user. Never returns anything about the caller.
   */
  | { who: 'anyone' }
  /** Any caller with a platform identity: citizens and staff alike. */
  | { who: 'user' }
  /** Staff bound to a staff record holding one of these roles (unit scope is checked by the action). */
  | { who: 'staff'; roles: readonly StaffRole[] | 'any' }

export type StaffAccess = Extract<Access, { who: 'staff' }>

export const ANYONE = { who: 'anyone' } as const satisfies Access
export const USER = { who: 'user' } as const satisfies Access
export const ANY_STAFF = { who: 'staff', roles: 'any' } as const satisfies Access
export const staffWith = (...roles: StaffRole[]): StaffAccess => ({ who: 'staff', roles })

export interface ActionContract<I extends z.$ZodType = z.$ZodType, O = unknown, A extends Access = Access> {
  input: I
  access: A
  /** Phantom: the result type. */
  readonly output?: O
}

/** `action<Result>()(inputSchema, access)` — curried so the input type is inferred and the output given. */
export const action =
  <O>() =>
  <I extends z.$ZodType, A extends Access>(input: I, access: A): ActionContract<I, O, A> => ({
    input,
    access,
  })

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type FunctionContract = Record<string, ActionContract<z.$ZodType, any, Access>>

/** What the caller sends. */
export type InputOf<A> = A extends ActionContract<infer I, unknown, Access> ? z.input<I> : never
/** What the handler receives after validation (defaults applied, strings trimmed). */
export type ParsedInputOf<A> = A extends ActionContract<infer I, unknown, Access> ? z.output<I> : never
export type OutputOf<A> = A extends ActionContract<z.$ZodType, infer O, Access> ? O : never
