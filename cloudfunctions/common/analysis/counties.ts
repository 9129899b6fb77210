// County names for the figures (per county, S0 第十八条 各县（市、区）): read from the deployment's boundary file, the
// same data routing assigns `regionCode` from, once per function instance.
import { regionsFromTopology } from '../../../shared/geo/topology'
import type { Runtime } from '../ports'

/** What a report outside every county of the territory is counted under. */
const OUTSIDE_COUNTIES = '辖区外'

const cache = new WeakMap<object, Map<string, string>>()

function namesOf(runtime: Runtime): Map<string, string> {
  const key = runtime.boundaries as object
  let names = cache.get(key)
  if (!names) {
    names = new Map(regionsFromTopology(runtime.boundaries).map((r) => [r.code, r.name]))
    cache.set(key, names)
  }
  return names
}

/** A county's name by division code; a code the data does not draw is shown as it is. */
export function countyNamer(runtime: Runtime): (code: string | null) => string {
  const names = namesOf(runtime)
  return (code) => (code === null ? OUTSIDE_COUNTIES : (names.get(code) ?? code))
}

/** The names of every county of the deployment's boundary data, by code (`''` for outside). */
export function countyNames(runtime: Runtime): Record<string, string> {
  return { ...Object.fromEntries(namesOf(runtime)), '': OUTSIDE_COUNTIES }
}
