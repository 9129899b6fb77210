// rewards: whistleblower rewards (有奖举报) — for citizens, the jurisdiction's rules before filing, the reward status
// of their report and the claim; for reward admins, the queue of claims, each claim with the parts of the case
// the decision needs, the decision (amount from the tier table; an override needs its reason), the payout, the
// refusal with reasons the claimant reads, and the recovery of a reward paid on a report later found untrue.
import type { RewardRulesView } from '../rewards/rules-view'
import type { ClaimForRewardAdmin, ClaimQueueItem, RewardStatusView } from '../rewards/views'
import {
  CLAIM_STATE_KEYS,
  REFUSAL_REASON_KEYS,
  type ClaimState,
  type RefusalReasonKey,
} from '../rewards/statuses'
import {
  cursorSchema,
  dateSchema,
  idSchema,
  mobileSchema,
  pageLimitSchema,
  personNameSchema,
  versionSchema,
} from '../vocabulary/fields'
import { lookupByCodeInput, normaliseQueryCode, QUERY_CODE_PATTERN, type CasePage } from './cases'
import { action, staffWith, USER } from './define'
import * as z from '../vocabulary/zod'

export type { ClaimForRewardAdmin, ClaimQueueItem, RewardRulesView, RewardStatusView }

/** 居民身份证号码 (GB 11643): 17 digits and a check character (ISO 7064 MOD 11-2). */
function isIdNumber(value: string): boolean {
  if (!/^\d{17}[\dX]$/.test(value)) return false
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = weights.reduce((acc, w, i) => acc + w * Number(value[i]), 0)
  return '10X98765432'[sum % 11] === value[17]
}

const idNumberSchema = z.string({ error: '请填写身份证号码' }).check(
  z.trim(),
  z.overwrite((s) => s.toUpperCase()),
  z.regex(/^\d{17}[\dX]$/, '身份证号码应为 18 位'),
  z.refine(isIdNumber, '身份证号码有误，请核对'),
)

const text = (label: string, min: number, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .check(
      z.trim(),
      z.minLength(min, min > 1 ? `${label}至少 ${min} 个字` : `请填写${label}`),
      z.maxLength(max, `${label}最多 ${max} 个字`),
    )

/** The anonymous report's query code, which is also its claim code. */
const claimCodeSchema = z
  .string({ error: '请填写查询码' })
  .check(
    z.overwrite(normaliseQueryCode),
    z.regex(QUERY_CODE_PATTERN, '查询码是 10 位字母和数字，请核对后重新输入'),
  )

export const claimInput = z.object({
  caseId: idSchema,
  /** Anonymous reports: the query code shown when it was filed. */
  claimCode: z.optional(claimCodeSchema),
  claimant: z.object({ name: personNameSchema, idNumber: idNumberSchema, phone: mobileSchema }),
  payment: z.object({
    bankName: text('开户银行', 2, 50),
    accountNumber: z.string({ error: '请填写银行账号' }).check(
      z.overwrite((s) => s.replace(/\s/g, '')),
      z.regex(/^\d{12,30}$/, '银行账号应为 12–30 位数字'),
    ),
  }),
  insider: z.boolean({ error: '请说明您是否为被举报单位的内部人员' }),
  excluded: z.boolean({ error: '请说明您是否为负有生态环境监管职责的工作人员或其近亲属' }),
  consent: z.literal(true, { error: '请阅读并同意《奖励申领须知》' }),
})

export type ClaimInput = z.input<typeof claimInput>

const claimRef = { claimId: idSchema, expectedVersion: versionSchema }

export const decideInput = z.object({
  ...claimRef,
  /** Whether the reporter is an insider of the reported party (declared by the claimant, confirmed here). */
  insider: z.boolean({ error: '请确认举报人是否为内部人员' }),
  /** Another amount than the tier table's: needs a reason. */
  amount: z.optional(z.int({ error: '奖励金额必须是整数（元）' }).check(z.gte(1, '奖励金额至少 1 元'))),
  overrideReason: z.optional(text('改定金额的理由', 4, 500)),
})

export const refuseInput = z.object({
  ...claimRef,
  reasons: z
    .array(
      z.enum(REFUSAL_REASON_KEYS as [RefusalReasonKey, ...RefusalReasonKey[]], {
        error: '不予奖励的理由不在可选之列',
      }),
    )
    .check(
      z.minLength(1, '请选择不予奖励的理由'),
      z.refine((r) => new Set(r).size === r.length, '不予奖励的理由重复'),
    ),
  note: z._default(z.string().check(z.trim(), z.maxLength(500, '说明最多 500 个字')), ''),
})

export const recordPayoutInput = z.object({
  ...claimRef,
  paidOn: dateSchema('发放日期'),
  reference: text('转账凭证号', 4, 100),
})

export const recordRecoveryInput = z.object({
  ...claimRef,
  recoveredOn: dateSchema('追回日期'),
  reference: text('追回凭证号', 4, 100),
})

const queueInput = z._default(
  z.object({
    state: z._default(
      z.enum(CLAIM_STATE_KEYS as [ClaimState, ...ClaimState[]], { error: '申领状态不正确' }),
      'submitted',
    ),
    cursor: cursorSchema,
    limit: pageLimitSchema(50),
  }),
  { state: 'submitted', limit: 20 },
)

/** A reward admin's step on a claim: where it stands now (never the claimant's identity). */
export interface ClaimOutcome {
  claimId: string
  version: number
  state: ClaimState
  stateLabel: string
  amount: number | null
}

const REWARD_ADMIN = staffWith('reward-admin')

export const rewardsContract = {
  /** The jurisdiction's reward rules, as the self-check explains them. */
  rules: action<RewardRulesView>()(z._default(z.object({}), {}), USER),
  /** The reward status of the caller's own report. */
  status: action<RewardStatusView>()(z.object({ caseId: idSchema }), USER),
  /** The reward status of an anonymous report, by its query code (rate-limited). */
  statusByCode: action<RewardStatusView>()(lookupByCodeInput, USER),
  /** Claims the reward of an eligible report: identity and payment details are stored sealed. */
  claim: action<RewardStatusView>()(claimInput, USER),
  queue: action<CasePage<ClaimQueueItem>>()(queueInput, REWARD_ADMIN),
  /** One claim with the claimant's identity: every read is audited. */
  getClaim: action<ClaimForRewardAdmin>()(z.object({ claimId: idSchema }), REWARD_ADMIN),
  decide: action<ClaimOutcome>()(decideInput, REWARD_ADMIN),
  refuse: action<ClaimOutcome>()(refuseInput, REWARD_ADMIN),
  recordPayout: action<ClaimOutcome>()(recordPayoutInput, REWARD_ADMIN),
  recordRecovery: action<ClaimOutcome>()(recordRecoveryInput, REWARD_ADMIN),
}
