// Each named guard refuses the event it protects, and the error names it. Guards that need time read the
// context's `now` and the clocks computed from the history.
import { getPolicyProfile } from '@shared/policy'
import {
  GUARD_NAMES,
  GUARDS,
  missingFact,
  openCase,
  type Actor,
  type CaseEventInput,
  type GuardName,
  type TransitionResult,
} from '@shared/workflow'
import { actors, CaseDriver, ev, REPLY, SITE_VISIT } from './driver'
import { caseIn, OFFICER, T0 } from './paths'

const later = (driver: CaseDriver, hours = 1) =>
  new Date(Date.parse(driver.lastAt) + hours * 3_600_000).toISOString()

const SUPERVISION_ORDER = {
  type: 'issue-supervision-order',
  reason: 'procedure-violated',
  instructions: '限期核实并上报',
  dueDate: '2026-12-31',
} as const satisfies CaseEventInput
const SUPERVISION_RESULT = {
  type: 'report-supervision-result',
  result: { matter: '督办核实异味问题', investigation: '现场核查属实', opinion: '责令整改并立案' },
} as const satisfies CaseEventInput

const failures: Record<GuardName, () => TransitionResult> = {
  reporterFilesOwnCase: () =>
    openCase({
      event: ev({
        type: 'register',
        channel: 'mini-program',
        requestType: 'report',
        receivedAt: T0,
        reporterId: 'someone-else',
      }),
      actor: actors.reporter,
      profile: getPolicyProfile('national'),
      ctx: { now: T0, clocks: [] },
    }),
  receivedNotInFuture: () =>
    openCase({
      event: ev({
        type: 'register',
        channel: 'letter',
        requestType: 'report',
        receivedAt: '2026-03-05T09:00:00+08:00',
      }),
      actor: actors.intake,
      profile: getPolicyProfile('national'),
      ctx: { now: T0, clocks: [] },
    }),
  supplementNotYetRequested: () => {
    const driver = caseIn('awaiting-supplement')
    driver.apply({ type: 'supply-supplement', content: '照片' }, actors.reporter, later(driver))
    return driver.attempt(
      { type: 'request-supplement', missingItems: ['再补一次'] },
      actors.intake,
      later(driver, 2),
    )
  },
  actorIsCaseReporter: () =>
    caseIn('replied').attempt(
      { type: 'request-review', grounds: '我也不满意' },
      actors.stranger,
      '2026-03-03T10:00:00+08:00',
    ),
  evidenceRequestedOnceFirst: () =>
    caseIn('registered').attempt(
      { type: 'not-accept', reason: 'no-valid-evidence', guidance: '请补充证据后重新举报' },
      actors.intake,
      '2026-03-02T10:00:00+08:00',
    ),
  reasonAvailableInProfile: () =>
    caseIn('registered').attempt(
      { type: 'not-accept', reason: 'outside-channel-scope', guidance: '请通过 12345 反映' },
      actors.intake,
      '2026-03-02T10:00:00+08:00',
    ),
  remitNotYetQuestioned: () => {
    const driver = caseIn('accepted')
    driver.apply(
      { type: 'find-out-of-remit', finding: 'other-region', note: '邻市' },
      actors.intake,
      later(driver),
    )
    return driver.attempt(
      { type: 'find-out-of-remit', finding: 'other-department', note: '住建' },
      actors.intake,
      later(driver, 2),
    )
  },
  notAlreadyImportant: () => {
    const driver = new CaseDriver('national', { receivedAt: T0, important: true })
    return driver.attempt({ type: 'mark-important', ground: 'joint-report' }, actors.leader, later(driver))
  },
  leadUnitNamedForMultiUnit: () =>
    caseIn('accepted').attempt(
      { type: 'assign', unitIds: ['unit-a', 'unit-b'], officer: OFFICER },
      actors.dispatcher,
      '2026-03-03T10:00:00+08:00',
    ),
  transferTargetIsNewUnit: () =>
    caseIn('assigned').attempt(
      { type: 'transfer', target: 'unit', to: 'unit-a', reason: '重新交办' },
      actors.dispatcher,
      '2026-03-03T10:00:00+08:00',
    ),
  transferMatchesFinding: () =>
    caseIn('accepted').attempt(
      { type: 'transfer', target: 'department', to: '市住建局', reason: '属住建' },
      actors.dispatcher,
      '2026-03-03T10:00:00+08:00',
    ),
  siteVisitRecorded: () =>
    caseIn('investigating').attempt(
      {
        type: 'order-rectification',
        target: '达标',
        measures: '整改',
        dueDate: '2026-03-20',
        responsibleParty: '某厂',
      },
      actors.officer,
      '2026-03-03T10:00:00+08:00',
    ),
  // S0 第七条(二): a plan's deadline cannot already have passed.
  rectificationDueNotPast: () => {
    const driver = caseIn('investigating')
    driver.apply(SITE_VISIT, actors.officer, later(driver))
    return driver.attempt(
      {
        type: 'order-rectification',
        target: '达标',
        measures: '整改',
        dueDate: '2026-03-01',
        responsibleParty: '某厂',
      },
      actors.officer,
      later(driver, 2),
    )
  },
  // A reading taken tomorrow is refused (more than the phone-clock tolerance ahead of now).
  recordedTimeNotInFuture: () =>
    caseIn('investigating').attempt(
      {
        type: 'record-measurement',
        item: 'noise-construction',
        value: 60,
        measuredAt: '2026-03-04T10:00:00+08:00',
      },
      actors.officer,
      '2026-03-03T10:00:00+08:00',
    ),
  siteVisitRecordedForComplaint: () =>
    caseIn('investigating').attempt(REPLY, actors.officer, '2026-03-03T10:00:00+08:00'),
  initialOpinionNotYetRecorded: () => {
    const driver = caseIn('investigating')
    driver.apply({ type: 'record-initial-opinion', opinion: '属实' }, actors.officer, later(driver))
    return driver.attempt(
      { type: 'record-initial-opinion', opinion: '再录一次' },
      actors.officer,
      later(driver, 2),
    )
  },
  noExtensionPending: () => {
    const driver = caseIn('investigating')
    driver.apply({ type: 'request-extension', days: 10, reason: '等待检测' }, actors.officer, later(driver))
    return driver.attempt(
      { type: 'request-extension', days: 5, reason: '仍在等待检测' },
      actors.officer,
      later(driver, 2),
    )
  },
  // 60 日 from 03-02 end 05-06 (劳动节 moves 05-01): on 05-07 it is too late to ask.
  beforeHandlingDue: () =>
    caseIn('investigating').attempt(
      { type: 'request-extension', days: 10, reason: '等待检测' },
      actors.officer,
      '2026-05-07T09:00:00+08:00',
    ),
  withinExtensionCap: () =>
    caseIn('investigating').attempt(
      { type: 'request-extension', days: 31, reason: '等待检测' },
      actors.officer,
      '2026-03-10T09:00:00+08:00',
    ),
  extensionPending: () =>
    caseIn('investigating').attempt(
      { type: 'approve-extension', days: 10 },
      actors.leader,
      '2026-03-10T09:00:00+08:00',
    ),
  approvedDaysWithinRequest: () => {
    const driver = caseIn('investigating')
    driver.apply({ type: 'request-extension', days: 10, reason: '等待检测' }, actors.officer, later(driver))
    return driver.attempt({ type: 'approve-extension', days: 20 }, actors.leader, later(driver, 2))
  },
  reminderDueForTimer: () =>
    caseIn('investigating').attempt({ type: 'remind' }, actors.system, '2026-03-10T09:00:00+08:00'),
  supervisionGrounded: () =>
    caseIn('investigating').attempt(
      { type: 'supervise', reason: 'falsified', instructions: '核查' },
      actors.system,
      '2026-05-20T09:00:00+08:00',
    ),
  notAlreadyEscalated: () => {
    const driver = caseIn('assigned')
    driver.apply({ type: 'escalate', reason: 'repeat-reports' }, actors.supervisor, later(driver))
    return driver.attempt({ type: 'escalate', reason: 'key-case' }, actors.leader, later(driver, 2))
  },
  notAlreadyLeaderCase: () => {
    const driver = caseIn('assigned')
    driver.apply({ type: 'list-leader-case', ground: 'wide-impact' }, actors.supervisor, later(driver))
    return driver.attempt(
      { type: 'list-leader-case', ground: 'incident-risk' },
      actors.supervisor,
      later(driver, 2),
    )
  },
  // S0 第十一条: the system escalates on the repeat count only.
  systemActsOnRepeatCount: () =>
    caseIn('assigned').attempt(
      { type: 'escalate', reason: 'key-case' },
      actors.system,
      '2026-03-02T09:00:00+08:00',
    ),
  // One stronger handling per case: a second repeat action (here after a 督办 on the count) is refused.
  repeatActionOnce: () => {
    const driver = caseIn('assigned')
    const repeats = { count: 3, threshold: 3, windowDays: 90, basis: 'S3 第十五条(二)' }
    driver.apply(
      { type: 'supervise', reason: 'repeated-reports', instructions: '限期办结', repeats },
      actors.system,
      later(driver),
    )
    return driver.attempt(
      { type: 'escalate', reason: 'repeat-reports', repeats: { ...repeats, count: 4 } },
      actors.system,
      later(driver, 2),
    )
  },
  // Replied 2026-03-02 20:00; 30 日 end 04-01.
  withinReviewWindow: () =>
    caseIn('replied').attempt(
      { type: 'request-review', grounds: '对答复不满意' },
      actors.reporter,
      '2026-04-02T09:00:00+08:00',
    ),
  withinReReviewWindow: () =>
    caseIn('review-decided').attempt(
      { type: 'request-re-review', grounds: '不服复查意见' },
      actors.reporter,
      '2026-04-10T09:00:00+08:00',
    ),
  sameUnitReviewLoopAllowed: () =>
    caseIn('review-decided').attempt(
      { type: 'request-review', grounds: '请求再次复查' },
      actors.reporter,
      '2026-03-03T09:00:00+08:00',
    ),
  objectionWindowElapsed: () =>
    caseIn('replied').attempt({ type: 'deem-closed' }, actors.system, '2026-03-20T09:00:00+08:00'),
  // A rating is given once (评价答复 or 认可答复 with stars), and it stays in the history.
  notYetRated: () => {
    const driver = caseIn('replied')
    driver.apply({ type: 'rate-reply', rating: 3 }, actors.reporter, later(driver))
    return driver.attempt({ type: 'rate-reply', rating: 4 }, actors.reporter, later(driver, 2))
  },
  ratingOnce: () => {
    const driver = caseIn('replied')
    driver.apply({ type: 'rate-reply', rating: 3 }, actors.reporter, later(driver))
    return driver.attempt({ type: 'accept-reply', rating: 5 }, actors.reporter, later(driver, 2))
  },
  lastCheckFoundRecurrence: () => {
    const driver = caseIn('closed')
    driver.apply(
      { type: 'record-return-visit', kind: 'return-visit', problemRecurred: false, note: '未反弹' },
      actors.officer,
      later(driver),
    )
    return driver.attempt({ type: 'reopen', reason: '想重办' }, actors.head, later(driver, 2))
  },
  handOverToAnother: () => {
    const driver = caseIn('investigating')
    const officer = { id: 'st-officer', name: '王磊' }
    return driver.attempt(
      { type: 'hand-over', from: officer, to: officer, reason: '调离' },
      actors.admin,
      later(driver),
    )
  },
  // S3 第十五条: one 督办单 at a time, with a time limit not in the past; its result is reported, then checked.
  noOpenSupervisionOrder: () => {
    const driver = caseIn('investigating')
    driver.apply(SUPERVISION_ORDER, actors.supervisor, later(driver))
    return driver.attempt(SUPERVISION_ORDER, actors.supervisor, later(driver, 2))
  },
  supervisionOrderOpen: () =>
    caseIn('investigating').attempt(SUPERVISION_RESULT, actors.officer, later(caseIn('investigating'))),
  supervisionResultReported: () => {
    const driver = caseIn('investigating')
    driver.apply(SUPERVISION_ORDER, actors.supervisor, later(driver))
    return driver.attempt({ type: 'accept-supervision-result' }, actors.supervisor, later(driver, 2))
  },
  dueDateNotPast: () =>
    caseIn('investigating').attempt(
      { ...SUPERVISION_ORDER, dueDate: '2026-03-01' },
      actors.supervisor,
      later(caseIn('investigating')),
    ),
  // S2 第八条, S4 五(二): a leader takes a key or listed case, and only one leader does.
  keyOrListedCase: () =>
    caseIn('investigating').attempt(
      { type: 'take-leader-case' },
      actors.leader,
      later(caseIn('investigating')),
    ),
  noLeaderNamed: () => {
    const driver = caseIn('investigating')
    driver.apply({ type: 'list-leader-case', ground: 'backlog' }, actors.supervisor, later(driver))
    driver.apply({ type: 'take-leader-case' }, actors.leader, later(driver, 2))
    return driver.attempt({ type: 'take-leader-case' }, actors.leader, later(driver, 3))
  },
  // S2 第十六条: the lead office replies through the officer it named — not a colleague.
  namedOfficerActs: () => {
    const driver = caseIn('investigating')
    driver.apply(SITE_VISIT, actors.officer, later(driver))
    const colleague: Actor = { kind: 'staff', id: 'officer-2', roles: ['officer'] }
    return driver.attempt(REPLY, colleague, later(driver, 2))
  },
  // S2 第六条: an officer who stepped aside is not named again.
  officerNotRecused: () => {
    const driver = caseIn('investigating')
    driver.apply({ type: 'recuse', ground: 'interest-in-matter' }, actors.officer, later(driver))
    return driver.attempt(
      { type: 'designate-officer', officer: OFFICER },
      actors.dispatcher,
      later(driver, 2),
    )
  },
  // S2 第十六条 注明办理时限: not after the legal due date (national: 60 日 from acceptance).
  dueDateWithinLegal: () =>
    caseIn('accepted').attempt(
      { type: 'assign', unitIds: ['unit-a'], officer: OFFICER, dueDate: '2026-06-30' },
      actors.dispatcher,
      '2026-03-03T10:00:00+08:00',
    ),
  notYetRecused: () => {
    const driver = caseIn('assigned')
    driver.apply({ type: 'recuse', ground: 'interest-in-reporter' }, actors.leader, later(driver))
    return driver.attempt({ type: 'recuse', ground: 'interest-in-reporter' }, actors.leader, later(driver, 2))
  },
  // S2 第十一条: the parties' consent to mediation.
  mediationAgreed: () =>
    caseIn('investigating').attempt(
      {
        type: 'record-mediation',
        matter: 'pollution-damages',
        parties: ['反映人张某', '某化工厂'],
        consent: false,
        agreement: '双方未同意调解',
        agreedOn: '2026-03-03',
      },
      actors.officer,
      '2026-03-03T10:00:00+08:00',
    ),
  // S1 第十条: a draft from a template still missing a fact the case did not have.
  replyComplete: () => {
    const driver = caseIn('investigating')
    driver.apply(SITE_VISIT, actors.officer, later(driver))
    return driver.attempt(
      {
        ...REPLY,
        reply: { ...REPLY.reply, handlingOpinion: `限期整改，期限为${missingFact('整改期限')}。` },
      },
      actors.officer,
      later(driver, 2),
    )
  },
  // S4 四(七): a Haidong key case closed without its return visit.
  returnVisitDoneIfRequired: () => {
    const driver = new CaseDriver('haidong', { receivedAt: T0, important: true })
    const steps: Array<[CaseEventInput, Actor]> = [
      [{ type: 'accept' }, actors.intake],
      [{ type: 'assign', unitIds: ['unit-a'], officer: OFFICER }, actors.dispatcher],
      [{ type: 'start-investigation' }, actors.officer],
      [SITE_VISIT, actors.officer],
      [REPLY, actors.officer],
      [{ type: 'approve-reply' }, actors.head],
      [{ type: 'approve-reply' }, actors.leader],
      [{ type: 'send-reply' }, actors.officer],
      [{ type: 'accept-reply' }, actors.reporter],
    ]
    for (const [event, actor] of steps) driver.apply(event, actor, later(driver))
    return driver.attempt({ type: 'archive' }, actors.intake, later(driver))
  },
  // A reward rests on a decision already taken: one dated tomorrow is refused.
  decisionNotInFuture: () =>
    caseIn('investigating').attempt(
      {
        type: 'confirm-violation',
        decisionKind: 'penalty',
        decisionNumber: '焦环罚〔2026〕12号',
        decidedOn: '2026-03-30',
        violationType: 'other',
        fineYuan: 0,
        knownBefore: false,
      },
      actors.officer,
      '2026-03-29T09:00:00+08:00',
    ),
}

it('every guard has a test', () => {
  expect(Object.keys(failures).sort()).toEqual([...GUARD_NAMES].sort())
})

describe.each(GUARD_NAMES.map((name) => [name]))('%s', (name) => {
  it('refuses, naming the guard, with a Chinese message', () => {
    const result = failures[name]()
    expect(result.ok ? null : { reason: result.error.reason, guard: result.error.guard }).toEqual({
      reason: 'guard-failed',
      guard: name,
    })
    if (!result.ok) expect(result.error.message).toContain(GUARDS[name].failure)
  })
})

describe('the same events pass when the guard holds', () => {
  it('a due date on the legal one, or none; the named officer drafts', () => {
    const accepted = caseIn('accepted')
    const legal = accepted.clock('handling', '2026-03-03T10:00:00+08:00')!.due!
    expect(
      accepted.attempt(
        { type: 'assign', unitIds: ['unit-a'], officer: OFFICER, dueDate: legal },
        actors.dispatcher,
        '2026-03-03T10:00:00+08:00',
      ).ok,
    ).toBe(true)
    const driver = caseIn('investigating')
    driver.apply(SITE_VISIT, actors.officer, later(driver))
    expect(driver.attempt(REPLY, actors.officer, later(driver, 2)).ok).toBe(true)
  })

  it('review within the window, re-review within its window, deemed closed after it', () => {
    expect(
      caseIn('replied').attempt(
        { type: 'request-review', grounds: '对答复不满意' },
        actors.reporter,
        '2026-04-01T23:59:00+08:00',
      ).ok,
    ).toBe(true)
    expect(
      caseIn('replied').attempt({ type: 'deem-closed' }, actors.system, '2026-04-02T00:00:00+08:00').ok,
    ).toBe(true)
  })

  it('an extension requested on the last day', () => {
    expect(
      caseIn('investigating').attempt(
        { type: 'request-extension', days: 30, reason: '等待检测' },
        actors.officer,
        '2026-05-06T23:00:00+08:00',
      ).ok,
    ).toBe(true)
  })

  it('a reporter files in their own name; intake files for anonymous callers', () => {
    const register = ev({ type: 'register', channel: 'hotline-12369', requestType: 'report', receivedAt: T0 })
    expect(
      openCase({
        event: register,
        actor: actors.intake,
        profile: getPolicyProfile('national'),
        ctx: { now: T0, clocks: [] },
      }).ok,
    ).toBe(true)
  })
})

// S3 第十四条: 抽查…发现办理不规范的，应要求改正或重新办理 — also on an archived case; a compliant finding does not.
describe('a spot check and its redo order', () => {
  const spotCheck = (finding: 'compliant' | 'irregular') =>
    ({ type: 'record-spot-check', finding, problemRecurred: false, note: '查阅案卷' }) as const
  it.each([['closed'], ['archived']] as const)(
    'irregular handling of a %s case can be ordered redone',
    (status) => {
      const driver = caseIn(status)
      driver.apply(spotCheck('irregular'), actors.supervisor, later(driver))
      driver.apply(
        { type: 'reopen', reason: '未附现场检查记录，重新办理' },
        actors.supervisor,
        later(driver, 2),
      )
      expect(driver.state.status).toBe('assigned')
    },
  )
  it('a compliant finding cannot', () => {
    const driver = caseIn('closed')
    driver.apply(spotCheck('compliant'), actors.supervisor, later(driver))
    const result = driver.attempt({ type: 'reopen', reason: '重新办理' }, actors.supervisor, later(driver, 2))
    expect(result.ok ? null : result.error.guard).toBe('lastCheckFoundRecurrence')
  })
})
