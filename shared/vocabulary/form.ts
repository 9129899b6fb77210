// A field of something a person fills in (a workflow event, later other forms): its label and limits are
// declared once, and from that one declaration come the schema the server validates with (Chinese messages that
// name the field), the form the mini-program draws, and how the value reads afterwards. Nothing re-types a
// label or a limit.
import { isIsoWithOffset } from '../time'
import { coordSystemSchema, dateSchema } from './fields'
import * as z from './zod'

/** How a field is asked on a form. `internal` fields are set by the system or the citizen's own pages. */
export type FormSpec =
  | {
      kind: 'text'
      label: string
      min: number
      max: number
      optional: boolean
      /** A multi-line box (long answers) rather than one line. */
      multiline: boolean
      placeholder?: string
    }
  | { kind: 'lines'; label: string; itemMax: number; maxItems: number; placeholder?: string }
  | { kind: 'choice'; label: string; options: Array<{ value: string; label: string; basis?: string }> }
  | { kind: 'count'; label: string; min: number; max: number; unit: string }
  | { kind: 'date'; label: string; optional?: boolean; placeholder?: string }
  | { kind: 'instant'; label: string }
  | { kind: 'yes-no'; label: string; optional: boolean }
  | { kind: 'stars'; label: string; optional: boolean }
  | { kind: 'unit'; label: string; optional: boolean }
  | { kind: 'units'; label: string; max: number }
  | { kind: 'case'; label: string }
  | { kind: 'staff'; label: string }
  | { kind: 'files'; label: string; max: number }
  | { kind: 'group'; label: string; fields: Readonly<Record<string, Field>> }
  | { kind: 'internal'; label: string }
  /** A decimal reading (`decimals` places at most) with its unit ('' when another field gives it). */
  | { kind: 'decimal'; label: string; min: number; max: number; decimals: number; unit: string }
  /** The device's position, read on the form (never typed): a check-in. */
  | { kind: 'position'; label: string }
  /** Photos taken on the spot, each stamped with the time and place it was taken (drawn on it, and kept). */
  | { kind: 'stamped-photos'; label: string; max: number }

export type FormKind = FormSpec['kind']

export interface Field<S extends z.ZodMiniType = z.ZodMiniType> {
  readonly schema: S
  readonly form: FormSpec
}

export type Fields = Readonly<Record<string, Field>>
type Shape<F extends Fields> = { [K in keyof F]: F[K]['schema'] }
/** The value of a set of fields once validated (defaults applied); no fields, no properties. */
export type FieldsOutput<F extends Fields> = keyof F extends never
  ? Record<never, never>
  : z.output<z.ZodMiniObject<Shape<F>>>
/** The value as a client may send it (defaulted fields optional). */
export type FieldsInput<F extends Fields> = keyof F extends never
  ? Record<never, never>
  : z.input<z.ZodMiniObject<Shape<F>>>

const ID = /^[A-Za-z0-9_-]{1,64}$/

const isoInstant = (label: string) =>
  z
    .string({ error: `缺少${label}` })
    .check(z.refine(isIsoWithOffset, `${label}格式不正确（需要带时区的 ISO 8601 时间）`))

/**
 * A position the device reported, as it reported it: mini-program location APIs give GCJ-02, browsers WGS-84
 * (the coordinate system says which); its accuracy in metres (null: not reported) and the device's own clock
 * when it was read. Never typed by a person.
 */
const deviceFixSchema = (label: string) =>
  z.object(
    {
      lat: z
        .number({ error: `${label}的纬度必须是数字` })
        .check(z.gte(-90, '纬度超出范围'), z.lte(90, '纬度超出范围')),
      lng: z
        .number({ error: `${label}的经度必须是数字` })
        .check(z.gte(-180, '经度超出范围'), z.lte(180, '经度超出范围')),
      coordSystem: coordSystemSchema,
      accuracy: z._default(
        z.nullable(
          z
            .number({ error: '定位精度必须是数字' })
            .check(z.gte(0, '定位精度不正确'), z.lte(100_000, '定位精度不正确')),
        ),
        null,
      ),
      takenAt: isoInstant('定位时间'),
    },
    { error: `请先获取${label}` },
  )

/** A device position as the device reported it (before the WGS-84 copy is added). */
export type DevicePoint = { lat: number; lng: number; coordSystem: 'gcj02' | 'wgs84' }
/** The WGS-84 copy of a device position, computed where it is validated (shared/geo converts; see ask.position). */
export type ToWgs84 = (point: DevicePoint) => { lat: number; lng: number }

/** The device's fix with its WGS-84 copy: stored both ways, as reported and converted. */
const fixWithWgs84 = (label: string, toWgs84: ToWgs84) =>
  z.pipe(
    deviceFixSchema(label),
    z.transform((fix) => ({ ...fix, wgs84: toWgs84(fix) })),
  )

const requiredText = (label: string, max: number, min: number) =>
  z
    .string({ error: `请填写${label}` })
    .check(
      z.trim(),
      z.minLength(min, min > 1 ? `${label}至少 ${min} 个字` : `请填写${label}`),
      z.maxLength(max, `${label}最多 ${max} 个字`),
    )

const id = (label: string) => z.string({ error: `缺少${label}` }).check(z.regex(ID, `${label}格式不正确`))

type Options = Readonly<Record<string, string | { label: string; basis?: string }>>
const optionList = (options: Options) =>
  Object.entries(options).map(([value, o]) =>
    typeof o === 'string'
      ? { value, label: o }
      : { value, label: o.label, ...(o.basis ? { basis: o.basis } : {}) },
  )
const keysOf = <O extends Options>(options: O) =>
  Object.keys(options) as [keyof O & string, ...(keyof O & string)[]]

const field = <S extends z.ZodMiniType>(schema: S, form: FormSpec): Field<S> => ({ schema, form })

/** The builders: one per kind of answer. */
export const ask = {
  /** Text; multi-line when it may be long. */
  text: (
    label: string,
    max: number,
    opts: { min?: number; multiline?: boolean; placeholder?: string } = {},
  ) =>
    field(requiredText(label, max, opts.min ?? 1), {
      kind: 'text',
      label,
      min: opts.min ?? 1,
      max,
      optional: false,
      multiline: opts.multiline ?? max > 200,
      ...(opts.placeholder ? { placeholder: opts.placeholder } : {}),
    }),

  /** Text that may be left empty (stored as ''). */
  optionalText: (label: string, max: number, opts: { multiline?: boolean; placeholder?: string } = {}) =>
    field(z._default(z.string().check(z.trim(), z.maxLength(max, `${label}最多 ${max} 个字`)), ''), {
      kind: 'text',
      label,
      min: 0,
      max,
      optional: true,
      multiline: opts.multiline ?? max > 200,
      ...(opts.placeholder ? { placeholder: opts.placeholder } : {}),
    }),

  /** A list of short items, one per line (e.g. everything to supplement, told at once). */
  lines: (label: string, item: string, itemMax: number, maxItems: number, placeholder?: string) =>
    field(
      z
        .array(requiredText(item, itemMax, 1))
        .check(z.minLength(1, `请填写${label}`), z.maxLength(maxItems, `${label}最多 ${maxItems} 项`)),
      { kind: 'lines', label, itemMax, maxItems, ...(placeholder ? { placeholder } : {}) },
    ),

  /** One of a table's keys; the table gives each option its label (and basis, if it has one). */
  choice: <O extends Options>(label: string, options: O, error = `请选择${label}`) =>
    field(z.enum(keysOf(options), { error }), {
      kind: 'choice',
      label,
      options: optionList(options),
    }),

  /** A whole number with a unit (days, decibels…). */
  count: (label: string, min: number, max: number, unit: string) =>
    field(
      z
        .int({ error: (issue) => (issue.input === undefined ? `请填写${label}` : `${label}必须是整数`) })
        .check(z.gte(min, `${label}至少 ${min} ${unit}`), z.lte(max, `${label}最多 ${max} ${unit}`)),
      { kind: 'count', label, min, max, unit },
    ),

  /** A Shanghai calendar date, `YYYY-MM-DD`. */
  date: (label: string) =>
    field(dateSchema(label), {
      kind: 'date',
      label,
    }),

  /** A Shanghai calendar date that may be left empty (stored as null). */
  optionalDate: (label: string, placeholder?: string) =>
    field(z._default(z.nullable(dateSchema(label)), null), {
      kind: 'date',
      label,
      optional: true,
      ...(placeholder ? { placeholder } : {}),
    }),

  /** A moment with its offset (the form offers now, and takes an earlier time). */
  instant: (label: string) =>
    field(
      z
        .string({ error: `缺少${label}` })
        .check(z.refine(isIsoWithOffset, `${label}格式不正确（需要带时区的 ISO 8601 时间）`)),
      { kind: 'instant', label },
    ),

  yesNo: (label: string) =>
    field(z.boolean({ error: `请说明${label}` }), { kind: 'yes-no', label, optional: false }),

  optionalYesNo: (label: string) =>
    field(z._default(z.nullable(z.boolean()), null), { kind: 'yes-no', label, optional: true }),

  /** 1–5 stars, or none. */
  optionalStars: (label: string) =>
    field(
      z._default(z.nullable(z.int().check(z.gte(1, `${label}为 1–5`), z.lte(5, `${label}为 1–5`))), null),
      {
        kind: 'stars',
        label,
        optional: true,
      },
    ),

  stars: (label: string) =>
    field(z.int({ error: `请选择${label}` }).check(z.gte(1, `${label}为 1–5`), z.lte(5, `${label}为 1–5`)), {
      kind: 'stars',
      label,
      optional: false,
    }),

  /** One unit of the deployment, or none. */
  optionalUnit: (label: string) =>
    field(z._default(z.nullable(id(label)), null), { kind: 'unit', label, optional: true }),

  /** Several units of the deployment, at least one, none twice. */
  units: (label: string, max: number) =>
    field(
      z.array(id(label)).check(
        z.minLength(1, `请选择${label}`),
        z.maxLength(max, `最多 ${max} 个${label}`),
        z.refine((ids) => new Set(ids).size === ids.length, `${label}重复`),
      ),
      { kind: 'units', label, max },
    ),

  /**
   * Another case (a link: the case a report is merged into, …). The cloud function loads every such field
   * through the caller's scope, exactly like the case the event is sent to.
   */
  caseRef: (label: string) => field(id(`${label}编号`), { kind: 'case', label }),

  /**
   * A colleague, as recorded: their staff id and their name at the time, so the record reads the same after they
   * leave. Set by the function that sends the event (a hand-over), which looks the colleague up.
   */
  colleague: (label: string) =>
    field(
      z.object({ id: id(label), name: requiredText(`${label}姓名`, 30, 1) }, { error: `请选择${label}` }),
      { kind: 'staff', label },
    ),

  /** Uploaded files (photos) the entry attaches to its case. */
  files: (label: string, max: number) =>
    field(
      z._default(
        z
          .array(z.string().check(z.maxLength(512, `${label}编号过长`)))
          .check(z.maxLength(max, `${label}最多 ${max} 个`)),
        [],
      ),
      { kind: 'files', label, max },
    ),

  /** Fields asked together and kept as one record (a site-visit record, a reply). */
  group: <F extends Fields>(label: string, fields: F) =>
    field(objectOf(fields), { kind: 'group', label, fields }),

  /** Set by the system or by the citizen's own pages, never on a staff form, never narrated as a field. */
  internal: <S extends z.ZodMiniType>(label: string, schema: S) => field(schema, { kind: 'internal', label }),

  /** A reading with decimals (a noise level, a concentration); `unit` '' when another field names it. */
  decimal: (label: string, min: number, max: number, decimals: number, unit = '') =>
    field(
      z
        .number({
          error: (issue) => (issue.input === undefined ? `请填写${label}` : `${label}必须是数字`),
        })
        .check(
          z.gte(min, `${label}不能小于 ${min}${unit ? ` ${unit}` : ''}`),
          z.lte(max, `${label}不能大于 ${max}${unit ? ` ${unit}` : ''}`),
          z.refine(
            (v) => Math.abs(v * 10 ** decimals - Math.round(v * 10 ** decimals)) < 1e-6,
            `${label}最多保留 ${decimals} 位小数`,
          ),
        ),
      { kind: 'decimal', label, min, max, decimals, unit },
    ),

  /**
   * The device's position, read on the form: stored as reported (GCJ-02 from a mini-program, WGS-84 from a
   * browser) with a WGS-84 copy made by `toWgs84` where it is validated — the server's copy is the one kept.
   */
  position: (label: string, toWgs84: ToWgs84) =>
    field(fixWithWgs84(label, toWgs84), { kind: 'position', label }),

  /**
   * Photos taken on the spot, at least one: each an uploaded file and its stamp — when (the device's clock) and
   * where it was taken (null when the device gave no position), and whether the stamp could be drawn on it.
   */
  stampedPhotos: (label: string, max: number, toWgs84: ToWgs84) =>
    field(
      z
        .array(
          z.object({
            fileId: z.string({ error: `缺少${label}` }).check(z.maxLength(512, `${label}编号过长`)),
            stamp: z.object({
              takenAt: isoInstant('拍摄时间'),
              position: z._default(z.nullable(fixWithWgs84('拍摄位置', toWgs84)), null),
              drawn: z.boolean({ error: '缺少水印信息' }),
            }),
          }),
          { error: `请拍摄${label}` },
        )
        .check(z.minLength(1, `请拍摄${label}`), z.maxLength(max, `${label}最多 ${max} 张`)),
      { kind: 'stamped-photos', label, max },
    ),
}

export function objectOf<F extends Fields>(fields: F) {
  const shape = Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.schema])) as {
    [K in keyof F]: F[K]['schema']
  }
  return z.object(shape)
}

/** Every field, depth first, with its dotted path (`record.findings`). */
export function fieldPaths(fields: Fields, prefix = ''): Array<{ path: string; field: Field }> {
  return Object.entries(fields).flatMap(([key, f]) => {
    const path = prefix ? `${prefix}.${key}` : key
    return f.form.kind === 'group' ? fieldPaths(f.form.fields, path) : [{ path, field: f }]
  })
}

/** The value at a dotted path of an object. */
export function valueAt(value: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined),
      value,
    )
}
