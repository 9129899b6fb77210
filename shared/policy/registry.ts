// All profiles: each jurisdiction's folder under profiles/ holds its time limits (every version) and its intake
// values. A case is handled under the version in effect on the day it was received and
// keeps it (store `profileId` + `profileVersion` on the case).
import type { LocalDate } from '@shared/time'
import type { FieldWorkPolicy } from './field-work'
import { isIntakeProfileId, type IntakePolicy, type IntakeProfileId } from './intake'
import { CHONGQING_JIULONGPO_INTAKE } from './profiles/chongqing-jiulongpo/intake'
import { CHONGQING_JIULONGPO_V1 } from './profiles/chongqing-jiulongpo/limits'
import { HAIDONG_INTAKE } from './profiles/haidong/intake'
import { HAIDONG_V1 } from './profiles/haidong/limits'
import { JIAOZUO_12345_INTAKE } from './profiles/jiaozuo-12345/intake'
import { JIAOZUO_12345_V1 } from './profiles/jiaozuo-12345/limits'
import { NATIONAL_FIELD_WORK } from './profiles/national/field-work'
import { NATIONAL_INTAKE } from './profiles/national/intake'
import { NATIONAL_V1 } from './profiles/national/limits'
import { TIANJIN_12369_INTAKE } from './profiles/tianjin-12369/intake'
import { TIANJIN_12369_V1 } from './profiles/tianjin-12369/limits'
import { isProfileId, type PolicyProfile, type ProfileId } from './types'

/** Versions of each profile, oldest first. */
export const POLICY_PROFILES: Readonly<Record<ProfileId, readonly PolicyProfile[]>> = {
  national: [NATIONAL_V1],
  'jiaozuo-12345': [JIAOZUO_12345_V1],
  'tianjin-12369': [TIANJIN_12369_V1],
  'chongqing-jiulongpo': [CHONGQING_JIULONGPO_V1],
  haidong: [HAIDONG_V1],
}

/** A given version, or the latest. Throws on an unknown version: a stored case must never silently change rules. */
export function getPolicyProfile(id: ProfileId, version?: number): PolicyProfile {
  const versions = POLICY_PROFILES[id]
  const found =
    version === undefined ? versions[versions.length - 1] : versions.find((p) => p.version === version)
  if (!found) throw new RangeError(`policy profile ${id} has no version ${String(version)}`)
  return found
}

/** The version in effect on a date, or null before the first one took effect. */
export function profileInEffect(id: ProfileId, date: LocalDate): PolicyProfile | null {
  let current: PolicyProfile | null = null
  for (const profile of POLICY_PROFILES[id]) if (profile.effectiveFrom <= date) current = profile
  return current
}

/** Intake values (duplicates, repeats, early warning, importance) of each profile. */
export const INTAKE_POLICIES: Readonly<Record<IntakeProfileId, IntakePolicy>> = {
  national: NATIONAL_INTAKE,
  'jiaozuo-12345': JIAOZUO_12345_INTAKE,
  'tianjin-12369': TIANJIN_12369_INTAKE,
  'chongqing-jiulongpo': CHONGQING_JIULONGPO_INTAKE,
  haidong: HAIDONG_INTAKE,
}

export function intakePolicyFor(profileId: string): IntakePolicy {
  if (!isIntakeProfileId(profileId)) throw new Error(`unknown policy profile: ${profileId}`)
  return INTAKE_POLICIES[profileId]
}

/** Work on site (far check-in, phone clock, rectification reminder, emission limits): national unless a profile sets its own. */
const FIELD_WORK_POLICIES: Readonly<Partial<Record<ProfileId, FieldWorkPolicy>>> = {
  national: NATIONAL_FIELD_WORK,
}

export function fieldWorkPolicyFor(profileId: string): FieldWorkPolicy {
  if (!isProfileId(profileId)) throw new Error(`unknown policy profile: ${profileId}`)
  return FIELD_WORK_POLICIES[profileId] ?? NATIONAL_FIELD_WORK
}
