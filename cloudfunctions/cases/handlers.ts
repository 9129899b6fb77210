// cases: filing a report and following it, for the citizen who filed it.
import { casesContract, type SubmitReportResult } from '../../shared/contracts/cases'
import { AppError } from '../../shared/contracts/result'
import { localDateOf, toShanghaiIso } from '../../shared/time'
import { stateLabel } from '../../shared/workflow/states'
import {
  caseIdFor,
  formatRefNo,
  toCaseSummary,
  toReporterDetail,
  type CaseDoc,
  type CaseRecord,
  type ReporterRecord,
} from '../common/case-records'
import { COLLECTIONS } from '../common/collections'
import type { Runtime } from '../common/ports'
import {
  decryptField,
  encryptField,
  maskName,
  maskPhone,
  newQueryCode,
  queryCodeHash,
} from '../common/reporter-identity'
import { routeReport } from '../common/routing'
import { defineFunction } from '../common/router'
import { unitNames } from '../common/staff-records'
import { assertOwnUploads } from '../common/uploads'

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
  }
}

async function loadOwnCase(runtime: Runtime, openid: string, caseId: string): Promise<CaseRecord> {
  const doc = await runtime.db.get<CaseDoc>(COLLECTIONS.cases, caseId)
  // Someone else's case looks exactly like a missing one: no probing of case ids.
  if (!doc || doc.reporter.openid !== openid)
    throw new AppError('NOT_FOUND', '没有找到这条反映，可能已被删除或不属于您')
  return doc
}

export const casesFunction = defineFunction('cases', casesContract, {
  async submitReport(input, { runtime, openid, now }) {
    const caseId = caseIdFor(openid, input.clientRequestId)
    const earlier = await runtime.db.get<CaseDoc>(COLLECTIONS.cases, caseId)
    if (earlier) return submitResult(earlier, runtime, true)

    await assertOwnUploads(runtime.db, openid, input.photos)
    const text = [input.description, input.reportedEntity, input.location.address].filter(Boolean).join('\n')
    const check = await runtime.contentCheck.checkText({ text, openid, scene: 'report' })
    if (check.verdict === 'risky') {
      throw new AppError('CONTENT_REJECTED', '内容未通过安全检查，请删除不当用语后重新提交', {
        description: '含有不适宜的内容',
      })
    }

    const route = routeReport(runtime, input)
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

    const at = toShanghaiIso(now)
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
        refNo: formatRefNo(runtime.deployment.referencePrefix, day, seq),
        requestType: input.requestType,
        category: input.category,
        description: input.description,
        photos: input.photos,
        location: input.location,
        occurredAt: input.occurredAt ?? null,
        reportedEntity: input.reportedEntity || null,
        reporter,
        status: 'registered',
        unitId: route.unitId,
        regionCode: route.regionCode,
        clientRequestId: input.clientRequestId,
        createdAt: at,
        updatedAt: at,
        history: [{ at, actor: { kind: 'reporter' }, event: { type: 'register' } }],
      }
      await tx.insert(COLLECTIONS.cases, { _id: caseId, ...fresh })
      return { doc: { ...fresh, _id: caseId, _version: 1 } as CaseRecord, replayed: false }
    })
    runtime.log.info('case registered', { caseId, refNo: doc.refNo, replayed })
    return submitResult(doc, runtime, replayed)
  },

  async listMine(input, { runtime, openid }) {
    const page = await runtime.db.find<CaseDoc>(COLLECTIONS.cases, {
      filter: { 'reporter.openid': openid },
      orderBy: [['createdAt', 'desc']],
      limit: input.limit,
      after: input.cursor,
    })
    const names = await unitNames(
      runtime.db,
      page.items.map((c) => c.unitId),
    )
    return { items: page.items.map((c) => toCaseSummary(c, names.get(c.unitId) ?? null)), next: page.next }
  },

  async getMine(input, { runtime, openid }) {
    const doc = await loadOwnCase(runtime, openid, input.caseId)
    const names = await unitNames(runtime.db, [doc.unitId])
    const urls = doc.photos.length ? await runtime.blobs.tempUrls(doc.photos) : {}
    return toReporterDetail(doc, names.get(doc.unitId) ?? null, urls)
  },
})
