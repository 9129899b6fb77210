// The staff forms are the event catalogue drawn as forms (miniprogram/src/forms/event-forms.ts): every event staff
// may send can be filled in so that its own schema accepts it; a blank form's messages name the fields; the
// server's messages (`event.…` in the act payload) land on the same fields; a redrafted reply starts from the one
// sent back, read from the staff timeline by the catalogue's labels.
import { effectivePolicy } from '../../shared/policy/effective'
import { getPolicyProfile } from '../../shared/policy/registry'
import { PROFILE_IDS } from '../../shared/policy'
import { STAFF_ROLE_KEYS, type StaffRole } from '../../shared/vocabulary/units'
import type { CaseTimelineEntry } from '../../shared/contracts/cases'
import { describeFields } from '../../shared/workflow/catalogue/describe'
import { fieldPaths } from '../../shared/vocabulary/form'
import {
  CASE_EVENT_TYPES,
  EVENT_CATALOGUE,
  SITE_VISIT_FIELDS,
  TRANSITIONS,
  type CaseEventType,
  type TransitionRow,
} from '../../shared/workflow'
import {
  blankValues,
  buildEvent,
  checkEvent,
  formFieldsOf,
  photosNotReady,
  previousDraft,
  serverFieldErrors,
  type AskedSpec,
  type FormValue,
  type FormValues,
} from '../../miniprogram/src/forms/event-forms'

const NOW = new Date('2026-11-23T09:30:00+08:00')
const uploaded = {
  key: 'p1',
  localPath: null,
  fileId: 'cloud://env/uploads/p1.jpg',
  size: 1,
  originalSize: 1,
}

/** What a person would answer in each kind of control, within the declared limits. */
function answer(spec: AskedSpec): FormValue {
  switch (spec.kind) {
    case 'text':
      return '现场核查情况属实'.padEnd(Math.max(spec.min, 8), '。')
    case 'lines':
      return '施工现场的具体位置\n噪声出现的时间段'
    case 'choice':
      return spec.options[0]!.value
    case 'count':
      return String(spec.min)
    case 'date':
      return '2026-12-01'
    case 'instant':
      return '2026-11-23 08:45'
    case 'yes-no':
      return true
    case 'stars':
      return 4
    case 'unit':
      return 'jz-shanyang'
    case 'units':
      return ['jz-shanyang']
    case 'case':
      return 'case-000123'
    case 'staff':
      return { id: 'st-officer', name: '王磊' }
    case 'files':
      return [uploaded]
    case 'decimal':
      return '68.5'
    case 'position':
      return {
        lat: 35.29958,
        lng: 113.27638,
        coordSystem: 'gcj02',
        accuracy: 15,
        takenAt: '2026-11-23T08:45:00+08:00',
      }
    case 'stamped-photos':
      // Taken on site, kept on the device: named by where it is kept until the queue uploads it.
      return [
        {
          ...uploaded,
          fileId: null,
          localPath: 'idb:abc',
          stamp: { takenAt: '2026-11-23T08:45:00+08:00', position: null, drawn: true },
        },
      ]
  }
}

/** Events a staff role may send under some profile (the rows of the transition table say who). */
function sentByStaff(type: CaseEventType): boolean {
  const rows = TRANSITIONS[type] as ReadonlyArray<TransitionRow<CaseEventType>>
  return rows.some((row) =>
    PROFILE_IDS.some((id) => {
      const roles =
        typeof row.roles === 'function' ? row.roles(effectivePolicy(getPolicyProfile(id))) : row.roles
      return roles.some((r) => STAFF_ROLE_KEYS.includes(r as StaffRole))
    }),
  )
}

/** The administrator's hand-over names a colleague on its own page (cloudfunctions/admin/hand-over.ts), not here. */
const onTheCasePage = (type: CaseEventType) =>
  !fieldPaths(EVENT_CATALOGUE[type].fields).some(({ field }) => field.form.kind === 'staff')

const STAFF_EVENTS = CASE_EVENT_TYPES.filter((type) => sentByStaff(type) && onTheCasePage(type))

test('the events staff send are read from the transition table', () => {
  expect(STAFF_EVENTS).toEqual(expect.arrayContaining(['accept', 'record-site-visit', 'draft-reply']))
  expect(STAFF_EVENTS).not.toContain('register')
})

test.each(STAFF_EVENTS)('%s: a form filled in field by field is an event its schema accepts', (type) => {
  const values: FormValues = Object.fromEntries(
    formFieldsOf(type).map(({ key, spec }) => [key, answer(spec)]),
  )
  const checked = checkEvent(type, values)
  expect(checked).toEqual({ ok: true, event: expect.objectContaining({ type }) })
})

test('a blank site-visit form: each missing field by its own message; the visit time starts at now', () => {
  const values = blankValues('record-site-visit', NOW)
  expect(values['record.visitedAt']).toBe('2026-11-23 09:30')
  const checked = checkEvent('record-site-visit', values)
  if (checked.ok) throw new Error('a blank form passed')
  expect(checked.errors['record.address']).toBe(
    SITE_VISIT_FIELDS.address.schema.safeParse('').error?.issues[0]?.message,
  )
  expect(Object.keys(checked.errors).sort()).toEqual(
    ['address', 'cause', 'discharge', 'findings', 'pollutionControl', 'productionStatus', 'reportedEntity']
      .map((k) => `record.${k}`)
      .sort(),
  )
})

test('values become the event: instants with the Shanghai offset, numbers, lines, uploaded photos only', () => {
  expect(
    buildEvent('record-site-visit', {
      'record.visitedAt': '2026-11-23 21:05',
      'record.findings': '属实',
      'record.fileIds': [uploaded, { ...uploaded, key: 'p2', fileId: null }],
    }),
  ).toMatchObject({ record: { visitedAt: '2026-11-23T21:05:00+08:00', fileIds: [uploaded.fileId] } })
  expect(buildEvent('request-extension', { days: '15', reason: '需要检测' })).toEqual({
    type: 'request-extension',
    days: 15,
    reason: '需要检测',
  })
  expect(buildEvent('request-supplement', { missingItems: ' 位置 \n\n时间段' })).toEqual({
    type: 'request-supplement',
    missingItems: ['位置', '时间段'],
  })
  // A photo still uploading holds the event back.
  expect(photosNotReady('record-site-visit', { 'record.fileIds': [{ ...uploaded, fileId: null }] })).toEqual([
    'record.fileIds',
  ])
  expect(photosNotReady('record-site-visit', { 'record.fileIds': [uploaded] })).toEqual([])
})

test('the server’s messages land on the form’s fields: event.record.findings is record.findings', () => {
  expect(
    serverFieldErrors({
      code: 'VALIDATION_FAILED',
      message: '请检查填写的内容：请填写核查结论',
      fields: { 'event.record.findings': '请填写核查结论', expectedVersion: '版本号不正确' },
    }),
  ).toEqual({ fields: { 'record.findings': '请填写核查结论' }, other: '版本号不正确' })
  expect(serverFieldErrors({ code: 'CONFLICT', message: '刚被更新' })).toEqual({ fields: {}, other: null })
})

/** A staff timeline entry as the server narrates an event: every field by its catalogue label. */
function narrated(type: CaseEventType, event: Record<string, unknown>, at: string): CaseTimelineEntry {
  const { lines, sections } = describeFields(EVENT_CATALOGUE[type].fields, event, { unitName: (id) => id })
  return {
    at,
    kind: type,
    label: EVENT_CATALOGUE[type].label,
    tone: EVENT_CATALOGUE[type].tone,
    lines,
    sections,
  }
}

test('a sent-back reply is redrafted from the one sent back, long sections and short lines alike', () => {
  const reply = {
    matter: '反映塔南路工地夜间施工噪声扰民。',
    entityFacts: '被反映对象为某建设工程项目部。',
    investigation:
      '11 月 24 日 23 时到现场核查，工地正在夜间打桩，未取得夜间施工许可，噪声超过夜间限值。'.repeat(2),
    violations: '未经批准夜间施工。',
    handlingOpinion: '已责令立即停止夜间施工，并依法立案查处。',
    communication: '已电话告知反映人。',
    remedies: '如对答复不满意，可在收到答复之日起 30 日内申请复查。',
  }
  const drafted = narrated('draft-reply', { type: 'draft-reply', reply }, '2026-11-24T10:00:00+08:00')
  expect(drafted.sections?.length).toBeGreaterThan(0)
  expect(drafted.lines?.length).toBeGreaterThan(0)
  const timeline = [
    drafted,
    narrated(
      'send-back-reply',
      { type: 'send-back-reply', reason: '请写明整改期限' },
      '2026-11-24T11:00:00+08:00',
    ),
  ]
  const previous = previousDraft('draft-reply', timeline)
  expect(previous).toEqual({
    values: Object.fromEntries(Object.entries(reply).map(([k, v]) => [`reply.${k}`, v])),
    at: '2026-11-24T10:00:00+08:00',
    sentBack: '退回理由：请写明整改期限',
  })
  // The values fill the form completely: the redraft can be sent as it is.
  expect(checkEvent('draft-reply', { ...blankValues('draft-reply', NOW), ...previous!.values }).ok).toBe(true)
  // Nothing to start from before a first draft, nor for events that are not redrafted.
  expect(previousDraft('draft-reply', [])).toBeNull()
  expect(previousDraft('record-initial-opinion', timeline)).toBeNull()
})
