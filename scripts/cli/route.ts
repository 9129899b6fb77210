// `npm run -s cli -- route --profile <id> --lat <GCJ-02 lat> --lng <GCJ-02 lng> --category <key>
//   [--source <key>] [--request-type <key>]`
// Which unit of the profile's demo deployment would handle a report at that point, as one JSON object:
//   {"inJurisdiction":true,"region":{"code":"410811","name":"山阳区"},"unit":{"id":"…","name":"…"},"guidance":null}
// Coordinates are GCJ-02, as the mini-program's location APIs give them.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import {
  CATEGORY_KEYS,
  POLLUTION_SOURCE_KEYS,
  type CategoryKey,
  type PollutionSourceKey,
} from '../../shared/vocabulary/categories'
import { REQUEST_TYPE_KEYS, type RequestTypeKey } from '../../shared/vocabulary/request-types'
import type { DeploymentConfig } from '../../shared/deployment/config'
import { gcj02 } from '../../shared/geo/coordinates'
import { INTAKE_PROFILE_IDS, isIntakeProfileId } from '../../shared/policy/intake'
import { createRouter, type RoutingDecision } from '../../shared/routing/router'
import { CliError, parseOptions, requireOption } from './args'

const DEPLOYMENTS_DIR = path.resolve(__dirname, '../../deployments')

export interface RouteOutput {
  inJurisdiction: boolean
  region: { code: string; name: string } | null
  unit: { id: string; name: string } | null
  guidance: string | null
}

/** Every deployment folder with a deployment.json, keyed by its policy profile. */
function demoDeployments(): Map<string, { dir: string; config: DeploymentConfig }> {
  const found = new Map<string, { dir: string; config: DeploymentConfig }>()
  for (const name of readdirSync(DEPLOYMENTS_DIR).sort()) {
    const file = path.join(DEPLOYMENTS_DIR, name, 'deployment.json')
    if (!existsSync(file)) continue
    const config = JSON.parse(readFileSync(file, 'utf8')) as DeploymentConfig
    if (!found.has(config.profileId)) found.set(config.profileId, { dir: path.dirname(file), config })
  }
  return found
}

function coordinate(value: string, name: string, limit: number): number {
  if (!/^-?\d{1,3}(\.\d+)?$/.test(value))
    throw new CliError(`--${name} must be a decimal number, got ${JSON.stringify(value)}`)
  const n = Number(value)
  if (Math.abs(n) > limit)
    throw new CliError(`--${name} must be between -${limit} and ${limit}, got ${value}`)
  return n
}

function oneOf<K extends string>(value: string, name: string, keys: readonly K[]): K {
  if (!(keys as readonly string[]).includes(value)) {
    throw new CliError(`--${name} must be one of ${keys.join(', ')}; got ${JSON.stringify(value)}`)
  }
  return value as K
}

export function toRouteOutput(decision: RoutingDecision): RouteOutput {
  const region = decision.region ? { code: decision.region.code, name: decision.region.name } : null
  switch (decision.outcome) {
    case 'assigned':
      return {
        inJurisdiction: true,
        region,
        unit: { id: decision.unit.id, name: decision.unit.name },
        guidance: null,
      }
    case 'referred':
      return { inJurisdiction: true, region, unit: null, guidance: decision.guidance }
    case 'out-of-jurisdiction':
      return { inJurisdiction: false, region, unit: null, guidance: decision.guidance }
  }
}

export async function run(argv: string[]): Promise<RouteOutput> {
  const options = parseOptions(argv, {
    profile: { type: 'string' },
    lat: { type: 'string' },
    lng: { type: 'string' },
    category: { type: 'string' },
    source: { type: 'string' },
    'request-type': { type: 'string' },
  })
  const profile = requireOption(options.profile, 'profile')
  const lat = coordinate(requireOption(options.lat, 'lat'), 'lat', 90)
  const lng = coordinate(requireOption(options.lng, 'lng'), 'lng', 180)
  const category: CategoryKey = oneOf(requireOption(options.category, 'category'), 'category', CATEGORY_KEYS)
  const source: PollutionSourceKey | undefined =
    options.source === undefined ? undefined : oneOf(options.source, 'source', POLLUTION_SOURCE_KEYS)
  const requestType: RequestTypeKey | undefined =
    options['request-type'] === undefined
      ? undefined
      : oneOf(options['request-type'], 'request-type', REQUEST_TYPE_KEYS)

  if (!isIntakeProfileId(profile)) {
    throw new CliError(
      `unknown profile ${JSON.stringify(profile)}; expected one of: ${INTAKE_PROFILE_IDS.join(', ')}`,
    )
  }
  const deployments = demoDeployments()
  const demo = deployments.get(profile)
  if (!demo) {
    // `national` is the baseline the other profiles fall back to, not a jurisdiction: nobody handles reports
    // "nationally", so there is no unit to route to.
    const routable = [...deployments.keys()].sort().join(', ')
    const why =
      profile === 'national' ? ' (it is the baseline other profiles fall back to, not a jurisdiction)' : ''
    throw new CliError(`profile ${profile} has no demo deployment${why}; route with one of: ${routable}`)
  }
  const boundaries = JSON.parse(
    readFileSync(path.join(demo.dir, demo.config.routing?.boundaries ?? 'boundaries.topo.json'), 'utf8'),
  ) as unknown
  const router = createRouter(demo.config, boundaries)
  const decision = router.route({
    location: gcj02(lat, lng),
    category,
    ...(source ? { source } : {}),
    ...(requestType ? { requestType } : {}),
  })
  return toRouteOutput(decision)
}
