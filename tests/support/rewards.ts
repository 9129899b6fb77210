// Whistleblower-reward steps for tests: a report taken to the decision that confirms its violation, and a claim.
import { localDateOf } from '../../shared/time'
import type { Harness } from './local-harness'
import { reportInput } from './reports'

export const REWARD_ADMIN = 'dev-reward-admin'

/** Staff of the demo deployments by what they do (the same personas in every deployments/<id>). */
export const HANDLERS = {
  jiaozuo: {
    intake: 'dev-supervisor',
    dispatcher: 'dev-office-head',
    officer: 'dev-officer',
    unit: 'jz-shanyang',
  },
  jiulongpo: {
    intake: 'dev-office-head',
    dispatcher: 'dev-office-head',
    officer: 'dev-officer',
    unit: 'jlp-brigade',
  },
} as const

/** A valid 居民身份证号码 (GB 11643 check digit) that appears nowhere else. */
export const CLAIMANT_ID_NUMBER = '11010519491231002X'

export function claimInput(caseId: string, overrides: Record<string, unknown> = {}) {
  return {
    caseId,
    claimant: { name: '张三', idNumber: CLAIMANT_ID_NUMBER, phone: '13912345678' },
    payment: { bankName: '招商银行焦作解放路支行', accountNumber: '6225 8801 2345 6789' },
    insider: false,
    excluded: false,
    consent: true,
    ...overrides,
  }
}

const CONFIRMATION = {
  type: 'confirm-violation',
  decisionKind: 'penalty',
  decisionNumber: '焦环罚〔2026〕12号',
  violationType: 'no-permit',
  fineYuan: 50000,
  knownBefore: false,
} as const

/** A 举报 filed by `openid` (real-name unless overridden); answers its case id and query code (anonymous). */
export async function fileReport(
  h: Harness,
  openid: string,
  overrides: Record<string, unknown> = {},
): Promise<{ caseId: string; refNo: string; queryCode: string | null }> {
  return h.ok('cases', 'submitReport', reportInput({ requestType: 'report', ...overrides }), openid)
}

/** Accepted, assigned and investigated by the deployment's staff. */
export async function investigate(h: Harness, caseId: string, who: keyof typeof HANDLERS = 'jiaozuo') {
  const staff = HANDLERS[who]
  await h.act(staff.intake, caseId, { type: 'accept' })
  // The demo deployments' officer (every deployment names theirs st-officer; the function records their name).
  await h.act(staff.dispatcher, caseId, {
    type: 'assign',
    unitIds: [staff.unit],
    officer: { id: 'st-officer', name: '承办人' },
  })
  await h.act(staff.officer, caseId, { type: 'start-investigation' })
}

/** The officer records the penalty decision that confirms the violation (dated today). */
export async function confirmViolation(
  h: Harness,
  caseId: string,
  overrides: Record<string, unknown> = {},
  who: keyof typeof HANDLERS = 'jiaozuo',
) {
  const decidedOn = localDateOf(h.clock.now())
  return h.act(HANDLERS[who].officer, caseId, { ...CONFIRMATION, decidedOn, ...overrides })
}
