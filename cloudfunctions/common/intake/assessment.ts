// What intake knows of a new report before it is stored: its importance and urgency under the deployment's
// intake rules, the normalised name of the reported party, and the keyed hash that counts a reporter's repeats.
import { createHash } from 'node:crypto'
import { AppError } from '../../../shared/contracts/result'
import type { CategoryKey } from '../../../shared/vocabulary/categories'
import { assessIntake, type IntakeAssessment } from '../../../shared/intake/importance'
import type { IntakePolicy } from '../../../shared/policy/intake'
import { intakePolicyFor } from '../../../shared/policy/registry'
import { entityKey } from '../../../shared/routing/entity-names'
import type { Runtime } from '../ports'
import { routerFor } from '../routing'

export function intakePolicyOf(runtime: Runtime): IntakePolicy {
  return intakePolicyFor(runtime.deployment.profileId)
}

/** Opaque and stable per reporter for counting (never the openid itself). */
export function reporterKeyOf(runtime: Runtime, openid: string, anonymous: boolean): string | null {
  if (anonymous) return null
  return createHash('sha256')
    .update(runtime.secrets.identityKey)
    .update(`reporter\n${openid}`)
    .digest('base64url')
    .slice(0, 22)
}

export function entityKeyOf(runtime: Runtime, name: string | null | undefined): string | null {
  return entityKey(name, routerFor(runtime).entityNames)
}

/** Importance and urgency of a new report (S2 第十条, S4 四(二), S2 第十二条, S3 第九条(五)). */
export function assessNewReport(
  runtime: Runtime,
  input: { category: CategoryKey; source?: string | null; occurredAt?: string | null },
  reportedAt: string,
): IntakeAssessment {
  return assessIntake(
    {
      category: input.category,
      source: (input.source ?? null) as never,
      reportedAt,
      observedAt: input.occurredAt ?? null,
    },
    intakePolicyOf(runtime).importance,
  )
}

/** How far ahead of the server's clock a device's clock may run before its time counts as the future. */
const CLOCK_SKEW_MS = 5 * 60_000

/** A report cannot be about something that has not happened yet (the time decides night-time urgency). */
export function checkOccurredAt(occurredAt: string | undefined, now: Date): void {
  if (occurredAt && Date.parse(occurredAt) > now.getTime() + CLOCK_SKEW_MS) {
    throw new AppError('VALIDATION_FAILED', '发生时间不能晚于现在，请重新选择', {
      occurredAt: '发生时间不能晚于现在',
    })
  }
}
