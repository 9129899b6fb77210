// sharing: copies of new reports to the business sections (对内共享) and referrals of suspected environmental crimes
// to the judiciary (对外共享, S0 第十七条) — without the reporter, unless a law requires the identity for a referral,
// and audited.
import type { RevealedReporter } from './staff'
import { referralInputSchema, type ReferralInput, type SectionCopyView } from '../sharing/sharing'
import { cursorSchema, idSchema, pageLimitSchema } from '../vocabulary/fields'
import type { CasePage } from './cases'
import { action, ANY_STAFF, staffWith } from './define'
import * as z from '../vocabulary/zod'

export type { ReferralInput, SectionCopyView }

export interface SectionCopyItem {
  copyId: string
  refNo: string
  categoryLabel: string
  sectionName: string
  sharedAt: string
  statusLabel: string
  /** The unit handling the case. */
  unitName: string
}

export interface ReferralView {
  id: string
  caseId: string
  refNo: string
  judiciary: string
  suspectedOffence: string
  facts: string
  referredAt: string
  referredBy: string
  /** The law under which the reporter's identity goes with the referral; null: it does not. */
  identityLegalBasis: string | null
}

/** Who refers a case to the judiciary: those who answer for the handling and the supervision. */
const REFERRERS = staffWith('office-head', 'leader', 'supervisor')

export const sharingContract = {
  /** Copies addressed to the business sections of the caller's units, newest first. */
  sectionCopies: action<CasePage<SectionCopyItem>>()(
    z._default(z.object({ cursor: cursorSchema, limit: pageLimitSchema(50) }), { limit: 20 }),
    ANY_STAFF,
  ),
  /** One copy (each reading is audited). */
  sectionCopy: action<SectionCopyView>()(
    z.object({ copyId: z.string().check(z.regex(/^[A-Za-z0-9_:-]{1,140}$/, '抄送编号不正确')) }),
    ANY_STAFF,
  ),
  /** The judicial bodies of the deployment, for the referral form. */
  judiciary: action<Array<{ id: string; name: string }>>()(z._default(z.object({}), {}), REFERRERS),
  /** Records a referral of a case of the caller's units (audited; identity only with its legal basis). */
  referToJudiciary: action<ReferralView>()(referralInputSchema, REFERRERS),
  /** The referrals of a case of the caller's units. */
  referralsOf: action<ReferralView[]>()(z.object({ caseId: idSchema }), REFERRERS),
  /** The reporter's name and phone for a referral that states its legal basis (audited like every reveal). */
  revealReferralIdentity: action<RevealedReporter>()(z.object({ referralId: idSchema }), REFERRERS),
}
