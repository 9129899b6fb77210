// ContentCheck on WeChat content security (list `security.msgSecCheck` and `security.mediaCheckAsync` under
// `permissions.openapi` in the function's config.json):
// - text: msgSecCheck v2 `{ content, version: 2, scene, openid }` → `result.suggest` pass | review | risky and
//   `result.label` (100 = normal);
// - images: mediaCheckAsync v2 `{ media_url, media_type: 2, version: 2, scene, openid }` → a trace id; the
//   verdict arrives later through the message push configured in the mini-program console.
//
// When the check itself fails (quota, outage), the text verdict is `review`: the report is accepted and goes
// to a person instead of being blocked or waved through. Image check failures are returned as `review` too.
import type { ContentCheck, ContentVerdict, Logger } from '../ports'
import { field, type WxOpenApi } from './sdk'

/** msgSecCheck / mediaCheckAsync scenes: 1 profile, 2 comment, 3 forum, 4 social log. */
const SCENES = { report: 3, comment: 2 } as const

/** Labels of msgSecCheck v2 (100 = normal), named like the local keyword check's labels. */
const LABELS: Record<number, string> = {
  10001: 'ad',
  20001: 'politics',
  20002: 'porn',
  20003: 'abuse',
  20006: 'crime',
  20008: 'fraud',
  20012: 'vulgar',
  20013: 'copyright',
  21000: 'other',
}

const VERDICTS = new Set<ContentVerdict>(['pass', 'review', 'risky'])

export class CloudbaseContentCheck implements ContentCheck {
  constructor(
    private readonly openapi: Pick<WxOpenApi, 'security'>,
    private readonly log?: Logger,
  ) {}

  async checkText(input: { text: string; openid: string; scene: 'report' | 'comment' }): Promise<{
    verdict: ContentVerdict
    label?: string
  }> {
    let result: unknown
    try {
      result = await this.openapi.security.msgSecCheck({
        content: input.text,
        version: 2,
        scene: SCENES[input.scene],
        openid: input.openid,
      })
    } catch (error) {
      this.log?.warn('msgSecCheck failed: sending the text to manual review', {
        error: String(field(error, 'errMsg') ?? error),
      })
      return { verdict: 'review' }
    }
    const suggest = field(field(result, 'result'), 'suggest')
    const label = field(field(result, 'result'), 'label')
    if (typeof suggest !== 'string' || !VERDICTS.has(suggest as ContentVerdict)) {
      this.log?.warn('msgSecCheck returned no verdict: sending the text to manual review', { suggest })
      return { verdict: 'review' }
    }
    const verdict = suggest as ContentVerdict
    if (verdict === 'pass' || typeof label !== 'number') return { verdict }
    return { verdict, label: LABELS[label] ?? String(label) }
  }

  async checkImage(input: { fileId: string; url: string; openid: string }): Promise<{
    verdict: ContentVerdict | 'pending'
    traceId?: string
  }> {
    let result: unknown
    try {
      result = await this.openapi.security.mediaCheckAsync({
        media_url: input.url,
        media_type: 2,
        version: 2,
        scene: SCENES.report,
        openid: input.openid,
      })
    } catch (error) {
      this.log?.warn('mediaCheckAsync failed: the image needs manual review', {
        fileId: input.fileId,
        error: String(field(error, 'errMsg') ?? error),
      })
      return { verdict: 'review' }
    }
    // wx-server-sdk converts the response to camelCase (`traceId`); accept the raw `trace_id` too.
    const traceId = field(result, 'traceId') ?? field(result, 'trace_id')
    if (typeof traceId !== 'string' || !traceId) return { verdict: 'review' }
    return { verdict: 'pending', traceId }
  }
}
