// Work on site: the officer checks in where the problem is (S1 第九条 第一时间赶赴现场; S2 第十二条 夜间施工噪声立即
// 现场核实), takes photos stamped with the time and place, records readings with their units, and links the
// penalty case an investigation led to (S0 第七条(二) 依法处罚纠正; S4 三(三) 立案查处). Each is an entry of the
// history: nothing here is edited afterwards — a correction is a new entry. The device's position is kept as the
// device reported it (GCJ-02 from a mini-program, WGS-84 from a browser) with its WGS-84 copy made when the
// server validates it; the entry's own time is the server's, the device's clock is a field.
import { gcj02, toWgs84, wgs84 } from '../../geo/coordinates'
import { MEASURE_KEYS, MEASURES, type MeasureKey } from '../../policy'
import { formatShanghai } from '../../time'
import { ask, type DevicePoint } from '../../vocabulary/form'
import { defineEvent, NOT_SHOWN } from './define'
import { positionText } from './describe'

/** About a centimetre: more digits than any phone's fix is worth. */
const round7 = (v: number) => Math.round(v * 1e7) / 1e7

/** The WGS-84 copy of a device position (shared/geo converts GCJ-02; a WGS-84 position is kept as it is). */
export function wgs84Of(point: DevicePoint): { lat: number; lng: number } {
  const w = toWgs84(point.coordSystem === 'gcj02' ? gcj02(point.lat, point.lng) : wgs84(point.lat, point.lng))
  return { lat: round7(w.lat), lng: round7(w.lng) }
}

export const CHECK_IN = defineEvent('check-in', {
  label: '现场签到',
  tone: 'step',
  fields: {
    position: ask.position('签到位置', wgs84Of),
    note: ask.optionalText('签到说明', 200, { placeholder: '如：在工地东门外' }),
  },
  // The reporter hears that someone is there (once); never where exactly, nor who.
  reporter: {
    news: false,
    tell: (_e, ctx) =>
      ctx.history.slice(0, ctx.index).some((h) => h.event.type === 'check-in')
        ? null
        : { label: '工作人员已到达现场', detail: '执法人员已到达现场调查核实。' },
  },
})

export const ADD_SITE_PHOTOS = defineEvent('add-site-photos', {
  label: '上传现场照片',
  tone: 'step',
  fields: {
    photos: ask.stampedPhotos('现场照片', 9, wgs84Of),
    note: ask.optionalText('照片说明', 500, { placeholder: '拍的是什么、从哪个方向拍的' }),
  },
  reporter: NOT_SHOWN,
})

const MEASURE_OPTIONS = Object.fromEntries(
  MEASURE_KEYS.map((key) => [key, `${MEASURES[key].label}（${MEASURES[key].unit}）`]),
) as Record<MeasureKey, string>

export const RECORD_MEASUREMENT = defineEvent('record-measurement', {
  label: '记录监测数据',
  tone: 'step',
  fields: {
    item: ask.choice('监测项目', MEASURE_OPTIONS),
    // The unit is the item's: one declaration (MEASURES), read by the summary and the on-site view.
    value: ask.decimal('监测值', 0, 100_000, 2),
    measuredAt: ask.instant('监测时间'),
    point: ask.optionalText('测点位置', 200, { placeholder: '如：工地南侧场界外 1 米' }),
    instrument: ask.optionalText('监测仪器及编号', 100),
  },
  reporter: NOT_SHOWN,
  staff: { summary: (e) => `${MEASURES[e.item].label} ${e.value} ${MEASURES[e.item].unit}` },
})

export const LINK_PENALTY_CASE = defineEvent('link-penalty-case', {
  label: '关联行政处罚案件',
  tone: 'step',
  fields: {
    penaltyCaseNo: ask.text('处罚案件编号', 60, { min: 4, placeholder: '如：焦环罚〔2026〕12号' }),
    note: ask.optionalText('说明', 500),
  },
  reporter: NOT_SHOWN,
})

/** A photo's stamp as the event keeps it (the same data is drawn onto the photo). */
export interface PhotoStamp {
  takenAt: string
  position: (DevicePoint & { accuracy: number | null }) | null
}

/**
 * The lines drawn onto a photo taken on site, bottom left: when (the phone's clock, to the second), where (as the
 * phone reported it, with its accuracy), and which case. The same stamp is kept in the event.
 */
export function photoStampLines(stamp: PhotoStamp, refNo: string): string[] {
  return [
    `拍摄时间 ${formatShanghai(stamp.takenAt, 'YYYY-MM-DD HH:mm:ss')}`,
    stamp.position ? `位置 ${positionText(stamp.position)}` : '位置 未取得定位',
    `绿哨 · ${refNo}`,
  ]
}
