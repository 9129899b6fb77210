// The staff case page from the real weapp build (the `staff` subpackage): every entry of the history with who
// acted; 拟写答复 after a send-back starts from the reply sent back; what is typed is kept in the phone's storage;
// the server's message for a field of the event (`event.reply.matter`) shows at that field; once the event is
// accepted the draft goes.
import { loadWeappBuild, waitUntil, type SimulatedApp, useMemoryStorage } from './harness'

jest.setTimeout(60_000)

const DRAFTS_KEY = 'gw.staffDrafts'
const stored: Record<string, unknown> = {}

let app: SimulatedApp
beforeAll(() => {
  app = loadWeappBuild((wx) => useMemoryStorage(wx, stored))
})

const REPLY = {
  matter: '反映塔南路工地夜间施工噪声扰民。',
  entityFacts: '被反映对象为某建设工程项目部。',
  investigation: '11 月 24 日 23 时到现场核查，工地正在夜间打桩。',
  violations: '未经批准夜间施工。',
  handlingOpinion: '已责令立即停止夜间施工。',
  communication: '已电话告知反映人。',
  remedies: '如对答复不满意，可在收到答复之日起 30 日内申请复查。',
}
const LABELS: Record<keyof typeof REPLY, string> = {
  matter: '反映事项',
  entityFacts: '被反映对象基本情况',
  investigation: '调查核实情况',
  violations: '发现的环境违法问题',
  handlingOpinion: '处理意见',
  communication: '与反映人沟通情况',
  remedies: '救济渠道',
}

function detail(overrides: Record<string, unknown> = {}) {
  return {
    caseId: 'c1',
    refNo: 'JZ-20261123-0001',
    requestType: 'complaint',
    category: 'noise',
    status: 'investigating',
    statusLabel: '调查处理中',
    createdAt: '2026-11-23T09:00:00+08:00',
    address: '焦作市山阳区人民路与塔南路交叉口',
    descriptionExcerpt: '每晚十一点以后工地还在打桩。',
    photoCount: 0,
    unitId: 'jz-shanyang',
    unitName: '山阳区分局',
    reporter: { mode: 'real-name', name: '张*', phone: '138****8000' },
    important: false,
    urgent: false,
    escalated: false,
    supervised: false,
    leaderCase: false,
    contentHeld: false,
    nextDue: null,
    followers: 1,
    version: 7,
    description: '每晚十一点以后工地还在打桩，噪声很大。',
    photos: [],
    heldContent: [],
    location: {
      lat: 35.29958,
      lng: 113.27638,
      coordSystem: 'gcj02',
      address: '焦作市山阳区人民路与塔南路交叉口',
    },
    occurredAt: null,
    reportedEntity: null,
    routing: { outcome: 'assigned', cite: 'S0 第三条', guidance: null, department: null },
    findings: [],
    timeline: [
      {
        at: '2026-11-24T10:00:00+08:00',
        kind: 'draft-reply',
        label: '拟写答复',
        tone: 'step',
        lines: Object.entries(REPLY).map(([k, v]) => ({ label: LABELS[k as keyof typeof REPLY], value: v })),
        actor: { name: '王磊', post: '承办人员' },
      },
      {
        at: '2026-11-24T11:00:00+08:00',
        kind: 'send-back-reply',
        label: '退回答复',
        tone: 'warn',
        lines: [{ label: '退回理由', value: '请写明整改期限' }],
        actor: { name: '李娜', post: '科室负责人' },
      },
    ],
    clocks: [
      {
        clock: 'handling',
        label: '办结答复',
        due: '2026-12-07',
        basis: 'S0 第七条(四)',
        state: 'running',
        overdue: false,
        provisional: false,
      },
    ],
    replyRemedies: '（本案的救济渠道）',
    allowedEvents: [{ type: 'draft-reply', label: '拟写答复' }],
    mergedInto: null,
    dueBadge: null,
    officerName: '王磊',
    waitsFor: '待承办人调查处理',
    responseTime: null,
    assignment: null,
    replyDraft: null,
    replyChain: [],
    pendingExtension: null,
    ...overrides,
  }
}

const draftsStored = () =>
  (stored[DRAFTS_KEY] as { drafts: Record<string, { values: Record<string, unknown> }> })?.drafts

test('a sent-back reply is redrafted from the one sent back; typed text is kept; field errors land on the field', async () => {
  const acts: Array<{ expectedVersion: number; event: { type: string; reply: Record<string, string> } }> = []
  let answerAct: (payload: unknown) => unknown = () => ({
    ok: false,
    error: {
      code: 'VALIDATION_FAILED',
      message: '请检查填写的内容：反映事项最多 2000 个字',
      fields: { 'event.reply.matter': '反映事项最多 2000 个字' },
    },
  })
  app.respond({
    'staff.getCase': () => ({ ok: true, data: detail() }),
    'staff.units': () => ({ ok: true, data: [] }),
    'staff.act': (payload) => {
      acts.push(payload as (typeof acts)[number])
      return answerAct(payload)
    },
  })
  const page = await app.renderPage('staff/case/index', { id: 'c1' })
  await waitUntil(() => page.text().includes('办理记录'), 'the case')
  const text = page.text()
  expect(text).toContain('退回理由：请写明整改期限')
  expect(text).toContain('李娜（科室负责人）')
  expect(text).toContain('王磊（承办人员）')
  // Staff read the seed label with the document's name.
  expect(text).toMatch(/依据：S0《[^》]+》第七条（四）/)

  // The step's chip (its name is also the timeline's first entry).
  await page.tapSelector('[class*="chip-picker"] > *', 0)
  await waitUntil(() => page.text().includes('被退回的内容'), 'the prefilled form')
  expect(page.text()).toContain('请写明整改期限')

  // Textareas in page order: the reply's fields, as the catalogue lists them; 处理意见 is the fifth.
  await page.input('wx-textarea', 4, '已责令立即停止夜间施工，限 11 月 30 日前整改。')
  await waitUntil(() => Boolean(draftsStored()?.['c1/draft-reply']), 'the draft in storage')
  expect(draftsStored()!['c1/draft-reply']!.values).toMatchObject({
    'reply.matter': REPLY.matter,
    'reply.handlingOpinion': '已责令立即停止夜间施工，限 11 月 30 日前整改。',
  })

  await page.tap('确认拟写答复')
  await waitUntil(() => acts.length === 1, 'the act call')
  expect(acts[0]).toMatchObject({
    caseId: 'c1',
    expectedVersion: 7,
    event: {
      type: 'draft-reply',
      reply: { ...REPLY, handlingOpinion: '已责令立即停止夜间施工，限 11 月 30 日前整改。' },
    },
  })
  await waitUntil(() => page.text().includes('反映事项最多 2000 个字'), 'the field message')
  // At the field (反映事项, the first), and the form says where to look.
  const messages = Array.from(page.root.querySelectorAll('[class*="error-text"]')).map((e) => e.textContent)
  expect(messages).toEqual(['反映事项最多 2000 个字', '还有内容不符合要求，请按红字提示修改'])
  expect(draftsStored()?.['c1/draft-reply']).toBeDefined()

  answerAct = () => ({
    ok: true,
    data: detail({ status: 'pending-head-approval', allowedEvents: [], version: 8 }),
  })
  await page.tap('确认拟写答复')
  await waitUntil(
    () => acts.length === 2 && page.text().includes('当前状态下您没有可办理的操作'),
    'the fresh view',
  )
  expect(draftsStored()?.['c1/draft-reply']).toBeUndefined()
})
