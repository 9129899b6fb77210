// `npm run -s cli -- rewards --profile <id>` prints the profile's whistleblower-reward rules: conditions, tiers,
// fine share, insider multiplier, cap and claim window, each figure with its citation or `placeholder: true`.
import { isProfileId, latestRewardRules, PROFILE_IDS } from '@shared/policy'
import { rewardRulesForOperators } from '@shared/rewards'
import { CliError, parseOptions, requireOption } from './args'

export type RewardsOutput = ReturnType<typeof rewardRulesForOperators>

export async function run(argv: string[]): Promise<RewardsOutput> {
  const options = parseOptions(argv, { profile: { type: 'string' } })
  const profileId = requireOption(options.profile, 'profile')
  if (!isProfileId(profileId)) {
    throw new CliError(
      `unknown profile ${JSON.stringify(profileId)}; expected one of: ${PROFILE_IDS.join(', ')}`,
    )
  }
  return rewardRulesForOperators(latestRewardRules(profileId))
}
