// What staff may publish and share: a typical case only once handled (S0 第十四条), its summary refused when it names
// the reporter or any mobile number (S4 四(六)); copies of new reports go to the business section of their category
// or source (S0 第十七条: 水、气、声、渣、建设项目), as the deployment declares.
import deployment from '@deployment'
import type { DeploymentConfig } from '@shared/deployment/config'
import { summaryLeak, typicalCaseRefusal } from '@shared/disclosure/typical-cases'
import { sectionsFor } from '@shared/sharing/sharing'

const JIAOZUO = deployment as unknown as DeploymentConfig
const REPORTER = ['王小明', '13912345678']

test.each([
  ['a plain handling summary', '执法人员到场核查后责令停止夜间施工，并依法立案查处。', null],
  ['the reporter’s name', '王小明反映的问题已查处。', '身份信息'],
  ['the reporter’s phone with spaces', '已按 139 1234 5678 回访。', '身份信息'],
  ['another mobile number', '请联系 186-0000-1111。', '手机号码'],
])('a summary with %s', (_what, summary, refusal) => {
  const leak = summaryLeak(summary, REPORTER)
  if (refusal === null) expect(leak).toBeNull()
  else expect(leak).toContain(refusal)
})

test.each([
  ['accepted', '尚未办结'],
  ['replied', '尚未办结'],
  ['merged', '已合并'],
  ['closed', null],
  ['not-accepted', null],
] as const)('a case %s may be typical: %s', (status, refusal) => {
  const answer = typicalCaseRefusal(status)
  if (refusal === null) expect(answer).toBeNull()
  else expect(answer).toContain(refusal)
})

test.each([
  ['water', null, ['jz-water-section']],
  ['air', 'industrial', ['jz-air-section']],
  ['noise', 'construction', ['jz-noise-waste-section', 'jz-eia-section']],
  ['noise', 'social-life', ['jz-noise-waste-section']],
  ['hazardous-waste', null, ['jz-noise-waste-section']],
  ['radiation', null, []],
] as const)('S0 第十七条: a %s report (source %s) is copied to %j', (category, source, sections) => {
  expect(sectionsFor(JIAOZUO.sharing, { category, source }).map((s) => s.unitId)).toEqual(sections)
})

test('a deployment without sharing copies nothing', () => {
  expect(sectionsFor(undefined, { category: 'water', source: null })).toEqual([])
})
