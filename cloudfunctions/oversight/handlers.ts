// oversight: the supervisor's desk (overdue and supervised cases, 督办单 and their results, return visits), spot
// checks, early warnings, leaders' cases and receptions. Each action validates (its contract), authorizes (every
// case through the caller's CaseAccess, every unit, sample and warning through their unit scope — out of scope
// answers like missing), and hands the work to common/oversight; workflow steps are the case's own events,
// applied by applyCaseEvent as the caller.
import { oversightContract } from '../../shared/contracts/oversight'
import type { CaseEvent } from '../../shared/workflow'
import { staffCaseAccess } from '../common/case-access'
import { staffCaseView } from '../common/case-views'
import { applyCaseEvent } from '../common/case-workflow'
import { deskPage, leaderCasesPage } from '../common/oversight/desk'
import { receptionMonth, recordReception } from '../common/oversight/receptions'
import {
  drawSpotCheck,
  recordSpotCheck,
  spotCheckView,
  spotChecksPage,
} from '../common/oversight/spot-checks'
import { handleWarning, warningsPage } from '../common/oversight/warnings'
import type { Runtime } from '../common/ports'
import { defineFunction } from '../common/router'
import type { StaffRecord } from '../common/staff-records'

/** One workflow step on a case the caller reaches, at the version they saw; answers the case as they see it now. */
async function step(
  runtime: Runtime,
  staff: StaffRecord,
  request: { caseId: string; expectedVersion: number },
  event: CaseEvent,
) {
  const access = staffCaseAccess(runtime, staff)
  const { doc } = await applyCaseEvent(runtime, access, request.caseId, event, {
    expectedVersion: request.expectedVersion,
  })
  return staffCaseView(runtime, access, doc)
}

export const oversightFunction = defineFunction('oversight', oversightContract, {
  async desk(input, { runtime, staff, now }) {
    return deskPage(runtime, staff, input, now)
  },

  async orderSupervision(input, { runtime, staff }) {
    const { reason, instructions, dueDate } = input
    return step(runtime, staff, input, { type: 'issue-supervision-order', reason, instructions, dueDate })
  },

  async checkSupervision(input, { runtime, staff }) {
    const event: CaseEvent =
      input.decision === 'accept'
        ? { type: 'accept-supervision-result', note: input.note }
        : {
            type: 'send-back-supervision-result',
            reason: input.reason,
            note: input.note,
            dueDate: input.dueDate,
          }
    return step(runtime, staff, input, event)
  },

  async recordReturnVisit(input, { runtime, staff }) {
    const { problemRecurred, satisfied, note } = input
    return step(runtime, staff, input, {
      type: 'record-return-visit',
      kind: 'return-visit',
      problemRecurred,
      satisfied,
      note,
    })
  },

  async orderRedo(input, { runtime, staff }) {
    return step(runtime, staff, input, { type: 'reopen', reason: input.reason })
  },

  async drawSpotCheck(input, { runtime, staff }) {
    return drawSpotCheck(runtime, staff, input)
  },

  async spotChecks(input, { runtime, staff }) {
    return spotChecksPage(runtime, staff, input)
  },

  async spotCheck(input, { runtime, staff }) {
    return spotCheckView(runtime, staff, input.sampleId)
  },

  async recordSpotCheck(input, { runtime, staff }) {
    return recordSpotCheck(runtime, staff, input)
  },

  async warnings(input, { runtime, staff }) {
    return warningsPage(runtime, staff, input)
  },

  async handleWarning(input, { runtime, staff }) {
    return handleWarning(runtime, staff, input)
  },

  async leaderCases(input, { runtime, staff, now }) {
    return leaderCasesPage(runtime, staff, input, now)
  },

  async takeLeaderCase(input, { runtime, staff }) {
    return step(runtime, staff, input, { type: 'take-leader-case', note: input.note })
  },

  async recordReception(input, { runtime, staff }) {
    return recordReception(runtime, staff, input)
  },

  async receptions(input, { runtime, staff }) {
    return receptionMonth(runtime, staff, input.month)
  },
})
