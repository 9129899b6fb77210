// Does the address text name another county than the one the position lies in? Coordinates decide the handling
// unit; an address that names a different county of the deployment usually means a mistyped coordinate or a
// pin left on the last place. The preview says so — a hint, never a refusal (the citizen may know better).
import type { RegionRef } from '../geo/topology'

/**
 * The county or zone of the deployment that `address` names while the position lies elsewhere; null when the
 * address names none of them, or names the place the position lies in (`here`: its county and zone).
 * Only full names count (`武陟县`, not `武陟`: `博爱` is also a street name).
 */
export function otherLocalityNamed(
  address: string,
  here: ReadonlyArray<RegionRef | null>,
  localities: readonly RegionRef[],
): RegionRef | null {
  const named = localities.filter((l) => address.includes(l.name))
  if (named.length === 0) return null
  const isHere = (l: RegionRef) => here.some((h) => h !== null && (h.code === l.code || h.name === l.name))
  if (named.some(isHere)) return null
  return named[0]!
}
