// The very first administrator of a deployment binds with a one-time setup code: `npm run deploy` issues it
// and prints it once; nobody inserts a staff record by hand. Only a keyed hash and the expiry are stored, in
// one document `setup/first-admin`, so a database leak does not reveal a usable code.
//
// The key is GW_IDENTITY_KEY (runtime.secrets.identityKey): the deploy tool has it (it sets it on every function)
// and so has every function, so `staff.redeemSetupCode` (enrolment.ts) checks a code with `setupCodeMatches`,
// binds the caller's OPENID (from the platform) as administrator and sets `redeemedAt` in one versioned write.
// Local mode issues one on start while no administrator is bound (local/main.ts).
//
// Document `setup/first-admin`:
//   { purpose: 'first-admin', codeHash, issuedAt, expiresAt, redeemedAt: null | ISO time, redeemedBy? }
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto'
import {
  ENROLMENT_CODE_ALPHABET,
  ENROLMENT_CODE_GROUP,
  ENROLMENT_CODE_LENGTH,
  normaliseEnrolmentCode,
} from '../../shared/contracts/enrolment'
import { COLLECTIONS } from './collections'
import type { DocStore, WithId } from './ports'

const SETUP_COLLECTION = COLLECTIONS.setup
export const FIRST_ADMIN_SETUP_ID = 'first-admin'
/** Long enough to carry the code from the deploy terminal to the administrator's phone, short enough to expire unused. */
export const SETUP_CODE_TTL_HOURS = 72

export interface SetupCodeDoc {
  purpose: 'first-admin'
  codeHash: string
  issuedAt: string
  expiresAt: string
  redeemedAt: string | null
  /** The staff record the code created. */
  redeemedBy?: string
}

export type SetupCodeState = 'none' | 'pending' | 'expired' | 'redeemed'

/** `7KQM-3WXP-9TDA`: a setup or invite code (their alphabet and length: shared/contracts/enrolment.ts). */
export function newEnrolmentCode(): string {
  let code = ''
  for (let i = 0; i < ENROLMENT_CODE_LENGTH; i++) {
    if (i > 0 && i % ENROLMENT_CODE_GROUP === 0) code += '-'
    code += ENROLMENT_CODE_ALPHABET[randomInt(ENROLMENT_CODE_ALPHABET.length)]
  }
  return code
}

/** What a person may type for a code: any case, with or without hyphens and spaces. */
const normaliseSetupCode = normaliseEnrolmentCode

export function setupCodeHash(key: Uint8Array, code: string): string {
  return createHmac('sha256', key)
    .update(`setup-code\n${normaliseSetupCode(code)}`)
    .digest('base64url')
}

export function setupCodeState(doc: SetupCodeDoc | null, now: Date): SetupCodeState {
  if (!doc) return 'none'
  if (doc.redeemedAt) return 'redeemed'
  return Date.parse(doc.expiresAt) <= now.getTime() ? 'expired' : 'pending'
}

/** Whether `input` is the pending, unexpired code of `doc` (constant-time comparison). */
export function setupCodeMatches(
  doc: SetupCodeDoc | null,
  key: Uint8Array,
  input: string,
  now: Date,
): boolean {
  if (setupCodeState(doc, now) !== 'pending') return false
  const expected = Buffer.from(doc!.codeHash)
  const given = Buffer.from(setupCodeHash(key, input))
  return expected.length === given.length && timingSafeEqual(expected, given)
}

export async function readSetupCode(db: DocStore): Promise<WithId<SetupCodeDoc> | null> {
  return db.get<SetupCodeDoc>(SETUP_COLLECTION, FIRST_ADMIN_SETUP_ID)
}

/**
 * Issues a new first-admin setup code unless one is pending or was redeemed (then nothing changes and the code
 * is null: it was printed when it was issued). An expired code, or `replace: true` on a pending one, is
 * replaced. The plain code is returned once, to be printed once; only its keyed hash is stored.
 */
export async function issueSetupCode(
  db: DocStore,
  key: Uint8Array,
  now: Date,
  options: { replace?: boolean } = {},
): Promise<{ code: string | null; state: SetupCodeState; expiresAt: string | null }> {
  const current = await readSetupCode(db)
  const state = setupCodeState(current, now)
  if (state === 'redeemed' || (state === 'pending' && !options.replace)) {
    return { code: null, state, expiresAt: current!.expiresAt }
  }
  const code = newEnrolmentCode()
  const doc: SetupCodeDoc = {
    purpose: 'first-admin',
    codeHash: setupCodeHash(key, code),
    issuedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SETUP_CODE_TTL_HOURS * 3600_000).toISOString(),
    redeemedAt: null,
  }
  if (current) await db.update<SetupCodeDoc>(SETUP_COLLECTION, FIRST_ADMIN_SETUP_ID, doc, current._version)
  else await db.insert<SetupCodeDoc>(SETUP_COLLECTION, { _id: FIRST_ADMIN_SETUP_ID, ...doc })
  return { code, state, expiresAt: doc.expiresAt }
}
