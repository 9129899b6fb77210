// 现场: what staff read of the work on site, derived from the history and the case's own place — the reported place
// to navigate to, each check-in with its distance from that place (far ones flagged) and its two clocks (the
// phone's, the server's), the stamped photos, the readings against the limit of their standard for the time of day,
// the rectification plans with their clock and follow-up check, and the penalty cases linked. Nothing here is
// stored: the entries are the record, this is how they read.
import type { CaseClock } from '../../deadlines'
import { distanceText } from '../../geo/distance-text'
import { distanceMetres, toGcj02, wgs84, type Wgs84Point } from '../../geo/coordinates'
import { isWithinLocalHours } from '../../intake/importance'
import { fieldWorkPolicyFor, MEASURES, type MeasureKey } from '../../policy'
import { intakePolicyFor } from '../../policy/registry'
import { actorLabel, type HistoryEntry, type RecordedActor } from '../../workflow/actors'
import type { EventOf } from '../../workflow/events'
import type { StoredCase } from '../case-doc'

type LatLng = { lat: number; lng: number }

interface ActedBy {
  name: string | null
  post: string
}

interface CheckInView {
  /** When the server recorded it. */
  at: string
  /** The phone's clock when the position was read. */
  deviceAt: string
  /** As the phone reported it (GCJ-02 from the mini-program, WGS-84 from a browser). */
  position: LatLng & { coordSystem: 'gcj02' | 'wgs84'; accuracy: number | null }
  wgs84: LatLng
  distanceMetres: number
  distanceText: string
  /** Farther from the reported place than the threshold: flagged for review, never refused. */
  far: boolean
  /** The phone's clock was ahead of the server's by more than the tolerance: minutes ahead, else null. */
  deviceAheadMinutes: number | null
  /** Recorded by the server this many minutes after it was taken (sent when the network came back), else null. */
  sentLaterMinutes: number | null
  note: string
  by: ActedBy
}

interface SitePhotoView {
  fileId: string
  url: string | null
  /** When the photo was taken (the phone's clock) and when the entry was recorded (the server's). */
  takenAt: string
  at: string
  position: (LatLng & { coordSystem: 'gcj02' | 'wgs84'; accuracy: number | null }) | null
  distanceMetres: number | null
  far: boolean
  /** The stamp is drawn on the photo (false: the device could not draw it; the stamp is kept in the entry). */
  drawn: boolean
  note: string
  by: ActedBy
}

export interface ReadingView {
  at: string
  measuredAt: string
  item: MeasureKey
  label: string
  value: number
  unit: string
  point: string
  instrument: string
  /** The limit of the item's standard for the time of day it was measured; null where none is set. */
  limit: { value: number; period: '昼间' | '夜间'; standard: string } | null
  /** How far over the limit (rounded to 0.1), or null when within it or there is none. */
  exceedsBy: number | null
  by: ActedBy
}

interface RectificationView {
  orderedAt: string
  target: string
  measures: string
  dueDate: string
  responsibleParty: string
  /** The 整改期限 clock while this is the latest plan. */
  clock: Pick<CaseClock, 'state' | 'due' | 'reminder' | 'overdue'> | null
  followUp: { checkedAt: string; verification: string; at: string; by: ActedBy } | null
  by: ActedBy
}

interface PenaltyLinkView {
  penaltyCaseNo: string
  note: string
  at: string
  by: ActedBy
}

export interface OnSiteView {
  /** Where the problem was reported: navigate there (map apps in China take GCJ-02). */
  place: { address: string; gcj02: LatLng; wgs84: LatLng }
  farThresholdMetres: number
  checkIns: CheckInView[]
  photos: SitePhotoView[]
  readings: ReadingView[]
  rectifications: RectificationView[]
  penaltyCases: PenaltyLinkView[]
}

export interface OnSiteContext {
  staffName: (staffId: string) => string | null
  photoUrls: Record<string, string>
  clocks: readonly CaseClock[]
}

const minutesBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 60_000

/** Distance from the reported place, and whether it is far (more than the threshold). */
export function distanceFromPlace(
  place: Wgs84Point,
  at: LatLng,
  farThresholdMetres: number,
): { metres: number; far: boolean } {
  const metres = Math.round(distanceMetres(place, wgs84(at.lat, at.lng)))
  return { metres, far: metres > farThresholdMetres }
}

/** The limit a reading is judged by: the item's, for the time of day it was measured (夜间 per the profile). */
export function limitFor(item: MeasureKey, measuredAt: string, profileId: string): ReadingView['limit'] {
  const limit = fieldWorkPolicyFor(profileId).limits[item]
  if (!limit) return null
  const night = isWithinLocalHours(measuredAt, intakePolicyFor(profileId).importance.night)
  const value = night ? limit.night : limit.day
  return value === null ? null : { value, period: night ? '夜间' : '昼间', standard: limit.standard }
}

/** The S0 第七条(二) plans in order, each with the follow-up check that completed it. */
function rectifications(doc: StoredCase, by: (a: RecordedActor) => ActedBy, clocks: readonly CaseClock[]) {
  const plans: RectificationView[] = []
  for (const entry of doc.history) {
    const e = entry.event
    if (e.type === 'order-rectification') {
      plans.push({
        orderedAt: entry.at,
        target: e.target ?? '',
        measures: e.measures,
        dueDate: e.dueDate,
        responsibleParty: e.responsibleParty,
        clock: null,
        followUp: null,
        by: by(entry.actor),
      })
    } else if (e.type === 'complete-rectification') {
      const open = plans[plans.length - 1]
      if (open && !open.followUp) {
        open.followUp = {
          checkedAt: e.checkedAt ?? entry.at,
          verification: e.verification,
          at: entry.at,
          by: by(entry.actor),
        }
      }
    }
  }
  const clock = clocks.find((c) => c.clock === 'rectification')
  const latest = plans[plans.length - 1]
  if (latest && clock) {
    latest.clock = { state: clock.state, due: clock.due, reminder: clock.reminder, overdue: clock.overdue }
  }
  return plans
}

export function toOnSiteView(doc: StoredCase, ctx: OnSiteContext): OnSiteView {
  const policy = fieldWorkPolicyFor(doc.profile.id)
  const threshold = policy.farCheckInMetres
  const tolerance = policy.deviceClockToleranceMinutes
  const by = (actor: RecordedActor): ActedBy => ({
    name: actor.kind === 'staff' ? ctx.staffName(actor.id) : null,
    post: actorLabel(actor),
  })
  const gcj = toGcj02(
    doc.location.coordSystem === 'gcj02'
      ? { lat: doc.location.lat, lng: doc.location.lng, coordSystem: 'gcj02' }
      : doc.position,
  )
  const of = <
    T extends EventOf<'check-in' | 'add-site-photos' | 'record-measurement' | 'link-penalty-case'>['type'],
  >(
    type: T,
  ) => doc.history.filter((h): h is HistoryEntry<EventOf<T>> => h.event.type === type)

  const checkIns = of('check-in').map(({ at, actor, event }): CheckInView => {
    const { wgs84: w, takenAt, ...position } = event.position
    const distance = distanceFromPlace(doc.position, w, threshold)
    const late = minutesBetween(takenAt, at)
    return {
      at,
      deviceAt: takenAt,
      position,
      wgs84: w,
      distanceMetres: distance.metres,
      distanceText: distanceText(distance.metres),
      far: distance.far,
      deviceAheadMinutes: -late > tolerance ? Math.round(-late) : null,
      sentLaterMinutes: late > tolerance ? Math.round(late) : null,
      note: event.note,
      by: by(actor),
    }
  })

  const photos = of('add-site-photos').flatMap(({ at, actor, event }) =>
    event.photos.map(({ fileId, stamp }): SitePhotoView => {
      const fix = stamp.position
      const distance = fix ? distanceFromPlace(doc.position, fix.wgs84, threshold) : null
      return {
        fileId,
        url: ctx.photoUrls[fileId] ?? null,
        takenAt: stamp.takenAt,
        at,
        position: fix
          ? { lat: fix.lat, lng: fix.lng, coordSystem: fix.coordSystem, accuracy: fix.accuracy }
          : null,
        distanceMetres: distance?.metres ?? null,
        far: distance?.far ?? false,
        drawn: stamp.drawn,
        note: event.note,
        by: by(actor),
      }
    }),
  )

  const readings = of('record-measurement').map(({ at, actor, event }): ReadingView => {
    const limit = limitFor(event.item, event.measuredAt, doc.profile.id)
    const over = limit ? Math.round((event.value - limit.value) * 10) / 10 : null
    return {
      at,
      measuredAt: event.measuredAt,
      item: event.item,
      label: MEASURES[event.item].label,
      value: event.value,
      unit: MEASURES[event.item].unit,
      point: event.point,
      instrument: event.instrument,
      limit,
      exceedsBy: over !== null && over > 0 ? over : null,
      by: by(actor),
    }
  })

  return {
    place: {
      address: doc.location.address,
      gcj02: { lat: gcj.lat, lng: gcj.lng },
      wgs84: { lat: doc.position.lat, lng: doc.position.lng },
    },
    farThresholdMetres: threshold,
    checkIns,
    photos,
    readings,
    rectifications: rectifications(doc, by, ctx.clocks),
    penaltyCases: of('link-penalty-case').map(({ at, actor, event }) => ({
      penaltyCaseNo: event.penaltyCaseNo,
      note: event.note,
      at,
      by: by(actor),
    })),
  }
}

/** The photos taken on site (their links are fetched with the report's). */
export function sitePhotoIds(doc: Pick<StoredCase, 'history'>): string[] {
  return doc.history.flatMap((h) =>
    h.event.type === 'add-site-photos' ? h.event.photos.map((p) => p.fileId) : [],
  )
}
