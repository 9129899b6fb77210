// cases: filing a report and following it, for citizens. Each action validates (the contract's schema, before
// it is called), authorizes (the citizen's access to the case), then hands the domain work to common/.
import { casesContract } from '../../shared/contracts/cases'
import { AppError } from '../../shared/contracts/result'
import { lastSeq } from '../../shared/cases/views'
import { toShanghaiIso } from '../../shared/time'
import type { CaseDoc } from '../../shared/cases/case-doc'
import { citizenCaseAccess } from '../common/case-access'
import { citizenCaseView, followedCaseView, myCases } from '../common/case-views'
import { COLLECTIONS } from '../common/collections'
import { followInTx, getFollow, unfollowInTx, type FollowDoc } from '../common/follows'
import { previewReport } from '../common/intake/preview'
import { fileReport } from '../common/intake/submission'
import { consumeRateLimit } from '../common/rate-limit'
import { queryCodeHash } from '../common/reporter-identity'
import { reporterStep } from '../common/reporter-steps'
import { routerFor } from '../common/routing'
import { defineFunction } from '../common/router'

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
    return previewReport(runtime, openid, input, now)
  },

  async submitReport(input, { runtime, openid, now }) {
    return fileReport(runtime, openid, input, now)
  },

  async listMine(input, { runtime, openid, now }) {
    return myCases(runtime, openid, input, now)
  },

  async getMine(input, { runtime, openid }) {
    return followedCaseView(runtime, citizenCaseAccess(runtime, openid), input.caseId)
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
    return reporterStep(
      runtime,
      openid,
      input.caseId,
      { type: 'supply-supplement', content: input.content, fileIds: input.photos },
      {
        subject: 'supplement',
        scene: 'report',
        texts: [{ field: 'content', text: input.content }],
        photos: input.photos,
      },
    )
  },

  async rateReply(input, { runtime, openid }) {
    // Satisfied (accept): the reporter confirms the reply with the rating, and the case closes now.
    const rating = { rating: input.stars, comment: input.comment ?? '' }
    return reporterStep(
      runtime,
      openid,
      input.caseId,
      input.accept ? { type: 'accept-reply', ...rating } : { type: 'rate-reply', ...rating },
      { subject: 'rating', scene: 'comment', texts: [{ field: 'comment', text: input.comment }] },
    )
  },

  // 复查 / 复核: the reporter's own request, within its window (the workflow's guards decide).
  async requestReview(input, { runtime, openid }) {
    return reporterStep(
      runtime,
      openid,
      input.caseId,
      { type: 'request-review', grounds: input.grounds },
      { subject: 'review-grounds', scene: 'report', texts: [{ field: 'grounds', text: input.grounds }] },
    )
  },

  async requestReReview(input, { runtime, openid }) {
    return reporterStep(
      runtime,
      openid,
      input.caseId,
      { type: 'request-re-review', grounds: input.grounds },
      { subject: 're-review-grounds', scene: 'report', texts: [{ field: 'grounds', text: input.grounds }] },
    )
  },

  async follow(input, { runtime, openid, now }) {
    // Follow instead of filing again: only an open, released case that was not merged into another — anything
    // else (and any case the citizen cannot see) answers like a missing one.
    const access = citizenCaseAccess(runtime, openid)
    const { doc, follow } = await access.followable(input.caseId)
    if (!follow) {
      // A new follower has read nothing: the case's progress so far counts as unread news for them.
      const newFollow = { caseId: doc._id, openid, relation: 'follower' as const, lastReadSeq: 0 }
      await runtime.db.transaction((tx) => followInTx(tx, { ...newFollow, createdAt: toShanghaiIso(now) }))
    }
    return followedCaseView(runtime, access, input.caseId)
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
    const page = await runtime.db.find<CaseDoc>(COLLECTIONS.cases, {
      filter: { 'reporter.queryCodeHash': queryCodeHash(runtime.secrets.identityKey, input.code) },
      limit: 1,
    })
    const doc = page.items[0]
    if (!doc) throw new AppError('NOT_FOUND', '没有找到这个查询码对应的反映，请核对后重新输入')
    return citizenCaseView(runtime, doc, await getFollow(runtime.db, doc._id, openid), true)
  },
})
