// After the reply: the reporter rates it, accepts it, or asks for a 复查 and then a 复核 within their windows
// (S2 第十九条, 条例 第三十五条、第三十六条); silence within the objection window closes the case (S2 第二十条).
import { ask } from '../../vocabulary/form'
import { TERMS } from '../../vocabulary/terms'
import { REVIEW_OUTCOMES } from '../grounds'
import { defineEvent } from './define'

const ratingText = (stars: number | null, comment: string) =>
  [stars ? `${stars} 星` : '', comment].filter(Boolean).join('：')

export const RATE_REPLY = defineEvent('rate-reply', {
  label: '评价答复',
  tone: 'step',
  fields: {
    rating: ask.stars('评分'),
    comment: ask.optionalText('评价留言', 500),
  },
  // The reporter's own words: not for followers or holders of the query code.
  reporter: {
    news: false,
    tell: (e, { ownReport }) =>
      ownReport ? { label: '您已评价答复', detail: ratingText(e.rating, e.comment) } : null,
  },
})

export const ACCEPT_REPLY = defineEvent('accept-reply', {
  label: '认可答复',
  tone: 'done',
  fields: {
    rating: ask.optionalStars('评分'),
    comment: ask.optionalText('评价留言', 500),
  },
  reporter: {
    news: false,
    tell: (e, { ownReport }) =>
      ownReport
        ? {
            label: '您已确认答复，办理结束',
            ...(e.rating ? { detail: ratingText(e.rating, e.comment) } : {}),
          }
        : { label: `${TERMS.reporter}已确认答复，办理结束` },
  },
})

export const REQUEST_REVIEW = defineEvent('request-review', {
  label: '申请复查',
  tone: 'step',
  fields: { grounds: ask.text('复查请求的理由', 2000, { min: 4 }) },
  reporter: { news: false, tell: () => ({ label: '已申请复查' }) },
})

export const DECIDE_REVIEW = defineEvent('decide-review', {
  label: '作出复查意见',
  tone: 'reply',
  fields: {
    outcome: ask.choice('复查结论', REVIEW_OUTCOMES, '请选择维持或变更'),
    opinion: ask.text('复查意见', 4000),
  },
  reporter: {
    news: true,
    tell: (e) => ({
      label: e.outcome === 'upheld' ? '复查意见：维持原处理意见' : '复查意见：变更原处理意见',
      detail: e.opinion,
    }),
  },
})

export const REQUEST_RE_REVIEW = defineEvent('request-re-review', {
  label: '申请复核',
  tone: 'step',
  fields: { grounds: ask.text('复核请求的理由', 2000, { min: 4 }) },
  reporter: { news: false, tell: () => ({ label: '已申请复核' }) },
})

export const DECIDE_RE_REVIEW = defineEvent('decide-re-review', {
  label: '作出复核意见',
  tone: 'reply',
  fields: {
    outcome: ask.choice('复核结论', REVIEW_OUTCOMES, '请选择维持或变更'),
    opinion: ask.text('复核意见', 4000),
  },
  reporter: {
    news: true,
    tell: (e) => ({ label: e.outcome === 'upheld' ? '复核意见：维持' : '复核意见：变更', detail: e.opinion }),
  },
})

// S2 第二十条: no objection within 30 日 → 视为办结.
export const DEEM_CLOSED = defineEvent('deem-closed', {
  label: '视为办结',
  tone: 'done',
  fields: {},
  reporter: { news: true, tell: () => ({ label: '已办结', detail: '答复后异议期内未提出异议，视为办结。' }) },
})
