// public: what the bureau publishes (每月向社会公开, S1 第十三条; S3 第十七条; S4 四(六)) — read by anyone, with or
// without a platform identity — and the staff's choice of typical cases (S0 第十四条). Nothing here can carry a
// reporter: the figures are counts, the cases are public projections (shared/cases/views/public.ts), the summaries
// are refused when they name the reporter.
import type { ReportingChannel } from '../deployment/config'
import type { PublicMonthlyFigures } from '../disclosure/public-figures'
import {
  typicalCaseKindSchema,
  typicalCaseSummarySchema,
  type PublicTypicalCase,
  type TypicalCaseKind,
} from '../disclosure/typical-cases'
import type { RewardRulesView } from '../rewards/rules-view'
import { cursorSchema, idSchema, monthSchema, pageLimitSchema } from '../vocabulary/fields'
import type { CasePage } from './cases'
import { action, ANYONE, staffWith } from './define'
import * as z from '../vocabulary/zod'

export type { PublicTypicalCase, RewardRulesView }

export interface PublicDisclosure {
  /** The bureau that publishes. */
  publisher: string
  /** The months published, newest first (at most 24). */
  months: Array<{ month: string; label: string }>
  /** The month asked for (or the latest); null when nothing is published yet. */
  figures: PublicMonthlyFigures | null
  channels: ReportingChannel[]
  /**
   * 有奖举报政策 (S0 第十四条): the jurisdiction's reward rules as the self-check shows them — whether rewards are
   * offered, the conditions that make a report eligible, the amounts — each with its citation, placeholders marked
   * (`placeholder`, `provisional`) and never shown as law.
   */
  rewardPolicy: RewardRulesView
}

/** A typical case as staff see their choice. */
export interface TypicalCaseRecord {
  caseId: string
  refNo: string
  kind: TypicalCaseKind
  summary: string
  publishedAt: string
  publishedBy: string
}

const disclosureInput = z._default(
  z.object({
    month: z.optional(monthSchema()),
  }),
  {},
)

const typicalCasesInput = z._default(z.object({ cursor: cursorSchema, limit: pageLimitSchema(20) }), {
  limit: 10,
})

const chooseTypicalCaseInput = z.object({
  caseId: idSchema,
  kind: typicalCaseKindSchema,
  summary: typicalCaseSummarySchema,
})

const withdrawTypicalCaseInput = z.object({
  caseId: idSchema,
  reason: z
    .string({ error: '请填写撤下的理由' })
    .check(z.trim(), z.minLength(4, '理由至少 4 个字'), z.maxLength(200, '理由最多 200 个字')),
})

const TYPICAL_CASE_CURATORS = staffWith('office-head', 'leader')

export const publicContract = {
  /** The public page: the months published, one month's figures, the reporting channels and the reward policy. */
  disclosure: action<PublicDisclosure>()(disclosureInput, ANYONE),
  /** Typical cases with their handling summary, newest first. */
  typicalCases: action<CasePage<PublicTypicalCase>>()(typicalCasesInput, ANYONE),
  /** An office head or leader publishes a handled case of their units as typical, with a summary (audited). */
  chooseTypicalCase: action<TypicalCaseRecord>()(chooseTypicalCaseInput, TYPICAL_CASE_CURATORS),
  /** Takes a typical case off the public page (audited, with the reason). */
  withdrawTypicalCase: action<{ withdrawn: true }>()(withdrawTypicalCaseInput, TYPICAL_CASE_CURATORS),
  /** Whether a case of the caller's units is published as typical, and with what summary. */
  typicalCaseOf: action<TypicalCaseRecord | null>()(z.object({ caseId: idSchema }), TYPICAL_CASE_CURATORS),
}
