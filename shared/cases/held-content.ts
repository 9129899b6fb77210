// Content security of what citizens send (report text and photos, supplements, rating comments, grounds for
// 复查/复核): what may be held for a person to look at, and how it is named to staff and to the citizen.
// The policy per verdict is in docs/architecture.md (Content security); the server applies it in
// cloudfunctions/common/screening.ts.

/** The pieces of citizen content a case can hold back, with the name staff and the citizen see. */
export const CONTENT_SUBJECTS = {
  report: '反映内容',
  supplement: '补充材料',
  rating: '评价留言',
  'review-grounds': '复查理由',
  're-review-grounds': '复核理由',
} as const

export type ContentSubject = keyof typeof CONTENT_SUBJECTS

/** The tag staff see on a case holding content that a person must clear. */
export const CONTENT_HELD_TAG = '内容待审核'

/** A piece of content held back, as staff see it to decide on it. */
export interface HeldContentView {
  /** Names the hold when clearing it. */
  holdId: string
  subject: ContentSubject
  label: string
  /** Why it is held, in words. */
  reason: string
  /** The held text (null when only photos are held). */
  text: string | null
  /** Held photos; `checking`: the platform's check has not answered yet (no link until it has). */
  photos: Array<{ fileId: string; url: string | null; checking: boolean }>
  since: string
  /** False while a photo check is still running: only what a check has answered can be cleared. */
  clearable: boolean
}

export interface HeldPhoto {
  fileId: string
  /** `review`: a person must look at it; `pending`: mediaCheckAsync has not answered. */
  state: 'review' | 'pending'
}

export interface ContentHold {
  /** `report`, `rating`, or the subject with the history index of the event that carried it (`supplement-4`). */
  id: string
  subject: ContentSubject
  /** History index of that event (supplement, grounds); null for the report and the rating. */
  entry: number | null
  /** The text needs a person: the check answered `review`, or could not answer. */
  text: boolean
  photos: HeldPhoto[]
  since: string
}

/** What screening found held in one piece of content, before it is placed on a case. */
export type NewHold = Pick<ContentHold, 'subject' | 'text' | 'photos' | 'since'>
