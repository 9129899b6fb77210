// Work orders for tests: rows as 焦作's 12345 platform exports them (deployments/jiaozuo/deployment.json), files
// (CSV, XLSX) made from them, this channel's uploads through the gateway, and signed pushes.
import { randomBytes } from 'node:crypto'
import ExcelJS from 'exceljs'
import { signPush } from '../../cloudfunctions/common/channels/push'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import type { Page, WithId } from '../../cloudfunctions/common/ports'
import { DEV_OPENID_HEADER } from '../../local/gateway'
import type { CaseDoc } from '../../shared/cases/case-doc'
import { multipartBody } from './images'
import type { Harness } from './local-harness'

export const PLATFORM_SECRET = 'test-secret-of-the-12345-platform-0123456789'

const HEADERS_12345 = [
  '工单编号',
  '派单时间',
  '诉求类型',
  '问题分类',
  '诉求内容',
  '事发地址',
  '联系人',
  '联系电话',
  '办理时限',
  '派单单位',
  '承办单位',
] as const

export type OrderRow = Record<(typeof HEADERS_12345)[number], string>

/** Order `n` of a day's export: in 山阳区 (by its address), a complaint about noise, due in a week. */
export function orderRow(n: number, overrides: Partial<OrderRow> = {}): OrderRow {
  const no = String(n).padStart(4, '0')
  return {
    工单编号: `JZ12345-20260302-${no}`,
    派单时间: '2026-03-02 09:15:00',
    诉求类型: '投诉',
    问题分类: '噪声扰民',
    诉求内容: `山阳区塔南路某工地夜间施工噪声扰民，第 ${n} 次反映，请尽快处理。`,
    事发地址: `焦作市山阳区塔南路 ${n} 号附近工地`,
    联系人: `来电人${no}`,
    联系电话: `1390391${no}`,
    办理时限: '2026-03-09 18:00:00',
    派单单位: '焦作市12345热线中心',
    承办单位: '山阳区生态环境分局',
    ...overrides,
  }
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/** A CSV export (UTF-8 with BOM, CRLF), as Excel saves one. */
export function csvOf(
  rows: ReadonlyArray<Partial<OrderRow>>,
  headers: readonly string[] = HEADERS_12345,
): Buffer {
  const lines = [headers, ...rows.map((r) => headers.map((h) => (r as Record<string, string>)[h] ?? ''))]
  return Buffer.from('\uFEFF' + lines.map((l) => l.map(csvCell).join(',')).join('\r\n') + '\r\n', 'utf8')
}

/** An XLSX export; 派单时间 as a real date cell (the wall-clock time, as Excel keeps it). */
export async function xlsxOf(rows: ReadonlyArray<OrderRow>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('工单')
  sheet.addRow([...HEADERS_12345])
  for (const row of rows) {
    sheet.addRow(
      HEADERS_12345.map((h) =>
        h === '派单时间'
          ? new Date(row[h].replace(' ', 'T') + 'Z')
          : h === '联系电话'
            ? Number(row[h])
            : row[h],
      ),
    )
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** POST /api/channels/files?kind=… as `openid`. */
export async function postChannelFile(
  h: Harness,
  openid: string,
  bytes: Buffer,
  kind: 'material' | 'orders',
  filename = kind === 'orders' ? 'orders.csv' : 'letter.pdf',
) {
  const { payload, headers } = multipartBody(bytes, filename, 'application/octet-stream')
  const res = await h.app.inject({
    method: 'POST',
    url: `/api/channels/files?kind=${kind}`,
    payload,
    headers: { ...headers, [DEV_OPENID_HEADER]: openid },
  })
  return {
    status: res.statusCode,
    body: res.json() as {
      ok: boolean
      data?: { fileId: string; fileName: string }
      error?: { code: string; message: string }
    },
  }
}

export async function uploadChannelFile(
  h: Harness,
  openid: string,
  bytes: Buffer,
  kind: 'material' | 'orders',
  filename?: string,
): Promise<string> {
  const res = await postChannelFile(h, openid, bytes, kind, filename)
  if (!res.body.ok || !res.body.data) throw new Error(`upload failed: ${JSON.stringify(res.body.error)}`)
  return res.body.data.fileId
}

/** A PDF's first bytes: enough for the content check. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')

export interface PushOptions {
  secret?: string
  /** Unix seconds; default: the harness clock's now. */
  timestamp?: number
  nonce?: string
  /** Sign this text but send `body` (a body changed after signing). */
  signedBody?: string
}

/** POST /api/channels/<platform>/orders, signed as the platform signs. */
export async function pushOrders(h: Harness, platform: string, body: string, options: PushOptions = {}) {
  const timestamp = String(options.timestamp ?? Math.floor(h.clock.now().getTime() / 1000))
  const nonce = options.nonce ?? randomBytes(12).toString('hex')
  const signature = signPush(
    options.secret ?? PLATFORM_SECRET,
    platform,
    timestamp,
    nonce,
    options.signedBody ?? body,
  )
  const res = await h.app.inject({
    method: 'POST',
    url: `/api/channels/${platform}/orders`,
    payload: body,
    headers: {
      'content-type': 'application/json',
      'x-gw-timestamp': timestamp,
      'x-gw-nonce': nonce,
      'x-gw-signature': signature,
    },
  })
  return {
    status: res.statusCode,
    body: res.json() as {
      ok: boolean
      data?: { results: Array<Record<string, unknown>> }
      error?: { code: string; message: string }
    },
  }
}

/**
 * Every value that identifies a reporter of the harness's cases as stored — WeChat openid, the sealed and masked
 * name and phone, the query code's hash and seal, the repeat key — so a test can search anything that leaves the
 * bureau for all of them (the plain name and phone are never stored: a test adds those it gave).
 */
export async function reporterTraces(h: Harness): Promise<string[]> {
  const traces: string[] = []
  let after: string | null = null
  do {
    const page: Page<WithId<CaseDoc>> = await h.runtime.db.find<CaseDoc>(COLLECTIONS.cases, {
      limit: 100,
      after,
    })
    for (const { reporter: r, reporterKey } of page.items) {
      for (const value of [
        r.openid,
        r.nameSealed,
        r.phoneSealed,
        r.nameMasked,
        r.phoneMasked,
        r.queryCodeHash,
        r.queryCodeSealed,
        reporterKey,
      ])
        if (value) traces.push(value)
    }
    after = page.next
  } while (after)
  return traces
}
