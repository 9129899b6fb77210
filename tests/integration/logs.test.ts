// Structured logs carry no personal data: every line the runtime writes during a whole citizen + staff flow —
// filing (real-name and anonymous), handling to the reply, a reveal, a lookup by query code, an enrolment, the
// timers — is captured as the JSON logger writes it, and none holds a reporter's name or phone, anyone's openid,
// a query code or an invite code. Fields named for personal data are never written, whoever passes them.
import { jsonLogger, PERSONAL_FIELDS } from '../../cloudfunctions/common/log'
import type { IssuedInvite } from '../../shared/contracts/staff-admin'
import { startHarness, type Harness } from '../support/local-harness'
import { handleToReply, reportInput, STAFF } from '../support/reports'

jest.setTimeout(60_000)

const lines: string[] = []
let h: Harness
beforeAll(async () => {
  h = await startHarness({
    now: '2026-11-23T09:00:00+08:00',
    log: jsonLogger({}, (line) => lines.push(line)),
  })
})
afterAll(async () => {
  await h.close()
})

const REPORTER = { name: '欧阳娜娜', phone: '13912345678', openid: 'wx-log-citizen' }

test('no log line of a full citizen and staff flow holds personal data', async () => {
  const { caseId } = await h.ok<{ caseId: string }>(
    'cases',
    'submitReport',
    reportInput({ reporter: { mode: 'real-name', name: REPORTER.name, phone: REPORTER.phone } }),
    REPORTER.openid,
  )
  const anon = await h.ok<{ caseId: string; queryCode: string }>(
    'cases',
    'submitReport',
    reportInput({
      reporter: { mode: 'anonymous' },
      description: '河道里有黑色污水排出，气味刺鼻，持续好几天了。',
    }),
    'wx-log-anonymous',
  )
  await h.ok('cases', 'lookupByCode', { code: anon.queryCode }, 'wx-log-someone')
  await h.ok('cases', 'lookupByCode', { code: 'ABCDEFGHJK' }, 'wx-log-someone').catch(() => undefined)
  await h.ok('staff', 'revealReporter', { caseId, reason: '需电话联系核实现场位置' }, STAFF.supervisor)
  await handleToReply(h, caseId)
  await h.ok('cases', 'rateReply', { caseId, stars: 4, comment: '处理及时', accept: true }, REPORTER.openid)

  const invite = await h.ok<IssuedInvite>(
    'admin',
    'issueInvite',
    { name: '司马光明', title: '执法人员', roles: ['officer'], unitIds: ['jz-shanyang'] },
    'dev-admin',
  )
  await h.call('staff', 'redeemInvite', { code: '2345-6789-ABCD' }, 'wx-log-new-staff')
  await h.ok('staff', 'redeemInvite', { code: invite.code }, 'wx-log-new-staff')
  await h.call('staff', 'redeemInvite', { code: invite.code }, 'wx-log-late-staff')
  h.clock.advance(40 * 24 * 3600_000)
  await h.fireTimer('timers')
  await h.fireTimer('timers')

  expect(lines.length).toBeGreaterThan(5)
  const secrets = [
    REPORTER.name,
    REPORTER.phone,
    REPORTER.openid,
    'wx-log-anonymous',
    'wx-log-someone',
    'wx-log-new-staff',
    'wx-log-late-staff',
    anon.queryCode,
    invite.code,
    invite.code.replace(/-/g, ''),
    '司马光明',
    ...Object.values(STAFF),
  ]
  for (const line of lines) {
    expect(JSON.parse(line)).toEqual(
      expect.objectContaining({ level: expect.any(String), message: expect.any(String) }),
    )
    for (const secret of secrets)
      expect({ line, leaks: line.includes(secret) }).toEqual({ line, leaks: false })
  }
})

test('fields named for personal data are never written, whoever passes them', () => {
  const written: string[] = []
  const log = jsonLogger({ fn: 'cases' }, (line) => written.push(line))
  log.info('something happened', {
    caseId: 'c1',
    openid: 'wx-secret',
    to: 'wx-secret',
    touser: 'wx-secret',
    name: '张三',
    phone: '13800138000',
    code: 'SECRET',
    queryCode: 'SECRET',
    reporter: { name: '张三' },
  })
  const entry = JSON.parse(written[0]!) as Record<string, unknown>
  expect(entry).toMatchObject({ level: 'info', message: 'something happened', fn: 'cases', caseId: 'c1' })
  expect(written[0]).not.toMatch(/wx-secret|张三|13800138000|SECRET/)
  const passed = ['openid', 'to', 'touser', 'name', 'phone', 'code', 'queryCode', 'reporter']
  expect([...PERSONAL_FIELDS].sort()).toEqual([...passed].sort())
  for (const field of passed) expect({ field, value: entry[field] }).toEqual({ field, value: '[不记录]' })
})
