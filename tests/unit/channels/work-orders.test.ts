// A platform's work order read from one row of its export through the deployment's column mapping (焦作's 12345
// platform, deployments/jiaozuo/deployment.json): the fields it carries, and every problem of a malformed row
// named with the platform's own column name (so the row is reported and skipped, the batch goes on).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { DeploymentConfig } from '@shared/deployment/config'
import { platformById, platformProblems } from '@shared/deployment/platforms'
import { missingColumns, parseShanghaiTime, readWorkOrder } from '@shared/intake/work-orders'

const deployment = JSON.parse(
  readFileSync(path.join(__dirname, '../../../deployments/jiaozuo/deployment.json'), 'utf8'),
) as DeploymentConfig
const hotline = platformById(deployment, '12345')!
const national = platformById(deployment, '12369')!
const NOW = new Date('2026-03-05T12:00:00+08:00')

const ROW = {
  工单编号: 'JZ12345-20260302-0017',
  派单时间: '2026-03-02 09:15:00',
  来电时间: '2026-03-02 08:58:12',
  诉求类型: '投诉',
  问题分类: '噪声扰民',
  诉求内容: '武陟县木城街道某工地每晚十点后仍在打桩施工，噪声很大，影响休息。',
  事发地址: '武陟县木城街道建设路与兴华路交叉口东北角工地',
  被反映单位: '某建筑工程有限公司',
  联系人: '王先生',
  联系电话: '13903910017',
  办理时限: '2026-03-09 18:00:00',
  派单单位: '武陟县政务服务分办中心',
  承办单位: '武陟县生态环境分局',
}

test('every platform of every demo deployment is sound', () => {
  expect(platformProblems(deployment)).toEqual([])
})

test('a good row: its number, receipt, deadline, contact, classification and dispatch', () => {
  const read = readWorkOrder(hotline, ROW, NOW)
  expect(read).toEqual({
    ok: true,
    order: {
      externalNo: 'JZ12345-20260302-0017',
      // 派单时间 is preferred to 来电时间: the order reached the bureau when it was dispatched.
      receivedAt: '2026-03-02T09:15:00+08:00',
      description: ROW.诉求内容,
      address: ROW.事发地址,
      requestType: 'complaint',
      category: 'noise',
      reportedEntity: '某建筑工程有限公司',
      occurredAt: null,
      reporter: { name: '王先生', phone: '13903910017' },
      platformDue: '2026-03-09',
      dispatchedBy: '武陟县政务服务分办中心',
      handlingUnitId: 'jz-wuzhi',
      position: null,
    },
  })
})

test('defaults and fallbacks: 来电时间 when there is no 派单时间, an unlisted category, an anonymous caller', () => {
  const { 派单时间: _d, 问题分类: _c, ...rest } = ROW
  const read = readWorkOrder(hotline, { ...rest, 问题分类: '餐饮油烟', 联系人: '匿名', 联系电话: '' }, NOW)
  expect(read.ok && read.order).toMatchObject({
    receivedAt: '2026-03-02T08:58:12+08:00',
    category: 'other',
    reporter: { name: null, phone: null },
  })
})

test('the 12369 platform’s coordinates (GCJ-02 as its WeChat channel records them)', () => {
  const read = readWorkOrder(
    national,
    {
      举报件编号: '4108002026030200031',
      转办时间: '2026/3/2 10:20',
      举报内容: '化工厂夜间排放刺鼻气味，持续一周。',
      污染源地址: '焦作市山阳区焦东路',
      污染类型: '大气',
      经度: '113.27638',
      纬度: '35.29958',
      联系方式: '0391-3568899',
    },
    NOW,
  )
  expect(read.ok && read.order).toMatchObject({
    receivedAt: '2026-03-02T10:20:00+08:00',
    requestType: 'report',
    category: 'air',
    position: { lat: 35.29958, lng: 113.27638, coordSystem: 'gcj02' },
    reporter: { name: null, phone: '0391-3568899' },
  })
})

test.each([
  ['no order number', { 工单编号: '' }, ['「工单编号」为空']],
  ['an order number with spaces', { 工单编号: 'JZ 001' }, ['「工单编号」只能由字母、数字和 - _ . / 组成']],
  ['no time', { 派单时间: '', 来电时间: '' }, ['「派单时间」为空']],
  [
    'a time that is not one',
    { 派单时间: '2026-02-30 09:00' },
    ['「派单时间」不是有效的时间：2026-02-30 09:00'],
  ],
  ['received in the future', { 派单时间: '2026-03-06 09:00' }, ['「派单时间」晚于现在']],
  ['no content', { 诉求内容: ' ' }, ['「诉求内容」为空']],
  ['an unknown request type', { 诉求类型: '表扬' }, ['「诉求类型」无法识别：表扬']],
  ['a phone that is none', { 联系电话: '139-0391' }, ['「联系电话」不是有效的手机号或固定电话：139-0391']],
  ['a deadline before receipt', { 办理时限: '2026-03-01' }, ['「办理时限」早于收到时间']],
  [
    'several problems at once, all named',
    { 诉求内容: '', 联系电话: 'abc' },
    ['「诉求内容」为空', '「联系电话」不是有效的手机号或固定电话：abc'],
  ],
])('a malformed row: %s', (_why, change, reasons) => {
  const read = readWorkOrder(hotline, { ...ROW, ...change }, NOW)
  expect(read.ok).toBe(false)
  expect(!read.ok && read.reasons).toEqual(reasons)
})

test('a malformed row still names its order number where it has one', () => {
  expect(readWorkOrder(hotline, { ...ROW, 诉求内容: '' }, NOW)).toMatchObject({
    ok: false,
    externalNo: 'JZ12345-20260302-0017',
  })
})

test('a file without a required column is refused whole: the columns are named as the platform names them', () => {
  expect(missingColumns(hotline, Object.keys(ROW))).toEqual([])
  expect(missingColumns(hotline, ['工单编号', '诉求内容'])).toEqual(['派单时间或来电时间', '事发地址或地址'])
})

test.each([
  ['2026-03-02 09:05', '2026-03-02T09:05:00+08:00'],
  ['2026/3/2 9:05:07', '2026-03-02T09:05:07+08:00'],
  ['2026年3月2日 9时5分', '2026-03-02T09:05:00+08:00'],
  ['2026年3月2日 9时5分7秒', '2026-03-02T09:05:07+08:00'],
  ['2026-03-02', '2026-03-02T00:00:00+08:00'],
  ['2026-03-02T01:05:00Z', '2026-03-02T09:05:00+08:00'],
  ['2026-13-02 09:05', null],
  ['2026-03-02 24:00', null],
  ['昨天', null],
])('platform times as Shanghai instants: %s', (text, instant) => {
  expect(parseShanghaiTime(text)).toBe(instant)
})
