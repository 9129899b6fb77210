// How an event reads for staff: every field it carries, by the label the catalogue gives it — the findings of a
// site visit, the grounds of a 复查, the reason of a send-back, the days and reason of an extension — so staff
// can read what they are asked to approve. Short answers are lines, long texts and groups are sections.
import { formatShanghai } from '../../time'
import type { Fields, FormSpec } from '../../vocabulary/form'

export interface FieldLine {
  label: string
  value: string
}

export interface DescribeContext {
  unitName: (unitId: string) => string
  /** How another case is named (its reference number where known). */
  caseName?: (caseId: string) => string
}

const COORD_SYSTEMS = { gcj02: 'GCJ-02', wgs84: 'WGS-84' } as const

/** A device position as it reads: `35.29958, 113.27638（GCJ-02，误差约 15 米）`. */
export function positionText(p: {
  lat: number
  lng: number
  coordSystem: keyof typeof COORD_SYSTEMS
  accuracy?: number | null
}): string {
  const accuracy = typeof p.accuracy === 'number' ? `，误差约 ${Math.round(p.accuracy)} 米` : ''
  return `${p.lat.toFixed(5)}, ${p.lng.toFixed(5)}（${COORD_SYSTEMS[p.coordSystem]}${accuracy}）`
}

/** Longer than this, a text is a section of its own rather than a line. */
const LINE_MAX = 60

function valueText(form: FormSpec, value: unknown, ctx: DescribeContext): string | null {
  if (value === null || value === undefined || value === '') return null
  switch (form.kind) {
    case 'text':
    case 'date':
      return String(value)
    case 'lines':
      return (value as string[]).join('；')
    case 'choice':
      return form.options.find((o) => o.value === value)?.label ?? String(value)
    case 'count':
      return `${String(value)} ${form.unit}`
    case 'instant':
      return formatShanghai(String(value))
    case 'yes-no':
      return value ? '是' : '否'
    case 'stars':
      return `${String(value)} 星`
    case 'unit':
      return ctx.unitName(String(value))
    case 'units':
      return (value as string[]).map(ctx.unitName).join('、')
    case 'case':
      return ctx.caseName ? ctx.caseName(String(value)) : String(value)
    case 'staff':
      return (value as { name?: unknown }).name ? String((value as { name: unknown }).name) : null
    case 'files':
      return (value as unknown[]).length > 0 ? `${(value as unknown[]).length} 个` : null
    case 'decimal':
      return form.unit ? `${String(value)} ${form.unit}` : String(value)
    case 'position': {
      const fix = value as Parameters<typeof positionText>[0] & { takenAt: string }
      return `${positionText(fix)}，手机时间 ${formatShanghai(fix.takenAt, 'YYYY-MM-DD HH:mm:ss')}`
    }
    case 'stamped-photos':
      return (value as unknown[]).length > 0
        ? `${(value as unknown[]).length} 张（带拍摄时间、位置水印）`
        : null
    case 'group':
    case 'internal':
      return null
  }
}

/** The fields of an event value as lines and sections (internal fields are not described). */
export function describeFields(
  fields: Fields,
  value: Record<string, unknown>,
  ctx: DescribeContext,
): { lines: FieldLine[]; sections: Array<{ title: string; body: string }> } {
  const lines: FieldLine[] = []
  const sections: Array<{ title: string; body: string }> = []
  for (const [key, field] of Object.entries(fields)) {
    const form = field.form
    if (form.kind === 'group') {
      const inner = describeFields(form.fields, (value[key] ?? {}) as Record<string, unknown>, ctx)
      lines.push(...inner.lines)
      sections.push(...inner.sections)
      continue
    }
    const text = valueText(form, value[key], ctx)
    if (text === null) continue
    if ((form.kind === 'text' && form.multiline && text.length > LINE_MAX) || text.length > 2 * LINE_MAX) {
      sections.push({ title: form.label, body: text })
    } else lines.push({ label: form.label, value: text })
  }
  return { lines, sections }
}
