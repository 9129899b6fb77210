// Tallies add up exactly (a quarter is the sum of its months): the working days to accept and to close are
// histograms, so averages and the 90th percentile of a sum are those of all its cases, not of the parts.
import {
  addTally,
  durationOf,
  emptyTally,
  fullTally,
  sparseTally,
  outcomeOf,
  monthlyReportDueOn,
} from '@shared/stats'

const days = (...values: number[]) => {
  const t = emptyTally()
  for (const v of values) t.closeDays[String(v)] = (t.closeDays[String(v)] ?? 0) + 1
  t.closed = values.length
  return t
}

test.each([
  [[5], { count: 1, average: 5, p90: 5 }],
  [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { count: 10, average: 5.5, p90: 9 }],
  [[0, 0, 0, 0, 0, 0, 0, 0, 0, 20], { count: 10, average: 2, p90: 0 }],
  [[3, 1, 2], { count: 3, average: 2, p90: 3 }],
  [[], { count: 0, average: null, p90: null }],
])('durations of %j: mean and nearest-rank 90th percentile %j', (values, expected) => {
  expect(durationOf(days(...values).closeDays)).toEqual(expected)
})

test('the sum of two months has the percentile of all their cases, not an average of percentiles', () => {
  const october = days(1, 1, 1, 1, 1)
  const november = days(10, 10, 10, 10, 10)
  const both = addTally(addTally(emptyTally(), october), november)
  expect(both.closed).toBe(10)
  expect(durationOf(both.closeDays)).toEqual({ count: 10, average: 5.5, p90: 10 })
})

test('a stored tally is sparse and reads back whole', () => {
  const t = emptyTally()
  t.received = 1
  t.notAcceptedBy['outside-remit'] = 1
  expect(sparseTally(t)).toEqual({ received: 1, notAcceptedBy: { 'outside-remit': 1 } })
  expect(fullTally(sparseTally(t))).toEqual(t)
})

test.each([
  ['registered', 'open'],
  ['investigating', 'open'],
  ['replied', 'replied'],
  ['review-decided', 'replied'],
  ['closed', 'closed'],
  ['archived', 'closed'],
  ['not-accepted', 'not-accepted'],
  ['merged', 'merged'],
  ['transferred-out', 'transferred-out'],
] as const)('a case %s counts under outcome %s', (status, outcome) => {
  expect(outcomeOf(status)).toBe(outcome)
})

test('the report is due by the 10th of the next month (S0 第十八条)', () => {
  expect(monthlyReportDueOn('2026-12')).toBe('2027-01-10')
})
