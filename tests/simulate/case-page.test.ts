// The case detail page from the real weapp build: the reply with its sections, the deadlines and the review
// window; opening it marks it read; rating and asking for a review call the `cases` function, and the
// subscribe-message consent is asked for (from the tap) before the review request goes out.
import { loadWeappBuild, waitUntil, type SimulatedApp } from './harness'

jest.setTimeout(60_000)

const wx = () => (globalThis as unknown as { wx: Record<string, unknown> }).wx

/** What happened, in order: cloud calls and subscribe requests. */
const events: string[] = []
const subscribeRequests: string[][] = []

let app: SimulatedApp
beforeAll(() => {
  app = loadWeappBuild((w) => {
    w.requestSubscribeMessage = (opts: { tmplIds: string[]; success?: (r: object) => void }) => {
      events.push('subscribe')
      subscribeRequests.push(opts.tmplIds)
      const r = Object.fromEntries(opts.tmplIds.map((id) => [id, 'accept']))
      opts.success?.(r)
      return Promise.resolve(r)
    }
  })
  const callFunction = (wx().cloud as { callFunction: (o: { data: { action: string } }) => unknown })
    .callFunction
  ;(wx().cloud as Record<string, unknown>).callFunction = (opts: { data: { action: string } }) => {
    events.push(opts.data.action)
    return callFunction(opts)
  }
  // Subscribe-message template ids come from the deployment (cases.clientConfig).
  app.respond({
    'cases.clientConfig': () => ({
      ok: true,
      data: {
        deploymentName: '焦作',
        profileId: 'jiaozuo-12345',
        subscribeTemplates: { 'case-reply': 'tmpl-reply', 'case-progress': 'tmpl-progress' },
        localMode: false,
      },
    }),
  })
})

const REPLY_SECTIONS = [
  { title: '反映事项', body: '反映塔南路工地夜间施工噪声扰民。' },
  { title: '调查核实情况', body: '11 月 24 日 23 时到现场核查，工地正在夜间打桩。' },
  { title: '处理意见', body: '已责令立即停止夜间施工，并依法立案查处。' },
  { title: '救济渠道', body: '如对答复不满意，可在收到答复之日起 30 日内申请复查。' },
]

function detail(overrides: Record<string, unknown> = {}) {
  return {
    caseId: 'c1',
    refNo: 'JZ-20261123-0001',
    requestType: 'complaint',
    category: 'noise',
    status: 'replied',
    statusLabel: '已答复',
    statusOpen: true,
    createdAt: '2026-11-23T09:00:00+08:00',
    address: '焦作市山阳区人民路与塔南路交叉口',
    unitName: '山阳区分局',
    relation: 'reporter',
    nextDue: null,
    unread: 2,
    actionNeeded: '请评价答复',
    description: '每晚十一点以后工地还在打桩，噪声很大。',
    photos: [],
    location: {
      lat: 35.29958,
      lng: 113.27638,
      coordSystem: 'gcj02',
      address: '焦作市山阳区人民路与塔南路交叉口',
    },
    occurredAt: null,
    reportedEntity: null,
    reporterMode: 'real-name',
    timeline: [
      { at: '2026-11-23T09:00:00+08:00', kind: 'register', label: '已登记' },
      {
        at: '2026-11-23T09:00:00+08:00',
        kind: 'accept',
        label: '已受理',
        detail: '您的反映已受理，正在安排办理。',
      },
      { at: '2026-11-24T11:00:00+08:00', kind: 'send-reply', label: '已答复', sections: REPLY_SECTIONS },
    ],
    clocks: [
      {
        clock: 'review-window',
        label: '申请复查期限',
        due: '2026-12-24',
        basis: '条例 第三十五条',
        state: 'running',
        overdue: false,
        provisional: false,
      },
    ],
    actions: {
      supply: null,
      rate: true,
      review: { until: '2026-12-24', basis: '条例 第三十五条' },
      reReview: null,
      follow: false,
      unfollow: false,
    },
    rating: null,
    followers: 1,
    contentNotice: null,
    ...overrides,
  }
}

test('shows the reply, the deadlines and the review window; opening it marks it read', async () => {
  app.respond({
    'cases.getMine': () => ({ ok: true, data: detail() }),
    'cases.markRead': () => ({ ok: true, data: { unread: 0 } }),
  })
  const page = await app.renderPage('pages/case/index', { id: 'c1' })
  await waitUntil(() => page.text().includes('答复意见'), 'the case')
  const text = page.text()
  for (const s of REPLY_SECTIONS) {
    expect(text).toContain(s.title)
    expect(text).toContain(s.body)
  }
  expect(text).toContain('可在 2026-12-24 前申请复查')
  // Citizens read the document's name, not the seed label (条例 第三十五条).
  expect(text).toContain('依据：《信访工作条例》第三十五条')
  expect(text).not.toContain('条例 第')
  expect(text).toContain('申请复查期限')
  expect(text).toContain('满意，结束办理')
  await waitUntil(() => events.includes('markRead'), 'markRead')
  expect(app.cloudCalls.find((c) => c.data.action === 'markRead')?.data.payload).toEqual({ caseId: 'c1' })
})

test('rating the reply sends the stars and comment; 申请复查 asks for notices first, then requests the review', async () => {
  let rated: unknown = null
  let reviewed: unknown = null
  app.respond({
    'cases.getMine': () => ({ ok: true, data: detail() }),
    'cases.rateReply': (payload) => {
      rated = payload
      return {
        ok: true,
        data: detail({
          actionNeeded: null,
          rating: { stars: 2, comment: '噪声仍未停止', at: '2026-11-25T10:00:00+08:00' },
          actions: { ...detail().actions, rate: false },
        }),
      }
    },
    'cases.requestReview': (payload) => {
      reviewed = payload
      return {
        ok: true,
        data: detail({
          status: 'under-review',
          statusLabel: '复查中',
          actionNeeded: null,
          rating: { stars: 2, comment: '噪声仍未停止', at: '2026-11-25T10:00:00+08:00' },
          actions: { ...detail().actions, rate: false, review: null },
        }),
      }
    },
  })
  const page = await app.renderPage('pages/case/index', { id: 'c1' })
  await waitUntil(() => page.text().includes('评价答复'), 'the rating form')

  // (miniprogram-simulate prefixes class names with the component's name)
  await page.tapSelector('[class*="star-rating__star"]', 1)
  expect(page.text()).toContain('不满意')
  // Textareas in page order: the rating comment, then the review grounds.
  await page.input('wx-textarea', 0, '噪声仍未停止')
  await page.tap('提交评价')
  await waitUntil(() => rated !== null, 'rateReply')
  expect(rated).toEqual({ caseId: 'c1', stars: 2, comment: '噪声仍未停止', accept: false })
  await waitUntil(() => page.text().includes('您的评价'), 'the rating')

  await page.input('wx-textarea', 0, '工地仍在夜间施工')
  events.length = 0
  await page.tap('申请复查')
  await waitUntil(() => reviewed !== null, 'requestReview')
  expect(reviewed).toEqual({ caseId: 'c1', grounds: '工地仍在夜间施工' })
  expect(events.slice(0, 2)).toEqual(['subscribe', 'requestReview'])
  expect(subscribeRequests.at(-1)).toEqual(['tmpl-reply', 'tmpl-progress'])
  await waitUntil(() => page.text().includes('复查中'), 'the new status')
})

test('content held for a person’s review: the reporter is told on the case', async () => {
  const notice = '您提交的评价留言需经人工审核（已收到，不影响办理），审核通过前仅办理人员可见。'
  app.respond({
    'cases.getMine': () => ({
      ok: true,
      data: detail({
        actionNeeded: null,
        rating: { stars: 2, comment: '处理得不好', at: '2026-11-25T10:00:00+08:00' },
        contentNotice: notice,
      }),
    }),
    'cases.markRead': () => ({ ok: true, data: { unread: 0 } }),
  })
  const page = await app.renderPage('pages/case/index', { id: 'c1' })
  await waitUntil(() => page.text().includes('答复意见'), 'the case')
  expect(page.text()).toContain(notice)
})

test('a 复查 refused for its grounds says why once, next to the form', async () => {
  app.respond({
    'cases.getMine': () => ({ ok: true, data: detail({ actions: { ...detail().actions, rate: false } }) }),
    // What the cases function answers to grounds that are too short (router validationFailure).
    'cases.requestReview': () => ({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        message: '请检查填写的内容：请写明理由（至少 4 个字）',
        fields: { grounds: '请写明理由（至少 4 个字）' },
      },
    }),
  })
  const page = await app.renderPage('pages/case/index', { id: 'c1' })
  await waitUntil(() => page.text().includes('申请复查'), 'the review form')
  await page.input('wx-textarea', 0, '不行')
  await page.tap('申请复查')
  await waitUntil(() => page.text().includes('至少 4 个字'), 'the error')
  expect(page.text().split('请写明理由（至少 4 个字）')).toHaveLength(2)
  expect(page.text()).not.toContain('请检查填写的内容')
})
