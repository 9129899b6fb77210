// Months and quarters in Shanghai time (shared/months.ts): the one home of month arithmetic that statistics,
// disclosure, oversight and the quarterly analysis count by.
import {
  addMonths,
  firstDayOf,
  isMonth,
  lastDayOf,
  monthLabel,
  monthOf,
  monthRange,
  monthsBetween,
  nextMonth,
  previousMonth,
  previousQuarter,
  quarterLabel,
  quarterMonths,
  quarterOf,
} from '@shared/months'
import { monthSchema, quarterSchema } from '@shared/vocabulary/fields'

test.each([
  ['2026-11', 2, '2027-01'],
  ['2026-01', -1, '2025-12'],
  ['2026-12', 1, '2027-01'],
  ['2026-06', -18, '2024-12'],
  ['2026-06', 0, '2026-06'],
])('%s plus %i months is %s', (month, n, expected) => {
  expect(addMonths(month, n)).toBe(expected)
})

test('next and previous month cross the year', () => {
  expect(nextMonth('2026-12')).toBe('2027-01')
  expect(previousMonth('2027-01')).toBe('2026-12')
  expect(monthOf('2026-11-28')).toBe('2026-11')
})

test.each([
  ['2026-11', '2026-11-30'],
  ['2026-12', '2026-12-31'],
  ['2028-02', '2028-02-29'],
  ['2026-02', '2026-02-28'],
])('%s runs from its 1st to %s', (month, last) => {
  expect(firstDayOf(month)).toBe(`${month}-01`)
  expect(lastDayOf(month)).toBe(last)
})

test('the instants of a month, as stored createdAt strings compare', () => {
  expect(monthRange('2026-12')).toEqual({
    from: '2026-12-01T00:00:00+08:00',
    to: '2027-01-01T00:00:00+08:00',
  })
})

test('the months of a period, both ends included', () => {
  expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02'])
  expect(monthsBetween('2026-11', '2026-11')).toEqual(['2026-11'])
  expect(monthsBetween('2026-12', '2026-11')).toEqual([])
})

test.each([
  ['2026-01', '2026Q1', '2025Q4'],
  ['2026-03', '2026Q1', '2025Q4'],
  ['2026-04', '2026Q2', '2026Q1'],
  ['2026-11', '2026Q4', '2026Q3'],
])('%s is in %s, after %s', (month, quarter, before) => {
  expect(quarterOf(month)).toBe(quarter)
  expect(quarterMonths(quarter)).toContain(month)
  expect(previousQuarter(quarter)).toBe(before)
})

test('months and quarters are named as people write them', () => {
  expect(monthLabel('2026-01')).toBe('2026年1月')
  expect(quarterLabel('2026Q4')).toBe('2026年第四季度')
  expect(quarterMonths('2026Q4')).toEqual(['2026-10', '2026-11', '2026-12'])
})

test.each(['2026-00', '2026-13', '2026-1', '26-11', '2026-11-01', ''])('%p is not a month', (text) => {
  expect(isMonth(text)).toBe(false)
  const parsed = monthSchema('起始月份').safeParse(text)
  expect(parsed.success).toBe(false)
  expect(parsed.error?.issues[0]?.message).toBe('起始月份格式不正确，应为 YYYY-MM，如 2026-11')
})

test('a missing month or quarter asks for one; a quarter is YYYYQn', () => {
  expect(monthSchema().safeParse(undefined).error?.issues[0]?.message).toBe('请选择月份')
  expect(quarterSchema.safeParse(undefined).error?.issues[0]?.message).toBe('请选择季度')
  expect(quarterSchema.safeParse('2026Q5').error?.issues[0]?.message).toBe(
    '季度格式不正确，应为 YYYYQn，如 2026Q3',
  )
  expect(quarterSchema.safeParse('2026Q3').success).toBe(true)
  expect(isMonth('2026-11')).toBe(true)
})
