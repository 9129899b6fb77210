// ContentCheck for local mode: a deterministic keyword list standing in for msgSecCheck / mediaCheckAsync,
// so tests and demos can exercise rejected content. Images are judged by their file name.
import type { ContentCheck, ContentVerdict } from '../../cloudfunctions/common/ports'

/** Words that make the local check answer `risky` (label in brackets). Demo values, not a policy. */
export const LOCAL_BLOCKED_WORDS: Record<string, string> = {
  违禁测试词: 'demo',
  赌博网站: 'gambling',
  色情: 'porn',
  代开发票: 'fraud',
}
export const LOCAL_REVIEW_WORDS = ['疑似测试词']

export class KeywordContentCheck implements ContentCheck {
  async checkText({ text }: { text: string }): Promise<{ verdict: ContentVerdict; label?: string }> {
    for (const [word, label] of Object.entries(LOCAL_BLOCKED_WORDS)) {
      if (text.includes(word)) return { verdict: 'risky', label }
    }
    if (LOCAL_REVIEW_WORDS.some((w) => text.includes(w))) return { verdict: 'review' }
    return { verdict: 'pass' }
  }

  async checkImage({ fileId }: { fileId: string }): Promise<{ verdict: ContentVerdict; traceId?: string }> {
    return { verdict: fileId.includes('risky') ? 'risky' : 'pass', traceId: `local-${fileId}` }
  }
}
