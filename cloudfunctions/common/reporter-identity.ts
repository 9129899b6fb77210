// Reporter identity is confidential (S0 第十三条; S2 第二十四条(九); S4 四(六)): name and phone are
// stored encrypted (AES-256-GCM, key outside the database), shown masked, revealed only with an audited
// reason, and never put in exports, public pages or anything the reported party could see.
import { createCipheriv, createDecipheriv, createHmac, randomBytes, randomInt } from 'node:crypto'
import type { ReporterRecord, StoredCase } from '../../shared/cases/case-doc'
import { AppError } from '../../shared/contracts/result'
import {
  normaliseQueryCode,
  QUERY_CODE_ALPHABET,
  QUERY_CODE_LENGTH,
  type SubmitReport,
} from '../../shared/contracts/cases'
import type { RevealedReporter } from '../../shared/contracts/staff'
import { audit } from './audit'
import { disclosureMark } from './workbench/audit-log'
import type { Runtime } from './ports'
import type { StaffRecord } from './staff-records'

const VERSION = 'v1'

/** Seals a text with AES-256-GCM under the identity key (reporter identity, reward claimants, petitioners). */
export function encryptField(key: Uint8Array, plain: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return [
    VERSION,
    iv.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
    body.toString('base64url'),
  ].join('.')
}

export function decryptField(key: Uint8Array, sealed: string): string {
  const [version, iv, tag, body] = sealed.split('.')
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('unknown sealed field format')
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
  decipher.setAuthTag(Buffer.from(tag, 'base64url'))
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
}

/** 王小明 → 王*明, 李娜 → 李*, 欧阳娜娜 → 欧**娜 */
export function maskName(name: string): string {
  const chars = [...name]
  if (chars.length <= 1) return '*'
  if (chars.length === 2) return `${chars[0]}*`
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`
}

/** 13812345678 → 138****5678; a landline keeps its area code and last two digits: 0391-******99. */
function maskPhone(phone: string): string {
  if (/^1\d{10}$/.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(7)}`
  const landline = /^(0\d{2,3})-?(\d+)(-\d+)?$/.exec(phone)
  if (landline)
    return `${landline[1]}-${'*'.repeat(Math.max(0, landline[2]!.length - 2))}${landline[2]!.slice(-2)}`
  return '***'
}

/** A new anonymous query code (its alphabet and reading: shared/contracts/cases.ts). */
export function newQueryCode(): string {
  let code = ''
  for (let i = 0; i < QUERY_CODE_LENGTH; i++)
    code += QUERY_CODE_ALPHABET[randomInt(QUERY_CODE_ALPHABET.length)]
  return code
}

/** Only a keyed hash of the query code is stored, so a database leak does not reveal codes. */
export function queryCodeHash(key: Uint8Array, code: string): string {
  return createHmac('sha256', key)
    .update(`query-code\n${normaliseQueryCode(code)}`)
    .digest('base64url')
}

/**
 * A reporter's contact: a citizen's real name and mobile, or — for a report staff register or a platform sends —
 * the contact as given (a name, a phone, or both); or none (匿名).
 */
export type ReporterContact =
  SubmitReport['reporter'] | { mode: 'real-name'; name?: string | null; phone?: string | null }

/**
 * The reporter as the case stores them: a real-name reporter's name and phone sealed (those given), with the
 * masks staff see; an anonymous reporter's new query code as a keyed hash (to look it up) and sealed (so a retried
 * submit can show it again). `queryCode`: issue one to a real-name reporter too (a caller staff registered, who
 * may follow the case in the mini-program with it). `openid` is null when no WeChat user reported it.
 */
export function sealReporter(
  key: Uint8Array,
  openid: string | null,
  reporter: ReporterContact,
  options: { queryCode?: boolean } = {},
): ReporterRecord {
  const code = reporter.mode === 'anonymous' || options.queryCode ? newQueryCode() : null
  const withCode = code
    ? { queryCodeHash: queryCodeHash(key, code), queryCodeSealed: encryptField(key, code) }
    : {}
  if (reporter.mode === 'real-name') {
    const { name, phone } = reporter
    return {
      openid,
      mode: 'real-name',
      ...(name ? { nameSealed: encryptField(key, name), nameMasked: maskName(name) } : {}),
      ...(phone ? { phoneSealed: encryptField(key, phone), phoneMasked: maskPhone(phone) } : {}),
      ...withCode,
    }
  }
  return { openid, mode: 'anonymous', ...withCode }
}

/** The query code of an anonymous report, opened from its seal (null for a real-name report). */
export function queryCodeOf(key: Uint8Array, reporter: ReporterRecord): string | null {
  return reporter.queryCodeSealed ? decryptField(key, reporter.queryCodeSealed) : null
}

/**
 * Shows a real-name reporter's name and phone to a staff member who needs to call back. Every reveal is recorded
 * first, with its reason: no record, no reveal (S0 第十三条 最大限度控制知悉范围).
 */
export async function revealReporter(
  runtime: Runtime,
  staff: StaffRecord,
  doc: StoredCase,
  reason: string,
  at: string,
): Promise<RevealedReporter> {
  const { nameSealed, phoneSealed } = doc.reporter
  if (doc.reporter.destroyedAt) {
    throw new AppError('NOT_FOUND', '反映人身份信息已按保存期限销毁，无法查看')
  }
  // A contact given by phone may be a name or a number alone.
  if (doc.reporter.mode !== 'real-name' || (!nameSealed && !phoneSealed)) {
    throw new AppError('NOT_FOUND', '匿名反映没有可查看的身份信息')
  }
  // Marked as a disclosure of the case's unit: supervisors see every one (workbench/audit-log.ts).
  const auditId = await audit(runtime.db, 'reveal-reporter', doc._id, staff, at, {
    ...disclosureMark(doc.unitId),
    refNo: doc.refNo,
    reason,
  })
  runtime.log.info('reporter revealed', { caseId: doc._id, staffId: staff._id, auditId })
  const key = runtime.secrets.identityKey
  const open = (sealed: string | undefined) => (sealed ? decryptField(key, sealed) : null)
  return { name: open(nameSealed), phone: open(phoneSealed), auditId }
}
