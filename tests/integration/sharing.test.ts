// 信息共享 (S0 第十七条) through the real functions: new reports are copied at registration to the business section of
// their category or source (水、气、声、渣、建设项目), which reads them without the reporter; a suspected crime is
// referred to the judiciary with the reporter's identity only under a stated legal basis, through the audited
// reveal. Every copy, reading and referral is in the audit trail; other units' cases and copies look missing.
import type { ReferralView, SectionCopyItem, SectionCopyView } from '../../shared/contracts/sharing'
import type { CasePage } from '../../shared/contracts/cases'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { startHarness, type Harness } from '../support/local-harness'
import { fileMonthOfReports, reporterValuesIn, REPORTERS, type MonthOfReports } from '../support/disclosure'
import { STAFF } from '../support/reports'

jest.setTimeout(60_000)

const WATER_SECTION = 'dev-water-section'
type Err = { ok: false; error: { code: string; message: string; fields?: Record<string, string> } }
type Audit = { action: string; subject: string; staffName: string; [k: string]: unknown }

let h: Harness
let month: MonthOfReports

beforeAll(async () => {
  h = await startHarness({ now: '2026-11-23T09:00:00+08:00' })
  month = await fileMonthOfReports(h)
})
afterAll(async () => {
  await h?.close()
})

async function auditsOf(subject: string): Promise<Audit[]> {
  const page = await h.runtime.db.find<Audit>(COLLECTIONS.audit, {
    filter: { subject },
    orderBy: [['at', 'desc']],
    limit: 100,
  })
  return page.items
}

describe('copies to business sections (对内共享)', () => {
  test('each report is copied at registration to the sections of its category or source, audited', async () => {
    const copies = await h.runtime.db.find<{ caseId: string; sectionUnitId: string }>(
      COLLECTIONS.sectionCopies,
      {
        limit: 100,
      },
    )
    const sectionsOf = (caseId: string) =>
      copies.items
        .filter((c) => c.caseId === caseId)
        .map((c) => c.sectionUnitId)
        .sort()
    // Construction noise: 声 and 建设项目 (S0 第十七条); water: 水; air: 气.
    expect(sectionsOf(month.noise.caseId)).toEqual(['jz-eia-section', 'jz-noise-waste-section'])
    expect(sectionsOf(month.water.caseId)).toEqual(['jz-water-section'])
    expect(sectionsOf(month.air.caseId)).toEqual(['jz-air-section'])
    const shared = (await auditsOf(month.water.caseId)).filter((a) => a.action === 'share-copy')
    expect(shared).toEqual([
      expect.objectContaining({ staffName: '系统', sectionUnitId: 'jz-water-section', withReporter: false }),
    ])
  })

  test('the water section lists and reads its copy without the reporter; the reading is audited', async () => {
    const list = await h.ok<CasePage<SectionCopyItem>>('sharing', 'sectionCopies', {}, WATER_SECTION)
    expect(list.items.map((c) => c.refNo)).toEqual([month.water.refNo])
    const copy = await h.ok<SectionCopyView>(
      'sharing',
      'sectionCopy',
      { copyId: list.items[0]!.copyId },
      WATER_SECTION,
    )
    expect(copy).toMatchObject({ refNo: month.water.refNo, sectionName: '焦作市生态环境局水生态环境科' })
    expect(copy).not.toHaveProperty('reporter')
    expect(copy.description).toContain('黑色污水')
    expect(reporterValuesIn(copy, month.reporterValues)).toEqual([])
    expect((await auditsOf(month.water.caseId)).map((a) => a.action)).toContain('read-shared-copy')
  })

  test('another section’s copy answers like a missing one; the supervisor above the sections reads them all', async () => {
    const other = await h.call<Err>(
      'sharing',
      'sectionCopy',
      { copyId: `${month.noise.caseId}:jz-noise-waste-section` },
      WATER_SECTION,
    )
    const missing = await h.call<Err>(
      'sharing',
      'sectionCopy',
      { copyId: 'nothing:jz-water-section' },
      WATER_SECTION,
    )
    expect(other.body).toEqual(missing.body)
    expect(other.body.error.code).toBe('NOT_FOUND')
    const all = await h.ok<CasePage<SectionCopyItem>>(
      'sharing',
      'sectionCopies',
      { limit: 50 },
      STAFF.supervisor,
    )
    expect(all.items).toHaveLength(4)
    for (const item of all.items) {
      const copy = await h.ok<SectionCopyView>(
        'sharing',
        'sectionCopy',
        { copyId: item.copyId },
        STAFF.supervisor,
      )
      expect(reporterValuesIn(copy, month.reporterValues)).toEqual([])
    }
    // The staff view of the same case does show the masked reporter: the copy drops it on purpose.
    const staffView = await h.ok<{ reporter: { name: string } }>(
      'staff',
      'getCase',
      { caseId: month.noise.caseId },
      STAFF.supervisor,
    )
    expect(staffView.reporter.name).toBe('王*明')
  })

  test('posts without case duty (系统管理员, 奖励管理员 of the bureau above the sections) list and read no copy', async () => {
    const missing = await h.call<Err>(
      'sharing',
      'sectionCopy',
      { copyId: 'nothing:jz-water-section' },
      'dev-admin',
    )
    for (const openid of ['dev-admin', 'dev-reward-admin']) {
      const list = await h.ok<CasePage<SectionCopyItem>>('sharing', 'sectionCopies', { limit: 50 }, openid)
      expect({ openid, items: list.items }).toEqual({ openid, items: [] })
      const copy = await h.call<Err>(
        'sharing',
        'sectionCopy',
        { copyId: `${month.water.caseId}:jz-water-section` },
        openid,
      )
      expect({ openid, body: copy.body }).toEqual({ openid, body: missing.body })
    }
  })
})

describe('referral to the judiciary (对外共享)', () => {
  const REFERRAL = {
    judiciaryId: 'jz-police-eco',
    suspectedOffence: '涉嫌污染环境罪（《刑法》第三百三十八条）',
    facts: '经现场核查，该单位通过暗管向河道排放含重金属废水，监测超标三倍以上，现移送相关材料。',
  }

  test('an office head refers a case of her unit; the referral carries no identity and is audited', async () => {
    const referral = await h.ok<ReferralView>(
      'sharing',
      'referToJudiciary',
      { caseId: month.noise.caseId, ...REFERRAL },
      STAFF.head,
    )
    expect(referral).toMatchObject({
      refNo: month.noise.refNo,
      judiciary: '焦作市公安局食品药品和环境犯罪侦查支队',
      referredBy: '李娜',
      identityLegalBasis: null,
    })
    expect(reporterValuesIn(referral, month.reporterValues)).toEqual([])
    expect((await auditsOf(month.noise.caseId)).find((a) => a.action === 'refer-to-judiciary')).toMatchObject(
      {
        referralId: referral.id,
        withReporter: false,
      },
    )
    const reveal = await h.call<Err>(
      'sharing',
      'revealReferralIdentity',
      { referralId: referral.id },
      STAFF.head,
    )
    expect(reveal.body.error.code).toBe('FORBIDDEN')
  })

  test('with a stated legal basis the identity is opened through the audited reveal, never stored open', async () => {
    const basis = '公安机关依《刑事诉讼法》第五十四条书面调取证人信息'
    const referral = await h.ok<ReferralView>(
      'sharing',
      'referToJudiciary',
      { caseId: month.noise.caseId, ...REFERRAL, identityLegalBasis: basis },
      STAFF.leader,
    )
    const stored = await h.runtime.db.get(COLLECTIONS.judicialReferrals, referral.id)
    expect(reporterValuesIn(stored, month.reporterValues)).toEqual([])
    const revealed = await h.ok<{ name: string; phone: string; auditId: string }>(
      'sharing',
      'revealReferralIdentity',
      { referralId: referral.id },
      STAFF.head,
    )
    expect(revealed).toMatchObject({ name: REPORTERS.wang.name, phone: REPORTERS.wang.phone })
    const audit = await h.runtime.db.get<Audit>(COLLECTIONS.audit, revealed.auditId)
    expect(audit).toMatchObject({
      action: 'reveal-reporter',
      staffName: '李娜',
      reason: expect.stringContaining(basis),
    })
  })

  test('refused without writing: an anonymous report’s identity, an unknown body, a post that does not refer', async () => {
    const before = await h.snapshot()
    const anonymous = await h.call<Err>(
      'sharing',
      'referToJudiciary',
      { caseId: month.water.caseId, ...REFERRAL, identityLegalBasis: '公安机关依法书面调取证人信息' },
      STAFF.supervisor,
    )
    expect(anonymous.body.error.fields?.identityLegalBasis).toContain('匿名')
    const unknown = await h.call<Err>(
      'sharing',
      'referToJudiciary',
      { caseId: month.noise.caseId, ...REFERRAL, judiciaryId: 'nowhere' },
      STAFF.head,
    )
    expect(unknown.body.error.fields?.judiciaryId).toBeDefined()
    const officer = await h.call<Err>(
      'sharing',
      'referToJudiciary',
      { caseId: month.noise.caseId, ...REFERRAL },
      STAFF.officer,
    )
    expect(officer.body.error.code).toBe('FORBIDDEN')
    const outside = await h.call<Err>(
      'sharing',
      'referToJudiciary',
      { caseId: month.water.caseId, ...REFERRAL },
      STAFF.head,
    )
    expect(outside.body.error.code).toBe('NOT_FOUND')
    expect(await h.snapshot()).toEqual(before)
  })

  test('the referrals of a case are listed for its units only', async () => {
    const list = await h.ok<ReferralView[]>(
      'sharing',
      'referralsOf',
      { caseId: month.noise.caseId },
      STAFF.leader,
    )
    expect(list).toHaveLength(2)
    const outside = await h.call<Err>('sharing', 'referralsOf', { caseId: month.water.caseId }, STAFF.leader)
    expect(outside.body.error.code).toBe('NOT_FOUND')
  })
})
