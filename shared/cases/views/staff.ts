// A case as staff see it: the inbox row and the case page. Everything of the case and of its history (every field
// of every event, who acted by name and post), held content flagged apart — and the reporter masked only:
// revealing who they are is an audited action of its own (staff.revealReporter).
import type { CaseClock } from '../../deadlines'
import { describeFinding } from '../../intake/importance'
import { replyRemediesText } from '../../policy'
import type { Location } from '../../vocabulary/fields'
import { actorLabel, type RecordedActor } from '../../workflow/actors'
import { describeFields } from '../../workflow/catalogue/describe'
import { CASE_EVENT_LABELS, EVENT_CATALOGUE, type CaseEventType } from '../../workflow/events'
import { policyOf } from '../../workflow/machine'
import { namedOfficer } from '../../workflow/people'
import type { ReplyContent } from '../../workflow/catalogue/reply'
import type { LocalDate } from '../../time'
import type { CategoryKey } from '../../vocabulary/categories'
import type { RequestTypeKey } from '../../vocabulary/request-types'
import { stateLabel } from '../../workflow/states'
import { machineStateOf, type ReporterMode, type RoutingRecord, type StoredCase } from '../case-doc'
import { responseTimeOf, type ResponseTime } from '../response-time'
import { waitingOf, type DueBadge } from '../todo'
import { heldContentViews, heldPhotoIds, holdsOf, isEntryHeld } from '../content-holds'
import type { HeldContentView } from '../held-content'
import { clockViews, nextDuty, type CaseClockView, type DutyDue } from './clocks'
import { headlineOf, photoViews, type CaseHeadline, type CasePhoto } from './headline'
import { toOnSiteView, type OnSiteView } from './on-site'
import { narrationContext, type CaseTimelineEntry } from './timeline'

/** What staff see of a reporter: masked; revealing is an audited action of its own. */
export interface MaskedReporter {
  mode: ReporterMode
  name: string | null
  phone: string | null
}

export interface InboxItem extends CaseHeadline {
  descriptionExcerpt: string
  photoCount: number
  unitId: string
  unitName: string
  reporter: MaskedReporter
  important: boolean
  urgent: boolean
  escalated: boolean
  supervised: boolean
  /** 列入领导包案 (S2 第八条). */
  leaderCase: boolean
  /** Citizen content of the case awaits a person's review (CONTENT_HELD_TAG); see the case's heldContent. */
  contentHeld: boolean
  /** The nearest due date of a running duty, and whether it has passed. */
  nextDue: DutyDue | null
  /** How near that date is: 已逾期, 今日到期, 3 个工作日内到期 (working days of the calendar). */
  dueBadge: DueBadge | null
  /** The officer the assignment names in the lead unit (`unitName` holds the case); null while nobody is named. */
  officerName: string | null
  /** What the case waits for, from the state table and its flags; null once it has ended here. */
  waitsFor: string | null
  /** Urgent cases: from the report to the first check-in on site. */
  responseTime: ResponseTime | null
  followers: number
}

/** The approval chain of the reply, grouped (S1 第十一条, S2 第十七条): every draft, approval and send-back. */
interface ReplyChainStep {
  at: string
  kind: 'draft-reply' | 'approve-reply' | 'send-back-reply' | 'send-reply'
  label: string
  actor: { name: string | null; post: string }
  /** The approver's comment or the reason it was sent back. */
  comment: string | null
}

/** The assignment as the lead unit works it: units, the named officer, instructions, dates. */
interface AssignmentView {
  units: Array<{ id: string; name: string; lead: boolean }>
  officer: { id: string; name: string } | null
  instructions: string
  /** The date the assignment set, or null: the legal due date applies. */
  dueDate: LocalDate | null
}

/** An extension request awaiting its decision: what the approver decides on. */
interface PendingExtensionView {
  days: number
  reason: string
  requestedAt: string
  requestedBy: { name: string | null; post: string } | null
}

export interface StaffCaseDetail extends InboxItem {
  version: number
  description: string
  /** The accepted photos of the report (held ones are in heldContent). */
  photos: CasePhoto[]
  /** Citizen content held back until a person clears it (content security). */
  heldContent: HeldContentView[]
  location: Location
  occurredAt: string | null
  reportedEntity: string | null
  routing: Pick<RoutingRecord, 'outcome' | 'cite' | 'guidance' | 'department'>
  /** 研判: what the intake rules found, each as a sentence for the case file (with its articles). */
  findings: Array<{ label: string; text: string }>
  timeline: CaseTimelineEntry[]
  clocks: CaseClockView[]
  /** The reply's 救济渠道 to start from: the periods and articles of this case's policy (staff may edit it). */
  replyRemedies: string
  /** Workflow events this staff member may send now (buttons), with their Chinese labels. */
  allowedEvents: Array<{ type: CaseEventType; label: string }>
  mergedInto: string | null
  assignment: AssignmentView | null
  /** The reply as last drafted (a send-back keeps it: the redraft starts from it). */
  replyDraft: ReplyContent | null
  replyChain: ReplyChainStep[]
  pendingExtension: PendingExtensionView | null
  /** 现场: check-ins with their distance, stamped photos, readings against their limits, rectification, penalties. */
  onSite: OnSiteView
}

/** How many characters of the description an inbox row shows. */
const EXCERPT_CHARS = 60

function excerptOf(text: string): string {
  const chars = [...text]
  return chars.length > EXCERPT_CHARS ? chars.slice(0, EXCERPT_CHARS).join('') + '…' : text
}

/** The reporter as staff see them: the masks stored at filing, never the sealed identity. */
function maskedReporter(doc: StoredCase): MaskedReporter {
  return {
    mode: doc.reporter.mode,
    name: doc.reporter.nameMasked ?? null,
    phone: doc.reporter.phoneMasked ?? null,
  }
}

/** How near a due date is (the caller knows today and the working-day calendar); none by default. */
export type DueBadgeOf = (due: LocalDate | null) => DueBadge | null

export function toInboxItem(
  doc: StoredCase,
  unitName: string,
  clocks: readonly CaseClock[],
  dueBadgeOf: DueBadgeOf = () => null,
): InboxItem {
  const next = nextDuty(clocks)
  return {
    ...headlineOf(doc),
    descriptionExcerpt: excerptOf(doc.description),
    photoCount: doc.photos.length,
    unitId: doc.unitId,
    unitName,
    reporter: maskedReporter(doc),
    important: doc.facts.important,
    urgent: doc.intake.urgency === 'immediate' || doc.facts.emergency,
    escalated: doc.flags.escalated,
    supervised: doc.flags.supervised,
    leaderCase: !!doc.flags.leaderCase,
    contentHeld: holdsOf(doc).length > 0,
    nextDue: next,
    dueBadge: dueBadgeOf(next?.date ?? null),
    officerName: namedOfficer(doc.flags)?.name ?? null,
    waitsFor: waitingOf(machineStateOf(doc)).waitsFor,
    responseTime: doc.facts.emergency ? responseTimeOf(doc.history) : null,
    followers: doc.followerCount,
  }
}

/** Names staff read the history with: units, and the staff who acted (null when unknown). */
interface StaffNames {
  unitName: (id: string) => string
  staffName: (staffId: string) => string | null
}

/** Who acted, as staff read it: the staff member by name (when known) and the post they acted in. */
function actorView(actor: RecordedActor, staffName: StaffNames['staffName']) {
  return { name: actor.kind === 'staff' ? staffName(actor.id) : null, post: actorLabel(actor) }
}

/** The history as staff read it: every field of every event, by its catalogue label, and who acted. */
function staffTimeline(doc: StoredCase, names: StaffNames): CaseTimelineEntry[] {
  return doc.history.map((entry, index) => {
    const def = EVENT_CATALOGUE[entry.event.type]
    const summary = def.staff?.summary(
      entry.event as never,
      narrationContext(doc, index, names.unitName, true),
    )
    const { lines, sections } = describeFields(def.fields, entry.event as Record<string, unknown>, names)
    return {
      at: entry.at,
      kind: entry.event.type,
      label: def.label,
      tone: def.tone,
      ...(summary ? { detail: summary } : {}),
      ...(lines.length ? { lines } : {}),
      ...(sections.length ? { sections } : {}),
      actor: actorView(entry.actor, names.staffName),
      ...(isEntryHeld(doc, index) ? { held: true } : {}),
    }
  })
}

const REPLY_CHAIN_KINDS: ReadonlySet<string> = new Set<ReplyChainStep['kind']>([
  'draft-reply',
  'approve-reply',
  'send-back-reply',
  'send-reply',
])

/** The reply's approval chain from the history: who drafted, approved, sent back (with why) and sent it. */
function replyChainOf(doc: StoredCase, names: StaffNames): ReplyChainStep[] {
  return doc.history.flatMap((entry) => {
    const event = entry.event
    if (!REPLY_CHAIN_KINDS.has(event.type)) return []
    const comment =
      event.type === 'approve-reply'
        ? event.comment || null
        : event.type === 'send-back-reply'
          ? event.reason
          : null
    return [
      {
        at: entry.at,
        kind: event.type as ReplyChainStep['kind'],
        label: CASE_EVENT_LABELS[event.type],
        actor: actorView(entry.actor, names.staffName),
        comment,
      },
    ]
  })
}

function assignmentView(doc: StoredCase, unitName: (id: string) => string): AssignmentView | null {
  const assignment = doc.flags.assignment
  if (!assignment) return null
  return {
    units: assignment.unitIds.map((id) => ({ id, name: unitName(id), lead: id === assignment.leadUnitId })),
    officer: assignment.officer ?? null,
    instructions: assignment.instructions ?? '',
    dueDate: assignment.dueDate ?? null,
  }
}

/** The pending extension request, with who asked (the latest request-extension entry). */
function pendingExtensionView(doc: StoredCase, names: StaffNames): PendingExtensionView | null {
  const pending = doc.flags.extension.pending
  if (!pending) return null
  const asked = [...doc.history].reverse().find((e) => e.event.type === 'request-extension')
  return {
    days: pending.days,
    reason: pending.reason,
    requestedAt: pending.requestedAt,
    requestedBy: asked ? actorView(asked.actor, names.staffName) : null,
  }
}

export interface StaffViewContext extends StaffNames {
  clocks: readonly CaseClock[]
  /** How near a due date is (today and the working-day calendar). */
  dueBadgeOf?: DueBadgeOf
  /** Links of the report's photos and of held photos a person must look at. */
  photoUrls: Record<string, string>
  /** The workflow's allowed events for this staff member (their buttons). */
  allowedEvents: readonly CaseEventType[]
}

export function toStaffDetail(doc: StoredCase, ctx: StaffViewContext): StaffCaseDetail {
  const held = heldPhotoIds(doc)
  return {
    ...toInboxItem(doc, ctx.unitName(doc.unitId), ctx.clocks, ctx.dueBadgeOf),
    version: doc._version,
    description: doc.description,
    // Held photos are shown with their hold, not among the accepted ones.
    photos: photoViews(
      doc.photos.filter((fileId) => !held.has(fileId)),
      ctx.photoUrls,
    ),
    heldContent: heldContentViews(doc, ctx.photoUrls),
    location: doc.location,
    occurredAt: doc.occurredAt,
    reportedEntity: doc.reportedEntity,
    routing: {
      outcome: doc.routing.outcome,
      cite: doc.routing.cite,
      guidance: doc.routing.guidance,
      department: doc.routing.department,
    },
    findings: doc.intake.findings.map((f) => ({ label: f.label, text: describeFinding(f) })),
    timeline: staffTimeline(doc, ctx),
    clocks: clockViews(ctx.clocks),
    replyRemedies: replyRemediesText(policyOf(doc)),
    allowedEvents: ctx.allowedEvents.map((type) => ({ type, label: CASE_EVENT_LABELS[type] })),
    mergedInto: doc.mergedInto,
    assignment: assignmentView(doc, ctx.unitName),
    replyDraft: doc.flags.reply?.draft ?? null,
    replyChain: replyChainOf(doc, ctx),
    pendingExtension: pendingExtensionView(doc, ctx),
    onSite: toOnSiteView(doc, ctx),
  }
}

/** A case as shown beside another when deciding a merge (S3 第九条(四) 同一事项合并办理). */
export interface MergeSide {
  caseId: string
  refNo: string
  category: CategoryKey
  requestType: RequestTypeKey
  statusLabel: string
  createdAt: string
  address: string
  reportedEntity: string | null
  description: string
  unitName: string
  followers: number
}

/** A case the first may be merged into, with why it looks like the same matter. */
export interface MergeCandidate extends MergeSide {
  distanceMetres: number | null
  verdict: 'likely-duplicate' | 'related'
  reasons: string[]
}

export function toMergeSide(doc: StoredCase, unitName: string): MergeSide {
  return {
    caseId: doc._id,
    refNo: doc.refNo,
    category: doc.category,
    requestType: doc.requestType,
    statusLabel: stateLabel(doc.status),
    createdAt: doc.createdAt,
    address: doc.location.address,
    reportedEntity: doc.reportedEntity,
    description: doc.description,
    unitName,
    followers: doc.followerCount,
  }
}
