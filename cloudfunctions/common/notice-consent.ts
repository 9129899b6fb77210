// Whether staff notices (待办提醒) can reach a staff member. WeChat sends a one-time subscribe message only after the
// user agreed to it in a dialog opened from a tap, once per agreement, and no API says how many agreements are
// left. So they are counted here: each agreement the app reports adds one, each notice delivered takes one, and a
// notice WeChat refuses for want of agreement (43101) sets the count to none. The workbench shows the count and
// asks again when it is out; the count tells when to ask, WeChat decides what is sent.
import { createHash } from 'node:crypto'
import { MAX_COUNTED_CONSENTS, type NoticeConsentView } from '../../shared/contracts/enrolment'
import { toShanghaiIso } from '../../shared/time'
import { STAFF_NOTICE_TEMPLATE } from '../../shared/workflow'
import { COLLECTIONS } from './collections'
import type { Runtime, Tx } from './ports'

interface NoticeConsentDoc {
  template: string
  remaining: number
  grantedAt: string | null
  refusedAt: string | null
  updatedAt: string
}

/** One document per identity and template; the id hides the openid. */
function consentId(openid: string, template: string): string {
  return 'n' + createHash('sha256').update(`${template}\n${openid}`).digest('hex').slice(0, 31)
}

/**
 * The template id the app asks agreement for: none when unconfigured — then nothing is sent through WeChat, as in
 * local mode, whose outbox needs no agreement (GW_SUBSCRIBE_TEMPLATES configures the cloud).
 */
function staffTemplateId(runtime: Runtime): string | null {
  return runtime.subscribeTemplates?.[STAFF_NOTICE_TEMPLATE] || null
}

function viewOf(runtime: Runtime, doc: NoticeConsentDoc | null): NoticeConsentView {
  const templateId = staffTemplateId(runtime)
  const remaining = doc?.remaining ?? 0
  return {
    templateId,
    status: templateId === null ? 'not-applicable' : remaining > 0 ? 'granted' : 'missing',
    remaining,
    refusedAt: doc?.refusedAt ?? null,
  }
}

export async function noticeConsentOf(runtime: Runtime, openid: string): Promise<NoticeConsentView> {
  const doc = await runtime.db.get<NoticeConsentDoc>(
    COLLECTIONS.noticeConsents,
    consentId(openid, STAFF_NOTICE_TEMPLATE),
  )
  return viewOf(runtime, doc)
}

async function change(
  runtime: Runtime,
  openid: string,
  next: (doc: NoticeConsentDoc | null, at: string) => NoticeConsentDoc | null,
): Promise<NoticeConsentDoc | null> {
  const id = consentId(openid, STAFF_NOTICE_TEMPLATE)
  const at = toShanghaiIso(runtime.clock.now())
  return runtime.db.transaction(async (tx: Tx) => {
    const doc = await tx.get<NoticeConsentDoc>(COLLECTIONS.noticeConsents, id)
    const { _id, _version, ...current } = doc ?? { _id: id, _version: 0 }
    const updated = next(doc ? (current as NoticeConsentDoc) : null, at)
    if (!updated) return doc
    if (doc) await tx.update<NoticeConsentDoc>(COLLECTIONS.noticeConsents, _id, updated, _version)
    else await tx.insert<NoticeConsentDoc>(COLLECTIONS.noticeConsents, { _id, ...updated })
    return updated
  })
}

/** The staff member agreed to one more notice. */
export async function recordNoticeConsent(runtime: Runtime, openid: string): Promise<NoticeConsentView> {
  const doc = await change(runtime, openid, (doc, at) => ({
    template: STAFF_NOTICE_TEMPLATE,
    remaining: Math.min((doc?.remaining ?? 0) + 1, MAX_COUNTED_CONSENTS),
    grantedAt: at,
    refusedAt: doc?.refusedAt ?? null,
    updatedAt: at,
  }))
  return viewOf(runtime, doc)
}

/**
 * What sending a staff notice did to the count: delivered takes one agreement; refused for want of one (WeChat
 * 43101) means none are left. Never fails the caller: the count only advises when to ask.
 */
export async function noteStaffNotice(
  runtime: Runtime,
  openid: string,
  outcome: { delivered: boolean; reason?: string },
): Promise<void> {
  if (staffTemplateId(runtime) === null) return
  if (!outcome.delivered && outcome.reason !== 'not-subscribed') return
  try {
    await change(runtime, openid, (doc, at) => {
      if (outcome.delivered) {
        if (!doc || doc.remaining === 0) return null
        return { ...doc, remaining: doc.remaining - 1, updatedAt: at }
      }
      return {
        template: STAFF_NOTICE_TEMPLATE,
        remaining: 0,
        grantedAt: doc?.grantedAt ?? null,
        refusedAt: at,
        updatedAt: at,
      }
    })
  } catch (error) {
    runtime.log.warn('notice consent count not updated', { error: String(error) })
  }
}
