// eachAtMost (cloudfunctions/common/at-most.ts): work on many items with a bounded number under way at once.
import { eachAtMost } from '../../cloudfunctions/common/at-most'

const tick = () => new Promise((resolve) => setTimeout(resolve, 1))

test('never more than the limit under way, every item done, each started as soon as one ends', async () => {
  let running = 0
  let most = 0
  const started: number[] = []
  await eachAtMost([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
    started.push(n)
    running++
    most = Math.max(most, running)
    await tick()
    running--
  })
  expect(most).toBe(3)
  expect(started).toEqual([1, 2, 3, 4, 5, 6, 7])
})

test('a failure stops nothing else and is reported at the end', async () => {
  const done: number[] = []
  await expect(
    eachAtMost([1, 2, 3, 4], 2, async (n) => {
      await tick()
      if (n === 1) throw new Error('first failed')
      done.push(n)
    }),
  ).rejects.toThrow('first failed')
  expect(done.sort()).toEqual([2, 3, 4])
})

test('no items: nothing runs; a limit below one is refused', async () => {
  const work = jest.fn(async () => undefined)
  await eachAtMost([], 4, work)
  expect(work).not.toHaveBeenCalled()
  await expect(eachAtMost([1], 0, work)).rejects.toThrow(RangeError)
})
