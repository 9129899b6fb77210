// Work on site as events (shared/workflow/catalogue/field-work.ts): a check-in keeps the position as the device
// reported it with a WGS-84 copy the schema makes (a client cannot send its own), and the device's clock; photos
// carry their stamp; readings are decimals with the item's unit; the stamp drawn on a photo is the stamp kept.
// History is not edited: a corrected check-in is another entry (S1 第九条 第一时间赶赴现场).
import { toWgs84, gcj02 } from '@shared/geo/coordinates'
import { citizenTimeline } from '@shared/cases/views/timeline'
import { caseEventSchema, filesOf, parseCaseEvent, type HistoryEntry } from '@shared/workflow'
import { photoStampLines } from '@shared/workflow/catalogue/field-work'
import { actors, CHECK_IN, ev, SITE_PHOTOS } from './driver'
import { caseIn } from './paths'

describe('check-in', () => {
  test('the schema keeps the position as reported and adds its WGS-84 copy; a client’s own copy is ignored', () => {
    const parsed = caseEventSchema.parse({
      ...CHECK_IN,
      position: { ...CHECK_IN.position, wgs84: { lat: 0, lng: 0 } },
    }) as Extract<ReturnType<typeof ev>, { type: 'check-in' }>
    const expected = toWgs84(gcj02(CHECK_IN.position.lat, CHECK_IN.position.lng))
    expect(parsed.position).toMatchObject({
      lat: 35.29958,
      lng: 113.27638,
      coordSystem: 'gcj02',
      accuracy: 15,
    })
    expect(parsed.position.wgs84.lat).toBeCloseTo(expected.lat, 6)
    expect(parsed.position.wgs84.lng).toBeCloseTo(expected.lng, 6)
    expect(parsed.position.takenAt).toBe('2026-03-02T09:30:00+08:00')
  })

  test('a WGS-84 position (a browser’s) is its own copy; accuracy may be unknown', () => {
    const parsed = caseEventSchema.parse({
      type: 'check-in',
      position: { lat: 35.3, lng: 113.27, coordSystem: 'wgs84', takenAt: '2026-03-02T09:30:00+08:00' },
    }) as Extract<ReturnType<typeof ev>, { type: 'check-in' }>
    expect(parsed.position).toMatchObject({ accuracy: null, wgs84: { lat: 35.3, lng: 113.27 } })
  })

  test.each([
    [{ type: 'check-in' }, 'position', '请先获取签到位置'],
    [{ ...CHECK_IN, position: { ...CHECK_IN.position, lat: 95 } }, 'position.lat', '纬度超出范围'],
    [
      { ...CHECK_IN, position: { ...CHECK_IN.position, takenAt: '2026-03-02 09:30' } },
      'position.takenAt',
      '定位时间格式不正确',
    ],
  ])('refused with the field named: %j', (input, path, message) => {
    const parsed = parseCaseEvent(input)
    expect(parsed.ok ? [] : parsed.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path, message: expect.stringContaining(message) })]),
    )
  })

  test('a second check-in is another entry; the first is unchanged (no edit: a correction is a new entry)', () => {
    const driver = caseIn('investigating')
    driver.apply(CHECK_IN, actors.officer, '2026-03-03T09:00:00+08:00')
    const first = JSON.stringify(driver.history[driver.history.length - 1])
    const corrected = {
      ...CHECK_IN,
      position: { ...CHECK_IN.position, lat: 35.3, takenAt: '2026-03-03T09:20:00+08:00' },
    }
    driver.apply(corrected, actors.head, '2026-03-03T09:30:00+08:00')
    const checkIns = driver.history.filter((h) => h.event.type === 'check-in')
    expect(checkIns).toHaveLength(2)
    expect(JSON.stringify(checkIns[0])).toBe(first)
    // The entry's own time is the server's; the device's clock is a field.
    expect(checkIns[1]!.at).toBe('2026-03-03T09:30:00+08:00')
  })

  test('on an assigned case it starts the investigation (S2 第十二条 立即组织现场核实)', () => {
    const driver = caseIn('assigned')
    driver.apply(CHECK_IN, actors.officer, '2026-03-03T09:00:00+08:00')
    expect(driver.state.status).toBe('investigating')
  })

  test('the reporter hears once that someone is on site — never where', () => {
    const driver = caseIn('investigating')
    driver.apply(CHECK_IN, actors.officer, '2026-03-03T09:00:00+08:00')
    driver.apply(CHECK_IN, actors.officer, '2026-03-03T10:00:00+08:00')
    const told = citizenTimeline({ history: driver.history as HistoryEntry[] }, () => '', true).filter(
      (t) => t.kind === 'check-in',
    )
    expect(told).toEqual([expect.objectContaining({ label: '工作人员已到达现场' })])
    expect(JSON.stringify(told)).not.toContain('35.29')
  })
})

describe('photos taken on site', () => {
  test('each with its stamp; the files are attached to the case with the entry', () => {
    const parsed = ev(SITE_PHOTOS)
    expect(parsed.photos[0]!.stamp.position?.wgs84).toBeDefined()
    expect(filesOf(parsed)).toEqual(['cloud://env/uploads/site-1.jpg'])
  })

  test('at least one photo; a stamp without a position is kept (the device had no fix)', () => {
    expect(parseCaseEvent({ type: 'add-site-photos', photos: [] })).toMatchObject({
      ok: false,
      errors: [{ path: 'photos', message: '请拍摄现场照片' }],
    })
    const noFix = {
      type: 'add-site-photos',
      photos: [
        { fileId: 'local://uploads/a.jpg', stamp: { takenAt: '2026-03-02T09:31:00+08:00', drawn: false } },
      ],
    }
    expect(parseCaseEvent(noFix)).toMatchObject({
      ok: true,
      event: { photos: [{ stamp: { position: null } }] },
    })
  })

  test('the lines drawn on the photo: the phone’s time to the second, the place as reported, the case', () => {
    expect(
      photoStampLines(
        {
          takenAt: '2026-11-23T15:10:05Z',
          position: { lat: 35.29958, lng: 113.27638, coordSystem: 'gcj02', accuracy: 14.6 },
        },
        'JZ-20261123-0001',
      ),
    ).toEqual([
      '拍摄时间 2026-11-23 23:10:05',
      '位置 35.29958, 113.27638（GCJ-02，误差约 15 米）',
      '绿哨 · JZ-20261123-0001',
    ])
    expect(photoStampLines({ takenAt: '2026-11-23T23:10:05+08:00', position: null }, 'JZ-1')[1]).toBe(
      '位置 未取得定位',
    )
  })
})

describe('readings', () => {
  test.each([
    [68.5, true, null],
    [68.55, true, null],
    [68.555, false, '监测值最多保留 2 位小数'],
    [-1, false, '监测值不能小于 0'],
  ])('%d: accepted %s', (value, ok, message) => {
    const parsed = parseCaseEvent({
      type: 'record-measurement',
      item: 'noise-construction',
      value,
      measuredAt: '2026-03-02T23:10:00+08:00',
    })
    expect(parsed.ok).toBe(ok)
    if (!parsed.ok) expect(parsed.errors[0]!.message).toBe(message)
  })

  test('an unknown item is refused', () => {
    expect(
      parseCaseEvent({
        type: 'record-measurement',
        item: 'decibels',
        value: 60,
        measuredAt: '2026-03-02T23:10:00+08:00',
      }).ok,
    ).toBe(false)
  })
})
