// The public projection (shared/cases/views/public.ts): what may ever be published of a case — Open311 requests,
// disclosure of handling. The reporter's identity is confidential for every report (S0 第十三条; S2 第二十四条(九)),
// published closing reports carry no reporter information (S4 四(六)), and the place a citizen marks may be their
// own door: it is shown only as its area.
import { decodeGeohashBounds, encodeGeohash, geoCellsOf } from '@shared/geo/cells'
import { distanceMetres, wgs84 } from '@shared/geo/coordinates'
import { publicArea, toPublicCase, type PublicCase, type PublicSource } from '@shared/cases/views'
import type { StoredCase } from '@shared/cases/case-doc'
import { withHold } from '@shared/cases/content-holds'
import {
  advance,
  anonymousReporter,
  fileCase,
  IDENTITY,
  RATING,
  T0,
  TO_REPLY,
  unitName,
  WORDS,
} from './case-fixture'

const ctx = { unitName, refNoOf: (id: string) => (id === 'c-target' ? 'JZ-20261120-0007' : null) }

const realName = advance(fileCase(), [...TO_REPLY, RATING])
const anonymous = advance(
  fileCase({ reporter: anonymousReporter, report: { reporter: { mode: 'anonymous' } } }),
  TO_REPLY,
)

/** Everything of the case that is the reporter's or names them, as stored. */
function secretsOf(doc: StoredCase): string[] {
  const coordinates = [doc.position.lat, doc.position.lng, doc.location.lat, doc.location.lng].map(String)
  return [
    ...Object.values(IDENTITY),
    ...(doc.reporter.openid ? [doc.reporter.openid] : []),
    ...(doc.reporterKey ? [doc.reporterKey] : []),
    doc._id,
    doc.clientRequestId,
    doc.description,
    doc.location.address,
    WORDS.reportedEntity,
    ...doc.photos,
    'PRIVATE-CALL',
    'PRIVATE-RATING',
    // The exact position, in any of the forms it is stored in (the finest cell is ~150 m).
    ...coordinates,
    ...coordinates.map((c) => c.slice(0, 8)),
    doc.geo.gh7,
  ]
}

test.each([
  ['real-name, rated', realName],
  ['anonymous', anonymous],
])('%s: no reporter data of any kind appears', (_name, doc) => {
  const view = toPublicCase(doc, ctx)
  expect(view).not.toBeNull()
  const text = JSON.stringify(view)
  for (const secret of secretsOf(doc)) expect(text).not.toContain(secret)
})

test('exactly these fields, each about the case and not the person (a new field must be added here on purpose)', () => {
  const keys: Array<keyof PublicCase> = [
    'refNo',
    'requestType',
    'category',
    'status',
    'statusLabel',
    'open',
    'unitName',
    'createdAt',
    'updatedAt',
    'area',
    'mergedInto',
  ]
  expect(Object.keys(toPublicCase(realName, ctx)!).sort()).toEqual([...keys].sort())
  expect(toPublicCase(realName, ctx)).toMatchObject({
    refNo: 'JZ-20261123-0001',
    category: 'noise',
    status: 'replied',
    statusLabel: '已答复',
    open: true,
    unitName: unitName('jz-shanyang'),
    createdAt: T0,
    mergedInto: null,
  })
})

test('the projection cannot read the reporter record, the words or the exact place (by its type)', () => {
  type Forbidden = 'reporter' | 'reporterKey' | 'description' | 'photos' | 'location' | 'position'
  const readable: Extract<keyof PublicSource, Forbidden> extends never ? true : false = true
  expect(readable).toBe(true)
  // A value with none of them is enough to project.
  const minimal: PublicSource = {
    refNo: realName.refNo,
    requestType: realName.requestType,
    category: realName.category,
    status: realName.status,
    unitId: realName.unitId,
    createdAt: realName.createdAt,
    updatedAt: realName.updatedAt,
    geo: realName.geo,
    screening: realName.screening,
    contentHolds: realName.contentHolds,
    mergedInto: realName.mergedInto,
  }
  expect(toPublicCase(minimal, ctx)).toEqual(toPublicCase(realName, ctx))
})

describe('the place only as its area: the centre of its geohash-6 cell', () => {
  const point = realName.position

  test('every point of a cell gives the same public point, so the marked place cannot be recovered', () => {
    const cell = encodeGeohash(point.lat, point.lng, 6)
    const { south, west, north, east } = decodeGeohashBounds(cell)
    const corners = [
      wgs84(south + 1e-7, west + 1e-7),
      wgs84(north - 1e-7, east - 1e-7),
      wgs84(south + 1e-7, east - 1e-7),
      wgs84((south + north) / 2, (west + east) / 2),
    ]
    const areas = corners.map((p) => publicArea(geoCellsOf(p)))
    for (const area of areas) expect(area).toEqual(areas[0])
    expect(areas[0]!.cell).toBe(cell)
  })

  test('the area is within a cell of the place, never the place itself', () => {
    const area = publicArea(realName.geo)
    const away = distanceMetres(point, wgs84(area.lat, area.lng))
    expect(away).toBeGreaterThan(0)
    expect(away).toBeLessThan(700) // half a cell's diagonal at 35°N
    expect(area.lat).not.toBe(point.lat)
    expect(area.lng).not.toBe(point.lng)
  })
})

test.each([
  ['its photos are still being checked', (doc: StoredCase): StoredCase => ({ ...doc, screening: 'pending' })],
  [
    'its report is held for a person’s review',
    (doc: StoredCase): StoredCase => ({
      ...doc,
      contentHolds: withHold([], { subject: 'report', text: true, photos: [], since: T0 }, null),
    }),
  ],
])('nothing is published while %s', (_name, hold) => {
  expect(toPublicCase(hold(realName), ctx)).toBeNull()
})

test('a merged case names the case it joined by its reference number (S3 第九条(四))', () => {
  expect(toPublicCase({ ...realName, mergedInto: 'c-target' }, ctx)?.mergedInto).toBe('JZ-20261120-0007')
})
