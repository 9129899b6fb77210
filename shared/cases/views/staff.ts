// A case as staff see it: the inbox row and the case page. Everything of the case and of its history (every field
// of every event, who acted by name and post), held content flagged apart — and the reporter masked only:
// revealing who they are is an audited action of its own (staff.revealReporter).
import type { CaseClock } from '../../deadlines'
import { describeFinding } from '../../intake/importance'
import { effectivePolicy, getPolicyProfile, replyRemediesText } from '../../policy'
import type { Location } from '../../vocabulary/fields'
import { actorLabel, type RecordedActor } from '../../workflow/actors'
import { describeFields } from '../../workflow/catalogue/describe'
import { CASE_EVENT_LABELS, EVENT_CATALOGUE, type CaseEventType } from '../../workflow/events'
import type { ReporterMode, RoutingRecord, StoredCase } from '../case-doc'
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
  followers: number
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

export function toInboxItem(doc: StoredCase, unitName: string, clocks: readonly CaseClock[]): InboxItem {
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
    nextDue: nextDuty(clocks),
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

export interface StaffViewContext extends StaffNames {
  clocks: readonly CaseClock[]
  /** Links of the report's photos and of held photos a person must look at. */
  photoUrls: Record<string, string>
  /** The workflow's allowed events for this staff member (their buttons). */
  allowedEvents: readonly CaseEventType[]
}

export function toStaffDetail(doc: StoredCase, ctx: StaffViewContext): StaffCaseDetail {
  const held = heldPhotoIds(doc)
  return {
    ...toInboxItem(doc, ctx.unitName(doc.unitId), ctx.clocks),
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
    replyRemedies: replyRemediesText(effectivePolicy(getPolicyProfile(doc.profile.id, doc.profile.version))),
    allowedEvents: ctx.allowedEvents.map((type) => ({ type, label: CASE_EVENT_LABELS[type] })),
    mergedInto: doc.mergedInto,
    onSite: toOnSiteView(doc, ctx),
  }
}
