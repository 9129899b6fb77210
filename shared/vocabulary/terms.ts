// The words the product uses for the people and things of a case, declared once. Every label, narration and
// form takes its terms from here.
//
// The choice: a citizen may 咨询, 求助, 投诉, 举报 or offer 意见/建议 (S0 第七条(四)), and the platform takes all of
// them, so the neutral 反映 family names the person and the matter everywhere: 反映人, 反映事项, 被反映对象.
// 举报人 is kept for what only a 举报 has: rewards for reports of violations (S0 第十二条, S2 第九条, S3 第二十七条)
// and quotations of a regulation's own words (S1 第十条 "举报事项" is shown as 反映事项: the reply answers every
// request type). 投诉人 is not used.
export const TERMS = {
  /** Who raised the matter, whatever the request type. */
  reporter: '反映人',
  /** What was raised. */
  matter: '反映事项',
  /** The unit or person the matter is about. */
  reportedParty: '被反映对象',
  /** A whistleblower claiming a reward (举报 of a violation). */
  whistleblower: '举报人',
  /** The citizen's act of raising a matter, and the record of it. */
  report: '反映',
} as const
