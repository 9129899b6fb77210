// channels: every way a report comes in besides the mini-program, and every result that goes back out. Each
// action validates (the contract's schema and role, before it is called), authorizes (the caller's own uploads
// and batches; feedback of the caller's units, out of scope answering like missing), then hands the work to
// common/channels/. Over HTTP (onHttp): a platform's signed push and Open311 (common/channels/http-routes.ts).
import { channelsContract } from '../../shared/contracts/channels'
import { AppError } from '../../shared/contracts/result'
import { ORDER_FIELDS, ORDER_FIELD_KEYS, platformById } from '../../shared/deployment/platforms'
import { INTAKE_CHANNELS } from '../../shared/workflow'
import { exportFeedback, exportNationalRecords } from '../common/channels/exports'
import { feedbackView, type FeedbackDoc } from '../common/channels/feedback'
import { retryFeedbackNow } from '../common/channels/feedback-outbox'
import { registerByStaff } from '../common/channels/filing'
import { handleChannelsHttp } from '../common/channels/http-routes'
import { batchView, continueImport, ownBatch, startImport } from '../common/channels/imports'
import { registerStoredChannelFile } from '../common/channels/uploads'
import { caseUnitScope } from '../common/case-access'
import { COLLECTIONS } from '../common/collections'
import type { Runtime } from '../common/ports'
import { defineFunction } from '../common/router'
import type { StaffRecord } from '../common/staff-records'

const NO_FEEDBACK = '没有找到这条平台反馈，或不在您的办理范围内'

/** A feedback record of the caller's units; anything else answers like a missing one. */
async function feedbackInScope(runtime: Runtime, staff: StaffRecord, feedbackId: string) {
  const doc = await runtime.db.get<FeedbackDoc>(COLLECTIONS.platformFeedback, feedbackId)
  if (!doc || !caseUnitScope(runtime, staff).includes(doc.unitId)) {
    throw new AppError('NOT_FOUND', NO_FEEDBACK)
  }
  return doc
}

export const channelsFunction = defineFunction(
  'channels',
  channelsContract,
  {
    async registerReport(input, { runtime, staff, openid, now }) {
      return registerByStaff(runtime, staff, openid, input, now)
    },

    async registerUpload(input, { runtime, openid }) {
      return registerStoredChannelFile(runtime, openid, input.fileId, input.kind)
    },

    async platforms(_input, { runtime }) {
      return (runtime.deployment.platforms ?? []).map((p) => {
        const columnsOf = (required: boolean) =>
          ORDER_FIELD_KEYS.filter((f) => ORDER_FIELDS[f].required === required).flatMap((f) =>
            p.columns[f]?.length ? [p.columns[f]!.join('/')] : [],
          )
        return {
          id: p.id,
          name: p.name,
          channelLabel: INTAKE_CHANNELS[p.channel],
          requiredColumns: columnsOf(true),
          optionalColumns: columnsOf(false),
          feedbackPushed: p.feedbackUrl !== null,
        }
      })
    },

    async startImport(input, { runtime, staff, openid }) {
      return startImport(runtime, staff, openid, input)
    },

    async continueImport(input, { runtime, staff }) {
      return continueImport(runtime, staff, input.batchId)
    },

    async getImport(input, { runtime, staff }) {
      return batchView(await ownBatch(runtime, staff, input.batchId))
    },

    async listFeedback(input, { runtime, staff }) {
      // One query over the caller's units (one index range per unit, merged in order).
      const page = await runtime.db.find<FeedbackDoc>(COLLECTIONS.platformFeedback, {
        filter: { unitId: { $in: caseUnitScope(runtime, staff) } },
        orderBy: [['createdAt', 'desc']],
        limit: input.limit,
        after: input.cursor ?? null,
      })
      return { items: page.items.map(feedbackView), next: page.next }
    },

    async retryFeedback(input, { runtime, staff }) {
      const doc = await feedbackInScope(runtime, staff, input.feedbackId)
      return feedbackView(await retryFeedbackNow(runtime, doc))
    },

    async exportFeedback(input, { runtime, staff }) {
      if (!platformById(runtime.deployment, input.platform)) {
        throw new AppError('NOT_FOUND', `本辖区没有配置工单平台「${input.platform}」`)
      }
      return exportFeedback(runtime, staff, input)
    },

    async exportNationalRecords(input, { runtime, staff }) {
      return exportNationalRecords(runtime, staff, input)
    },
  },
  { onHttp: handleChannelsHttp },
)
