// public: what the bureau publishes, read by anyone (no identity needed, none read) — the monthly figures, the
// typical cases, the reporting channels and the reward policy — and the staff's choice of typical cases. Every
// answer is built from stored counts and public projections (shared/cases/views/public.ts); see
// tests/integration/public-disclosure.test.ts for the proof that no reporter value reaches any of them.
import { publicContract } from '../../shared/contracts/public'
import { toShanghaiIso } from '../../shared/time'
import { staffCaseAccess } from '../common/case-access'
import { publicDisclosure, publicTypicalCases } from '../common/disclosure/public-page'
import { publishTypicalCase, typicalCaseOf, withdrawTypicalCase } from '../common/disclosure/typical-cases'
import { defineFunction } from '../common/router'

export const publicFunction = defineFunction('public', publicContract, {
  async disclosure(input, { runtime }) {
    return publicDisclosure(runtime, input.month)
  },

  async typicalCases(input, { runtime }) {
    return publicTypicalCases(runtime, input)
  },

  async chooseTypicalCase(input, { runtime, staff, now }) {
    const doc = await staffCaseAccess(runtime, staff).load(input.caseId)
    return publishTypicalCase(runtime, staff, doc, input, toShanghaiIso(now))
  },

  async withdrawTypicalCase(input, { runtime, staff, now }) {
    const doc = await staffCaseAccess(runtime, staff).load(input.caseId)
    await withdrawTypicalCase(runtime, staff, doc, input.reason, toShanghaiIso(now))
    return { withdrawn: true as const }
  },

  async typicalCaseOf(input, { runtime, staff }) {
    const doc = await staffCaseAccess(runtime, staff).load(input.caseId)
    return typicalCaseOf(runtime, doc._id)
  },
})
