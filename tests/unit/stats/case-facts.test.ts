// What a rating counts for in the statistics — and so in the published figures, the trends and the quarterly report,
// which read them: rated, and 满意 at SATISFIED_FROM_STARS (4) stars or more, its one definition (shared/stats/tally.ts),
// in the month it was given.
import { caseContributions, type MonthContribution } from '@shared/stats'
import { calendar, actors } from '../workflow/driver'
import { caseIn } from '../workflow/paths'

function rated(stars: number): MonthContribution[] {
  const driver = caseIn('replied')
  driver.apply({ type: 'rate-reply', rating: stars }, actors.reporter, '2026-04-01T10:00:00+08:00')
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
