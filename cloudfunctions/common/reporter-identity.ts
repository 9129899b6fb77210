// Reporter identity is confidential (S0 第十三条; S2 第二十四条(九); S4 四(六)): name and phone are
// stored encrypted (AES-256-GCM, key outside the database), shown masked, revealed only with an audited
// reason, and never put in exports, public pages or anything the reported party could see.
import { createCipheriv, createDecipheriv, createHmac, randomBytes, randomInt } from 'node:crypto'
import { normaliseQueryCode, QUERY_CODE_ALPHABET, QUERY_CODE_LENGTH } from '../../shared/contracts/cases'

const VERSION = 'v1'

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

/** 13812345678 → 138****5678 */
export function maskPhone(phone: string): string {
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
