// Open311 GeoReport v2 documents built from the public projection: they hold only the specification's fields,
// with its types and values (tests/support/open311-spec.ts), and nothing of the reporter.
import { toPublicCase } from '@shared/cases/views'
import {
  open311Request,
  open311ServiceDefinition,
  open311Services,
  toOpen311Xml,
} from '@shared/cases/views/open311'
import { CATEGORY_KEYS } from '@shared/vocabulary/categories'
import {
  ATTRIBUTE_FIELDS,
  ATTRIBUTE_VALUE_FIELDS,
  REQUEST_FIELDS,
  SERVICE_DEFINITION_FIELDS,
  SERVICE_FIELDS,
  specProblems,
} from '../../support/open311-spec'
import { advance, fileCase, IDENTITY, TO_REPLY, unitName, WORDS } from '../cases/case-fixture'

const ctx = { unitName, refNoOf: () => null }

test('services.json: one service per category, each of the specification’s fields', () => {
  const services = open311Services()
  expect(services.map((s) => s.service_code)).toEqual([...CATEGORY_KEYS])
  expect(services.flatMap((s, i) => specProblems({ ...s }, SERVICE_FIELDS, `services[${i}]`))).toEqual([])
})

test('services/<code>.json: the request types as the one attribute (a single-value list)', () => {
  const definition = open311ServiceDefinition('noise')
  expect(specProblems({ ...definition }, SERVICE_DEFINITION_FIELDS, 'definition')).toEqual([])
  const [attribute] = definition.attributes
  expect(specProblems({ ...attribute! }, ATTRIBUTE_FIELDS, 'attribute')).toEqual([])
  expect(attribute!.values.flatMap((v) => specProblems({ ...v }, ATTRIBUTE_VALUE_FIELDS, 'value'))).toEqual(
    [],
  )
  expect(attribute!.values.map((v) => v.name)).toEqual(['咨询', '求助', '意见', '建议', '投诉', '举报'])
})

test('a request: the specification’s fields, open with its expected date, the area and never the reporter', () => {
  const doc = advance(fileCase(), TO_REPLY)
  const request = open311Request(toPublicCase(doc, ctx)!, '2026-12-07')
  expect(specProblems({ ...request }, REQUEST_FIELDS, 'request')).toEqual([])
  expect(request).toMatchObject({
    service_request_id: doc.refNo,
    status: 'open',
    service_code: 'noise',
    agency_responsible: unitName('jz-shanyang'),
    expected_datetime: '2026-12-07T23:59:59+08:00',
  })
  const text = JSON.stringify(request)
  for (const secret of [...Object.values(IDENTITY), WORDS.description, WORDS.address, WORDS.reportedEntity])
    expect(text).not.toContain(secret)
  expect(request.lat).not.toBe(doc.position.lat)
})

test('a report placed only by its county (a call, an order without coordinates) has no lat/long', () => {
  const doc = { ...fileCase(), placedBy: 'locality' as const }
  const request = open311Request(toPublicCase(doc, ctx)!, null)
  expect(request).not.toHaveProperty('lat')
  expect(request).not.toHaveProperty('long')
  expect(specProblems({ ...request }, REQUEST_FIELDS, 'request')).toEqual([])
})

test('closed: no expected date', () => {
  const closed = { ...fileCase(), status: 'closed' as const }
  expect(open311Request(toPublicCase(closed, ctx)!, '2026-12-07')).toMatchObject({ status: 'closed' })
  expect(open311Request(toPublicCase(closed, ctx)!, '2026-12-07')).not.toHaveProperty('expected_datetime')
})

test('XML: the specification’s element names, escaped text', () => {
  const xml = toOpen311Xml('services', [{ service_code: 'a&b', metadata: true }])
  expect(xml).toBe(
    '<?xml version="1.0" encoding="utf-8"?>\n<services><service><service_code>a&amp;b</service_code><metadata>true</metadata></service></services>',
  )
  expect(toOpen311Xml('service_requests', [{ service_request_id: 'JZ-1' }])).toContain(
    '<service_requests><request><service_request_id>JZ-1</service_request_id></request></service_requests>',
  )
})
