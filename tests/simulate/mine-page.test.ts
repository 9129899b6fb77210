// 我的反映 from the real weapp build: status, next due date, unread badge and what is asked of the citizen;
// more cases load a page at a time (cursor from the previous page).
import { loadWeappBuild, waitUntil } from './harness'

jest.setTimeout(60_000)

function summary(n: number, overrides: Record<string, unknown> = {}) {
  return {
    caseId: `c${n}`,
    refNo: `JZ-20261123-000${n}`,
    requestType: 'complaint',
    category: 'noise',
    status: 'accepted',
    statusLabel: '已受理',
    statusOpen: true,
    createdAt: '2026-11-23T09:00:00+08:00',
    address: `焦作市山阳区塔南路 ${n} 号`,
    unitName: '山阳区分局',
    relation: 'reporter',
    nextDue: { date: '2026-12-07', label: '办结答复' },
    unread: 0,
    actionNeeded: null,
    ...overrides,
  }
}

test('lists the cases with their status, due date and news; loads the next page on request', async () => {
  const app = loadWeappBuild()
  const cursors: unknown[] = []
  app.respond({
    'cases.listMine': (payload) => {
      const cursor = (payload as { cursor?: string | null }).cursor ?? null
      cursors.push(cursor)
      return cursor === 'page-2'
        ? {
            ok: true,
            data: { items: [summary(3, { relation: 'follower', statusLabel: '已答复' })], next: null },
          }
        : {
            ok: true,
            data: {
              items: [
                summary(1, { unread: 2, actionNeeded: '请评价答复', statusLabel: '已答复' }),
                summary(2),
              ],
              next: 'page-2',
            },
          }
    },
  })
  const page = await app.renderPage('pages/mine/index')
  await waitUntil(() => page.text().includes('JZ-20261123-0001'), 'the first page')
  const text = page.text()
  expect(text).toContain('请评价答复')
  expect(text).toContain('办结答复：2026-12-07 前')
  expect(page.root.querySelector('[class*="badge"]')?.textContent).toBe('2')

  await page.tap('加载更多')
  await waitUntil(() => page.text().includes('JZ-20261123-0003'), 'the second page')
  expect(cursors).toEqual([null, 'page-2'])
  expect(page.text()).toContain('关注')
  expect(page.text()).toContain('没有更多了')
})
