// Routing and intake intelligence on the embedded store: the preview a citizen sees before submitting,
// duplicates offered and followed (also concurrently), merging with followers, repeat reports escalated at the
// threshold (S0 第十一条), and one early warning per cluster (S3 第十六条).
import { FUNCTIONS } from '../../cloudfunctions/registry'
import { demoPlaces } from '../../local/demo-places'
import { startHarness, type Harness } from '../support/local-harness'
import { northOf, OFFICER, REPLY, reportInput, SHANYANG } from '../support/reports'

type Preview = {
  routing: {
    inJurisdiction: boolean
    unit: { id: string; name: string } | null
    guidance: string | null
    outcome: string
  }
  expectedReplyBy: { date: string; basis: string; estimate: { summary: string } } | null
  urgent: boolean
  similarCases: Array<{
    caseId: string
    verdict: string
    reasons: string[]
    following: boolean
    followers: number
  }>
}
type Detail = { followers: number; relation: string; status: string; timeline: Array<{ kind: string }> }
type Staff = { escalated: boolean; supervised: boolean; timeline: Array<{ kind: string; detail?: string }> }

let h: Harness
beforeEach(async () => {
  h = await startHarness({ now: '2026-11-23T10:00:00+08:00' }) // Monday
})
afterEach(async () => {
  await h.close()
})

const at = (location: { lat: number; lng: number }, address = '焦作市山阳区塔南路') => ({
  ...location,
  coordSystem: 'gcj02',
  address,
})

describe('preview before submitting', () => {
  test('names the handling unit and the expected reply date under the profile', async () => {
    const preview = await h.ok<Preview>(
      'cases',
      'previewReport',
      { location: at(SHANYANG), category: 'noise', requestType: 'complaint' },
      'dev-citizen',
    )
    expect(preview.routing).toMatchObject({
      inJurisdiction: true,
      outcome: 'assigned',
      unit: { id: 'jz-shanyang', name: '山阳区分局' },
    })
    // S0 第七条(四): complaints within 10 working days of receipt (Mon 11-23 → Mon 12-07).
    expect(preview.expectedReplyBy).toEqual({
      date: '2026-12-07',
      basis: 'S0 第七条(四)',
      provisional: false,
      estimate: {
        composition: 'handling',
        steps: [
          {
            clock: 'handling',
            label: '办结答复',
            days: 10,
            unit: 'working',
            due: '2026-12-07',
            basis: 'S0 第七条(四)',
          },
        ],
        summary: '办结答复 10 个工作日（自收到之日起）',
      },
    })
  })

  // Where handling counts from acceptance (S1 第十二条, S2 第十七条, S4 四(四)) the preview showed no date at all:
  // the estimate is the acceptance limit used in full, then the handling limit (received Monday 11-23).
  test.each([
    ['jiaozuo', 'report', '2026-12-07', 'S0 第七条(四)', '办结答复 10 个工作日（自收到之日起）', false],
    [
      'tianjin',
      'complaint',
      '2027-01-25',
      'S1 第七条; S1 第十二条',
      '受理告知 2 个工作日 + 办结答复 60 日',
      true,
    ],
    ['tianjin', 'consult', '2026-11-25', 'S1 第七条', '办结答复 2 个工作日（自收到之日起）', false],
    [
      'jiulongpo',
      'complaint',
      '2026-12-28',
      'S2 第十五条; S2 第十七条',
      '受理告知 3 个工作日 + 办结答复 30 日',
      false,
    ],
    ['haidong', 'report', '2027-01-22', 'S4 四(一); S4 四(四)', '受理告知 当天 + 办结答复 60 日', true],
  ])('%s, %s: 预计 %s (%s)', async (deployment, requestType, date, basis, summary, provisional) => {
    const local = await startHarness({ deployment, now: '2026-11-23T10:00:00+08:00' })
    try {
      const [place] = demoPlaces(local.runtime)
      const preview = await local.ok<Preview>(
        'cases',
        'previewReport',
        { location: place, category: 'water', requestType },
        'dev-citizen',
      )
      expect(preview.routing.outcome).toBe('assigned')
      expect(preview.expectedReplyBy).toMatchObject({ date, basis, provisional, estimate: { summary } })
    } finally {
      await local.close()
    }
  })

  test('outside the territory: guidance naming the right region, no reply date', async () => {
    const preview = await h.ok<Preview>(
      'cases',
      'previewReport',
      { location: at({ lat: 34.75, lng: 113.62 }, '郑州市'), category: 'air' },
      'dev-citizen',
    )
    expect(preview.routing.inJurisdiction).toBe(false)
    expect(preview.routing.guidance).toMatch(/郑州市/)
    expect(preview.expectedReplyBy).toBeNull()
  })

  test('a matter outside the remit (social-life noise) is referred with guidance', async () => {
    const preview = await h.ok<Preview>(
      'cases',
      'previewReport',
      { location: at(SHANYANG), category: 'noise', source: 'social-life' },
      'dev-citizen',
    )
    expect(preview.routing.outcome).toBe('referred')
    expect(preview.routing.guidance).toMatch(/公安/)
  })

  test('night-time construction noise is flagged urgent (S2 第十二条)', async () => {
    h.clock.set('2026-11-23T23:30:00+08:00')
    const preview = await h.ok<Preview>(
      'cases',
      'previewReport',
      { location: at(SHANYANG), category: 'noise', source: 'construction' },
      'dev-citizen',
    )
    expect(preview.urgent).toBe(true)
  })

  test('names the county the position lies in, whatever the address says (the phone compares the two)', async () => {
    const preview = await h.ok<Preview & { routing: { county: unknown; placeName: string } }>(
      'cases',
      'previewReport',
      { location: at(SHANYANG, '焦作市武陟县木城镇'), category: 'air' },
      'dev-citizen',
    )
    expect(preview.routing).toMatchObject({
      county: { code: '410811', name: '山阳区' },
      placeName: '河南省焦作市山阳区',
    })
    const config = await h.ok<{ localities: Array<{ name: string }> }>(
      'cases',
      'clientConfig',
      {},
      'dev-citizen',
    )
    expect(config.localities.map((l) => l.name)).toEqual(expect.arrayContaining(['山阳区', '武陟县']))
  })
})

describe('the staff case file', () => {
  test('研判 reads as a case officer’s sentence; the reply’s 救济渠道 starts from the case’s own rules', async () => {
    h.clock.set('2026-11-23T23:30:00+08:00')
    const { caseId } = await h.ok<{ caseId: string }>(
      'cases',
      'submitReport',
      reportInput({ source: 'construction' }),
      'dev-citizen',
    )
    const file = await h.ok<{ findings: Array<{ text: string }>; replyRemedies: string }>(
      'staff',
      'getCase',
      { caseId },
      'dev-supervisor',
    )
    expect(file.findings.map((f) => f.text)).toEqual([
      '夜间施工噪声，立即组织现场核实处置（参照 S2《九龙坡区生态环境局环境信访工作管理办法》第十二条）',
    ])
    // 条例 第三十五条、第三十六条 (焦作 sits on the national baseline for 复查/复核)
    expect(file.replyRemedies).toBe(
      '如对答复意见有异议，可自收到本答复之日起 30 日内申请复查（依据《信访工作条例》第三十五条）；对复查意见仍有异议的，可自收到复查意见之日起 30 日内申请复核，复核意见为最终意见（依据《信访工作条例》第三十六条）。',
    )
  })
})

describe('duplicates: offered, followed, merged', () => {
  test('a nearby open case of the same category is offered; following it makes the citizen a follower', async () => {
    const { caseId } = await h.ok<{ caseId: string }>('cases', 'submitReport', reportInput(), 'dev-citizen')
    h.clock.advance(3600_000)
    const preview = await h.ok<Preview>(
      'cases',
      'previewReport',
      { location: at(northOf(120)), category: 'noise' },
      'neighbour-1',
    )
    expect(preview.similarCases[0]).toMatchObject({
      caseId,
      verdict: 'likely-duplicate',
      following: false,
      followers: 1,
    })
    expect(preview.similarCases[0]!.reasons.join('')).toMatch(/相距约 1\d0 米/)

    const followed = await h.ok<Detail>('cases', 'follow', { caseId }, 'neighbour-1')
    expect(followed).toMatchObject({ followers: 2, relation: 'follower' })
    const mine = await h.ok<{ items: Array<{ caseId: string; relation: string }> }>(
      'cases',
      'listMine',
      {},
      'neighbour-1',
    )
    expect(mine.items).toEqual([expect.objectContaining({ caseId, relation: 'follower' })])
    // A follower does not see the reporter's own words or photos.
    const seen = await h.ok<{ description: string; photos: unknown[] }>(
      'cases',
      'getMine',
      { caseId },
      'neighbour-1',
    )
    expect(seen.description).not.toContain('打桩')
    // A different category there is not offered.
    const other = await h.ok<Preview>(
      'cases',
      'previewReport',
      { location: at(northOf(120)), category: 'water' },
      'neighbour-2',
    )
    expect(other.similarCases).toEqual([])
  })

  test('many citizens following at the same moment: no follower is lost', async () => {
    const { caseId } = await h.ok<{ caseId: string }>('cases', 'submitReport', reportInput(), 'dev-citizen')
    const neighbours = Array.from({ length: 8 }, (_, i) => `neighbour-${i}`)
    await Promise.all(neighbours.map((n) => h.ok('cases', 'follow', { caseId }, n)))
    const detail = await h.ok<Detail>('cases', 'getMine', { caseId }, 'dev-citizen')
    expect(detail.followers).toBe(9)
    expect(await h.runtime.db.count('follows', { caseId })).toBe(9)
  })

  test('two reports about the same target at the same moment: merged into one case, two followers, both hear the reply', async () => {
    const [a, b] = await Promise.all([
      h.ok<{ caseId: string }>(
        'cases',
        'submitReport',
        reportInput({ reportedEntity: '焦作市恒通化工有限公司', category: 'air' }),
        'citizen-a',
      ),
      h.ok<{ caseId: string }>(
        'cases',
        'submitReport',
        reportInput({ reportedEntity: '恒通化工厂', category: 'air' }),
        'citizen-b',
      ),
    ])
    expect(a.caseId).not.toBe(b.caseId)
    // Intake sees the second as a duplicate of the first and merges it (S3 第九条(四)).
    const preview = await h.ok<Preview>(
      'cases',
      'previewReport',
      { location: at(SHANYANG), category: 'air', reportedEntity: '恒通化工' },
      'citizen-c',
    )
    expect(preview.similarCases.map((s) => s.caseId).sort()).toEqual([a.caseId, b.caseId].sort())
    await h.act('dev-supervisor', b.caseId, { type: 'merge', intoCaseId: a.caseId })
    const merged = await h.ok<Detail>('cases', 'getMine', { caseId: b.caseId }, 'citizen-b')
    expect(merged.status).toBe('merged')
    const main = await h.ok<Detail>('cases', 'getMine', { caseId: a.caseId }, 'citizen-a')
    expect(main.followers).toBe(2)
    const bSees = await h.ok<{ items: Array<{ caseId: string }> }>('cases', 'listMine', {}, 'citizen-b')
    expect(bSees.items.map((i) => i.caseId).sort()).toEqual([a.caseId, b.caseId].sort())

    // The reply on the main case reaches both.
    await h.act('dev-supervisor', a.caseId, { type: 'accept' })
    await h.act('dev-office-head', a.caseId, { type: 'assign', unitIds: ['jz-shanyang'], officer: OFFICER })
    await h.act('dev-officer', a.caseId, { type: 'start-investigation' })
    await h.act('dev-officer', a.caseId, {
      type: 'record-site-visit',
      record: {
        visitedAt: '2026-11-23T15:00:00+08:00',
        reportedEntity: '恒通化工',
        address: '山阳区',
        productionStatus: '生产',
        pollutionControl: '有',
        discharge: '废气',
        cause: '设备故障',
        findings: '属实',
      },
    })
    await h.act('dev-officer', a.caseId, { type: 'draft-reply', reply: REPLY })
    await h.act('dev-office-head', a.caseId, { type: 'approve-reply' })
    await h.act('dev-leader', a.caseId, { type: 'approve-reply' })
    await h.act('dev-officer', a.caseId, { type: 'send-reply' })
    for (const who of ['citizen-a', 'citizen-b']) {
      const replies = await h.runtime.db.count('outbox', { to: who, template: 'case-reply' })
      expect({ who, replies }).toEqual({ who, replies: 1 })
    }
  })

  test('a merged later report moves the duplicate window of the case it joins', async () => {
    const input = () => reportInput({ reportedEntity: '恒通化工厂', category: 'air' })
    const a = await h.ok<{ caseId: string }>('cases', 'submitReport', input(), 'citizen-a')
    h.clock.advance(2 * 86_400_000)
    const b = await h.ok<{ caseId: string }>('cases', 'submitReport', input(), 'citizen-b')
    await h.act('dev-supervisor', b.caseId, { type: 'merge', intoCaseId: a.caseId })
    const [main, joined] = await Promise.all(
      [a.caseId, b.caseId].map((id) =>
        h.runtime.db.get<{ lastReportedAt: string; createdAt: string }>('cases', id),
      ),
    )
    expect(main!.lastReportedAt).toBe(joined!.createdAt)
    expect(main!.lastReportedAt > main!.createdAt).toBe(true)
  })

  test('merging a case into itself is refused and changes nothing', async () => {
    const { caseId } = await h.ok<{ caseId: string }>('cases', 'submitReport', reportInput(), 'dev-citizen')
    const before = await h.snapshot()
    const version = (await h.ok<{ version: number }>('staff', 'getCase', { caseId }, 'dev-supervisor'))
      .version
    const self = await h.call<{ error: { code: string } }>(
      'staff',
      'act',
      { caseId, expectedVersion: version, event: { type: 'merge', intoCaseId: caseId } },
      'dev-supervisor',
    )
    expect(self.status).toBe(400)
    expect(await h.snapshot()).toEqual(before)
  })
})

describe('repeat reports (S0 第十一条) and early warning (S3 第十六条)', () => {
  test('the third reporter on the same entity escalates the case, with a supervising officer, shown in the inbox; later reporters escalate nothing else', async () => {
    const names = [
      '焦作市恒通化工有限公司',
      '恒通化工厂',
      '恒通化工（焦作）有限公司',
      '恒通化工',
      '焦作恒通化工有限公司',
    ]
    const ids: string[] = []
    for (const [i, name] of names.entries()) {
      const { caseId } = await h.ok<{ caseId: string }>(
        'cases',
        'submitReport',
        // Different places: the entity, not the spot, is the target.
        reportInput({ category: 'air', reportedEntity: name, location: at(northOf(i * 2000)) }),
        `reporter-${i}`,
      )
      ids.push(caseId)
      h.clock.advance(86_400_000)
      const first = await h.ok<Staff>('staff', 'getCase', { caseId: ids[0] }, 'dev-supervisor')
      expect({ after: i + 1, escalated: first.escalated }).toEqual({ after: i + 1, escalated: i >= 2 })
    }
    for (const later of ids.slice(1)) {
      expect((await h.ok<Staff>('staff', 'getCase', { caseId: later }, 'dev-supervisor')).escalated).toBe(
        false,
      )
    }
    const escalated = await h.ok<Staff>('staff', 'getCase', { caseId: ids[0] }, 'dev-supervisor')
    expect(escalated.timeline.find((t) => t.kind === 'escalate')?.detail).toMatch(/重复举报 3 次/)
    const doc = await h.runtime.db.get<{ supervisorStaffId: string }>('cases', ids[0]!)
    expect(doc?.supervisorStaffId).toBe('st-supervisor')
    const inbox = await h.ok<{ items: Array<{ caseId: string; escalated: boolean }> }>(
      'staff',
      'inbox',
      {},
      'dev-officer',
    )
    expect(inbox.items.find((i) => i.caseId === ids[0])?.escalated).toBe(true)
  })

  test('a target with more reports in its window than a query reads (100): the case that took the repeat action keeps it, no other is escalated', async () => {
    // 110 neighbours name one plant over 87 days, one report about every 19 hours.
    for (let i = 0; i < 110; i++) {
      await h.ok(
        'cases',
        'submitReport',
        reportInput({ category: 'air', reportedEntity: '恒通化工有限公司', location: at(northOf(i * 20)) }),
        `neighbour-${i}`,
      )
      h.clock.advance(19 * 3600_000)
    }
    expect(await h.runtime.db.count('cases', { 'flags.repeatAction': { $ne: null } })).toBe(1)
  })

  test('the same reporter three times on one day counts once', async () => {
    const ids: string[] = []
    for (let i = 0; i < 3; i++) {
      ids.push(
        (
          await h.ok<{ caseId: string }>(
            'cases',
            'submitReport',
            reportInput({ category: 'air', reportedEntity: '恒通化工有限公司' }),
            'same-reporter',
          )
        ).caseId,
      )
    }
    const first = await h.ok<Staff>('staff', 'getCase', { caseId: ids[0] }, 'dev-supervisor')
    expect(first.escalated).toBe(false)
  })

  test('five neighbours reporting noise within 500 m in a week raise one warning; a sixth raises none', async () => {
    for (let i = 0; i < 6; i++) {
      await h.ok('cases', 'submitReport', reportInput({ location: at(northOf(i * 60)) }), `resident-${i}`)
      h.clock.advance(6 * 3600_000)
      const warnings = await h.runtime.db.count('warnings')
      expect({ reports: i + 1, warnings }).toEqual({ reports: i + 1, warnings: i + 1 >= 5 ? 1 : 0 })
    }
    const page = await h.runtime.db.find<{ reporters: number; supervisingUnitId: string; basis: string }>(
      'warnings',
      {
        limit: 10,
      },
    )
    expect(page.items[0]).toMatchObject({ reporters: 5, supervisingUnitId: 'jz-brigade' })
    expect(page.items[0]!.basis).toMatch(/S3 第十六条/)
  })

  test('reports filed at the same moment are counted as one after the other: five neighbours raise one warning, three reporters on one entity escalate once', async () => {
    // Straight through the function, all started at once: each one's DocStore calls interleave with the others'.
    const fileAtOnce = (inputs: Array<[openid: string, input: object]>) =>
      Promise.all(
        inputs.map(async ([openid, payload]) => {
          const result = await FUNCTIONS.cases!.handle(
            { action: 'submitReport', payload },
            { openid },
            h.runtime,
          )
          if (!result.ok) throw new Error(JSON.stringify(result.error))
          return (result.data as { caseId: string }).caseId
        }),
      )
    await fileAtOnce(
      Array.from({ length: 5 }, (_, i) => [`resident-${i}`, reportInput({ location: at(northOf(i * 60)) })]),
    )
    expect(await h.runtime.db.count('warnings')).toBe(1)
    expect(await h.runtime.db.count('cases', { warningKey: { $ne: null } })).toBe(1)

    const named = { category: 'air', reportedEntity: '恒通化工有限公司' }
    const ids = await fileAtOnce(Array.from({ length: 3 }, (_, i) => [`reporter-${i}`, reportInput(named)]))
    const escalated = []
    for (const caseId of ids) {
      if ((await h.ok<Staff>('staff', 'getCase', { caseId }, 'dev-supervisor')).escalated)
        escalated.push(caseId)
    }
    expect(escalated).toHaveLength(1)
  })
})
