// 对外共享 (S0 第十七条): a report of a suspected environmental crime is referred to the judiciary (行政执法与刑事司法
// 衔接). The referral is recorded with its audit record in one write. It carries the matter and the handling; the
// reporter's identity only where the referral names the law that requires it (`identityLegalBasis`) — and even
// then it is not copied into the record: whoever needs it opens it through the audited reveal, with the referral's
// basis as the reason (S0 第十三条 最大限度控制知悉范围).
import type { ReferralInput, ReferralView } from '../../../shared/contracts/sharing'
import type { RevealedReporter } from '../../../shared/contracts/staff'
import { AppError } from '../../../shared/contracts/result'
import type { StoredCase } from '../../../shared/cases/case-doc'
import { audit } from '../audit'
import type { CaseAccess } from '../case-access'
import { COLLECTIONS } from '../collections'
import type { Runtime, WithId } from '../ports'
import { revealReporter } from '../reporter-identity'
import type { StaffRecord } from '../staff-records'

interface ReferralDoc {
  caseId: string
  refNo: string
  unitId: string
  judiciaryId: string
  judiciary: string
  suspectedOffence: string
  facts: string
  identityLegalBasis: string | null
  referredAt: string
  referredBy: string
  referredByName: string
}

const view = (doc: WithId<ReferralDoc>): ReferralView => ({
  id: doc._id,
  caseId: doc.caseId,
  refNo: doc.refNo,
  judiciary: doc.judiciary,
  suspectedOffence: doc.suspectedOffence,
  facts: doc.facts,
  referredAt: doc.referredAt,
  referredBy: doc.referredByName,
  identityLegalBasis: doc.identityLegalBasis,
})

const REFERRAL_NOT_FOUND = '没有找到该移送记录，或它不在您的办理范围内'

/** Records a referral of a case the staff member's access has loaded. */
export async function referToJudiciary(
  runtime: Runtime,
  staff: StaffRecord,
  doc: StoredCase,
  input: ReferralInput,
  at: string,
): Promise<ReferralView> {
  const judiciary = runtime.deployment.sharing?.judiciary.find((j) => j.id === input.judiciaryId)
  if (!judiciary) {
    throw new AppError('VALIDATION_FAILED', '没有这个司法机关，请重新选择', {
      judiciaryId: '请选择移送的司法机关',
    })
  }
  const basis = input.identityLegalBasis ?? null
  if (basis && doc.reporter.mode !== 'real-name') {
    const message = '匿名反映没有可提供的反映人身份信息'
    throw new AppError('VALIDATION_FAILED', message, { identityLegalBasis: message })
  }
  const referral: ReferralDoc = {
    caseId: doc._id,
    refNo: doc.refNo,
    unitId: doc.unitId,
    judiciaryId: judiciary.id,
    judiciary: judiciary.name,
    suspectedOffence: input.suspectedOffence,
    facts: input.facts,
    identityLegalBasis: basis,
    referredAt: at,
    referredBy: staff._id,
    referredByName: staff.name,
  }
  const id = await runtime.db.transaction(async (tx) => {
    const referralId = await tx.insert<ReferralDoc>(COLLECTIONS.judicialReferrals, referral)
    await audit(tx, 'refer-to-judiciary', doc._id, staff, at, {
      refNo: doc.refNo,
      referralId,
      judiciary: judiciary.name,
      withReporter: basis !== null,
      ...(basis ? { identityLegalBasis: basis } : {}),
    })
    return referralId
  })
  return view({ ...referral, _id: id, _version: 1 })
}

export async function referralsOf(runtime: Runtime, caseId: string): Promise<ReferralView[]> {
  const page = await runtime.db.find<ReferralDoc>(COLLECTIONS.judicialReferrals, {
    filter: { caseId },
    orderBy: [['referredAt', 'desc']],
    limit: 50,
  })
  return page.items.map(view)
}

/**
 * The reporter of a referral that names the law requiring their identity: through the one audited reveal, with
 * the referral's basis as the reason. A referral without a basis answers FORBIDDEN; one outside the caller's units
 * answers like a missing one.
 */
export async function revealReferralIdentity(
  runtime: Runtime,
  access: CaseAccess,
  staff: StaffRecord,
  referralId: string,
  at: string,
): Promise<RevealedReporter> {
  const referral = await runtime.db.get<ReferralDoc>(COLLECTIONS.judicialReferrals, referralId)
  if (!referral) throw new AppError('NOT_FOUND', REFERRAL_NOT_FOUND)
  const doc = await access.load(referral.caseId).catch(() => {
    throw new AppError('NOT_FOUND', REFERRAL_NOT_FOUND)
  })
  if (!referral.identityLegalBasis) {
    throw new AppError('FORBIDDEN', '这次移送没有写明提供反映人身份的法律依据，不能查看反映人信息')
  }
  return revealReporter(
    runtime,
    staff,
    doc,
    `移送司法（${referral.judiciary}）：${referral.identityLegalBasis}`,
    at,
  )
}
