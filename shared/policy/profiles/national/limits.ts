// National baseline: the 12369 hotline measures (S3, draft) and the 信访工作条例. Every local profile sits on it.
// S3 counts bare "日" without saying which; S2 第二十六条 states the usual reading (natural days) and it is
// applied here too. The 条例 is cited by the article numbers of its 2022 text (LEGAL_SOURCES, ../../sources.ts).
import type { PolicyProfile } from '../../types'

export const NATIONAL_V1 = {
  id: 'national',
  version: 1,
  effectiveFrom: '2022-05-01',
  effectiveNote: '信访工作条例 施行日；S3 为征求意见稿，其施行日期未定（第二十八条），作为全国基线采用',
  name: '全国基线（12369 工作管理办法 + 信访工作条例）',
  sources: ['S3', '条例', '民法典', '放假办法'],
  baseline: null,
  clocks: [
    { clock: 'acceptance', from: 'received', days: 15, unit: 'natural', basis: 'S3 第九条' },
    {
      clock: 'acceptance',
      from: 'received',
      days: 0,
      unit: 'natural',
      rollOverRestDays: false,
      when: { emergency: true },
      basis: 'S3 第九条(五)',
      note: '突发生态环境事件或有群体性事件倾向的，应当立即受理：当天，休息日也不顺延',
    },
    {
      clock: 'investigation',
      from: 'received',
      days: 0,
      unit: 'natural',
      rollOverRestDays: false,
      when: { emergency: true },
      basis: 'S3 第九条(五)',
      note: '立即受理的紧急事项当天组织现场核实（受理规则标为“立即组织现场核实处置”，同 S2 第十二条 的做法）：当天，休息日也不顺延',
    },
    { clock: 'assignment', from: 'accepted', days: 3, unit: 'working', basis: 'S3 第十条' },
    {
      clock: 'transfer-out',
      from: 'out-of-remit-found',
      days: 3,
      unit: 'working',
      basis: 'S3 第十条',
      note: '属于其他行政区的，自确定所属行政区起 3 个工作日内转交',
    },
    { clock: 'handling', from: 'accepted', days: 60, unit: 'natural', basis: 'S3 第十一条; 条例 第三十四条' },
    {
      clock: 'review-window',
      from: 'replied',
      days: 30,
      unit: 'natural',
      basis: '条例 第三十五条',
      note: '自收到书面答复之日起 30 日；答复经小程序送达，以发出之日为收到之日',
    },
    { clock: 'review', from: 'review-requested', days: 30, unit: 'natural', basis: '条例 第三十五条' },
    {
      clock: 're-review-window',
      from: 'review-decided',
      days: 30,
      unit: 'natural',
      basis: '条例 第三十六条',
    },
    { clock: 're-review', from: 're-review-requested', days: 30, unit: 'natural', basis: '条例 第三十六条' },
  ],
  reminders: [],
  extension: {
    maxDays: 30,
    approverRoles: ['leader'],
    mustRequestBeforeDue: true,
    notifyReporter: true,
    basis: 'S3 第十一条; 条例 第三十四条',
  },
  replyApproval: {
    chain: ['office-head', 'leader'],
    basis: '产品默认：S3 未规定审核层级，采用 S1 第十一条、S2 第十七条 的科室负责人、分管领导层层审核',
  },
  review: { sameUnitLoop: false, basis: '条例 第三十五条、第三十六条' },
  retention: {
    archive: {
      days: 30,
      basis: 'S3 第二十四条',
      note: '办结（含视为办结、复核终结、不予受理、转出、合并）且复查、复核申请期均已届满后，自最后一步起 30 日归档：留出回访、抽查（S3 第十四条）和补评价的时间；归档后案件不再变动',
      decision: true,
    },
    reporterIdentity: {
      days: 1095,
      basis: 'S3 第二十三条',
      note: '归档后 3 年（1095 日）销毁密封保存的反映人姓名、电话和匿名查询码，并留审计记录；案件保留打码姓名，电话显示“已销毁”',
      decision: true,
    },
  },
  decisions: [
    {
      topic: '“日”的含义',
      decision: '未写明“工作日”的“日”按自然日计算',
      reason: 'S2 第二十六条明文如此；S3、条例未另行规定，行政法上的通常理解相同',
    },
    {
      topic: '期间的计算',
      decision:
        '起算日不计入；自然日期间的最后一日是休息日（未调休的周末、法定节假日、地方休息日）的，顺延至其后第一个工作日',
      reason: '民法典 第二百零一条、第二百零三条，类推适用于行政时限',
    },
    {
      topic: '自然日期限的最后一日是调休上班的周六',
      decision: '不顺延，期限在该周六届满',
      reason: '国务院通知已将该日定为工作日；民法典 第二百零三条只对休假日顺延',
    },
    {
      topic: '补充材料期间',
      decision: '自一次性告知之日的次日起至补充材料之日止，不计入各项时限；等待补充期间时限暂停',
      reason: 'S3 第九条(一) 要求一次性告知补充；补充前无法决定是否受理',
    },
    {
      topic: '延期的计算',
      decision: '延长的天数按自然日加在原期间最后一日之后，多次延期合计不超过上限；须在到期日前申请',
      reason: 'S3 第十一条“在办结日期前”申请、“延长期限不得超过30日”',
    },
    {
      topic: '规则冲突',
      decision: '本地规定未涉及的适用全国基线；两者都适用时，机关的办理时限取较早者，举报人的申请期取较长者',
      reason: '从严原则：本地文件不能缩短上位法给予举报人的权利',
    },
    {
      topic: '办理各步骤期限的先后',
      decision:
        '受理告知、交办、转办、调查核实、初办意见都不晚于其后步骤的期限，最终不晚于办结答复期限；由后一步骤决定日期时，引用该步骤的依据',
      reason:
        '从严原则：本地办结时限（如 S0 第七条(四) 自收到起 10 个工作日）同样约束受理和交办，否则全国 15 日的受理期限会落在办结答复之后',
    },
    {
      topic: '立即现场处置的事项',
      decision: '当天组织现场核实，休息日也不顺延；受理告知、交办因此也在当天',
      reason:
        'S3 第九条(五) 要求立即受理；受理规则把突发生态环境事件、群体性事件倾向和夜间施工噪声标为立即组织现场核实处置（S2 第十二条 的做法），“立即”不能是几个工作日以后才交办',
    },
    {
      topic: '归档的时间',
      decision:
        '办结且复查、复核申请期届满后，自案件最后一步起 30 日由系统归档（重点案件须先完成回访）；可在新版本中调整',
      reason:
        'S3 第二十四条 只要求归档并按档案管理规范保存，未定期限；30 日留出回访、抽查和补评价的时间，之后案件材料不再变动',
    },
    {
      topic: '反映人身份信息的保存期限',
      decision:
        '归档后 3 年销毁密封保存的反映人姓名、电话和匿名查询码（可配置：各地按本单位档案和保密制度在新版本中调整）',
      reason:
        'S3 第二十三条 要求严禁泄露举报人信息，依据文件均未规定身份信息的保存期限；案件材料仍按 S3 第二十四条 保存，身份信息保存到足以应对复查、复核、信访终结后的再次反映为止，此后不再需要',
    },
    {
      topic: '回访或抽查发现问题反弹后重新办理',
      decision: '自重新办理之日起重新计算办结时限',
      reason: 'S3 第十四条“要求改正或重新办理”，重新办理即新的办理程序',
    },
  ],
} as const satisfies PolicyProfile
