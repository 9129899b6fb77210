// cases: filing a report and following it, for citizens.
import {
  casesContract,
  type CaseDetailForReporter,
  type ReportPreview,
  type SubmitReportResult,
} from '../../shared/contracts/cases'
import { AppError } from '../../shared/contracts/result'
import { expectedReply } from '../../shared/deadlines'
import { localDateOf, toShanghaiIso } from '../../shared/time'
import { isOpenState, openCase, stateLabel, type CaseEvent, type RegisterEvent } from '../../shared/workflow'
import { calendarFor } from '../common/calendar'
import { caseIdFor, lastSeq, toCaseSummary, toReporterDetail, type CaseRecord } from '../common/case-records'
import { formatRefNo, type CaseDoc, type ReporterRecord } from '../../shared/cases/case-doc'
import { citizenCaseAccess, type CitizenCaseAccess } from '../common/case-access'
import {
  allowedFor,
  applyCaseEvent,
  clocksOf,
  nextCheckOnOf,
  profileForNewCase,
} from '../common/case-workflow'
import { COLLECTIONS } from '../common/collections'
import { getMany } from '../common/db/get-many'
import { followId, followInTx, unfollowInTx, type FollowDoc, type FollowRecord } from '../common/follows'
import {
  afterRegistration,
  assessNewReport,
  entityKeyOf,
  intakeRecordOf,
  reporterKeyOf,
  similarOpenCases,
} from '../common/intake'
import { sendCaseNotices } from '../common/notifications'
import type { Runtime } from '../common/ports'
import { consumeRateLimit } from '../common/rate-limit'
import {
  decryptField,
  encryptField,
  maskName,
  maskPhone,
  newQueryCode,
  queryCodeHash,
} from '../common/reporter-identity'
import { routeReport, routerFor } from '../common/routing'
import { defineFunction } from '../common/router'
import { unitNamer } from '../common/staff-records'
import { contentNoticeOf, holdsOf, pendingPhotoIds, withHold } from '../../shared/cases/content-holds'
import { type NewHold } from '../../shared/cases/held-content'
import { rescreenCase, screenCitizenContent } from '../common/screening'
import { attachUploadsInTx } from '../common/uploads'

function submitResult(doc: CaseRecord, runtime: Runtime, replayed: boolean): SubmitReportResult {
  const sealed = doc.reporter.queryCodeSealed
  return {
    caseId: doc._id,
    refNo: doc.refNo,
    status: doc.status,
    statusLabel: stateLabel(doc.status),
    createdAt: doc.createdAt,
    queryCode: sealed ? decryptField(runtime.secrets.identityKey, sealed) : null,
    replayed,
    contentPending: doc.screening === 'pending',
    contentNotice: contentNoticeOf(doc),
  }
}

/** The case as one citizen sees it: the reporter, a follower, or (by query code) neither. */
async function citizenView(
  runtime: Runtime,
  doc: CaseRecord,
  follow: FollowRecord | null,
  byQueryCode = false,
): Promise<CaseDetailForReporter> {
  const calendar = await calendarFor(runtime)
  const now = runtime.clock.now()
  const clocks = clocksOf(doc, calendar, now)
  const ownPhotos = follow?.relation === 'reporter' && doc.photos.length > 0
  return toReporterDetail(doc, {
    unitName: unitNamer(runtime.deployment.units),
    follow: follow ? { relation: follow.relation, lastReadSeq: follow.lastReadSeq } : null,
    clocks,
    allowed: follow ? allowedFor(doc, { kind: 'reporter', id: follow.openid }, calendar, now) : [],
    photoUrls: ownPhotos ? await runtime.blobs.tempUrls(doc.photos) : {},
    byQueryCode,
  })
}

/** A case this citizen reported (a follower may read it, not act on it). */
async function reportersCase(access: CitizenCaseAccess, caseId: string) {
  const found = await access.followed(caseId)
  if (found.follow.relation !== 'reporter') throw new AppError('FORBIDDEN', '只有反映人本人可以进行此操作')
  return found
}

/** After the action: the fresh view of the case for this citizen. */
async function viewAfter(runtime: Runtime, access: CitizenCaseAccess, caseId: string) {
  const { follow, doc } = await access.followed(caseId)
  return citizenView(runtime, doc, follow)
}

/** 复查 / 复核: the reporter's own request, within its window (the workflow's guards decide). */
async function reporterRequest(
  runtime: Runtime,
  openid: string,
  caseId: string,
  event: Extract<CaseEvent, { type: 'request-review' | 'request-re-review' }>,
) {
  const access = citizenCaseAccess(runtime, openid)
  await reportersCase(access, caseId)
  const { hold } = await screenCitizenContent(runtime, openid, {
    subject: event.type === 'request-review' ? 'review-grounds' : 're-review-grounds',
    scene: 'report',
    texts: [{ field: 'grounds', text: event.grounds }],
  })
  await applyCaseEvent(runtime, access, caseId, event, { extraPatch: holdOnEvent(hold) })
  return viewAfter(runtime, access, caseId)
}

/** Holds content carried by the event about to be appended (its history index is the current length). */
function holdOnEvent(hold: NewHold | null) {
  return (before: CaseDoc): Partial<CaseDoc> =>
    hold ? { contentHolds: withHold(holdsOf(before), hold, before.history.length) } : {}
}

/** A report cannot be about something that has not happened yet (the time decides night-time urgency). */
function checkOccurredAt(occurredAt: string | undefined, now: Date): void {
  if (occurredAt && Date.parse(occurredAt) > now.getTime() + 5 * 60_000) {
    throw new AppError('VALIDATION_FAILED', '发生时间不能晚于现在，请重新选择', {
      occurredAt: '发生时间不能晚于现在',
    })
  }
}

export const casesFunction = defineFunction('cases', casesContract, {
  async clientConfig(_input, { runtime }) {
    return {
      deploymentName: runtime.deployment.name,
      profileId: runtime.deployment.profileId,
      subscribeTemplates: runtime.subscribeTemplates ?? {},
      localMode: runtime.mode === 'local',
      localities: [...routerFor(runtime).localities],
    }
  },

  async previewReport(input, { runtime, openid, now }) {
    checkOccurredAt(input.occurredAt, now)
    const at = toShanghaiIso(now)
    const route = routeReport(runtime, input)
    const { decision } = route
    const routing: ReportPreview['routing'] = {
      inJurisdiction: decision.inJurisdiction,
      outcome: decision.outcome,
      region: decision.region,
      county: decision.placement.county,
      placeName: decision.placement.qualifiedName,
      unit: decision.outcome === 'assigned' ? decision.unit : decision.respondingUnit,
      guidance: decision.outcome === 'assigned' ? null : decision.guidance,
      cite: decision.cite,
    }
    // 预计答复 for a report received now: the handling limit, after the acceptance limit where it counts from
    // acceptance (S0 第七条(四), S3 第九条 + 第十一条 …).
    let expectedReplyBy: ReportPreview['expectedReplyBy'] = null
    if (decision.outcome === 'assigned') {
      const assessment = assessNewReport(runtime, input, at)
      expectedReplyBy = expectedReply({
        profile: profileForNewCase(runtime, now),
        calendar: await calendarFor(runtime),
        receivedAt: at,
        requestType: input.requestType ?? 'complaint',
        important: assessment.importance === 'important',
        emergency: assessment.urgency === 'immediate',
      })
    }
    const similar = await similarOpenCases(runtime, input, at)
    // Which of them this citizen already follows: one query for all.
    const follows = await getMany<FollowDoc>(
      runtime.db,
      COLLECTIONS.follows,
      similar.map(({ doc }) => followId(doc._id, openid)),
    )
    const similarCases = similar.map(({ doc, assessment }) => ({
      caseId: doc._id,
      refNo: doc.refNo,
      category: doc.category,
      statusLabel: stateLabel(doc.status),
      address: doc.location.address,
      createdAt: doc.createdAt,
      distanceMetres: assessment.distanceMetres === null ? null : Math.round(assessment.distanceMetres),
      verdict: assessment.verdict as 'likely-duplicate' | 'related',
      reasons: assessment.reasons,
      following: follows.has(followId(doc._id, openid)),
      followers: doc.followerCount,
    }))
    const urgent = assessNewReport(runtime, input, at).urgency === 'immediate'
    return { routing, expectedReplyBy, urgent, similarCases }
  },

  async submitReport(input, { runtime, openid, now }) {
    const caseId = caseIdFor(openid, input.clientRequestId)
    const earlier = await runtime.db.get<CaseDoc>(COLLECTIONS.cases, caseId)
    if (earlier) return submitResult(earlier, runtime, true)

    checkOccurredAt(input.occurredAt, now)
    const screened = await screenCitizenContent(runtime, openid, {
      subject: 'report',
      scene: 'report',
      texts: [
        { field: 'description', text: input.description },
        { field: 'reportedEntity', text: input.reportedEntity },
        { field: 'location.address', text: input.location.address },
      ],
      photos: input.photos,
    })
    const contentHolds = screened.hold ? withHold([], screened.hold, null) : []

    const at = toShanghaiIso(now)
    const route = routeReport(runtime, input)
    const assessment = assessNewReport(runtime, input, at)
    const key = runtime.secrets.identityKey
    let reporter: ReporterRecord
    if (input.reporter.mode === 'real-name') {
      reporter = {
        openid,
        mode: 'real-name',
        nameSealed: encryptField(key, input.reporter.name),
        phoneSealed: encryptField(key, input.reporter.phone),
        nameMasked: maskName(input.reporter.name),
        phoneMasked: maskPhone(input.reporter.phone),
      }
    } else {
      const code = newQueryCode()
      reporter = {
        openid,
        mode: 'anonymous',
        queryCodeHash: queryCodeHash(key, code),
        queryCodeSealed: encryptField(key, code),
      }
    }

    const profile = profileForNewCase(runtime, now)
    const register: RegisterEvent = {
      type: 'register',
      channel: 'mini-program',
      requestType: input.requestType,
      important: assessment.importance === 'important',
      emergency: assessment.urgency === 'immediate',
      referredBy: null,
      receivedAt: at,
      reporterId: openid,
    }
    const opened = openCase({
      event: register,
      actor: citizenCaseAccess(runtime, openid).actor,
      profile,
      ctx: { now: at, clocks: [] },
    })
    if (!opened.ok) throw new AppError('ILLEGAL_TRANSITION', opened.error.message)
    const calendar = await calendarFor(runtime)
    const { decision } = route

    const { doc, replayed } = await runtime.db.transaction(async (tx) => {
      const again = await tx.get<CaseDoc>(COLLECTIONS.cases, caseId)
      if (again) return { doc: again, replayed: true }
      const day = localDateOf(now)
      const counterId = `refno-${day}`
      const counter = await tx.get<{ seq: number }>(COLLECTIONS.counters, counterId)
      const seq = (counter?.seq ?? 0) + 1
      if (counter) await tx.update(COLLECTIONS.counters, counterId, { seq }, counter._version)
      else await tx.insert(COLLECTIONS.counters, { _id: counterId, seq })
      const fresh: CaseDoc = {
        ...opened.state,
        open: isOpenState(opened.state.status),
        refNo: formatRefNo(runtime.deployment.referencePrefix, day, seq),
        requestType: input.requestType,
        category: input.category,
        source: input.source ?? null,
        description: input.description,
        photos: input.photos,
        location: input.location,
        position: route.position,
        geo: route.cells,
        occurredAt: input.occurredAt ?? null,
        reportedEntity: input.reportedEntity || null,
        entityKey: entityKeyOf(runtime, input.reportedEntity),
        reporter,
        reporterKey: reporterKeyOf(runtime, openid, input.reporter.mode === 'anonymous'),
        lastReportedAt: at,
        // Held back from staff while a photo of the report is still being checked.
        screening: pendingPhotoIds({ contentHolds }).length > 0 ? 'pending' : 'passed',
        contentHolds,
        warningKey: null,
        supervisorStaffId: null,
        history: [opened.entry],
        unitId: route.unitId,
        regionCode: route.regionCode,
        routing: {
          outcome: decision.outcome,
          ruleId: decision.ruleId,
          cite: decision.cite,
          guidance: decision.outcome === 'assigned' ? null : decision.guidance,
          department: decision.outcome === 'referred' ? decision.department : null,
        },
        intake: intakeRecordOf(assessment),
        nextCheckOn: null,
        timerMarks: [],
        followerCount: 0,
        mergedInto: null,
        clientRequestId: input.clientRequestId,
        createdAt: at,
        updatedAt: at,
      }
      fresh.nextCheckOn = nextCheckOnOf(clocksOf({ ...fresh } as CaseDoc, calendar, now), now)
      await tx.insert<CaseDoc>(COLLECTIONS.cases, { _id: caseId, ...fresh })
      await followInTx(tx, { caseId, openid, relation: 'reporter', lastReadSeq: 0, createdAt: at })
      await attachUploadsInTx(tx, screened.uploads, caseId)
      return { doc: { ...fresh, followerCount: 1, _id: caseId, _version: 2 } as CaseRecord, replayed: false }
    })
    if (!replayed) {
      runtime.log.info('case registered', {
        caseId,
        refNo: doc.refNo,
        unitId: doc.unitId,
        screening: doc.screening,
      })
      // The case is saved: what follows (telling the unit, repeat count, early warning) never fails the submit,
      // and one step failing never skips the next.
      try {
        if (doc.screening === 'passed') await sendCaseNotices(runtime, doc, opened.effects, opened.entry)
        // A photo check that answered before the photo was attached has found no case to update: apply it now.
        else await rescreenCase(runtime, caseId)
      } catch (error) {
        runtime.log.error('registration notices failed', { caseId, error: String(error) })
      }
      try {
        await afterRegistration(runtime, doc)
      } catch (error) {
        runtime.log.error('after-registration step failed', { caseId, error: String(error) })
      }
    }
    return submitResult(doc, runtime, replayed)
  },

  async listMine(input, { runtime, openid, now }) {
    const page = await runtime.db.find<FollowDoc>(COLLECTIONS.follows, {
      filter: { openid },
      orderBy: [['createdAt', 'desc']],
      limit: input.limit,
      after: input.cursor,
    })
    // The page's cases in one query (a page holds ≤ 50 follows).
    const docs = await getMany<CaseDoc>(
      runtime.db,
      COLLECTIONS.cases,
      page.items.map((f) => f.caseId),
    )
    const unitName = unitNamer(runtime.deployment.units)
    const calendar = await calendarFor(runtime)
    const items = page.items.flatMap((follow) => {
      const doc = docs.get(follow.caseId)
      if (!doc) return []
      const clocks = clocksOf(doc, calendar, now)
      const allowed = allowedFor(doc, { kind: 'reporter', id: openid }, calendar, now)
      return [toCaseSummary(doc, unitName(doc.unitId), follow, clocks, allowed)]
    })
    return { items, next: page.next }
  },

  async getMine(input, { runtime, openid }) {
    return viewAfter(runtime, citizenCaseAccess(runtime, openid), input.caseId)
  },

  async markRead(input, { runtime, openid }) {
    const { follow, doc } = await citizenCaseAccess(runtime, openid).followed(input.caseId)
    const seq = lastSeq(doc)
    if (follow.lastReadSeq < seq) {
      await runtime.db.update<FollowDoc>(
        COLLECTIONS.follows,
        follow._id,
        { lastReadSeq: seq },
        follow._version,
      )
    }
    return { unread: 0 }
  },

  async supplyInfo(input, { runtime, openid }) {
    const access = citizenCaseAccess(runtime, openid)
    await reportersCase(access, input.caseId)
    const { uploads, hold } = await screenCitizenContent(runtime, openid, {
      subject: 'supplement',
      scene: 'report',
      texts: [{ field: 'content', text: input.content }],
      photos: input.photos,
    })
    await applyCaseEvent(
      runtime,
      access,
      input.caseId,
      { type: 'supply-supplement', content: input.content, fileIds: input.photos },
      { extraPatch: holdOnEvent(hold), attach: uploads },
    )
    // A photo check that answered before the photo was attached has found no case to update: apply it now
    // (the supplement is saved: this never fails the action; the next answer applies it otherwise).
    if (hold?.photos.some((p) => p.state === 'pending')) {
      await rescreenCase(runtime, input.caseId).catch((error: unknown) =>
        runtime.log.warn('rescreen after supplement failed', { caseId: input.caseId, error: String(error) }),
      )
    }
    return viewAfter(runtime, access, input.caseId)
  },

  async rateReply(input, { runtime, openid }) {
    const access = citizenCaseAccess(runtime, openid)
    await reportersCase(access, input.caseId)
    const { hold } = await screenCitizenContent(runtime, openid, {
      subject: 'rating',
      scene: 'comment',
      texts: [{ field: 'comment', text: input.comment }],
    })
    // Satisfied (accept): the reporter confirms the reply with the rating, and the case closes now.
    const rating = { rating: input.stars, comment: input.comment ?? '' }
    const event: CaseEvent = input.accept
      ? { type: 'accept-reply', ...rating }
      : { type: 'rate-reply', ...rating }
    await applyCaseEvent(runtime, access, input.caseId, event, { extraPatch: holdOnEvent(hold) })
    return viewAfter(runtime, access, input.caseId)
  },

  async requestReview(input, { runtime, openid }) {
    return reporterRequest(runtime, openid, input.caseId, { type: 'request-review', grounds: input.grounds })
  },

  async requestReReview(input, { runtime, openid }) {
    return reporterRequest(runtime, openid, input.caseId, {
      type: 'request-re-review',
      grounds: input.grounds,
    })
  },

  async follow(input, { runtime, openid, now }) {
    // Follow instead of filing again: only an open, released case that was not merged into another — anything
    // else (and any case the citizen cannot see) answers like a missing one.
    const access = citizenCaseAccess(runtime, openid)
    const { doc, follow } = await access.followable(input.caseId)
    if (!follow) {
      await runtime.db.transaction((tx) =>
        followInTx(tx, {
          caseId: doc._id,
          openid,
          relation: 'follower',
          // A new follower has read nothing: the case's progress so far counts as unread news for them.
          lastReadSeq: 0,
          createdAt: toShanghaiIso(now),
        }),
      )
    }
    return viewAfter(runtime, access, input.caseId)
  },

  async unfollow(input, { runtime, openid }) {
    const { follow } = await citizenCaseAccess(runtime, openid).followed(input.caseId)
    if (follow.relation === 'reporter') throw new AppError('FORBIDDEN', '自己反映的问题不能取消关注')
    await runtime.db.transaction((tx) => unfollowInTx(tx, input.caseId, openid))
    return { following: false as const }
  },

  async lookupByCode(input, { runtime, openid }) {
    // 10 tries per 10 minutes per user: 33^10 codes cannot be guessed at that rate.
    await consumeRateLimit(runtime, `lookup:${openid}`, 10, 600, '查询次数过多')
    const hash = queryCodeHash(runtime.secrets.identityKey, input.code)
    const page = await runtime.db.find<CaseDoc>(COLLECTIONS.cases, {
      filter: { 'reporter.queryCodeHash': hash },
      limit: 1,
    })
    const doc = page.items[0]
    if (!doc) throw new AppError('NOT_FOUND', '没有找到这个查询码对应的反映，请核对后重新输入')
    const follow = await runtime.db.get<FollowDoc>(COLLECTIONS.follows, followId(doc._id, openid))
    return citizenView(runtime, doc, follow, true)
  },
})
