// A month's statistics as stored (cells: one tally per combination of the dimensions) and read (figures for any
// unit and breakdown). Months add up exactly (tally.ts), so a quarter or a year is the sum of its months.
import { NON_ACCEPTANCE_REASONS, type NonAcceptanceReasonKey } from '../policy/types'
import type { LocalDate } from '../time'
import { monthOf, type MonthContribution } from './case-facts'
import { DIMENSIONS, dimLabel, dimValue, type CaseDims, type Dimension } from './dimensions'
import { addTally, durationOf, emptyTally, fullTally, type Duration, type Tally } from './tally'

export interface StatCell {
  dims: CaseDims
  tally: Tally
}

/** A month's cells by key (the dims' values joined). */
export type Cells = Record<string, StatCell>

const cellKey = (dims: CaseDims): string =>
  [dims.unitId, dims.category, dims.requestType, dims.county ?? '', dims.channel, dims.outcome].join('|')

/**
 * A contribution as stored: its tally sparse. `overdueMonth` is absent from those stored before it existed, which
 * kept their overdue day on a contribution of its own month.
 */
export type StoredContribution = Omit<MonthContribution, 'tally' | 'overdueMonth'> & {
  tally: Partial<Tally>
  overdueMonth?: string | null
}

/** Which of its contributions a month's sum reads: those of the month, then those overdue in it from earlier. */
export type MonthPart = 'month' | 'overdue'

const cellOf = (cells: Cells, dims: CaseDims) =>
  (cells[cellKey(dims)] ??= { dims, tally: emptyTally() }).tally

/**
 * Adds one case's contribution to the cells of `month`: read as one of the month's own (`month`), its tally and
 * its overdue day if that falls in the month; read as one overdue in the month from an earlier month
 * (`overdue`), its overdue day only. The overdue day counts once it has come (`asOf`): a month still running
 * counts the cases overdue so far, a past month all of them.
 */
export function foldContribution(
  cells: Cells,
  c: StoredContribution,
  asOf: LocalDate,
  part: MonthPart = 'month',
): Cells {
  const tally = cellOf(cells, c.dims)
  if (part === 'month') addTally(tally, fullTally(c.tally))
  const day = c.overdueOn
  if (day !== null && (part === 'overdue' || monthOf(day) === c.month) && day <= asOf) tally.overdue += 1
  return cells
}

export interface Figures {
  received: number
  accepted: number
  notAccepted: number
  notAcceptedBy: Array<{ reason: NonAcceptanceReasonKey; label: string; count: number }>
  closed: number
  closedOnTime: number
  /** closedOnTime / closed, 0–1, two decimals; null when nothing closed. */
  onTimeRate: number | null
  overdue: number
  extended: number
  repeat: number
  escalated: number
  supervised: number
  daysToAccept: Duration
  daysToClose: Duration
  review: { requested: number; upheld: number; revised: number }
  reReview: { requested: number; upheld: number; revised: number }
  satisfaction: { rated: number; satisfied: number; rate: number | null; averageStars: number | null }
}

const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 10_000) / 10_000)

function figuresOf(t: Tally): Figures {
  return {
    received: t.received,
    accepted: t.accepted,
    notAccepted: t.notAccepted,
    notAcceptedBy: (Object.keys(NON_ACCEPTANCE_REASONS) as NonAcceptanceReasonKey[])
      .filter((reason) => (t.notAcceptedBy[reason] ?? 0) > 0)
      .map((reason) => ({
        reason,
        label: NON_ACCEPTANCE_REASONS[reason].label,
        count: t.notAcceptedBy[reason]!,
      })),
    closed: t.closed,
    closedOnTime: t.closedOnTime,
    onTimeRate: ratio(t.closedOnTime, t.closed),
    overdue: t.overdue,
    extended: t.extended,
    repeat: t.repeat,
    escalated: t.escalated,
    supervised: t.supervised,
    daysToAccept: durationOf(t.acceptDays),
    daysToClose: durationOf(t.closeDays),
    review: { requested: t.reviewRequested, upheld: t.reviewUpheld, revised: t.reviewRevised },
    reReview: { requested: t.reReviewRequested, upheld: t.reReviewUpheld, revised: t.reReviewRevised },
    satisfaction: {
      rated: t.rated,
      satisfied: t.satisfied,
      rate: ratio(t.satisfied, t.rated),
      averageStars: t.rated === 0 ? null : Math.round((t.starsTotal / t.rated) * 100) / 100,
    },
  }
}

export interface BreakdownRow {
  key: string
  label: string
  figures: Figures
}

export interface Breakdown {
  total: Figures
  /** Null: no breakdown asked for. */
  by: Dimension | null
  byLabel: string | null
  rows: BreakdownRow[]
}

export interface Names {
  unit: (id: string) => string
  county: (code: string) => string
}

/**
 * The figures of the cells held by `units` (all when null), in total and by one dimension. Rows are in the order
 * of their first appearance sorted by key, so a report reads the same every time.
 */
export function breakdown(
  cells: Iterable<StatCell>,
  options: { units: ReadonlySet<string> | null; by: Dimension | null; names: Names },
): Breakdown {
  const total = emptyTally()
  const groups = new Map<string, Tally>()
  for (const cell of cells) {
    if (options.units && !options.units.has(cell.dims.unitId)) continue
    addTally(total, cell.tally)
    if (options.by) {
      const key = dimValue(cell.dims, options.by)
      addTally(groups.get(key) ?? groups.set(key, emptyTally()).get(key)!, cell.tally)
    }
  }
  const by = options.by
  return {
    total: figuresOf(total),
    by,
    byLabel: by ? DIMENSIONS[by] : null,
    rows: by
      ? [...groups.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([key, tally]) => ({
            key,
            label: dimLabel(by, key, options.names),
            figures: figuresOf(tally),
          }))
      : [],
  }
}
