// Unit scope for every case a request names. A staff member of another unit, or a citizen who does not follow
// the case, gets exactly the answer a case that does not exist gets — the whole error object, for every action
// that takes a case id and for every case an event links to (merge target, …) — and nothing changes. A case
// outside the caller's scope cannot be probed: closed, merged or held cases of other units look missing too.
import { safeParse } from 'zod/v4/core'
import { casesContract } from '../../shared/contracts/cases'
import type { FunctionContract } from '../../shared/contracts/define'
import { staffContract } from '../../shared/contracts/staff'
import {
  CASE_EVENT_TYPES,
  caseReferencesOf,
  type CaseEventInput,
  type CaseEventType,
} from '../../shared/workflow'
import { demoPlaces } from '../../local/demo-places'
import { DEV_OPENID_HEADER } from '../../local/gateway'
import { multipartBody, PNG_1X1 } from '../support/images'
import { startHarness, type Harness } from '../support/local-harness'
import { REPLY, reportInput, STAFF } from '../support/reports'

type Answer = { status: number; body: unknown }

/** A well-formed id no case has. */
const MISSING = 'c0000000000000000000000000000000'
const OUTSIDER = 'dev-wenxian' // 温县分局, every staff role: only the unit scope can refuse
const STRANGER = 'dev-stranger' // a citizen who follows nothing
const INSIDER = STAFF.head // 山阳区分局 dispatcher (may merge)

/** One well-formed event of every type, with this deployment's units (the compiler checks none is missing). */
const SAMPLE_EVENTS: Record<CaseEventType, CaseEventInput> = {
  register: {
    type: 'register',
    channel: 'hotline-12369',
    requestType: 'complaint',
    receivedAt: '2026-11-23T09:00:00+08:00',
  },
  'request-supplement': { type: 'request-supplement', missingItems: ['现场照片'] },
  'supply-supplement': { type: 'supply-supplement', content: '补充三张照片' },
  accept: { type: 'accept' },
  'not-accept': { type: 'not-accept', reason: 'outside-remit', guidance: '请向公安机关反映' },
  merge: { type: 'merge', intoCaseId: MISSING },
  'find-out-of-remit': { type: 'find-out-of-remit', finding: 'other-department', note: '属住建部门' },
  'mark-important': { type: 'mark-important', ground: 'joint-report' },
  assign: { type: 'assign', unitIds: ['jz-wenxian'], officer: { id: 'st-wenxian', name: '温县工作人员' } },
  transfer: { type: 'transfer', target: 'unit', to: 'jz-wenxian', reason: '属温县辖区' },
  'start-investigation': { type: 'start-investigation' },
  'record-site-visit': {
    type: 'record-site-visit',
    record: {
      visitedAt: '2026-11-23T10:00:00+08:00',
      reportedEntity: '某建设工程项目部',
      address: '焦作市山阳区塔南路',
      productionStatus: '夜间施工',
      pollutionControl: '无',
      discharge: '施工噪声',
      cause: '夜间施工',
      findings: '属实',
    },
  },
  'record-initial-opinion': { type: 'record-initial-opinion', opinion: '初步核实属实' },
  'order-rectification': {
    type: 'order-rectification',
    target: '夜间不再施工',
    measures: '停止夜间施工',
    dueDate: '2026-12-01',
    responsibleParty: '某建设工程项目部',
  },
  'complete-rectification': {
    type: 'complete-rectification',
    checkedAt: '2026-11-23T10:00:00+08:00',
    verification: '已停止夜间施工',
  },
  'draft-reply': { type: 'draft-reply', reply: REPLY },
  'approve-reply': { type: 'approve-reply' },
  'send-back-reply': { type: 'send-back-reply', reason: '事实不清' },
  'send-reply': { type: 'send-reply' },
  'request-extension': { type: 'request-extension', days: 10, reason: '需要检测报告' },
  'approve-extension': { type: 'approve-extension', days: 10 },
  'reject-extension': { type: 'reject-extension', reason: '理由不充分' },
  remind: { type: 'remind' },
  supervise: { type: 'supervise', reason: 'repeated-reports', instructions: '限期办结' },
  escalate: { type: 'escalate', reason: 'key-case' },
  'list-leader-case': { type: 'list-leader-case', ground: 'wide-impact' },
  'request-review': { type: 'request-review', grounds: '处理不到位' },
  'decide-review': { type: 'decide-review', outcome: 'upheld', opinion: '维持原处理意见' },
  'request-re-review': { type: 'request-re-review', grounds: '处理仍不到位' },
  'decide-re-review': { type: 'decide-re-review', outcome: 'upheld', opinion: '维持复查意见' },
  'rate-reply': { type: 'rate-reply', rating: 4 },
  'accept-reply': { type: 'accept-reply', rating: 5 },
  'deem-closed': { type: 'deem-closed' },
  'record-return-visit': {
    type: 'record-return-visit',
    kind: 'return-visit',
    problemRecurred: false,
    note: '回访未见反弹',
  },
  reopen: { type: 'reopen', reason: '问题反弹' },
  'hand-over': {
    type: 'hand-over',
    from: { id: 'st-officer', name: '王磊' },
    to: { id: 'st-office-head', name: '李娜' },
    reason: '调离',
  },
  archive: { type: 'archive' },
  'confirm-violation': {
    type: 'confirm-violation',
    decisionKind: 'penalty',
    decisionNumber: '焦环罚〔2026〕12号',
    decidedOn: '2026-11-23',
    violationType: 'other',
    fineYuan: 0,
    knownBefore: false,
  },
  'find-report-untrue': { type: 'find-report-untrue', finding: 'untrue', note: '现场未发现问题' },
  'check-in': {
    type: 'check-in',
    position: {
      lat: 35.29958,
      lng: 113.27638,
      coordSystem: 'gcj02',
      accuracy: 20,
      takenAt: '2026-11-23T10:00:00+08:00',
    },
  },
  'add-site-photos': {
    type: 'add-site-photos',
    photos: [
      {
        fileId: 'local://uploads/site.jpg',
        stamp: { takenAt: '2026-11-23T10:00:00+08:00', position: null, drawn: true },
      },
    ],
  },
  'record-measurement': {
    type: 'record-measurement',
    item: 'noise-construction',
    value: 66,
    measuredAt: '2026-11-23T10:00:00+08:00',
  },
  'link-penalty-case': { type: 'link-penalty-case', penaltyCaseNo: '焦环罚〔2026〕12号' },
  'issue-supervision-order': {
    type: 'issue-supervision-order',
    reason: 'procedure-violated',
    instructions: '限期核实并上报',
    dueDate: '2026-12-31',
  },
  'report-supervision-result': {
    type: 'report-supervision-result',
    result: { matter: '督办夜间施工噪声', investigation: '现场核查属实', opinion: '责令停止夜间施工' },
  },
  'accept-supervision-result': { type: 'accept-supervision-result' },
  'send-back-supervision-result': {
    type: 'send-back-supervision-result',
    reason: 'incomplete',
    note: '未写明查处情况',
    dueDate: '2026-12-31',
  },
  'record-spot-check': {
    type: 'record-spot-check',
    finding: 'compliant',
    problemRecurred: false,
    note: '查阅案卷',
  },
  'take-leader-case': { type: 'take-leader-case' },
  'designate-officer': { type: 'designate-officer', officer: { id: 'st-wenxian', name: '温县工作人员' } },
  recuse: { type: 'recuse', ground: 'interest-in-reporter' },
  'record-mediation': {
    type: 'record-mediation',
    matter: 'pollution-damages',
    parties: ['反映人', '某建设工程项目部'],
    consent: true,
    agreement: '项目部赔偿反映人损失并停止夜间施工',
    agreedOn: '2026-11-23',
  },
}

/** A payload for every action that names a case, with the case id left to fill in. */
const STAFF_PAYLOADS: Record<string, (caseId: string) => unknown> = {
  getCase: (caseId) => ({ caseId }),
  revealReporter: (caseId) => ({ caseId, reason: '需电话联系核实现场位置' }),
  // `act` is covered event type by event type below.
  act: (caseId) => ({ caseId, expectedVersion: 1, event: SAMPLE_EVENTS.accept }),
  clearHeldContent: (caseId) => ({ caseId, expectedVersion: 1, holdId: 'report' }),
  mergeCandidates: (caseId) => ({ caseId }),
  replyTemplates: (caseId) => ({ caseId }),
}
const CITIZEN_PAYLOADS: Record<string, (caseId: string) => unknown> = {
  getMine: (caseId) => ({ caseId }),
  markRead: (caseId) => ({ caseId }),
  supplyInfo: (caseId) => ({ caseId, content: '补充：每晚十一点以后最严重' }),
  rateReply: (caseId) => ({ caseId, stars: 3, comment: '还可以' }),
  requestReview: (caseId) => ({ caseId, grounds: '噪声仍未停止' }),
  requestReReview: (caseId) => ({ caseId, grounds: '噪声仍未停止' }),
  follow: (caseId) => ({ caseId }),
  unfollow: (caseId) => ({ caseId }),
}

/** The actions of a contract whose input has a `caseId`. */
function actionsNamingACase(contract: FunctionContract): string[] {
  return Object.entries(contract)
    .filter(([, spec]) => {
      const parsed = safeParse(spec.input, {})
      return !parsed.success && parsed.error.issues.some((i) => i.path[0] === 'caseId')
    })
    .map(([name]) => name)
    .sort()
}

let h: Harness
let ours: string // 山阳区 case, reported by dev-citizen
let theirs: string // 温县 case, open
let theirsMerged: string // 温县 case merged into `theirs`
let theirsClosed: string // 温县 case not accepted (closed)

const WENXIAN = () => {
  const place = demoPlaces(h.runtime).find((p) => p.name === '温县')!
  return { lat: place.lat, lng: place.lng, coordSystem: 'wgs84', address: '焦作市温县黄河路' }
}

async function file(openid: string, overrides: Record<string, unknown> = {}): Promise<string> {
  return (await h.ok<{ caseId: string }>('cases', 'submitReport', reportInput(overrides), openid)).caseId
}

async function answer(fn: string, action: string, payload: unknown, openid: string): Promise<Answer> {
  const res = await h.call(fn, action, payload, openid)
  return { status: res.status, body: res.body }
}

/** What a refused request must leave untouched: every case's version, status and followers, every count. */
async function state() {
  const cases = await Promise.all(
    [ours, theirs, theirsMerged, theirsClosed].map(async (id) => {
      const doc = await h.runtime.db.get<Record<string, unknown>>('cases', id)
      const follows = await h.runtime.db.count('follows', { caseId: id })
      return {
        id,
        version: doc?._version,
        status: doc?.status,
        followers: doc?.followerCount,
        follows,
        mergedInto: doc?.mergedInto,
      }
    }),
  )
  return { cases, counts: await h.snapshot() }
}

beforeEach(async () => {
  h = await startHarness({ now: '2026-11-23T09:00:00+08:00' })
  await h.runtime.db.insert('staff', {
    _id: 'st-wenxian',
    openid: OUTSIDER,
    name: '温县工作人员',
    title: '温县分局',
    roles: ['intake', 'dispatcher', 'officer', 'office-head', 'leader', 'supervisor'],
    unitIds: ['jz-wenxian'],
    active: true,
  })
  ours = await file('dev-citizen')
  theirs = await file('citizen-w1', { location: WENXIAN(), category: 'water' })
  theirsMerged = await file('citizen-w2', { location: WENXIAN(), category: 'water' })
  theirsClosed = await file('citizen-w3', { location: WENXIAN(), category: 'air' })
  expect((await h.ok<{ unitId: string }>('staff', 'getCase', { caseId: theirs }, OUTSIDER)).unitId).toBe(
    'jz-wenxian',
  )
  await h.act(OUTSIDER, theirsMerged, { type: 'merge', intoCaseId: theirs })
  await h.act(OUTSIDER, theirsClosed, SAMPLE_EVENTS['not-accept'])
})
afterEach(async () => {
  await h.close()
})

test('the tables below cover every action that takes a case id', () => {
  expect(actionsNamingACase(staffContract)).toEqual(Object.keys(STAFF_PAYLOADS).sort())
  expect(actionsNamingACase(casesContract)).toEqual(Object.keys(CITIZEN_PAYLOADS).sort())
})

describe('staff of another unit', () => {
  test('every staff action on a case outside their units answers exactly like a missing case', async () => {
    const before = await state()
    expect(await h.ok('staff', 'getCase', { caseId: ours }, INSIDER)).toBeTruthy()
    for (const [action, payload] of Object.entries(STAFF_PAYLOADS)) {
      const missing = await answer('staff', action, payload(MISSING), OUTSIDER)
      expect({ action, status: missing.status }).toEqual({ action, status: 404 })
      expect({ action, ...(await answer('staff', action, payload(ours), OUTSIDER)) }).toEqual({
        action,
        ...missing,
      })
    }
    expect(await state()).toEqual(before)
  })

  test('every workflow event sent on a case outside their units answers exactly like a missing case', async () => {
    const before = await state()
    const version = (await h.ok<{ version: number }>('staff', 'getCase', { caseId: ours }, INSIDER)).version
    for (const type of CASE_EVENT_TYPES) {
      const act = (caseId: string) =>
        answer('staff', 'act', { caseId, expectedVersion: version, event: SAMPLE_EVENTS[type] }, OUTSIDER)
      const missing = await act(MISSING)
      expect({ type, status: missing.status }).toEqual({ type, status: 404 })
      expect({ type, ...(await act(ours)) }).toEqual({ type, ...missing })
    }
    expect(await state()).toEqual(before)
  })

  test('every case an event links to is loaded through the same scope: another unit’s case — open, merged or closed — looks missing', async () => {
    const linking = CASE_EVENT_TYPES.filter((type) => caseReferencesOf(type).length > 0)
    expect(linking).toContain('merge')
    const version = (await h.ok<{ version: number }>('staff', 'getCase', { caseId: ours }, INSIDER)).version
    const before = await state()
    for (const type of linking) {
      for (const ref of caseReferencesOf(type)) {
        const naming = (other: string) =>
          answer(
            'staff',
            'act',
            { caseId: ours, expectedVersion: version, event: withPath(SAMPLE_EVENTS[type], ref.path, other) },
            INSIDER,
          )
        const missing = await naming(MISSING)
        expect({ type, status: missing.status }).toEqual({ type, status: 404 })
        for (const other of [theirs, theirsMerged, theirsClosed]) {
          const refused = await naming(other)
          expect({ type, ref: ref.path, ...refused }).toEqual({ type, ref: ref.path, ...missing })
          // Nothing of the other case — not even its reference number — is in the answer.
          const refNo = (await h.runtime.db.get<{ refNo: string }>('cases', other))!.refNo
          expect(JSON.stringify(refused)).not.toContain(refNo)
        }
      }
    }
    // The other unit's case kept its followers and version; ours was not merged.
    expect(await state()).toEqual(before)
  })

  test('merging into another unit’s open case is refused; nobody is added to that case', async () => {
    const version = (await h.ok<{ version: number }>('staff', 'getCase', { caseId: ours }, INSIDER)).version
    const before = await state()
    const res = await answer(
      'staff',
      'act',
      { caseId: ours, expectedVersion: version, event: { type: 'merge', intoCaseId: theirs } },
      INSIDER,
    )
    expect(res.status).toBe(404)
    expect(await state()).toEqual(before)
    expect(await h.runtime.db.count('follows', { caseId: theirs, openid: 'dev-citizen' })).toBe(0)
  })

  test('a held case (photos still being checked) in their own unit also looks missing as a merge target', async () => {
    const held = await file('citizen-h')
    const doc = (await h.runtime.db.get<{ _version: number }>('cases', held))!
    await h.runtime.db.update('cases', held, { screening: 'pending' }, doc._version)
    const version = (await h.ok<{ version: number }>('staff', 'getCase', { caseId: ours }, INSIDER)).version
    const act = (intoCaseId: string) =>
      answer(
        'staff',
        'act',
        { caseId: ours, expectedVersion: version, event: { type: 'merge', intoCaseId } },
        INSIDER,
      )
    expect(await act(held)).toEqual(await act(MISSING))
    expect((await answer('staff', 'getCase', { caseId: held }, INSIDER)).body).toEqual(
      (await answer('staff', 'getCase', { caseId: MISSING }, INSIDER)).body,
    )
  })

  test('within their scope staff are still told that a target is closed or merged, by its reference number', async () => {
    const ourClosed = await file('citizen-c')
    await h.act(STAFF.supervisor, ourClosed, SAMPLE_EVENTS['not-accept'])
    const refNo = (await h.runtime.db.get<{ refNo: string }>('cases', ourClosed))!.refNo
    const version = (await h.ok<{ version: number }>('staff', 'getCase', { caseId: ours }, INSIDER)).version
    const res = await answer(
      'staff',
      'act',
      { caseId: ours, expectedVersion: version, event: { type: 'merge', intoCaseId: ourClosed } },
      INSIDER,
    )
    expect(res.status).toBe(409)
    expect(res.body).toMatchObject({ ok: false, error: { code: 'ILLEGAL_TRANSITION' } })
    expect(JSON.stringify(res.body)).toContain(refNo)
  })
})

describe('citizens', () => {
  test('every citizen action on a case they do not follow answers exactly like a missing case', async () => {
    const before = await state()
    for (const [action, payload] of Object.entries(CITIZEN_PAYLOADS)) {
      const missing = await answer('cases', action, payload(MISSING), STRANGER)
      expect({ action, status: missing.status }).toEqual({ action, status: 404 })
      // `follow` is how a citizen joins an open case (follow instead of filing again): its scope is the cases
      // open to following; a merged, closed or held case is not one of them.
      const outside = action === 'follow' ? [theirsMerged, theirsClosed] : [ours, theirs]
      for (const caseId of outside) {
        expect({ action, ...(await answer('cases', action, payload(caseId), STRANGER)) }).toEqual({
          action,
          ...missing,
        })
      }
    }
    expect(await state()).toEqual(before)
  })

  test('a held case cannot be followed and looks missing', async () => {
    const held = await file('citizen-h')
    const doc = (await h.runtime.db.get<{ _version: number }>('cases', held))!
    await h.runtime.db.update('cases', held, { screening: 'pending' }, doc._version)
    expect(await answer('cases', 'follow', { caseId: held }, STRANGER)).toEqual(
      await answer('cases', 'follow', { caseId: MISSING }, STRANGER),
    )
  })

  test('following an open case of any unit still works, and a follower still reads the case', async () => {
    const followed = await h.ok<{ relation: string }>('cases', 'follow', { caseId: theirs }, STRANGER)
    expect(followed.relation).toBe('follower')
    expect(await h.ok('cases', 'getMine', { caseId: theirs }, STRANGER)).toBeTruthy()
    // A citizen who follows a case keeps reading it after it is closed.
    await h.act(OUTSIDER, theirs, SAMPLE_EVENTS['not-accept'])
    expect(await h.ok<{ status: string }>('cases', 'getMine', { caseId: theirs }, STRANGER)).toMatchObject({
      status: 'not-accepted',
    })
  })
})

describe('photos', () => {
  test('another citizen’s photo answers exactly like one that was never uploaded, and is left alone', async () => {
    const { payload, headers } = multipartBody(PNG_1X1, 'photo.png', 'image/png')
    const uploaded = await h.app.inject({
      method: 'POST',
      url: '/api/files',
      payload,
      headers: { ...headers, [DEV_OPENID_HEADER]: 'dev-citizen' },
    })
    const fileId = (uploaded.json() as { data: { fileId: string } }).data.fileId
    const missing = fileId.replace(/[^/]+$/, 'never-uploaded.png')
    const before = await state()
    const calls: Array<[fn: string, action: string, payload: (fileId: string) => unknown, openid: string]> = [
      ['files', 'registerUpload', (id) => ({ fileId: id }), STRANGER],
      ['files', 'tempUrls', (id) => ({ fileIds: [id] }), STRANGER],
      [
        'cases',
        'submitReport',
        (id) => reportInput({ photos: [id], clientRequestId: 'req-photo-probe' }),
        STRANGER,
      ],
    ]
    for (const [fn, action, input, openid] of calls) {
      const expected = await answer(fn, action, input(missing), openid)
      expect({ action, status: expected.status }).not.toEqual({ action, status: 200 })
      expect({ action, ...(await answer(fn, action, input(fileId), openid)) }).toEqual({
        action,
        ...expected,
      })
    }
    expect(await state()).toEqual(before)
    expect(await h.runtime.blobs.read(fileId)).not.toBeNull()
  })
})

/** The event with `value` at a dotted path (`[]` segments: a list holding that one value). */
function withPath(event: CaseEventInput, path: string, value: string): CaseEventInput {
  const copy = structuredClone(event) as Record<string, unknown>
  const keys = path.split('.')
  let at: Record<string, unknown> = copy
  keys.forEach((key, i) => {
    const last = i === keys.length - 1
    const name = key.replace(/\[\]$/, '')
    const list = key.endsWith('[]')
    if (last) at[name] = list ? [value] : value
    else at = (at[name] ??= {}) as Record<string, unknown>
  })
  return copy as CaseEventInput
}
