// `npm run -s cli -- deadline --profile <id> --type <request type> [--important] --received <ISO> [--accepted <ISO>]`
// Prints the due dates (last on-time day, Asia/Shanghai) of the clocks that start at receipt or acceptance, under
// the profile version in effect on the day of receipt, on the bundled holiday calendar.
import { REQUEST_TYPE_KEYS, isRequestType } from '@shared/vocabulary/request-types'
import { createWorkingCalendar, isIsoInstant } from '@shared/calendar'
import { clockFactsFor, computeClocks } from '@shared/deadlines'
import { PROFILE_IDS, isProfileId, profileInEffect, type ClockKind } from '@shared/policy'
import { localDateOf } from '@shared/time'
import { CliError, parseOptions, requireOption } from './args'

export interface DeadlineOutput {
  profile: string
  clocks: Array<{ clock: ClockKind; due: string | null; basis: string; provisional: boolean }>
}

function instantOption(value: string, name: string): string {
  if (!isIsoInstant(value)) {
    throw new CliError(
      `--${name} must be ISO 8601 with an offset, e.g. 2026-02-13T16:30:00+08:00; got ${JSON.stringify(value)}`,
    )
  }
  return value
}

export async function run(argv: string[]): Promise<DeadlineOutput> {
  const options = parseOptions(argv, {
    profile: { type: 'string' },
    type: { type: 'string' },
    important: { type: 'boolean', default: false },
    // Not in the synopsis, but the rules depend on them (S2 第十五条, S3 第九条(五)).
    referred: { type: 'boolean', default: false },
    emergency: { type: 'boolean', default: false },
    received: { type: 'string' },
    accepted: { type: 'string' },
  })

  const profileId = requireOption(options.profile, 'profile')
  if (!isProfileId(profileId)) {
    throw new CliError(
      `unknown profile ${JSON.stringify(profileId)}; expected one of: ${PROFILE_IDS.join(', ')}`,
    )
  }
  const requestType = requireOption(options.type, 'type')
  if (!isRequestType(requestType)) {
    throw new CliError(
      `unknown type ${JSON.stringify(requestType)}; expected one of: ${REQUEST_TYPE_KEYS.join(', ')}`,
    )
  }
  const receivedAt = instantOption(requireOption(options.received, 'received'), 'received')
  const acceptedAt = options.accepted === undefined ? receivedAt : instantOption(options.accepted, 'accepted')
  if (Date.parse(acceptedAt) < Date.parse(receivedAt)) throw new CliError('--accepted is before --received')

  const receivedOn = localDateOf(receivedAt)
  const profile = profileInEffect(profileId, receivedOn)
  if (!profile) throw new CliError(`profile ${profileId} was not yet in effect on ${receivedOn}`)

  const clocks = computeClocks({
    profile,
    calendar: createWorkingCalendar(),
    facts: clockFactsFor({
      requestType,
      receivedAt,
      acceptedAt,
      important: options.important,
      referred: options.referred,
      emergency: options.emergency,
    }),
    asOf: null,
  })
  return {
    profile: profileId,
    clocks: clocks.map((clock) => ({
      clock: clock.clock,
      due: clock.due,
      basis: clock.basis,
      provisional: clock.provisional,
    })),
  }
}
