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

/** Seals a text with AES-256-GCM under the identity key (reporter identity, reward claimants). */
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
function maskName(name: string): string {
  const chars = [...name]
  if (chars.length <= 1) return '*'
  if (chars.length === 2) return `${chars[0]}*`
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`
}

/** 13812345678 → 138****5678 */
function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '***'
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
 * The reporter as the case stores them: a real-name reporter's name and phone sealed, with the masks staff see;
 * an anonymous reporter's new query code as a keyed hash (to look it up) and sealed (so a retried submit can show
 * it again).
 */
export function sealReporter(
  key: Uint8Array,
  openid: string,
  reporter: SubmitReport['reporter'],
): ReporterRecord {
  if (reporter.mode === 'real-name') {
    return {
      openid,
      mode: 'real-name',
      nameSealed: encryptField(key, reporter.name),
      phoneSealed: encryptField(key, reporter.phone),
      nameMasked: maskName(reporter.name),
      phoneMasked: maskPhone(reporter.phone),
    }
  }
  const code = newQueryCode()
  return {
    openid,
    mode: 'anonymous',
    queryCodeHash: queryCodeHash(key, code),
    queryCodeSealed: encryptField(key, code),
  }
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
  if (doc.reporter.mode !== 'real-name' || !nameSealed || !phoneSealed) {
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
  return { name: decryptField(key, nameSealed), phone: decryptField(key, phoneSealed), auditId }
}
