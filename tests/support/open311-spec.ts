// The Open311 GeoReport v2 specification's fields (https://wiki.open311.org/GeoReport_v2), as test data: what
// each document may hold, of which type, and the values some fields allow. Documents are checked against this,
// not against the code that writes them.

/** A W3C datetime (ISO 8601 with seconds and an offset), the specification's format for every datetime. */
const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

type FieldType = 'string' | 'number' | 'boolean' | 'datetime' | 'array'

export interface FieldSpec {
  type: FieldType
  required?: boolean
  values?: readonly string[]
}

/** GET services: a list of <service>. */
export const SERVICE_FIELDS: Record<string, FieldSpec> = {
  service_code: { type: 'string', required: true },
  service_name: { type: 'string', required: true },
  description: { type: 'string' },
  metadata: { type: 'boolean', required: true },
  type: { type: 'string', required: true, values: ['realtime', 'batch', 'blackbox'] },
  keywords: { type: 'string' },
  group: { type: 'string' },
}

/** GET service definition: <service_definition> with <attributes>. */
export const SERVICE_DEFINITION_FIELDS: Record<string, FieldSpec> = {
  service_code: { type: 'string', required: true },
  attributes: { type: 'array', required: true },
}

export const ATTRIBUTE_FIELDS: Record<string, FieldSpec> = {
  variable: { type: 'boolean', required: true },
  code: { type: 'string', required: true },
  datatype: {
    type: 'string',
    required: true,
    values: ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'],
  },
  required: { type: 'boolean', required: true },
  datatype_description: { type: 'string' },
  order: { type: 'number', required: true },
  description: { type: 'string', required: true },
  values: { type: 'array' },
}

export const ATTRIBUTE_VALUE_FIELDS: Record<string, FieldSpec> = {
  key: { type: 'string', required: true },
  name: { type: 'string', required: true },
}

/** GET service requests / GET service request: a list of <request>. */
export const REQUEST_FIELDS: Record<string, FieldSpec> = {
  service_request_id: { type: 'string', required: true },
  status: { type: 'string', required: true, values: ['open', 'closed'] },
  status_notes: { type: 'string' },
  service_name: { type: 'string' },
  service_code: { type: 'string', required: true },
  description: { type: 'string' },
  agency_responsible: { type: 'string' },
  service_notice: { type: 'string' },
  requested_datetime: { type: 'datetime', required: true },
  updated_datetime: { type: 'datetime' },
  expected_datetime: { type: 'datetime' },
  address: { type: 'string' },
  address_id: { type: 'string' },
  zipcode: { type: 'string' },
  lat: { type: 'number' },
  long: { type: 'number' },
  media_url: { type: 'string' },
}

/** Errors: a list of <error>. */
export const ERROR_FIELDS: Record<string, FieldSpec> = {
  code: { type: 'number', required: true },
  description: { type: 'string', required: true },
}

/** Every problem of `value` against `fields` (empty when it conforms). */
export function specProblems(
  value: Record<string, unknown>,
  fields: Record<string, FieldSpec>,
  where: string,
): string[] {
  const problems: string[] = []
  for (const key of Object.keys(value))
    if (!(key in fields)) problems.push(`${where}: ${key} is not a field of the specification`)
  for (const [key, spec] of Object.entries(fields)) {
    const v = value[key]
    if (v === undefined || v === null) {
      if (spec.required) problems.push(`${where}: ${key} is required`)
      continue
    }
    const ok =
      spec.type === 'datetime'
        ? typeof v === 'string' && W3C_DATETIME.test(v)
        : spec.type === 'array'
          ? Array.isArray(v)
          : typeof v === spec.type
    if (!ok) problems.push(`${where}: ${key} must be ${spec.type}, is ${JSON.stringify(v)}`)
    if (spec.values && !spec.values.includes(String(v)))
      problems.push(`${where}: ${key} may not be ${String(v)}`)
  }
  return problems
}
