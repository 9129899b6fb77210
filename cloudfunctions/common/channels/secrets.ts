// The shared secret of each work-order platform: it signs the orders a platform pushes (push.ts) and the
// feedback pushed back to it (feedback-outbox.ts). Never in the repository or the database: GW_PLATFORM_SECRETS
// in the functions' environment (set by `npm run deploy` from the operator's environment or --secrets file), or
// local mode's secrets file. A JSON object of platform id → secret of at least 32 characters.
import type { Runtime } from '../ports'

export const PLATFORM_SECRETS_ENV = 'GW_PLATFORM_SECRETS'
const MIN_SECRET_LENGTH = 32

/** GW_PLATFORM_SECRETS as platform id → secret; throws a message that says how to fix it. */
export function platformKeysFrom(raw: string | undefined): Record<string, string> {
  const text = raw?.trim()
  if (!text) return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw new Error(`${PLATFORM_SECRETS_ENV} must be a JSON object of platform id → shared secret`)
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`${PLATFORM_SECRETS_ENV} must be a JSON object of platform id → shared secret`)
  }
  const keys: Record<string, string> = {}
  for (const [id, secret] of Object.entries(parsed)) {
    if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) {
      throw new Error(
        `${PLATFORM_SECRETS_ENV}: the secret of platform "${id}" must be a string of at least ${MIN_SECRET_LENGTH} characters`,
      )
    }
    keys[id] = secret
  }
  return keys
}

/** The platform's shared secret; null when none is configured (its pushes are then refused). */
export function platformKey(runtime: Pick<Runtime, 'secrets'>, platformId: string): string | null {
  const keys = runtime.secrets.platformKeys ?? {}
  return Object.prototype.hasOwnProperty.call(keys, platformId) ? (keys[platformId] ?? null) : null
}
