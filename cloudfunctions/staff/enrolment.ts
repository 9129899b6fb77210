// The workbench's joining actions (shared/contracts/enrolment.ts): binding with an invite or setup code, and
// agreeing to staff notices. The identity is the caller's OPENID, from the platform.
import type { enrolmentContract, StaffProfile } from '../../shared/contracts/enrolment'
import { redeemInvite, redeemSetupCode } from '../common/enrolment'
import { noticeConsentOf, recordNoticeConsent } from '../common/notice-consent'
import type { Runtime } from '../common/ports'
import type { Handlers } from '../common/router'
import { unitNamer, type StaffRecord } from '../common/staff-records'

export function staffProfileOf(runtime: Runtime, staff: StaffRecord): StaffProfile {
  const unitName = unitNamer(runtime.deployment.units)
  return {
    staffId: staff._id,
    name: staff.name,
    title: staff.title,
    roles: staff.roles,
    units: staff.unitIds.map((id) => ({ id, name: unitName(id) })),
  }
}

export const enrolmentHandlers: Handlers<typeof enrolmentContract> = {
  async redeemInvite(input, { runtime, openid, now }) {
    return staffProfileOf(runtime, await redeemInvite(runtime, openid, input.code, now))
  },
  async redeemSetupCode(input, { runtime, openid, now }) {
    return staffProfileOf(runtime, await redeemSetupCode(runtime, openid, input.code, input.name, now))
  },
  async noticeConsent(_input, { runtime, openid }) {
    return noticeConsentOf(runtime, openid)
  },
  async recordNoticeConsent(_input, { runtime, openid }) {
    return recordNoticeConsent(runtime, openid)
  },
}
