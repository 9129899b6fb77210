// Joining the workbench (actions of the `staff` function): a WeChat user becomes a staff member by entering a
// one-time code — an invite code an administrator issued for a post, or, for a deployment's very first
// administrator, the setup code the deploy printed — and staff agree to the subscribe messages that tell them of
// work waiting. Identity is the platform's (the caller's OPENID), never part of the request.
import type { StaffRole } from '../vocabulary/units'
import { personNameSchema } from '../vocabulary/fields'
import { action, ANY_STAFF, USER } from './define'
import * as z from '../vocabulary/zod'

/** Who the caller is at work (`staff.me`): null for a user bound to no active staff record. */
export interface StaffProfile {
  staffId: string
  name: string
  title: string
  roles: StaffRole[]
  units: Array<{ id: string; name: string }>
}

/** Setup and invite codes: no 0/O, 1/I/L — they are read aloud and typed on a phone. 12 of 31 ≈ 59 bits. */
export const ENROLMENT_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const ENROLMENT_CODE_LENGTH = 12
/** Shown in groups of four: `7KQM-3WXP-9TDA`. */
export const ENROLMENT_CODE_GROUP = 4

/** What a person may type for a code: any case, with or without hyphens and spaces. */
export function normaliseEnrolmentCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '')
}

const CODE_PATTERN = new RegExp(`^[${ENROLMENT_CODE_ALPHABET}]{${ENROLMENT_CODE_LENGTH}}$`)

const enrolmentCode = (label: string) =>
  z
    .string({ error: `请输入${label}` })
    .check(
      z.overwrite(normaliseEnrolmentCode),
      z.regex(CODE_PATTERN, `${label}是 12 位字母和数字（可带连字符），请核对后重新输入`),
    )

export const redeemInviteInput = z.object({ code: enrolmentCode('邀请码') })

export const redeemSetupCodeInput = z.object({
  code: enrolmentCode('设置码'),
  /** The first administrator names themself; everyone after is named by the invite an administrator issues. */
  name: personNameSchema,
})

/**
 * Whether staff notices can reach this staff member. WeChat sends a one-time subscribe message only after the
 * user agreed to it, once per agreement, and tells nobody how many agreements are left: they are counted here
 * (agreed minus sent, and none after WeChat refused one for want of agreement).
 */
export interface NoticeConsentView {
  /** The template id to ask for (null: none configured — local mode has none). */
  templateId: string | null
  /**
   * `granted`: at least one notice can be sent. `missing`: ask again. `not-applicable`: local mode (the outbox
   * needs no agreement) or no template configured.
   */
  status: 'granted' | 'missing' | 'not-applicable'
  /** Notices that can still be sent, as counted. */
  remaining: number
  /** When WeChat last refused a notice because no agreement was left. */
  refusedAt: string | null
}

/** At most this many agreements are counted (WeChat keeps its own count; this one only tells when to ask). */
export const MAX_COUNTED_CONSENTS = 50

export const enrolmentContract = {
  /** Binds the caller to the staff record an invite code describes (roles × units); single use. */
  redeemInvite: action<StaffProfile>()(redeemInviteInput, USER),
  /** Binds the caller as the deployment's first administrator with the deploy's one-time setup code. */
  redeemSetupCode: action<StaffProfile>()(redeemSetupCodeInput, USER),
  noticeConsent: action<NoticeConsentView>()(z._default(z.object({}), {}), ANY_STAFF),
  /** The caller agreed to one staff notice (the WeChat dialog answered `accept`). */
  recordNoticeConsent: action<NoticeConsentView>()(z._default(z.object({}), {}), ANY_STAFF),
}
