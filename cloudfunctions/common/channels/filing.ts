// Reports that come in besides the mini-program, filed through the same path as a citizen's own
// (intake/submission.ts `fileCase`: open → build → one transaction with the registration checks → its effects): the same case, routing,
// clocks and confidentiality. What differs is said here: who registers it (the intake staff member, or the system
// for a platform's push), the channel and its source, the contact as given (sealed), the original material, the
// platform's number and 办理时限, and how the reporter hears of it.
import { createHash } from 'node:crypto'
import type { CaseDoc, CaseOrigin, StoredCase } from '../../../shared/cases/case-doc'
import type { NewReport } from '../../../shared/cases/new-case'
import { similarCaseOf } from '../../../shared/cases/views/preview'
import { visibleToOthers } from '../../../shared/cases/content-holds'
import type { RegisterReport, RegisteredReport } from '../../../shared/contracts/channels'
import { AppError } from '../../../shared/contracts/result'
import { platformOfChannel, type PlatformConfig } from '../../../shared/deployment/platforms'
import { IMPORTANT_BY_CHANNEL } from '../../../shared/intake/channels'
import type { WorkOrder } from '../../../shared/intake/work-orders'
import { toShanghaiIso } from '../../../shared/time'
import { systemActor } from '../../../shared/workflow'
import { caseUnitScope, staffCaseAccess } from '../case-access'
import { COLLECTIONS } from '../collections'
import { assessNewReport, checkOccurredAt, reporterKeyOf } from '../intake/assessment'
import { similarOpenCases } from '../intake/similar'
import { caseIdFor, fileCase } from '../intake/submission'
import type { Runtime, Tx } from '../ports'
import { queryCodeOf, sealReporter, type ReporterContact } from '../reporter-identity'
import { routeReport } from '../routing'
import { unitNamer, type StaffRecord } from '../staff-records'
import { ownUploads } from '../uploads'
import { placeReport } from './placement'

/** The contact as given: real-name when a name or a phone was given, else anonymous. */
function contactOf(contact: { name?: string | null; phone?: string | null }): ReporterContact {
  return contact.name || contact.phone
    ? { mode: 'real-name', name: contact.name ?? null, phone: contact.phone ?? null }
    : { mode: 'anonymous' }
}

/** Repeats are counted per caller: by their phone when they gave one (never the number itself: a keyed hash). */
function reporterKeyOfContact(runtime: Runtime, phone: string | null | undefined): string | null {
  return phone ? reporterKeyOf(runtime, `phone:${phone}`, false) : null
}

/** The staff member's open cases of the same matter: offered for merging (S3 第九条(四)). */
async function similarInScope(
  runtime: Runtime,
  staff: StaffRecord,
  doc: StoredCase,
): Promise<RegisteredReport['similar']> {
  const scope = new Set(caseUnitScope(runtime, staff))
  const found = await similarOpenCases<StoredCase>(runtime, doc, doc.lastReportedAt, 10, visibleToOthers, {
    whole: true,
  })
  return found
    .filter(({ doc: other }) => other._id !== doc._id)
    .filter(({ doc: other }) =>
      [other.unitId, ...(other.flags.assignment?.unitIds ?? [])].some((unit) => scope.has(unit)),
    )
    .slice(0, 5)
    .map(({ doc: other, assessment }) => similarCaseOf(other, assessment, false))
}

/**
 * A report received by phone, letter, visit, a leader's instruction or a referral, registered by an intake
 * staff member: the same filing as a citizen's, with the staff member as the registering actor. A retry of the
 * same request (staff member + clientRequestId) answers the case it registered.
 *
 * A platform's order typed in by hand (its channel is a platform's and its number is given) is that order: the
 * same case its import or push files (one per order number, however it arrives), the platform's origin and the
 * feedback it is owed. An order already registered is refused with the case it became.
 */
export async function registerByStaff(
  runtime: Runtime,
  staff: StaffRecord,
  openid: string,
  input: RegisterReport,
  now: Date,
): Promise<RegisteredReport> {
  const platform = input.externalNo ? platformOfChannel(runtime.deployment, input.channel) : null
  const caseId = platform
    ? orderCaseId(platform.id, input.externalNo!)
    : caseIdFor(`staff:${staff._id}`, input.clientRequestId)
  const existing = await runtime.db.get<StoredCase>(COLLECTIONS.cases, caseId)
  const filed = existing
    ? { doc: existing, replayed: true }
    : await fileRegistration(runtime, staff, openid, input, { caseId, platform }, now)
  const doc = filed.doc
  if (platform && filed.replayed && !sameRegistration(doc, staff, input.clientRequestId)) {
    const message = `该${platform.name}工单（${input.externalNo}）已登记，本局编号 ${doc.refNo}，无需重复登记`
    throw new AppError('CONFLICT', message, { externalNo: message })
  }
  return {
    caseId: doc._id,
    refNo: doc.refNo,
    version: doc._version,
    unitName: unitNamer(runtime.deployment.units)(doc.unitId),
    tellReporter: doc.origin?.tellReporter === 'phone' ? 'phone' : 'none',
    queryCode: queryCodeOf(runtime.secrets.identityKey, doc.reporter),
    similar: await similarInScope(runtime, staff, doc),
    replayed: filed.replayed,
  }
}

/** The case was registered by this staff member's request (a retry), not by another registration or import. */
function sameRegistration(doc: StoredCase, staff: StaffRecord, clientRequestId: string): boolean {
  const actor = doc.history[0]?.actor
  return doc.clientRequestId === clientRequestId && actor?.kind === 'staff' && actor.id === staff._id
}

async function fileRegistration(
  runtime: Runtime,
  staff: StaffRecord,
  openid: string,
  input: RegisterReport,
  { caseId, platform }: { caseId: string; platform: PlatformConfig | null },
  now: Date,
): Promise<{ doc: StoredCase; replayed: boolean }> {
  if (Date.parse(input.receivedAt) > now.getTime()) {
    throw new AppError('VALIDATION_FAILED', '收到时间不能晚于现在', { receivedAt: '收到时间不能晚于现在' })
  }
  checkOccurredAt(input.occurredAt, now)
  const uploads = await ownUploads(runtime.db, openid, input.attachments, ['material']).catch(() => {
    throw new AppError('VALIDATION_FAILED', '有原始材料没有上传成功，请删除后重新上传', {
      attachments: '原始材料未上传成功',
    })
  })
  const { location, placedBy } = placeReport(runtime, input.location)
  const contact = contactOf(input.contact)
  const report: NewReport = {
    clientRequestId: input.clientRequestId,
    requestType: input.requestType,
    category: input.category,
    ...(input.source ? { source: input.source } : {}),
    description: input.description,
    photos: [],
    location,
    ...(input.occurredAt ? { occurredAt: input.occurredAt } : {}),
    ...(input.reportedEntity ? { reportedEntity: input.reportedEntity } : {}),
    reporter: { mode: contact.mode },
  }
  const receivedAt = toShanghaiIso(input.receivedAt)
  const origin: CaseOrigin = {
    platform: platform?.id ?? null,
    tellReporter: tellsByPhone(platform, input.contact.phone) ? 'phone' : 'none',
    importBatchId: null,
  }
  return fileCase(
    runtime,
    {
      caseId,
      report,
      actor: staffCaseAccess(runtime, staff).actor,
      receivedAt,
      arrival: {
        channel: input.channel,
        referredBy: input.referredBy || null,
        externalNo: input.externalNo || null,
        platformDue: input.platformDue || null,
        attachments: input.attachments,
        important: input.channel in IMPORTANT_BY_CHANNEL,
      },
      // The caller may follow it with the query code read out to them (then the normal notices reach them).
      reporter: sealReporter(runtime.secrets.identityKey, null, contact, { queryCode: true }),
      reporterKey: reporterKeyOfContact(runtime, input.contact.phone),
      follower: null,
      uploads,
      hold: null,
      decision: routeReport(runtime, { ...report, location }),
      assessment: assessNewReport(runtime, report, receivedAt),
      origin,
      placedBy,
      ...(platform
        ? {
            alsoInTx: orderRecordInTx(
              platform,
              { externalNo: input.externalNo!, receivedAt },
              { via: 'staff', importBatchId: null },
              now,
            ),
          }
        : {}),
    },
    now,
  )
}

// ---------- a platform's work order ----------

/** One case per order, however often it is sent: the id is derived from the platform and its number. */
function orderKey(platform: string, externalNo: string): string {
  return createHash('sha256').update(`work-order\n${platform}\n${externalNo}`).digest('hex').slice(0, 31)
}
const orderCaseId = (platform: string, externalNo: string) => 'c' + orderKey(platform, externalNo)
const orderDocId = (platform: string, externalNo: string) => 'o' + orderKey(platform, externalNo)

/** A platform's order and the case it became (work_orders; unique per platform and number). */
interface WorkOrderDoc {
  platform: string
  externalNo: string
  caseId: string
  refNo: string
  receivedAt: string
  /** How it arrived: an export's import, the platform's push, or typed in by intake staff. */
  via: 'upload' | 'push' | 'staff'
  importBatchId: string | null
  createdAt: string
}

export interface OrderSource {
  via: 'upload' | 'push'
  /** The staff member who uploaded the export; null for a push (the system registers it). */
  staff: StaffRecord | null
  importBatchId: string | null
}

export interface FiledOrder {
  caseId: string
  refNo: string
  /** False: the order was already a case (sent before); nothing was created. */
  created: boolean
}

/**
 * Whether the bureau tells the reporter by phone (each notice an intake to-do): a phone was given, and — for a
 * platform's order — the platform leaves its caller to the bureau (`tellReporter`).
 */
function tellsByPhone(platform: PlatformConfig | null, phone: string | null | undefined): boolean {
  return !!phone && (!platform || platform.tellReporter === 'phone')
}

/** The order's record (work_orders), written in the transaction that creates its case. */
function orderRecordInTx(
  platform: PlatformConfig,
  { externalNo, receivedAt }: Pick<WorkOrderDoc, 'externalNo' | 'receivedAt'>,
  source: Pick<WorkOrderDoc, 'via' | 'importBatchId'>,
  now: Date,
) {
  return async (tx: Tx, fresh: CaseDoc & { _id: string }) => {
    await tx.insert<WorkOrderDoc>(COLLECTIONS.workOrders, {
      _id: orderDocId(platform.id, externalNo),
      platform: platform.id,
      externalNo,
      caseId: fresh._id,
      refNo: fresh.refNo,
      receivedAt,
      via: source.via,
      importBatchId: source.importBatchId,
      createdAt: toShanghaiIso(now),
    })
  }
}

/**
 * Files a platform's order as a case, or finds the case it already became. The case and the order's record are
 * written in one transaction; a concurrent import of the same order finds the case the other one stored.
 */
export async function fileWorkOrder(
  runtime: Runtime,
  platform: PlatformConfig,
  order: WorkOrder,
  source: OrderSource,
  now: Date,
): Promise<FiledOrder> {
  const caseId = orderCaseId(platform.id, order.externalNo)
  const existing = await runtime.db.get<StoredCase>(COLLECTIONS.cases, caseId)
  if (existing) return { caseId, refNo: existing.refNo, created: false }

  const { location, placedBy } = placeReport(runtime, {
    ...(order.position ?? {}),
    address: order.address,
    unitId: order.handlingUnitId,
  })
  const contact = contactOf(order.reporter)
  const report: NewReport = {
    clientRequestId: `${platform.id}-${order.externalNo}`,
    requestType: order.requestType,
    category: order.category,
    description: order.description,
    photos: [],
    location,
    ...(order.occurredAt ? { occurredAt: order.occurredAt } : {}),
    ...(order.reportedEntity ? { reportedEntity: order.reportedEntity } : {}),
    reporter: { mode: contact.mode },
  }
  const { doc, replayed } = await fileCase(
    runtime,
    {
      caseId,
      report,
      actor: source.staff ? staffCaseAccess(runtime, source.staff).actor : systemActor('platform-push'),
      receivedAt: order.receivedAt,
      arrival: {
        channel: platform.channel,
        referredBy: order.dispatchedBy ?? platform.referredBy,
        externalNo: order.externalNo,
        platformDue: order.platformDue,
        attachments: [],
      },
      reporter: sealReporter(runtime.secrets.identityKey, null, contact),
      reporterKey: reporterKeyOfContact(runtime, order.reporter.phone),
      follower: null,
      uploads: [],
      hold: null,
      decision: routeReport(runtime, { ...report, location }),
      assessment: assessNewReport(runtime, report, order.receivedAt),
      origin: {
        platform: platform.id,
        tellReporter: tellsByPhone(platform, order.reporter.phone) ? 'phone' : 'none',
        importBatchId: source.importBatchId,
      },
      placedBy,
      alsoInTx: orderRecordInTx(platform, order, source, now),
    },
    now,
  )
  return { caseId, refNo: doc.refNo, created: !replayed }
}
