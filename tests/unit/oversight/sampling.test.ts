// 抽查 samples are reproducible (S3 第十四条): the seed is the unit and the period, the candidates are taken in id
// order, so the same population gives the same sample whatever order it was read in; another unit or period draws
// differently. The size: 5% of the closed cases, at least 3, at most 20.
import {
  drawSample,
  receptionCounts,
  sampleSeed,
  sampleSize,
  seededRandom,
  oversightFieldsOf,
} from '@shared/oversight'
import { caseIn } from '../workflow/paths'

const population = Array.from({ length: 200 }, (_, i) => `case-${String(i).padStart(3, '0')}`)

test('the same unit and period draw the same cases, in any order the candidates come in', () => {
  const seed = sampleSeed('jz-shanyang', '2026-11')
  const once = drawSample(population, seed)
  expect(once).toHaveLength(10)
  expect(drawSample([...population].reverse(), seed)).toEqual(once)
  expect(new Set(once).size).toBe(10)
  expect(once.every((id) => population.includes(id))).toBe(true)
})

test('another unit or another period draws other cases', () => {
  const base = drawSample(population, sampleSeed('jz-shanyang', '2026-11'))
  expect(drawSample(population, sampleSeed('jz-wenxian', '2026-11'))).not.toEqual(base)
  expect(drawSample(population, sampleSeed('jz-shanyang', '2026-12'))).not.toEqual(base)
})

test('the generator is uniform enough: every candidate is drawn sometimes over many seeds', () => {
  const hits = new Map<string, number>()
  for (let month = 0; month < 400; month++) {
    for (const id of drawSample(population.slice(0, 20), `u|${month}`, 3))
      hits.set(id, (hits.get(id) ?? 0) + 1)
  }
  expect(hits.size).toBe(20)
  const random = seededRandom('x')
  for (let i = 0; i < 1000; i++) {
    const r = random()
    expect(r >= 0 && r < 1).toBe(true)
  }
})

test.each([
  [0, 0],
  [2, 2],
  [3, 3],
  [40, 3],
  [100, 5],
  [1000, 20],
])('S3 第十四条: %i closed cases → a sample of %i', (closed, size) => {
  expect(sampleSize(closed)).toBe(size)
})

test('S2 第七条: each leader counted for the month, a leader with none below a minimum of one', () => {
  const counts = receptionCounts(
    [
      { staffId: 'a', name: '甲' },
      { staffId: 'b', name: '乙' },
    ],
    [
      { leaderStaffId: 'a', date: '2026-11-03' },
      { leaderStaffId: 'a', date: '2026-12-01' },
      { leaderStaffId: 'b', date: '2026-10-31' },
    ],
    '2026-11',
    1,
  )
  expect(counts).toEqual([
    { leaderStaffId: 'a', leaderName: '甲', count: 1, belowMinimum: false },
    { leaderStaffId: 'b', leaderName: '乙', count: 0, belowMinimum: true },
  ])
  expect(receptionCounts([{ staffId: 'a', name: '甲' }], [], '2026-11', null)[0]!.belowMinimum).toBeNull()
})

test('desk fields: the earliest running duty due, and none once the case has ended', () => {
  const open = caseIn('investigating')
  const fields = oversightFieldsOf(open.state, open.clocks())
  const running = open.clocks().filter((c) => c.state === 'running' && c.nature === 'duty')
  expect(fields.dutyDue).toBe(running.map((c) => c.due).sort()[0])
  expect(fields).toMatchObject({ supervision: null, leaderStaffId: null, closedOn: null })
  const closed = caseIn('closed')
  const after = oversightFieldsOf(closed.state, closed.clocks())
  expect(after.dutyDue).toBeNull()
  expect(after.closedOn).not.toBeNull()
})
