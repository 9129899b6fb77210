// What a rating counts for in the statistics — and so in the published figures, the trends and the quarterly report,
// which read them: rated, and 满意 at SATISFIED_FROM_STARS (4) stars or more, its one definition (shared/stats/tally.ts),
// in the month it was given.
import {
  caseContributions,
  foldContribution,
  sparseTally,
  type Cells,
  type MonthContribution,
} from '@shared/stats'
import { calendar, actors, CaseDriver } from '../workflow/driver'
import { caseIn } from '../workflow/paths'

/** The contributions of the driver's case: a noise complaint of 山阳区 filed in the mini-program. */
function contributionsOf(driver: CaseDriver): MonthContribution[] {
  return caseContributions(
    {
      status: driver.state.status,
      unitId: 'jz-shanyang',
      regionCode: '410811',
      category: 'noise',
      requestType: 'complaint',
      facts: { channel: 'mini-program' },
      history: driver.history,
    },
    { profile: driver.profile, calendar },
  )
}

function rated(stars: number): MonthContribution[] {
  const driver = caseIn('replied')
  driver.apply({ type: 'rate-reply', rating: stars }, actors.reporter, '2026-04-01T10:00:00+08:00')
  return contributionsOf(driver)
}

test.each([
  [1, 0],
  [3, 0],
  [4, 1],
  [5, 1],
])(
  'a reply rated %i stars is rated once and counts %i as 满意, in the month of the rating',
  (stars, satisfied) => {
    const months = rated(stars)
    const april = months.find((m) => m.month === '2026-04')!
    expect(april.tally).toMatchObject({ rated: 1, satisfied, starsTotal: stars })
    // Received and replied in March: the rating alone counts in April.
    expect(months.find((m) => m.month === '2026-03')!.tally).toMatchObject({ received: 1, rated: 0 })
  },
)

// Overdue (S3 第九条: accepted or not within 15 days of receipt) counts in the month of the day after the due date.
// The day is kept on the contribution of the month the case was received in — a report left waiting past a month's
// end has one contribution, not a second holding nothing else — and that month's sum reads it from there.
const leftWaiting = (receivedAt: string) => contributionsOf(new CaseDriver('national', { receivedAt }))

test.each([
  ['received 3-02, due 3-17: overdue in its own month', '2026-03-02T09:00:00+08:00', '2026-03-18', null],
  // The 15th day, 4-04, falls in the 清明 holiday (4-04 to 4-06): the limit ends on the next working day.
  [
    'received 3-20, due 4-07: overdue in the next month',
    '2026-03-20T09:00:00+08:00',
    '2026-04-08',
    '2026-04',
  ],
  [
    'received 12-28, due 1-12: overdue in the next year',
    '2026-12-28T09:00:00+08:00',
    '2027-01-13',
    '2027-01',
  ],
])(
  'a report left unaccepted (S3 第九条), %s: one contribution',
  (_case, receivedAt, overdueOn, overdueMonth) => {
    const months = leftWaiting(receivedAt)
    expect(months).toHaveLength(1)
    expect(months[0]).toMatchObject({ month: receivedAt.slice(0, 7), overdueOn, overdueMonth })
    expect(months[0]!.tally.received).toBe(1)
  },
)

describe('a month sums its own contributions, then those of earlier months overdue in it', () => {
  const [march] = leftWaiting('2026-03-20T09:00:00+08:00')
  const stored = { ...march!, tally: sparseTally(march!.tally) }
  const overdueIn = (cells: Cells) => Object.values(cells).reduce((n, cell) => n + cell.tally.overdue, 0)
  const receivedIn = (cells: Cells) => Object.values(cells).reduce((n, cell) => n + cell.tally.received, 0)

  test('March counts it received, not overdue; April counts it overdue once the day has come', () => {
    const inMarch = foldContribution({}, stored, '2026-05-01', 'month')
    expect([receivedIn(inMarch), overdueIn(inMarch)]).toEqual([1, 0])
    const inApril = foldContribution({}, stored, '2026-05-01', 'overdue')
    expect([receivedIn(inApril), overdueIn(inApril)]).toEqual([0, 1])
    expect(overdueIn(foldContribution({}, stored, '2026-04-04', 'overdue'))).toBe(0)
  })

  test('a contribution stored before `overdueMonth` existed, overdue in its own month, still counts', () => {
    const older = { month: '2026-04', dims: stored.dims, tally: {}, overdueOn: '2026-04-05' }
    expect(overdueIn(foldContribution({}, older, '2026-05-01', 'month'))).toBe(1)
  })
})
