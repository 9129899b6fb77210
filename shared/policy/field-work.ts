// Work on site as data: what an officer may measure (with its unit), the emission limits of the national
// standards a reading is compared with, when a check-in counts as far from the reported place, how far a phone's
// clock may run ahead, and when a rectification plan's deadline is reminded of. Every value carries its basis:
// the standard or article it comes from, or a documented decision (决定) where none gives a number.
import type { WithBasis } from './intake'

/**
 * What can be measured on site, with its unit. Noise items name the standard and the 声环境功能区 class their
 * limits depend on (GB 3096-2008 第4条 defines classes 0–4); a limit, where a national standard gives one, is the
 * policy's (`limits`), not the item's.
 */
const noiseClasses = <P extends string>(prefix: P, label: string) =>
  Object.fromEntries(
    ([0, 1, 2, 3, 4] as const).map((c) => [
      `${prefix}-${c}`,
      { label: `${label}（${c}类区）`, unit: 'dB(A)' },
    ]),
  ) as Record<`${P}-${0 | 1 | 2 | 3 | 4}`, { label: string; unit: string }>

export const MEASURES = {
  'noise-construction': { label: '建筑施工场界噪声 Leq', unit: 'dB(A)' },
  'noise-construction-max': { label: '建筑施工场界夜间最大声级 Lmax', unit: 'dB(A)' },
  ...noiseClasses('noise-industrial', '工业企业厂界噪声'),
  ...noiseClasses('noise-social', '社会生活噪声'),
  odour: { label: '臭气浓度', unit: '无量纲' },
  ph: { label: 'pH 值', unit: '无量纲' },
  cod: { label: '化学需氧量（COD）', unit: 'mg/L' },
  'ammonia-nitrogen': { label: '氨氮', unit: 'mg/L' },
} as const satisfies Record<string, { label: string; unit: string }>

export type MeasureKey = keyof typeof MEASURES
export const MEASURE_KEYS = Object.keys(MEASURES) as MeasureKey[]

/** An emission limit: by day and by night (null: the standard sets none for that period), and its source. */
export interface MeasureLimit {
  day: number | null
  night: number | null
  /** Standard number, title and table or clause, e.g. `GB 12523-2011《建筑施工场界环境噪声排放标准》表1`. */
  standard: string
}

export type FieldWorkPolicy = WithBasis<{
  /** A check-in (or a stamped photo) farther than this from the reported place is flagged (never refused). */
  farCheckInMetres: number
  /**
   * A phone's clock may run this far ahead of the server's: a time recorded on site (a reading, a follow-up
   * check) later than now by more is refused; a check-in's device time beyond it is flagged.
   */
  deviceClockToleranceMinutes: number
  /** The rectification clock's reminder, this many working days before the plan's deadline. */
  rectificationReminderWorkingDays: number
  /** The limits readings are compared with; items without one are recorded with their unit only. */
  limits: Partial<Record<MeasureKey, MeasureLimit>>
}>
