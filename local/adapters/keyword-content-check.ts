// ContentCheck for local mode: a deterministic keyword list standing in for msgSecCheck / mediaCheckAsync,
// so tests and demos can exercise refused and held content. An image is risky when its bytes carry the risky
// marker below (or its file id says `risky`), and needs a person's review when they carry the review marker;
// like the real check, it answers from the content, not from who sent it.
import type { ContentCheck, ContentVerdict } from '../../cloudfunctions/common/ports'

/** Words that make the local check answer `risky` (label in brackets). Demo values, not a policy. */
export const LOCAL_BLOCKED_WORDS: Record<string, string> = {
  违禁测试词: 'demo',
  赌博网站: 'gambling',
  色情: 'porn',
  代开发票: 'fraud',
}
export const LOCAL_REVIEW_WORDS = ['疑似测试词']

/** Bytes that make the local image check answer `risky` (append them to a test image). */
export const LOCAL_RISKY_IMAGE_MARKER = 'GW-TEST-RISKY-IMAGE'
/** Bytes that make the local image check answer `review` (a person must look at the photo). */
export const LOCAL_REVIEW_IMAGE_MARKER = 'GW-TEST-REVIEW-IMAGE'

export class KeywordContentCheck implements ContentCheck {
  constructor(private readonly read?: (fileId: string) => Promise<Uint8Array | null>) {}

  async checkText({ text }: { text: string }): Promise<{ verdict: ContentVerdict; label?: string }> {
    for (const [word, label] of Object.entries(LOCAL_BLOCKED_WORDS)) {
      if (text.includes(word)) return { verdict: 'risky', label }
    }
    if (LOCAL_REVIEW_WORDS.some((w) => text.includes(w))) return { verdict: 'review' }
    return { verdict: 'pass' }
  }

  async checkImage({ fileId }: { fileId: string }): Promise<{ verdict: ContentVerdict; traceId?: string }> {
    const bytes = this.read ? Buffer.from((await this.read(fileId)) ?? []) : Buffer.alloc(0)
    const traceId = `local-${fileId}`
    if (bytes.includes(LOCAL_RISKY_IMAGE_MARKER) || fileId.includes('risky'))
      return { verdict: 'risky', traceId }
    if (bytes.includes(LOCAL_REVIEW_IMAGE_MARKER)) return { verdict: 'review', traceId }
    return { verdict: 'pass', traceId }
  }
}
