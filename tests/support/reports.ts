// Report payloads for tests: points inside the demo boundary data (which sits ~10 km off real positions),
// and the staff steps that take a filed case to its written reply.
import type { Harness } from './local-harness'

export const SHANYANG = { lat: 35.29958, lng: 113.27638 } // 山阳区, GCJ-02

export function reportInput(overrides: Record<string, unknown> = {}) {
  return {
    clientRequestId: `req-${Math.random().toString(36).slice(2, 12)}`,
    requestType: 'complaint',
    category: 'noise',
    description: '每晚十一点以后工地还在打桩，噪声很大，影响周边居民休息。',
    photos: [],
    location: { ...SHANYANG, coordSystem: 'gcj02', address: '焦作市山阳区人民路与塔南路交叉口' },
    reporter: { mode: 'real-name', name: '张三', phone: '13800138000' },
    consent: true,
    ...overrides,
  }
}

/** A point `metres` north of SHANYANG (GCJ-02 degrees are close enough to metres at this scale). */
export function northOf(metres: number) {
  return { ...SHANYANG, lat: SHANYANG.lat + metres / 111_320 }
}

export const REPLY = {
  matter: '反映塔南路工地夜间施工噪声扰民。',
  entityFacts: '被反映对象为某建设工程项目部，正在进行桩基施工。',
  investigation: '11 月 24 日 23 时到现场核查，工地正在夜间打桩，未取得夜间施工许可。',
  violations: '违反《噪声污染防治法》第四十三条，未经批准夜间施工。',
  handlingOpinion: '已责令立即停止夜间施工，并依法立案查处。',
  communication: '已电话告知反映人核查情况，反映人表示认可。',
  remedies: '如对答复不满意，可在收到答复之日起 30 日内申请复查。',
}

/** The demo deployments' officer (st-officer), as an assignment names them (the function records the stored name). */
export const OFFICER = { id: 'st-officer', name: '王磊' }

/** Demo staff personas of the 焦作 deployment. */
export const STAFF = {
  supervisor: 'dev-supervisor', // 市执法支队: intake + dispatcher + supervisor
  head: 'dev-office-head', // 山阳区分局: office head + dispatcher
  officer: 'dev-officer',
  leader: 'dev-leader',
} as const

/**
 * Staff take a filed case through the workflow to the sent written reply: accept, assign to 山阳区分局,
 * investigate with a site visit, draft, two approvals, send. Advances the harness clock (26 hours in all) and
 * answers the officer's view after sending.
 */
export async function handleToReply<T = unknown>(h: Harness, caseId: string): Promise<T> {
  const later = (hours: number) => h.clock.advance(hours * 3600_000)
  await h.act(STAFF.supervisor, caseId, { type: 'accept' })
  later(1)
  await h.act(STAFF.head, caseId, { type: 'assign', unitIds: ['jz-shanyang'], officer: OFFICER })
  later(1)
  await h.act(STAFF.officer, caseId, { type: 'start-investigation' })
  await h.act(STAFF.officer, caseId, {
    type: 'record-site-visit',
    record: {
      visitedAt: '2026-11-23T23:10:00+08:00',
      reportedEntity: '塔南路某建设工程项目部',
      address: '焦作市山阳区塔南路',
      productionStatus: '夜间桩基施工',
      pollutionControl: '无降噪措施',
      discharge: '施工噪声',
      cause: '未经批准夜间施工',
      findings: '情况属实',
    },
  })
  later(24)
  await h.act(STAFF.officer, caseId, { type: 'draft-reply', reply: REPLY })
  await h.act(STAFF.head, caseId, { type: 'approve-reply' })
  await h.act(STAFF.leader, caseId, { type: 'approve-reply' })
  later(1)
  return h.act<T>(STAFF.officer, caseId, { type: 'send-reply' })
}
