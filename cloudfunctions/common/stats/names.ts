// The names statistics show: units from the deployment, counties from its boundary data.
import type { Names } from '../../../shared/stats'
import type { Runtime } from '../ports'
import { routerFor } from '../routing'
import { unitNamer } from '../staff-records'

export function statNames(runtime: Pick<Runtime, 'deployment' | 'boundaries'>): Names {
  const counties = new Map(routerFor(runtime).localities.map((r) => [r.code, r.name]))
  return { unit: unitNamer(runtime.deployment.units), county: (code) => counties.get(code) ?? code }
}
