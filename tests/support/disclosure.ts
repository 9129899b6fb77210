// A month of reports with known reporters, for the disclosure, analysis and sharing tests: who reported what, and
// every value that identifies a reporter (names, phones, openids, query codes) — the values no public artefact,
// copy or report may ever contain.
import { demoPlaces } from '../../local/demo-places'
import type { Harness } from './local-harness'
import { handleToReply, northOf, reportInput, STAFF } from './reports'

export const REPORTERS = {
  wang: { openid: 'rep-wang-xiaoming', name: '王小明', phone: '13912345678' },
  li: { openid: 'rep-li-xiuying', name: '李秀英', phone: '13600001111' },
  anon: { openid: 'rep-anonymous-1' },
} as const

export interface MonthOfReports {
  /** Night-time construction noise in 山阳区 by 王小明: replied on time, rated 5 stars and accepted. */
  noise: { caseId: string; refNo: string }
  /** Black water in another county, anonymous: accepted. */
  water: { caseId: string; refNo: string; queryCode: string; regionName: string }
  /** Factory odour in 山阳区 by 李秀英: registered only. */
  air: { caseId: string; refNo: string }
  /** Every value identifying a reporter of these reports. */
  reporterValues: string[]
}

type Filed = { caseId: string; refNo: string; queryCode: string | null }

/**
 * Files and handles the month's reports, starting on the harness clock (November 2026, before the 24th: the
 * noise case's site visit is dated 2026-11-23 23:10). Leaves the clock about a day later.
 */
export async function fileMonthOfReports(h: Harness): Promise<MonthOfReports> {
  const other = demoPlaces(h.runtime).find((p) => !p.name.includes('山阳'))!
  const noise = await h.ok<Filed>(
    'cases',
    'submitReport',
    reportInput({
      source: 'construction',
      reporter: { mode: 'real-name', name: REPORTERS.wang.name, phone: REPORTERS.wang.phone },
    }),
    REPORTERS.wang.openid,
  )
  const water = await h.ok<Filed>(
    'cases',
    'submitReport',
    reportInput({
      category: 'water',
      description: '河道里每天傍晚有黑色污水排出，气味很重，附近的鱼都死了。',
      location: { lat: other.lat, lng: other.lng, coordSystem: 'wgs84', address: other.address },
      reporter: { mode: 'anonymous' },
    }),
    REPORTERS.anon.openid,
  )
  const air = await h.ok<Filed>(
    'cases',
    'submitReport',
    reportInput({
      category: 'air',
      description: '化工厂夜里排放刺鼻气味，周围小区都能闻到，持续一个多月了。',
      location: { ...northOf(800), coordSystem: 'gcj02', address: '焦作市山阳区北部某化工厂' },
      reporter: { mode: 'real-name', name: REPORTERS.li.name, phone: REPORTERS.li.phone },
    }),
    REPORTERS.li.openid,
  )
  await h.act(STAFF.supervisor, water.caseId, { type: 'accept' })
  await handleToReply(h, noise.caseId)
  await h.ok('cases', 'rateReply', { caseId: noise.caseId, stars: 5, accept: true }, REPORTERS.wang.openid)
  return {
    noise: { caseId: noise.caseId, refNo: noise.refNo },
    water: {
      caseId: water.caseId,
      refNo: water.refNo,
      queryCode: water.queryCode!,
      regionName: other.name,
    },
    air: { caseId: air.caseId, refNo: air.refNo },
    reporterValues: [
      REPORTERS.wang.openid,
      REPORTERS.wang.name,
      REPORTERS.wang.phone,
      REPORTERS.li.openid,
      REPORTERS.li.name,
      REPORTERS.li.phone,
      REPORTERS.anon.openid,
      water.queryCode!,
    ],
  }
}

/** The reporter values found in `artefact` (serialised as JSON when not a string): none is the only good answer. */
export function reporterValuesIn(artefact: unknown, values: readonly string[]): string[] {
  const text = typeof artefact === 'string' ? artefact : JSON.stringify(artefact)
  return values.filter((v) => text.includes(v))
}
