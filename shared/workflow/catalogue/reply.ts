// The reply: drafted by the officer, approved by the office head then the leader (S1 第十一条, S2 第十七条),
// sent back with a reason, sent to the reporter with what S1 第十条 and S3 第十二条 require it to contain.
import { ask, fieldPaths, type FieldsOutput } from '../../vocabulary/form'
import { TERMS } from '../../vocabulary/terms'
import { defineEvent, earlier, NOT_SHOWN } from './define'

/** What a reply contains (S1 第十条, S3 第十二条). */
export const REPLY_FIELDS = {
  matter: ask.text(TERMS.matter, 2000),
  entityFacts: ask.text(`${TERMS.reportedParty}基本情况`, 2000),
  investigation: ask.text('调查核实情况', 4000),
  violations: ask.text('发现的环境违法问题', 2000, { placeholder: '没有发现的，写“未发现”' }),
  handlingOpinion: ask.text('处理意见', 4000),
  communication: ask.text(`与${TERMS.reporter}沟通情况`, 2000),
  remedies: ask.text('救济渠道', 1000),
}
export type ReplyContent = FieldsOutput<typeof REPLY_FIELDS>

/**
 * Where a reply template names a fact the case does not have yet, the draft says so for the officer to fill in
 * (shared/cases/reply-templates.ts); a reply still saying so is not complete (guard `replyComplete`).
 */
export const MISSING_FACT_MARK = '【待补充'
export const missingFact = (name: string) => `${MISSING_FACT_MARK}：${name}】`

/** Said to the reporter only: followers and holders of the query code do not see how the bureau contacted them. */
const OWN_REPORTER_ONLY: ReadonlySet<keyof ReplyContent> = new Set(['communication'])

/** The reply's sections as the reporter (or, without the private ones, a follower) reads them. */
export function replySections(
  reply: ReplyContent,
  ownReport: boolean,
): Array<{ title: string; body: string }> {
  return fieldPaths(REPLY_FIELDS)
    .filter(({ path }) => ownReport || !OWN_REPORTER_ONLY.has(path as keyof ReplyContent))
    .map(({ path, field }) => ({ title: field.form.label, body: reply[path as keyof ReplyContent] }))
}

export const DRAFT_REPLY = defineEvent('draft-reply', {
  label: '拟写答复',
  tone: 'step',
  fields: { reply: ask.group('答复', REPLY_FIELDS) },
  reporter: NOT_SHOWN,
})

export const APPROVE_REPLY = defineEvent('approve-reply', {
  label: '审核同意答复',
  tone: 'step',
  fields: { comment: ask.optionalText('审核意见', 500) },
  reporter: NOT_SHOWN,
})

export const SEND_BACK_REPLY = defineEvent('send-back-reply', {
  label: '退回答复',
  tone: 'warn',
  fields: { reason: ask.text('退回理由', 1000) },
  reporter: NOT_SHOWN,
})

export const SEND_REPLY = defineEvent('send-reply', {
  label: `答复${TERMS.reporter}`,
  tone: 'reply',
  fields: {},
  reporter: {
    news: true,
    tell: (_e, ctx) => {
      // The reply sent is the last draft before it.
      const draft = earlier(ctx, DRAFT_REPLY)
      return {
        label: '已答复',
        detail: '请查看答复内容；如有异议可在期限内申请复查。',
        ...(draft ? { sections: replySections(draft.reply, ctx.ownReport) } : {}),
      }
    },
  },
})
