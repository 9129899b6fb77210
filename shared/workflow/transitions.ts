// The transition table: for each event, the states it is legal in, the roles that may send it, its guards, the
// next state, the flags it records and the notifications it asks for. Clock start/stop effects are added by the
// machine from shared/deadlines' lifecycle tables. Where jurisdictions differ (approval chain, extension
// approver, review loop) the row reads the policy; there are no profile-id branches.
import { CASE_DUTY_ROLES, type StaffRole } from '@shared/vocabulary/units'
import type { ApprovalStep, EffectivePolicy } from '@shared/policy'
import type { Actor, ActorRole } from './actors'
import { repeatCountOf, type CaseEventType, type EventOf, type RepeatActionEvent } from './events'
import type { GuardName } from './guards'
import { checkInsOf, namedOfficer, recusedStaffIds } from './people'
import type {
  CaseFacts,
  CaseFlags,
  CaseMachineState,
  Effect,
  StaffNotice,
  TransitionContext,
} from './machine-types'
import { STATE_GROUPS, type CaseStateKey } from './states'

export interface RowInput<T extends CaseEventType> {
  state: CaseMachineState
  event: EventOf<T>
  actor: Actor
  ctx: TransitionContext
  policy: EffectivePolicy
}

interface CaseUpdate {
  facts?: Partial<CaseFacts>
  flags?: Partial<CaseFlags>
}

export interface TransitionRow<T extends CaseEventType> {
  from: readonly CaseStateKey[]
  /** For events whose payload decides the row (transfer to a unit vs out of the bureau). */
  match?: (event: EventOf<T>) => boolean
  roles: readonly ActorRole[] | ((policy: EffectivePolicy) => readonly ActorRole[])
  guards?: readonly GuardName[]
  /** Absent: the state does not change. */
  to?: CaseStateKey | ((input: RowInput<T>) => CaseStateKey)
  update?: (input: RowInput<T>) => CaseUpdate
  effects?: (input: RowInput<T>, next: CaseMachineState) => Effect[]
}

export type TransitionTable = { readonly [T in CaseEventType]: readonly TransitionRow<T>[] }

const { handling, beforeReply, bureauTurn, awaitingReporter, inHand, endedUnarchived } = STATE_GROUPS

/** From the start of the investigation on, the reply and the closing of the case included. */
const INVESTIGATED: readonly CaseStateKey[] = [
  ...handling.filter((s) => s !== 'accepted' && s !== 'assigned'),
  ...awaitingReporter,
  'under-review',
  'under-re-review',
  'closed',
  'archived',
]
/** Where a 督办单 may be issued and worked: a case being handled, awaiting the reporter, or closed. */
const SUPERVISABLE: readonly CaseStateKey[] = [...STATE_GROUPS.open, 'closed']

const APPROVAL_STATES = {
  'office-head': 'pending-head-approval',
  leader: 'pending-leader-approval',
} as const satisfies Record<ApprovalStep, CaseStateKey>

function stepOf(status: CaseStateKey): ApprovalStep | null {
  const entry = Object.entries(APPROVAL_STATES).find(([, state]) => state === status)
  return entry ? (entry[0] as ApprovalStep) : null
}

/** The state after the current approval step: the next approver, or approved. */
function afterApproval(status: CaseStateKey, policy: EffectivePolicy): CaseStateKey {
  const chain = policy.replyApproval.chain
  const step = stepOf(status)
  const next = step === null ? undefined : chain[chain.indexOf(step) + 1]
  return next ? APPROVAL_STATES[next] : 'reply-approved'
}

/** The handling units, or the dispatchers when nobody has the case yet. */
function handlers(state: CaseMachineState, notice: StaffNotice): Effect {
  const units = state.flags.assignment?.unitIds ?? []
  return units.length > 0
    ? { type: 'notify-units', unitIds: units, notice }
    : { type: 'notify-roles', roles: ['dispatcher'], notice }
}

const roles = (...list: StaffRole[]): readonly StaffRole[] => list

/** The units that share a multi-unit case with its lead office hear of it (S2 第十六条). */
function coHandlingNotice(next: CaseMachineState): Effect[] {
  const assignment = next.flags.assignment
  const others = (assignment?.unitIds ?? []).filter((id) => id !== assignment?.leadUnitId)
  return others.length > 0 ? [{ type: 'notify-units', unitIds: others, notice: 'co-handling' }] : []
}

/** An event the intake's repeat count set off is recorded as the case's one repeat action. */
function repeatActionOf({
  event,
  ctx,
}: {
  event: RepeatActionEvent
  ctx: TransitionContext
}): Partial<CaseFlags> {
  const counted = repeatCountOf(event)
  return counted ? { repeatAction: { event: event.type, count: counted.count, at: ctx.now } } : {}
}

/**
 * The reporters following a case hear that their repeated reports led to a stronger handling. A person's own
 * decision to escalate or supervise is internal and is not announced.
 */
function repeatNotice({ event }: { event: RepeatActionEvent }): Effect[] {
  return repeatCountOf(event) ? [{ type: 'notify-reporter', notice: 'stepped-up' }] : []
}

/** Work on site (check-in, photos, readings) on an assigned case starts its investigation. */
const ON_SITE_STATES = ['assigned', 'investigating', 'rectifying'] as const satisfies readonly CaseStateKey[]
const onSite = ({ state }: { state: CaseMachineState }): CaseStateKey =>
  state.status === 'assigned' ? 'investigating' : state.status

/** Once the case is in hand (assigned) until it is archived, a penalty case can be linked to it. */
const AFTER_ASSIGNMENT = [
  ...STATE_GROUPS.open.filter((s) => !STATE_GROUPS.intake.includes(s) && s !== 'accepted'),
  'closed',
] as const satisfies readonly CaseStateKey[]

export const TRANSITIONS: TransitionTable = {
  // Registration opens a case (`openCase`); on an existing case it is always illegal.
  register: [],

  'request-supplement': [
    {
      from: ['registered'],
      roles: ['intake'],
      guards: ['supplementNotYetRequested'],
      to: 'awaiting-supplement',
      update: ({ event, ctx }) => ({
        flags: { supplement: { requestedAt: ctx.now, missingItems: event.missingItems, suppliedAt: null } },
      }),
      effects: () => [{ type: 'notify-reporter', notice: 'supplement-requested' }, { type: 'pause-clocks' }],
    },
  ],

  'supply-supplement': [
    {
      from: ['awaiting-supplement'],
      roles: ['reporter', 'intake'],
      guards: ['actorIsCaseReporter'],
      to: 'registered',
      update: ({ state, ctx }) => ({
        flags: { supplement: state.flags.supplement && { ...state.flags.supplement, suppliedAt: ctx.now } },
      }),
      effects: () => [
        { type: 'notify-roles', roles: roles('intake'), notice: 'supplement-received' },
        { type: 'resume-clocks' },
      ],
    },
  ],

  accept: [
    {
      from: ['registered'],
      roles: ['intake'],
      to: 'accepted',
      effects: () => [
        { type: 'notify-reporter', notice: 'accepted' },
        { type: 'notify-roles', roles: roles('dispatcher'), notice: 'to-assign' },
      ],
    },
  ],

  'not-accept': [
    {
      from: STATE_GROUPS.intake,
      roles: ['intake'],
      guards: ['reasonAvailableInProfile', 'evidenceRequestedOnceFirst'],
      to: 'not-accepted',
      update: ({ event }) => ({
        flags: { outcome: { kind: 'not-accepted', reason: event.reason, guidance: event.guidance } },
      }),
      effects: () => [{ type: 'notify-reporter', notice: 'not-accepted' }],
    },
  ],

  merge: [
    {
      from: ['registered', 'awaiting-supplement', 'accepted'],
      roles: ['intake', 'dispatcher'],
      to: 'merged',
      update: ({ event }) => ({ flags: { outcome: { kind: 'merged', intoCaseId: event.intoCaseId } } }),
      effects: () => [{ type: 'notify-reporter', notice: 'merged' }],
    },
  ],

  'find-out-of-remit': [
    {
      from: ['registered', 'awaiting-supplement', 'accepted', 'assigned', 'investigating'],
      roles: ['intake', 'dispatcher', 'officer'],
      guards: ['remitNotYetQuestioned'],
      update: ({ event }) => ({ flags: { outOfRemit: event.finding } }),
      effects: () => [{ type: 'notify-roles', roles: roles('dispatcher'), notice: 'out-of-remit' }],
    },
  ],

  'mark-important': [
    {
      from: beforeReply,
      // system: the intake's repeat count, 群众反映集中 (S4 四(二)).
      roles: ['intake', 'dispatcher', 'leader', 'system'],
      guards: ['notAlreadyImportant', 'systemActsOnRepeatCount', 'repeatActionOnce'],
      update: (input) => ({ facts: { important: true }, flags: repeatActionOf(input) }),
      // S2 第十条: important cases are reported at once to the leader in charge.
      effects: (input) => [
        { type: 'notify-roles', roles: roles('leader'), notice: 'important-case' },
        ...repeatNotice(input),
      ],
    },
  ],

  assign: [
    {
      from: ['accepted'],
      roles: ['dispatcher'],
      guards: ['leadUnitNamedForMultiUnit', 'officerNotRecused', 'dueDateWithinLegal'],
      to: 'assigned',
      update: ({ event }) => ({
        flags: {
          assignment: {
            unitIds: event.unitIds,
            leadUnitId: event.leadUnitId ?? event.unitIds[0] ?? '',
            officer: event.officer,
            instructions: event.instructions,
            dueDate: event.dueDate,
          },
        },
      }),
      // The named officer; the units sharing the case with the lead office (S2 第十六条).
      effects: ({ event }, next) => [
        { type: 'notify-staff', staffIds: [event.officer.id], notice: 'assigned' },
        ...coHandlingNotice(next),
      ],
    },
  ],

  transfer: [
    {
      // Within the bureau: another handling unit takes the case over.
      from: ['assigned', 'investigating', 'rectifying'],
      match: (event) => event.target === 'unit',
      roles: ['dispatcher'],
      guards: ['transferTargetIsNewUnit'],
      to: 'assigned',
      // The receiving unit names its officer (designate-officer): nobody there is named yet.
      update: ({ event }) => ({
        flags: {
          assignment: {
            unitIds: [event.to],
            leadUnitId: event.to,
            officer: null,
            instructions: '',
            dueDate: null,
          },
        },
      }),
      effects: (_input, next) => [handlers(next, 'assigned')],
    },
    {
      // Out: another region's authority (S3 第十条) or another department (S1 第八条, S4 四(四)); reporter told.
      from: ['registered', 'awaiting-supplement', 'accepted', 'assigned', 'investigating'],
      match: (event) => event.target !== 'unit',
      roles: ['intake', 'dispatcher'],
      guards: ['transferMatchesFinding'],
      to: 'transferred-out',
      update: ({ event }) => ({
        flags: {
          outcome: {
            kind: 'transferred',
            target: event.target === 'region' ? 'region' : 'department',
            to: event.to,
          },
        },
      }),
      effects: () => [{ type: 'notify-reporter', notice: 'transferred' }],
    },
  ],

  'start-investigation': [{ from: ['assigned'], roles: ['officer'], to: 'investigating' }],

  'record-site-visit': [
    {
      from: ['investigating', 'rectifying'],
      roles: ['officer'],
      update: ({ state }) => ({ flags: { siteVisits: state.flags.siteVisits + 1 } }),
    },
  ],

  'record-initial-opinion': [
    {
      from: ['assigned', 'investigating', 'rectifying'],
      roles: ['officer'],
      guards: ['initialOpinionNotYetRecorded'],
      update: () => ({ flags: { initialOpinionRecorded: true } }),
    },
  ],

  'order-rectification': [
    {
      from: ['investigating'],
      roles: ['officer'],
      guards: ['siteVisitRecorded', 'rectificationDueNotPast'],
      to: 'rectifying',
      update: ({ event }) => ({ flags: { rectification: { dueDate: event.dueDate, completed: false } } }),
    },
  ],

  'complete-rectification': [
    {
      from: ['rectifying'],
      roles: ['officer'],
      guards: ['recordedTimeNotInFuture'],
      to: 'investigating',
      update: ({ state }) => ({
        flags: {
          rectification: state.flags.rectification && { ...state.flags.rectification, completed: true },
        },
      }),
    },
  ],

  'draft-reply': [
    {
      from: ['investigating'],
      roles: ['officer'],
      guards: ['namedOfficerActs', 'siteVisitRecordedForComplaint', 'replyComplete'],
      to: ({ policy }) => APPROVAL_STATES[policy.replyApproval.chain[0]],
      update: ({ event }) => ({ flags: { reply: { draft: event.reply, approvals: [], sentAt: null } } }),
      effects: ({ policy }) => [
        { type: 'notify-roles', roles: [policy.replyApproval.chain[0]], notice: 'approval-needed' },
      ],
    },
  ],

  // S1 第十一条, S2 第十七条: 科室负责人 then 分管领导, as the profile's chain says.
  'approve-reply': (['office-head', 'leader'] as const).map((step) => ({
    from: [APPROVAL_STATES[step]],
    roles: [step],
    to: ({ state, policy }: RowInput<'approve-reply'>) => afterApproval(state.status, policy),
    update: ({ state }: RowInput<'approve-reply'>) => ({
      flags: {
        reply: state.flags.reply && {
          ...state.flags.reply,
          approvals: [...state.flags.reply.approvals, step],
        },
      },
    }),
    effects: (_input: RowInput<'approve-reply'>, next: CaseMachineState): Effect[] => {
      const nextStep = stepOf(next.status)
      return nextStep
        ? [{ type: 'notify-roles', roles: [nextStep], notice: 'approval-needed' }]
        : [handlers(next, 'reply-approved')]
    },
  })),

  'send-back-reply': (['office-head', 'leader'] as const).map((step) => ({
    from: [APPROVAL_STATES[step]],
    roles: [step],
    to: 'investigating' as const,
    update: ({ state }: RowInput<'send-back-reply'>) => ({
      flags: { reply: state.flags.reply && { ...state.flags.reply, approvals: [] } },
    }),
    effects: ({ state }: RowInput<'send-back-reply'>): Effect[] => [handlers(state, 'reply-sent-back')],
  })),

  'send-reply': [
    {
      from: ['reply-approved'],
      roles: ['officer', 'intake'],
      to: 'replied',
      update: ({ state, ctx }) => ({
        flags: { reply: state.flags.reply && { ...state.flags.reply, sentAt: ctx.now } },
      }),
      // S0 第七条(三): the reporter gets the findings and the handling opinion.
      effects: () => [{ type: 'notify-reporter', notice: 'reply' }],
    },
  ],

  'request-extension': [
    {
      from: handling,
      roles: ['officer', 'office-head'],
      guards: ['noExtensionPending', 'beforeHandlingDue', 'withinExtensionCap'],
      update: ({ state, event, ctx }) => ({
        flags: {
          extension: {
            ...state.flags.extension,
            pending: { days: event.days, reason: event.reason, requestedAt: ctx.now },
          },
        },
      }),
      effects: ({ policy }) => [
        { type: 'notify-roles', roles: policy.extension.approverRoles, notice: 'extension-requested' },
      ],
    },
  ],

  'approve-extension': [
    {
      from: handling,
      roles: (policy) => policy.extension.approverRoles,
      guards: ['extensionPending', 'approvedDaysWithinRequest'],
      update: ({ state, event }) => ({
        flags: { extension: { pending: null, grantedDays: state.flags.extension.grantedDays + event.days } },
      }),
      effects: ({ state, event, policy }) => [
        { type: 'extend-clock', clock: 'handling', days: event.days },
        handlers(state, 'extension-decided'),
        // S3 第十一条, S4 四(四): the reporter is told the reason.
        ...(policy.extension.notifyReporter
          ? [{ type: 'notify-reporter', notice: 'extension-granted' } as const]
          : []),
      ],
    },
  ],

  'reject-extension': [
    {
      from: handling,
      roles: (policy) => policy.extension.approverRoles,
      guards: ['extensionPending'],
      update: ({ state }) => ({ flags: { extension: { ...state.flags.extension, pending: null } } }),
      effects: ({ state }) => [handlers(state, 'extension-decided')],
    },
  ],

  // 催办 (S2 第十八条, S3 第十三条).
  remind: [
    {
      from: bureauTurn,
      roles: ['system', 'supervisor', 'dispatcher'],
      guards: ['reminderDueForTimer'],
      update: ({ state }) => ({ flags: { reminders: state.flags.reminders + 1 } }),
      effects: ({ state }) => [handlers(state, 'reminder')],
    },
  ],

  // 督办 (S3 第十五条; overdue: S2 第十八条; repeat reports: S3 第十五条(二), S1 第十四条).
  supervise: [
    {
      from: bureauTurn,
      // system: the timer on overdue cases, the intake on the repeat count.
      roles: ['system', 'supervisor'],
      guards: ['supervisionGrounded', 'systemActsOnRepeatCount', 'repeatActionOnce'],
      update: (input) => ({ flags: { supervised: true, ...repeatActionOf(input) } }),
      effects: (input) => [
        handlers(input.state, 'supervision'),
        { type: 'notify-roles', roles: roles('leader'), notice: 'supervision' },
        ...repeatNotice(input),
      ],
    },
  ],

  // 提级办理 (S0 第十一条): the head of the branch leads the site visit, the city supervises.
  escalate: [
    {
      from: beforeReply,
      // system: intake counts the repeat reports and escalates at the threshold (S0 第十一条).
      roles: ['system', 'supervisor', 'leader'],
      guards: ['notAlreadyEscalated', 'systemActsOnRepeatCount', 'repeatActionOnce'],
      update: (input) => ({ flags: { escalated: true, ...repeatActionOf(input) } }),
      // The handling unit's head leads the site visit (分局主要负责人亲自带队); leaders and supervisors oversee.
      effects: (input) => [
        handlers(input.state, 'escalated'),
        { type: 'notify-roles', roles: roles('leader', 'supervisor'), notice: 'escalated' },
        ...repeatNotice(input),
      ],
    },
  ],

  // 领导包案 (S2 第八条): the 支队 lists the case for a bureau leader's personal charge (its yearly plan names the
  // leader and the responsible office, approved by the 党组); the leaders and the handling units are told.
  'list-leader-case': [
    {
      from: inHand,
      // system: the intake's repeat count, 信访积案 (S2 第八条).
      roles: ['system', 'supervisor'],
      guards: ['notAlreadyLeaderCase', 'systemActsOnRepeatCount', 'repeatActionOnce'],
      update: (input) => ({
        flags: { leaderCase: { ground: input.event.ground, at: input.ctx.now }, ...repeatActionOf(input) },
      }),
      effects: (input) => [
        { type: 'notify-roles', roles: roles('leader'), notice: 'leader-case' },
        handlers(input.state, 'leader-case'),
        ...repeatNotice(input),
      ],
    },
  ],

  'request-review': [
    {
      from: ['replied'],
      roles: ['reporter', 'intake'],
      guards: ['actorIsCaseReporter', 'withinReviewWindow'],
      to: 'under-review',
      update: ({ state }) => ({ flags: { reviewRounds: state.flags.reviewRounds + 1 } }),
      effects: ({ state }) => [
        handlers(state, 'review-requested'),
        { type: 'notify-roles', roles: roles('leader'), notice: 'review-requested' },
      ],
    },
    {
      // S4 四(五): another 复查 by the same unit, within the period the 条例 gives for 复核.
      from: ['review-decided'],
      roles: ['reporter', 'intake'],
      guards: ['actorIsCaseReporter', 'sameUnitReviewLoopAllowed', 'withinReReviewWindow'],
      to: 'under-review',
      update: ({ state }) => ({ flags: { reviewRounds: state.flags.reviewRounds + 1 } }),
      effects: ({ state }) => [
        handlers(state, 'review-requested'),
        { type: 'notify-roles', roles: roles('leader'), notice: 'review-requested' },
      ],
    },
  ],

  'decide-review': [
    {
      from: ['under-review'],
      roles: ['leader'],
      to: 'review-decided',
      effects: () => [{ type: 'notify-reporter', notice: 'review-decision' }],
    },
  ],

  'request-re-review': [
    {
      from: ['review-decided'],
      roles: ['reporter', 'intake'],
      guards: ['actorIsCaseReporter', 'withinReReviewWindow'],
      to: 'under-re-review',
      effects: () => [
        { type: 'notify-roles', roles: roles('leader', 'supervisor'), notice: 're-review-requested' },
      ],
    },
  ],

  'decide-re-review': [
    {
      from: ['under-re-review'],
      roles: ['leader', 'supervisor'],
      to: 'closed',
      update: () => ({ flags: { finalDecision: true } }),
      effects: () => [{ type: 'notify-reporter', notice: 're-review-decision' }],
    },
  ],

  // The reporter rates the reply once; it stays in the history like every other step.
  'rate-reply': [
    {
      // Also after the case closed without a rating (视为办结: the reporter comes back to rate it).
      from: [...awaitingReporter, 'closed'],
      roles: ['reporter'],
      guards: ['actorIsCaseReporter', 'notYetRated'],
      update: () => ({ flags: { rated: true } }),
    },
  ],

  'accept-reply': [
    {
      from: awaitingReporter,
      roles: ['reporter', 'intake'],
      guards: ['actorIsCaseReporter', 'ratingOnce'],
      to: 'closed',
      update: ({ state, event }) => ({ flags: { rated: state.flags.rated || event.rating !== null } }),
    },
  ],

  // S2 第二十条: no objection within 30 日 → 视为办结.
  'deem-closed': [
    {
      from: awaitingReporter,
      roles: ['system'],
      guards: ['objectionWindowElapsed'],
      to: 'closed',
      effects: () => [{ type: 'notify-reporter', notice: 'closed' }],
    },
  ],

  // 回访 (S0 第八条, S4 四(七)) and the upper level's 抽查 (S3 第十四条, S2 第二十二条).
  'record-return-visit': [
    {
      from: [...awaitingReporter, 'closed'],
      roles: ['officer', 'supervisor', 'office-head'],
      update: ({ event, ctx }) => ({
        flags: { lastCheck: { kind: event.kind, problemRecurred: event.problemRecurred, at: ctx.now } },
      }),
    },
  ],

  // S0 第八条 进一步办理并反馈; S3 第十四条 要求改正或重新办理 (an archived case sampled by a spot check too).
  reopen: [
    {
      from: [...awaitingReporter, 'closed', 'archived'],
      roles: ['supervisor', 'office-head', 'leader'],
      guards: ['lastCheckFoundRecurrence'],
      to: 'assigned',
      update: ({ state }) => ({
        flags: {
          reopenCount: state.flags.reopenCount + 1,
          reply: null,
          lastCheck: null,
          extension: { pending: null, grantedDays: 0 },
          finalDecision: false,
        },
      }),
      effects: ({ state }) => [handlers(state, 'reopened'), { type: 'notify-reporter', notice: 'reopened' }],
    },
  ],

  // 移交经办: an administrator hands a leaver's open cases to a colleague; unit, state and clocks are unchanged,
  // so nobody is told but the record (the batch in cloudfunctions/admin picks the cases the leaver works).
  'hand-over': [
    {
      from: STATE_GROUPS.open,
      roles: ['admin'],
      guards: ['handOverToAnother'],
      // The leaver named as the case's officer (S2 第十六条): the colleague is named in their place.
      update: ({ state, event }) => {
        const assignment = state.flags.assignment
        return assignment && namedOfficer(state.flags)?.id === event.from.id
          ? { flags: { assignment: { ...assignment, officer: event.to } } }
          : {}
      },
    },
  ],

  // S3 第二十四条.
  archive: [
    {
      from: endedUnarchived,
      roles: ['intake', 'admin', 'system'],
      guards: ['returnVisitDoneIfRequired'],
      to: 'archived',
    },
  ],

  // What a whistleblower reward rests on (shared/rewards): the decision confirming the violation, or the finding
  // that the report is untrue. Recorded from the investigation on, and still after the reply and the closing of
  // the case: a penalty decision often comes later than the reply.
  'confirm-violation': [
    {
      from: INVESTIGATED,
      roles: ['officer', 'office-head', 'leader'],
      guards: ['decisionNotInFuture'],
    },
  ],

  'find-report-untrue': [{ from: INVESTIGATED, roles: ['officer', 'office-head', 'leader'] }],
  // On site (S1 第九条 第一时间赶赴现场; S2 第十二条 立即组织现场核实): the officer, or the head or leader who leads the
  // visit (S0 第十一条 主要负责人亲自带队; S0 第五条 领导带班), checks in. A correction is another check-in. Counted:
  // an urgent case is on the duty list until someone has been on site (shared/cases/todo.ts).
  'check-in': [
    {
      from: ON_SITE_STATES,
      roles: ['officer', 'office-head', 'leader'],
      to: onSite,
      update: ({ state }) => ({ flags: { checkIns: checkInsOf(state.flags) + 1 } }),
    },
  ],

  'add-site-photos': [{ from: ON_SITE_STATES, roles: ['officer', 'office-head', 'leader'], to: onSite }],

  // Readings are the officer's (or the monitoring staff's, S2 第十二条: 每个班次 1 名监测人员, who act as officers).
  'record-measurement': [
    { from: ON_SITE_STATES, roles: ['officer'], guards: ['recordedTimeNotInFuture'], to: onSite },
  ],

  // S0 第七条(二) 对环境违法行为的，依法处罚纠正; S4 三(三) 查证属实的环境违法行为要坚决立案查处.
  'link-penalty-case': [{ from: AFTER_ASSIGNMENT, roles: ['officer', 'office-head'] }],

  // 督办单 (S3 第十五条): the upper level sets a time limit and what it requires; the handling unit reports the
  // result; the supervisor accepts it or sends it back (内容不全、事实不清) with a new limit. Also on a closed
  // case whose decision was not carried out (S3 第十五条(一)).
  'issue-supervision-order': [
    {
      from: SUPERVISABLE,
      roles: ['supervisor'],
      guards: ['noOpenSupervisionOrder', 'dueDateNotPast'],
      update: ({ event, ctx }) => ({
        flags: {
          supervised: true,
          supervisionOrder: {
            reason: event.reason,
            dueDate: event.dueDate,
            issuedAt: ctx.now,
            state: 'open',
            reportedAt: null,
            sendBacks: 0,
          },
        },
      }),
      effects: ({ state }) => [
        handlers(state, 'supervision-order'),
        { type: 'notify-roles', roles: roles('leader'), notice: 'supervision' },
      ],
    },
  ],

  'report-supervision-result': [
    {
      from: SUPERVISABLE,
      roles: ['officer', 'office-head'],
      guards: ['supervisionOrderOpen'],
      update: ({ state, ctx }) => ({
        flags: {
          supervisionOrder: state.flags.supervisionOrder && {
            ...state.flags.supervisionOrder,
            state: 'reported',
            reportedAt: ctx.now,
          },
        },
      }),
      effects: () => [{ type: 'notify-roles', roles: roles('supervisor'), notice: 'supervision-result' }],
    },
  ],

  'accept-supervision-result': [
    {
      from: SUPERVISABLE,
      roles: ['supervisor'],
      guards: ['supervisionResultReported'],
      update: ({ state }) => ({
        flags: {
          supervisionOrder: state.flags.supervisionOrder && {
            ...state.flags.supervisionOrder,
            state: 'closed',
          },
        },
      }),
      effects: ({ state }) => [handlers(state, 'supervision-closed')],
    },
  ],

  'send-back-supervision-result': [
    {
      from: SUPERVISABLE,
      roles: ['supervisor'],
      guards: ['supervisionResultReported', 'dueDateNotPast'],
      update: ({ state, event }) => ({
        flags: {
          supervisionOrder: state.flags.supervisionOrder && {
            ...state.flags.supervisionOrder,
            state: 'open',
            dueDate: event.dueDate,
            reportedAt: null,
            sendBacks: state.flags.supervisionOrder.sendBacks + 1,
          },
        },
      }),
      effects: ({ state }) => [handlers(state, 'supervision-sent-back')],
    },
  ],

  // 抽查 of a handled case by the upper level (S3 第十四条, S0 第九条, S2 第二十二条); a finding of irregular
  // handling or a relapse lets `reopen` order it redone.
  'record-spot-check': [
    {
      from: [...awaitingReporter, 'closed', 'archived'],
      roles: ['supervisor'],
      update: ({ event, ctx }) => ({
        flags: {
          lastCheck: {
            kind: 'spot-check',
            problemRecurred: event.problemRecurred,
            irregular: event.finding === 'irregular',
            at: ctx.now,
          },
        },
      }),
    },
  ],

  // 领导包案 (S2 第八条; S4 五(二)): a leader takes a key or listed case in personal charge, by name.
  'take-leader-case': [
    {
      from: inHand,
      roles: ['leader'],
      guards: ['keyOrListedCase', 'noLeaderNamed'],
      update: ({ state, actor, ctx }) => ({
        flags: {
          leaderCase: {
            ground: state.flags.leaderCase?.ground ?? 'key-case',
            at: state.flags.leaderCase?.at ?? ctx.now,
            leaderStaffId: actor.id,
          },
        },
      }),
      effects: ({ state }) => [handlers(state, 'leader-case')],
    },
  ],

  // The lead unit names (or changes) the officer who handles the case: after a transfer to it, after the named
  // officer stepped aside, or to hand it to a colleague; with instructions and a date within the legal one.
  'designate-officer': [
    {
      from: ['assigned', 'investigating', 'rectifying'],
      roles: ['dispatcher', 'office-head'],
      guards: ['officerNotRecused', 'dueDateWithinLegal'],
      update: ({ state, event }) => ({
        flags: {
          assignment: state.flags.assignment && {
            ...state.flags.assignment,
            officer: event.officer,
            instructions: event.instructions,
            dueDate: event.dueDate,
          },
        },
      }),
      effects: ({ event }) => [{ type: 'notify-staff', staffIds: [event.officer.id], notice: 'assigned' }],
    },
  ],

  // 回避 (S2 第六条): whoever has a direct interest in the matter or in the reporter steps aside, and is excluded
  // from the case from then on (the case access refuses them like a case outside their scope). A named officer
  // who steps aside leaves the case without one: the lead unit names another.
  recuse: [
    {
      from: STATE_GROUPS.open,
      // Every post with duties on cases may step aside from one (S2 第六条).
      roles: CASE_DUTY_ROLES,
      guards: ['notYetRecused'],
      update: ({ state, actor }) => {
        const assignment = state.flags.assignment
        const wasOfficer = assignment?.officer?.id === actor.id
        return {
          flags: {
            recused: [...recusedStaffIds(state.flags), actor.id],
            ...(wasOfficer && assignment ? { assignment: { ...assignment, officer: null } } : {}),
          },
        }
      },
      effects: ({ state, actor }) =>
        state.flags.assignment?.officer?.id === actor.id
          ? [{ type: 'notify-roles', roles: roles('dispatcher', 'office-head'), notice: 'recused' }]
          : [],
    },
  ],

  // 行政调解 (S2 第十一条): a dispute the parties agreed to mediate is closed by the agreement reached, recorded by
  // the officer handling the case; the reporter is told.
  'record-mediation': [
    {
      from: ['investigating', 'rectifying'],
      roles: ['officer'],
      guards: ['namedOfficerActs', 'mediationAgreed'],
      to: 'closed',
      update: ({ event }) => ({ flags: { outcome: { kind: 'mediated', matter: event.matter } } }),
      effects: () => [{ type: 'notify-reporter', notice: 'mediated' }],
    },
  ],
}
