// sharing: copies of new reports to the business sections and referrals of suspected crimes to the judiciary
// (S0 第十七条) — without the reporter, unless a law requires the identity for a referral; every copy, reading,
// referral and reveal audited. Cases are reached through the staff member's unit scope (out of scope answers
// like missing); copies through the sections in that scope.
import { sharingContract } from '../../shared/contracts/sharing'
import { toShanghaiIso } from '../../shared/time'
import { staffCaseAccess } from '../common/case-access'
import { defineFunction } from '../common/router'
import { listSectionCopies, readSectionCopy } from '../common/sharing/section-copies'
import { referralsOf, referToJudiciary, revealReferralIdentity } from '../common/sharing/referrals'

export const sharingFunction = defineFunction('sharing', sharingContract, {
  async sectionCopies(input, { runtime, staff }) {
    return listSectionCopies(runtime, staff, input)
  },

  async sectionCopy(input, { runtime, staff, now }) {
    return readSectionCopy(runtime, staff, input.copyId, toShanghaiIso(now))
  },

  async judiciary(_input, { runtime }) {
    return (runtime.deployment.sharing?.judiciary ?? []).map((j) => ({ id: j.id, name: j.name }))
  },

  async referToJudiciary(input, { runtime, staff, now }) {
    const doc = await staffCaseAccess(runtime, staff).load(input.caseId)
    return referToJudiciary(runtime, staff, doc, input, toShanghaiIso(now))
  },

  async referralsOf(input, { runtime, staff }) {
    const doc = await staffCaseAccess(runtime, staff).load(input.caseId)
    return referralsOf(runtime, doc._id)
  },

  async revealReferralIdentity(input, { runtime, staff, now }) {
    const access = staffCaseAccess(runtime, staff)
    return revealReferralIdentity(runtime, access, staff, input.referralId, toShanghaiIso(now))
  },
})
