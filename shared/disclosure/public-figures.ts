// The monthly figures as the public reads them (每月向社会公开, S1 第十三条; 受理、办理工作总体情况, S3 第十七条):
// per county and per pollution category, with the two rates people ask about. Counts of a whole county and month
// only — nothing of a case, nothing of a reporter (S4 四(六) 严禁公开信访人信息).
import {
  byCategory,
  byCounty,
  onTimeRate,
  satisfactionRate,
  totalsOf,
  type FigureCounts,
  type MonthlyFigures,
} from '../analysis/figures'
import { categoryLabel, type CategoryKey } from '../vocabulary/categories'
import { monthLabel, type Month } from '../months'

interface Rates {
  /** 按期办结率, percent; null when nothing was closed. */
  onTimeRate: number | null
  /** 满意率, percent; null when no reply was rated. */
  satisfactionRate: number | null
}

export type PublicCounts = FigureCounts & Rates

export interface PublicMonthlyFigures {
  month: Month
  label: string
  publishedAt: string
  totals: PublicCounts
  byCounty: Array<{ regionCode: string | null; name: string } & PublicCounts>
  byCategory: Array<{ category: CategoryKey; label: string } & PublicCounts>
  /** One line on how the figures were counted. */
  note: string
}

const withRates = <T extends FigureCounts>(c: T): T & Rates => ({
  ...c,
  onTimeRate: onTimeRate(c),
  satisfactionRate: satisfactionRate(c),
})

const NOTES = {
  'monthly-report':
    '取自当月统计报表，各项按当月发生的情况统计（当月办结的含此前收到的反映）；办结指已书面答复，按期指在办理时限内答复。',
} as const

/** What is published of a month (the disclosure document, stored once and served as it is). */
export function toPublicFigures(
  figures: MonthlyFigures,
  countyName: (code: string | null) => string,
  publishedAt: string,
): PublicMonthlyFigures {
  return {
    month: figures.month,
    label: monthLabel(figures.month),
    publishedAt,
    totals: withRates(totalsOf(figures.rows)),
    byCounty: byCounty(figures.rows).map((c) => withRates({ ...c, name: countyName(c.regionCode) })),
    byCategory: byCategory(figures.rows).map((c) => withRates({ ...c, label: categoryLabel(c.category) })),
    note: NOTES[figures.source],
  }
}
