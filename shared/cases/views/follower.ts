// Someone else's report, as a citizen who follows it — or who holds its query code, which may have been passed
// on — reads it: its progress and the bureau's answers, not what only the reporter may see. Never read here: the
// reporter's words, photos and rating, how the bureau contacted them (the reply's communication section: the
// timeline narrates for `ownReport: false`), who they are (the mode reads anonymous), and content held for a
// person's review (the place and the reported party are withheld until it is cleared).
import type { StoredCase } from '../case-doc'
import { visibleToOthers } from '../content-holds'
import { HELD_FOR_OTHERS, progressOf, type CaseDetailForReporter, type CitizenViewContext } from './progress'

/** What the holder of a query code reads instead of the report's words (the code may have been passed on). */
export const QUERY_CODE_VIEW_NOTE =
  '（这是该查询码对应的匿名反映。凭查询码可查看办理进度和答复；反映内容和照片只在提交反映的微信账号中显示。）'

/** What a follower reads instead of the report's words. */
export const FOLLOWER_VIEW_NOTE = '（他人反映的问题，仅显示办理进度）'

export interface FollowerViewContext extends CitizenViewContext {
  /** Opened with the anonymous report's query code (lookupByCode). */
  byQueryCode?: boolean
}

export function toFollowerDetail(doc: StoredCase, ctx: FollowerViewContext): CaseDetailForReporter {
  const shown = visibleToOthers(doc)
  return {
    ...progressOf(doc, ctx, false),
    description: ctx.byQueryCode ? QUERY_CODE_VIEW_NOTE : FOLLOWER_VIEW_NOTE,
    photos: [],
    location: shown ? doc.location : { ...doc.location, address: HELD_FOR_OTHERS },
    reportedEntity: shown ? doc.reportedEntity : null,
    contentNotice: null,
    reporterMode: 'anonymous',
    rating: null,
  }
}
