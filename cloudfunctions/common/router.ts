// The thin router every cloud function is: envelope → action → validate (shared schema) → identity and
// role → handler → `{ ok, data }` or `{ ok: false, error }`. Handlers throw AppError for expected failures;
// anything else becomes INTERNAL and is logged, never leaked.
import { safeParse, type $ZodError } from 'zod/v4/core'
import {
  AppError,
  fail,
  ok,
  type ActionContract,
  type ApiResult,
  type FunctionContract,
  type OutputOf,
  type ParsedInputOf,
} from '../../shared/contracts'
import type { StaffRole } from '../../shared/vocabulary/units'
import { InvalidCursorError } from './db/query'
import type { HttpHandler } from './http'
import { findStaffByOpenid, type StaffRecord } from './staff-records'
import { DocNotFoundError, DuplicateKeyError, VersionConflictError, type Caller, type Runtime } from './ports'

interface ActionContext {
  runtime: Runtime
  /** Platform identity: never taken from the request body. */
  openid: string
  /**
   * The caller's staff record when bound to one, read on the first ask (once): an action open to every user —
   * filing a report, reading one's own — does not pay that read unless it needs to know.
   */
  staffRecord(): Promise<StaffRecord | null>
  now: Date
}

interface StaffActionContext extends ActionContext {
  /** Read before the action ran: staff-only actions are refused without it. */
  staff: StaffRecord
}

/** An action open to anyone (`ANYONE`): no identity is needed, none is looked up, none is passed on. */
interface PublicActionContext {
  runtime: Runtime
  now: Date
}

type Handler<A> = (
  input: ParsedInputOf<A>,
  ctx: A extends { access: { who: 'staff' } }
    ? StaffActionContext
    : A extends { access: { who: 'anyone' } }
      ? PublicActionContext
      : ActionContext,
) => Promise<OutputOf<A>>

export type Handlers<C extends FunctionContract> = { [K in keyof C]: Handler<C[K]> }

/** Timer trigger event, as CloudBase delivers it (and the local scheduler imitates). */
export interface TimerEvent {
  Type: 'Timer'
  TriggerName: string
  Time: string
  /** Set on a run an earlier run started (ports.ts FollowUps): how many runs its chain has had. */
  followUp?: number
}

export type TimerHandler = (event: TimerEvent, runtime: Runtime) => Promise<unknown>

/**
 * The asynchronous result of `security.mediaCheckAsync`, pushed by WeChat to the function configured for
 * message push (消息推送) — not a client call: it carries no OPENID.
 */
export interface MediaCheckEvent {
  Event: 'wxa_media_check'
  trace_id: string
  result?: { suggest?: string; label?: number }
  errcode?: number
}

export type MediaCheckHandler = (event: MediaCheckEvent, runtime: Runtime) => Promise<unknown>

export function isMediaCheckEvent(event: unknown): event is MediaCheckEvent {
  if (typeof event !== 'object' || event === null) return false
  const e = event as { Event?: unknown; trace_id?: unknown }
  return e.Event === 'wxa_media_check' && typeof e.trace_id === 'string'
}

export interface CloudFunction {
  name: string
  actions: readonly string[]
  /** A call from a client (`wx.cloud.callFunction` / POST /api/fn/<name>). */
  handle(event: unknown, caller: Caller, runtime: Runtime): Promise<ApiResult<unknown>>
  /** A timer trigger; absent when the function has none. */
  onTimer?: TimerHandler
  /** mediaCheckAsync results (message push); absent when the function does not receive them. */
  onMediaCheck?: MediaCheckHandler
  /** Requests over HTTP access (a platform's push, Open311: common/http.ts); absent when it serves none. */
  onHttp?: HttpHandler
}

export function isTimerEvent(event: unknown): event is TimerEvent {
  return typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer'
}

/** Turns a zod error into one message for a toast plus per-field messages for the form. */
function validationFailure(error: $ZodError): ApiResult<never> {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_'
    fields[key] ??= issue.message
  }
  const first = error.issues[0]?.message ?? '输入有误'
  return fail('VALIDATION_FAILED', `请检查填写的内容：${first}`, fields)
}

function hasRole(staff: StaffRecord, roles: readonly StaffRole[] | 'any'): boolean {
  return roles === 'any' || staff.roles.some((r) => roles.includes(r))
}

export function toFailure(error: unknown, runtime: Runtime, where: string): ApiResult<never> {
  if (error instanceof AppError) return fail(error.code, error.message, error.fields)
  if (error instanceof VersionConflictError) return fail('CONFLICT', '这条记录刚被其他人更新过，请刷新后重试')
  if (error instanceof DuplicateKeyError) return fail('CONFLICT', '记录已存在，请勿重复提交')
  if (error instanceof DocNotFoundError) return fail('NOT_FOUND', '记录不存在或已被删除')
  if (error instanceof InvalidCursorError) return fail('VALIDATION_FAILED', '分页参数无效，请刷新列表')
  runtime.log.error('unhandled error', {
    where,
    error:
      error instanceof Error
        ? { name: error.name, message: error.message, stack: error.stack }
        : String(error),
  })
  return fail('INTERNAL', '系统繁忙，请稍后重试；如多次失败，请拨打 12369 环保举报热线')
}

export function defineFunction<C extends FunctionContract>(
  name: string,
  contract: C,
  handlers: Handlers<C>,
  options: { onTimer?: TimerHandler; onMediaCheck?: MediaCheckHandler; onHttp?: HttpHandler } = {},
): CloudFunction {
  const actions = Object.keys(contract)

  async function handle(event: unknown, caller: Caller, runtime: Runtime): Promise<ApiResult<unknown>> {
    if (typeof event !== 'object' || event === null || Array.isArray(event)) {
      return fail('BAD_REQUEST', '请求格式错误：请求体必须是 JSON 对象')
    }
    const { action: actionName, payload } = event as { action?: unknown; payload?: unknown }
    if (typeof actionName !== 'string' || actionName === '') {
      return fail('BAD_REQUEST', '请求格式错误：缺少 action')
    }
    if (!Object.prototype.hasOwnProperty.call(contract, actionName)) {
      return fail('UNKNOWN_ACTION', `功能「${name}」没有操作「${actionName}」，请更新小程序后重试`)
    }
    const spec = contract[actionName] as ActionContract
    if (spec.access.who === 'anyone') return handlePublic(actionName, spec, payload, runtime)
    const openid = caller.openid
    if (!openid) return fail('UNAUTHENTICATED', '无法确认您的身份，请在微信中重新打开小程序')

    try {
      let lookup: Promise<StaffRecord | null> | null = null
      const staffRecord = () => (lookup ??= findStaffByOpenid(runtime.db, openid))
      const context: ActionContext = { runtime, openid, staffRecord, now: runtime.clock.now() }
      // Role before validation: someone not allowed to use an action learns nothing about its input. Staff-only
      // actions get the record checked here; the others ask `staffRecord()` if they need it.
      let staffContext: StaffActionContext | null = null
      if (spec.access.who === 'staff') {
        const staff = await staffRecord()
        if (!staff) return fail('FORBIDDEN', '此功能仅限已绑定的工作人员使用')
        if (!hasRole(staff, spec.access.roles)) return fail('FORBIDDEN', '您的岗位没有此操作的权限')
        staffContext = { ...context, staff }
      }
      const parsed = safeParse(spec.input, payload)
      if (!parsed.success) return validationFailure(parsed.error)
      const handler = handlers[actionName] as (input: unknown, ctx: ActionContext) => Promise<unknown>
      const data = await handler(parsed.data, staffContext ?? context)
      return ok(data)
    } catch (error) {
      return toFailure(error, runtime, `${name}.${actionName}`)
    }
  }

  /** What anyone may read: validated like every action; the caller's identity is neither needed nor read. */
  async function handlePublic(
    actionName: string,
    spec: ActionContract,
    payload: unknown,
    runtime: Runtime,
  ): Promise<ApiResult<unknown>> {
    try {
      const parsed = safeParse(spec.input, payload)
      if (!parsed.success) return validationFailure(parsed.error)
      const handler = handlers[actionName] as (input: unknown, ctx: PublicActionContext) => Promise<unknown>
      return ok(await handler(parsed.data, { runtime, now: runtime.clock.now() }))
    } catch (error) {
      return toFailure(error, runtime, `${name}.${actionName}`)
    }
  }

  return {
    name,
    actions,
    handle,
    onTimer: options.onTimer,
    onMediaCheck: options.onMediaCheck,
    onHttp: options.onHttp,
  }
}
