// Following a report to the reply in the browser: staff drive the case through the workflow (harness), the
// citizen sees the news in 我的反映, reads the reply with its sections and deadlines, rates it, asks for a
// review (复查) inside its window — or accepts it and closes the case — and finds the notices in the outbox.
import { handleToReply, REPLY, reportInput, STAFF } from '../support/reports'
import { field, open, screen, startE2E, type E2E } from './browser'
import { addPhotos, PHOTO, phoneAs, waitForUploads } from './citizen'

jest.setTimeout(60_000)

let e2e: E2E
beforeAll(async () => {
  // Monday 2026-11-23, 09:00 in Shanghai (the workflow's dates below follow from it).
  e2e = await startE2E({ now: '2026-11-23T09:00:00+08:00' })
})
afterAll(async () => {
  await e2e?.close()
})

/** Files a report as `openid` and has the staff handle it up to the written reply. */
async function caseWithReply(openid: string): Promise<{ caseId: string; refNo: string }> {
  const filed = await e2e.harness.ok<{ caseId: string; refNo: string }>(
    'cases',
    'submitReport',
    reportInput(),
    openid,
  )
  await handleToReply(e2e.harness, filed.caseId)
  return filed
}

test('read the reply, rate it, ask for a review inside its window; the notices are in the outbox', async () => {
  const openid = 'e2e-reply-reader'
  const { caseId, refNo } = await caseWithReply(openid)
  const { page } = await phoneAs(e2e, openid)
  const s = screen(page)

  // 我的反映: the news is flagged before it is opened.
  await open(page, '/pages/mine/index', refNo)
  const item = s.locator('[data-testid="my-case"]', { hasText: refNo })
  expect(await item.getByTestId('unread').textContent()).toBe('2')
  expect(await item.getByTestId('action-needed').textContent()).toContain('请评价答复')
  await item.tap()

  await s.getByTestId('reply').waitFor()
  const reply = (await s.getByTestId('reply').textContent())!
  for (const title of ['反映事项', '调查核实情况', '处理意见', '救济渠道']) expect(reply).toContain(title)
  expect(reply).toContain(REPLY.handlingOpinion)
  const timeline = (await s.getByTestId('timeline').textContent())!
  for (const step of ['已登记', '已受理', '已交办', '已现场核查', '已答复']) expect(timeline).toContain(step)
  expect(await s.getByTestId('status').textContent()).toContain('已答复')
  // 复查 within 30 days of the written reply (sent 11-24 → 12-24), with its legal basis.
  expect(await s.getByTestId('review-window').textContent()).toBe('可在 2026-12-24 前申请复查')
  await s.getByTestId('clocks').waitFor()

  // Rate without accepting: 2 stars and a comment; the case stays open for the review.
  await s.getByTestId('star-2').tap()
  await field(page, 'rate-comment').fill('噪声仍未停止')
  await s.getByTestId('submit-rating').tap()
  await s.getByTestId('rating').waitFor()
  expect(await s.getByTestId('rating').textContent()).toContain('噪声仍未停止')
  expect(await s.getByTestId('rate-form').count()).toBe(0)

  await field(page, 'review-grounds').fill('工地仍在夜间施工，噪声没有减少')
  await s.getByTestId('request-review').tap()
  await s.getByText('复查中').first().waitFor()
  expect(await s.getByTestId('timeline').textContent()).toContain('已申请复查')
  expect(await s.getByTestId('review-form').count()).toBe(0)
  // Opening the case marked its news read (markRead went out when the detail arrived, long before).
  expect((await e2e.harness.ok<{ unread: number }>('cases', 'getMine', { caseId }, openid)).unread).toBe(0)

  // Local mode: the subscribe messages WeChat would have pushed.
  await open(page, '/pages/outbox/index', '已答复，请查看并评价')
  const messages = await s.getByTestId('outbox-item').allTextContents()
  expect(messages.some((m) => m.includes('已受理') && m.includes(refNo))).toBe(true)
  await s.getByTestId('outbox-item').filter({ hasText: '已答复，请查看并评价' }).tap()
  await s.getByTestId('reply').waitFor()
  expect(await s.getByTestId('ref-no').textContent()).toContain(refNo)
})

test('满意，结束办理: a satisfied reporter closes the case with the rating', async () => {
  const openid = 'e2e-satisfied'
  const { caseId } = await caseWithReply(openid)
  const { page } = await phoneAs(e2e, openid)
  const s = screen(page)
  await open(page, `/pages/case/index?id=${caseId}`, '答复意见')

  // A rating is required first.
  await s.getByTestId('accept-reply').tap()
  await s.getByText('请先点星星选择评分').waitFor()

  await s.getByTestId('star-5').tap()
  await s.getByTestId('accept-reply').tap()
  await s.getByText('您已确认答复，办理结束').waitFor()
  expect(await s.getByTestId('status').textContent()).toContain('已办结')
  expect(await s.getByTestId('review-form').count()).toBe(0)
  const detail = await e2e.harness.ok<{ status: string; rating: { stars: number } }>(
    'cases',
    'getMine',
    { caseId },
    openid,
  )
  expect(detail).toMatchObject({ status: 'closed', rating: { stars: 5 } })
})

test('一次性告知: the missing items are listed; the reporter supplies text and a photo', async () => {
  const openid = 'e2e-supplement'
  const { caseId } = await e2e.harness.ok<{ caseId: string }>('cases', 'submitReport', reportInput(), openid)
  await e2e.harness.act(STAFF.supervisor, caseId, {
    type: 'request-supplement',
    missingItems: ['施工现场的具体位置（门牌或地标）', '噪声出现的时间段'],
  })
  const { page } = await phoneAs(e2e, openid)
  const s = screen(page)
  await open(page, `/pages/case/index?id=${caseId}`, '请补充材料')
  const form = s.getByTestId('supply-form')
  expect(await form.textContent()).toContain('施工现场的具体位置（门牌或地标）')
  expect(await form.textContent()).toContain('噪声出现的时间段')

  await field(page, 'supply-text').fill('位置在塔南路 88 号工地北门；每晚 23 点到凌晨 2 点。')
  await addPhotos(page, [PHOTO])
  await waitForUploads(page, 1)
  await s.getByTestId('submit-supply').tap()
  await s.getByTestId('supply-form').waitFor({ state: 'detached' })
  expect(await s.getByTestId('timeline').textContent()).toContain('已补充材料')
  const detail = await e2e.harness.ok<{ status: string; actions: { supply: unknown } }>(
    'cases',
    'getMine',
    { caseId },
    openid,
  )
  expect(detail.actions.supply).toBeNull()
})
