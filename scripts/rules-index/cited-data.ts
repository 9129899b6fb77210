// The cited data of the project, each text with where it lives and what it rules: the policy profiles' time
// limits and decisions, their intake values, the 不予受理 reasons, the workflow's grounds tables and every
// deployment's routing table. Only data is read — comments are not. A table is located by declaredIn (no list
// of files here); a new table with citations is caught by tests/unit/rules-index.test.ts until it is added below.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { periodText } from '../../shared/deadlines'
import type { DeploymentConfig } from '../../shared/deployment/config'
import { FEEDBACK_KINDS, FEEDBACK_ON, REFERRAL_OBJECTION } from '../../shared/intake/channels'
import { DUPLICATE_CITE } from '../../shared/intake/duplicates'
import { PLATFORM_DEADLINE } from '../../shared/policy/platform-deadline'
import {
  IMPORTANCE_RULES,
  INTAKE_EFFECTS,
  type Basis,
  type ImportanceRule,
  type IntakePolicy,
  type RepeatAction,
} from '../../shared/policy/intake'
import type { FieldWorkPolicy } from '../../shared/policy/field-work'
import { fieldWorkPolicyFor, INTAKE_POLICIES, POLICY_PROFILES } from '../../shared/policy/registry'
import { REWARD_RULES } from '../../shared/policy/reward-rules'
import {
  isPlaceholder,
  REWARD_CONDITIONS,
  VIOLATION_TYPES,
  type RewardRules,
  type Sourced,
} from '../../shared/policy/rewards'
import {
  CLOCK_KINDS,
  NON_ACCEPTANCE_REASONS,
  PROFILE_IDS,
  type ClockCondition,
  type ClockRule,
  type ClockStart,
  type NonAcceptanceReasonKey,
  type PolicyProfile,
} from '../../shared/policy/types'
import type { RoutingRule } from '../../shared/routing/config'
import { CATEGORIES, POLLUTION_SOURCES } from '../../shared/vocabulary/categories'
import { REQUEST_TYPES } from '../../shared/vocabulary/request-types'
import { STAFF_ROLES } from '../../shared/vocabulary/units'
import {
  ESCALATION_REASONS,
  IMPORTANT_CASE_GROUNDS,
  LEADER_CASE_GROUNDS,
  MEDIATION_MATTERS,
  RECUSAL_GROUNDS,
  SUPERVISION_REASONS,
} from '../../shared/workflow'
import {
  SPOT_CHECK_FINDINGS,
  SUPERVISION_SEND_BACK_REASONS,
} from '../../shared/workflow/catalogue/supervision'
import { declaredIn, ROOT } from './declared-in'
import { SPOT_CHECK_SAMPLE } from '../../shared/oversight/sampling'
import { OVERSIGHT_POLICIES } from '../../shared/policy/oversight'
import { MONTHLY_REPORT_DUE } from '../../shared/stats/report'

/**
 * How a text names an article: `basis` — the rule rests on it (a basis, a cite); `decision` — a documented
 * decision invokes it where the texts are silent or ambiguous; `reference` — a note explaining the rule mentions it.
 */
export type CitationRole = 'basis' | 'decision' | 'reference'

export interface CitedText {
  text: string
  role: CitationRole
  /** What the rule is, in a few words. */
  rule: string
  /** Whose rule: a profile, a deployment, or every jurisdiction. */
  scope: string
  /** Repository-relative file and the key of the entry in it. */
  file: string
  key: string
  /** The `export const` holding it (files of shared/); null for a deployment file. */
  exportName: string | null
}

const EVERY_JURISDICTION = '所有辖区'

const FROM: Record<ClockStart, string> = {
  received: '收到',
  accepted: '受理',
  'out-of-remit-found': '认定不属本部门或本行政区',
  replied: '答复',
  'review-requested': '收到复查申请',
  'review-decided': '作出复查意见',
  're-review-requested': '收到复核申请',
  'rectification-ordered': '责令整改',
}

function conditionKey(when: ClockCondition | undefined): string {
  if (!when) return ''
  const parts: string[] = []
  if (when.requestTypes) parts.push(when.requestTypes.join('/'))
  const flag = (name: string, value: boolean | undefined) => {
    if (value !== undefined) parts.push(value ? name : `not ${name}`)
  }
  flag('important', when.important)
  flag('emergency', when.emergency)
  flag('referred', when.referred)
  return parts.map((p) => `, ${p}`).join('')
}

function conditionText(when: ClockCondition | undefined): string {
  if (!when) return ''
  const parts: string[] = []
  if (when.requestTypes) parts.push(when.requestTypes.map((t) => REQUEST_TYPES[t]).join('、'))
  if (when.important !== undefined) parts.push(when.important ? '重要案件' : '非重要案件')
  if (when.emergency !== undefined) parts.push(when.emergency ? '立即现场处置的事项' : '非紧急事项')
  if (when.referred !== undefined) parts.push(when.referred ? '上级交办、转办' : '直接提出')
  return parts.length > 0 ? `；${parts.join('，')}` : ''
}

function clockText(rule: ClockRule): string {
  const rollOver = rule.rollOverRestDays === false ? '，休息日不顺延' : ''
  return `${CLOCK_KINDS[rule.clock].label} ${periodText(rule.days, rule.unit)}（自${FROM[rule.from]}起${conditionText(rule.when)}${rollOver}）`
}

function profileTexts(profile: PolicyProfile, versions: number): CitedText[] {
  const { file, name } = declaredIn(profile, `policy profile ${profile.id} v${profile.version}`)
  const version = versions > 1 ? `v${profile.version} ` : ''
  const found: CitedText[] = []
  const add = (key: string, rule: string, texts: Array<[string | undefined, CitationRole]>) => {
    for (const [text, role] of texts) {
      if (text)
        found.push({ text, role, rule, scope: profile.id, file, key: version + key, exportName: name })
    }
  }
  add('effectiveFrom', `施行日 ${profile.effectiveFrom}`, [[profile.effectiveNote, 'basis']])
  const keys = new Map<string, number>()
  for (const rule of profile.clocks) {
    let key = `clocks[${rule.clock}${conditionKey(rule.when)}]`
    const seen = keys.get(key) ?? 0
    keys.set(key, seen + 1)
    if (seen > 0) key = `clocks[${rule.clock}${conditionKey(rule.when)} #${seen + 1}]`
    add(key, clockText(rule), [
      [rule.basis, 'basis'],
      [rule.note, 'reference'],
    ])
  }
  for (const r of profile.reminders) {
    const rule = `催办：${CLOCK_KINDS[r.clock].label}到期前 ${r.workingDaysBefore} 个工作日`
    add(`reminders[${r.clock}]`, rule, [[r.basis, 'basis']])
  }
  const extension = profile.extension
  if (extension) {
    const parts = [
      extension.maxDays != null ? `合计不超过 ${extension.maxDays} 日` : '',
      extension.approverRoles ? `${extension.approverRoles.map((r) => STAFF_ROLES[r]).join('、')}批准` : '',
      extension.mustRequestBeforeDue ? '到期前申请' : '',
      extension.notifyReporter ? '告知举报人理由' : '',
    ]
    add('extension', `延期：${parts.filter(Boolean).join('，')}`, [[extension.basis, 'basis']])
  }
  if (profile.replyApproval) {
    const chain = profile.replyApproval.chain.map((step) => STAFF_ROLES[step]).join(' → ')
    add('replyApproval', `答复审核：${chain}`, [[profile.replyApproval.basis, 'basis']])
  }
  if (profile.review) {
    const rule = profile.review.sameUnitLoop ? '复查：同一单位再次复查直至满意' : '复查、复核各一次'
    add('review', rule, [[profile.review.basis, 'basis']])
  }
  const retention = profile.retention
  const retentionRules = {
    archive: (days: number) => `归档：办结且申请期届满后 ${days} 日`,
    reporterIdentity: (days: number) => `销毁反映人身份信息：归档后 ${days} 日`,
  }
  for (const part of ['archive', 'reporterIdentity'] as const) {
    const period = retention?.[part]
    if (period) {
      add(`retention.${part}`, retentionRules[part](period.days), [
        [period.basis, 'basis'],
        [period.note, 'reference'],
      ])
    }
  }
  for (const d of profile.decisions) {
    add(`decisions[${d.topic}]`, d.topic, [
      [d.topic, 'decision'],
      [d.decision, 'decision'],
      [d.reason, 'decision'],
    ])
  }
  return found
}

const REPEAT_ACTIONS: Record<RepeatAction['kind'], string> = {
  escalate: '提级办理',
  supervise: '督办',
  'important-case': '列为重点案件',
  'leader-case': '列入领导包案',
}

/** Each intake value, in a few words; keyed like the `basis` of its section, so a new value must be described. */
const INTAKE_VALUES: {
  [S in 'duplicate' | 'repeat' | 'earlyWarning' | 'importance']: {
    [K in keyof IntakePolicy[S]['basis']]: (p: IntakePolicy) => string
  }
} = {
  duplicate: { byCategory: () => '疑似重复：按类别的距离和时间' },
  repeat: {
    threshold: (p) => `重复举报 ${p.repeat.threshold} 次触发`,
    windowDays: (p) => `重复举报计数窗口 ${p.repeat.windowDays} 日`,
    placeRadiusMetres: () => '重复举报：未点名目标按位置计数的半径',
    counting: (p) =>
      `重复举报计数：${p.repeat.counting === 'reporters' ? '按不同举报人' : '每人每日计 1 次'}`,
    action: (p) => `重复举报达到次数：${REPEAT_ACTIONS[p.repeat.action.kind]}`,
  },
  earlyWarning: { byCategory: () => '预警：按类别的人数、半径和天数' },
  importance: {
    label: (p) => `重要案件的名称：${p.importance.label}`,
    rules: () => '重要、紧急情形的规则表',
    manyPeopleAffected: (p) => `“人数多”：${p.importance.manyPeopleAffected} 人起`,
    jointSignatories: (p) => `联名：${p.importance.jointSignatories} 人起`,
    night: (p) => `夜间：${p.importance.night.from}–${p.importance.night.to}`,
  },
}

const basisTexts = (basis: Basis): Array<[string | undefined, CitationRole]> => [
  [basis.cite, 'basis'],
  [basis.decision, 'decision'],
]

function intakeTexts(policy: IntakePolicy): CitedText[] {
  const { file, name } = declaredIn(policy, `intake policy ${policy.profileId}`)
  // What a profile takes over unchanged from its baseline is listed once, under the baseline.
  const baselineId = POLICY_PROFILES[policy.profileId].at(-1)!.baseline?.id
  const baseline = baselineId ? INTAKE_POLICIES[baselineId] : null
  const found: CitedText[] = []
  const add = (key: string, rule: string, texts: Array<[string | undefined, CitationRole]>) => {
    for (const [text, role] of texts) {
      if (text) found.push({ text, role, rule, scope: policy.profileId, file, key, exportName: name })
    }
  }
  for (const section of Object.keys(INTAKE_VALUES) as Array<keyof typeof INTAKE_VALUES>) {
    const values = INTAKE_VALUES[section] as Record<string, (p: IntakePolicy) => string>
    const bases = policy[section].basis as Record<string, Basis>
    const inherited = baseline ? (baseline[section].basis as Record<string, Basis>) : {}
    for (const [field, describe] of Object.entries(values)) {
      if (bases[field] === inherited[field]) continue
      add(`${section}.basis.${field}`, describe(policy), basisTexts(bases[field]!))
    }
  }
  const baselineRules = new Set<ImportanceRule>(baseline?.importance.rules ?? [])
  for (const r of policy.importance.rules) {
    if (baselineRules.has(r)) continue
    const effects = r.effects.map((e) => INTAKE_EFFECTS[e]).join('、')
    add(`importance.rules[${r.rule}]`, `${IMPORTANCE_RULES[r.rule]} → ${effects}`, basisTexts(r))
  }
  return found
}

/** Each field-work value in a few words; keyed like its `basis`, so a new value must be described. */
const FIELD_WORK_VALUES: { [K in keyof FieldWorkPolicy['basis']]: (p: FieldWorkPolicy) => string } = {
  farCheckInMetres: (p) => `现场签到距反映地点超过 ${p.farCheckInMetres} 米的标为“较远”`,
  deviceClockToleranceMinutes: (p) => `现场记录的时间可比服务器快 ${p.deviceClockToleranceMinutes} 分钟`,
  rectificationReminderWorkingDays: (p) =>
    `整改期限：按整改方案计时，届满前 ${p.rectificationReminderWorkingDays} 个工作日提醒复查`,
  limits: () => '现场监测数据对照的排放限值（昼间、夜间）',
}

/** Field-work values: each jurisdiction's own, listed once (most take the national ones). */
function fieldWorkTexts(): CitedText[] {
  const seen = new Set<FieldWorkPolicy>()
  return PROFILE_IDS.flatMap((id) => {
    const policy = fieldWorkPolicyFor(id)
    if (seen.has(policy)) return []
    seen.add(policy)
    const { file, name } = declaredIn(policy, `field-work values of ${id}`)
    return (Object.keys(FIELD_WORK_VALUES) as Array<keyof typeof FIELD_WORK_VALUES>).flatMap((key) =>
      basisTexts(policy.basis[key]).flatMap(([text, role]) =>
        text
          ? [
              {
                text,
                role,
                rule: FIELD_WORK_VALUES[key](policy),
                scope: id,
                file,
                key: `basis.${key}`,
                exportName: name,
              },
            ]
          : [],
      ),
    )
  })
}

function nonAcceptanceTexts(): CitedText[] {
  const { file, name } = declaredIn(NON_ACCEPTANCE_REASONS, 'NON_ACCEPTANCE_REASONS')
  return (Object.keys(NON_ACCEPTANCE_REASONS) as NonAcceptanceReasonKey[]).map((key) => {
    const reason = NON_ACCEPTANCE_REASONS[key]
    const profiles = PROFILE_IDS.filter((id) =>
      POLICY_PROFILES[id].some((p) => p.extraNonAcceptanceReasons?.includes(key)),
    )
    const scope = reason.scope === 'all' ? EVERY_JURISDICTION : profiles.join('、')
    const rule = `不予受理：${reason.label}`
    return { text: reason.basis, role: 'basis', rule, scope, file, key: `${name}[${key}]`, exportName: name }
  })
}

/** The workflow's grounds tables: what each lets staff (or the system) give as the ground of an event. */
const GROUNDS_TABLES: Array<[string, Record<string, { label: string; basis: string }>]> = [
  ['列为重要（重点）案件的理由', IMPORTANT_CASE_GROUNDS],
  ['督办理由', SUPERVISION_REASONS],
  ['提级办理理由', ESCALATION_REASONS],
  ['列入领导包案的理由', LEADER_CASE_GROUNDS],
  ['退回督办结果的理由', SUPERVISION_SEND_BACK_REASONS],
  ['抽查结论', SPOT_CHECK_FINDINGS],
  ['回避事由', RECUSAL_GROUNDS],
  ['可调解结案的纠纷', MEDIATION_MATTERS],
]

function groundsTexts(): CitedText[] {
  return GROUNDS_TABLES.flatMap(([title, table]) => {
    const { file, name } = declaredIn(table, title)
    return Object.entries(table).map(([key, ground]) => ({
      text: ground.basis,
      role: 'basis' as const,
      rule: `${title}：${ground.label}`,
      scope: EVERY_JURISDICTION,
      file,
      key: `${name}[${key}]`,
      exportName: name,
    }))
  })
}

function intakeCheckTexts(): CitedText[] {
  const { file, name } = declaredIn(DUPLICATE_CITE, 'DUPLICATE_CITE')
  const rule = '疑似重复的提示：可合并办理'
  return [
    {
      text: DUPLICATE_CITE,
      role: 'basis',
      rule,
      scope: EVERY_JURISDICTION,
      file,
      key: name,
      exportName: name,
    },
  ]
}

const yesNo = (value: boolean) => (value ? '是' : '否')

/**
 * Each figure of a profile's whistleblower-reward rules (shared/policy/profiles/<id>/rewards.ts), in a few words.
 * A figure a profile takes over unchanged from the national rules is listed once, under them.
 */
function rewardTexts(rules: RewardRules): CitedText[] {
  const { file, name } = declaredIn(rules, `reward rules ${rules.profileId} v${rules.version}`)
  const national = rules.profileId === 'national' ? null : REWARD_RULES.national.at(-1)!
  const found: CitedText[] = []
  const add = (key: string, rule: string, texts: Array<[string | undefined, CitationRole]>) => {
    for (const [text, role] of texts) {
      if (text) found.push({ text, role, rule, scope: rules.profileId, file, key, exportName: name })
    }
  }
  const figure = <T>(key: string, rule: string, f: Sourced<T>, inherited: Sourced<T> | undefined) => {
    if (f === inherited) return
    add(
      key,
      `举报奖励：${rule}${isPlaceholder(f) ? '（暂定值）' : ''}`,
      isPlaceholder(f)
        ? [[f.note, 'reference']]
        : [
            [f.basis, 'basis'],
            [f.note, 'reference'],
          ],
    )
  }
  add('scheme', `举报奖励办法：${rules.scheme.title}`, [
    [rules.scheme.title, 'reference'],
    [rules.scheme.note, 'reference'],
  ])
  figure('offered', `实行有奖举报：${yesNo(rules.offered.value)}`, rules.offered, national?.offered)
  const types = rules.requestTypes.value.map((t) => REQUEST_TYPES[t]).join('、')
  figure('requestTypes', `可获奖励的诉求：${types}`, rules.requestTypes, national?.requestTypes)
  const anonymous = rules.identity.value === 'real-name-or-claim-code'
  figure('identity', `匿名举报凭查询码领奖：${yesNo(anonymous)}`, rules.identity, national?.identity)
  for (const [key, f] of Object.entries(rules.conditions) as Array<
    [keyof RewardRules['conditions'], Sourced<boolean>]
  >) {
    const label = REWARD_CONDITIONS[key].label
    figure(`conditions.${key}`, `条件（${yesNo(f.value)}）：${label}`, f, national?.conditions[key])
  }
  for (const [key, f] of Object.entries(rules.tiers) as Array<
    [keyof RewardRules['tiers'], Sourced<number>]
  >) {
    figure(`tiers.${key}`, `${VIOLATION_TYPES[key]} ${f.value} 元`, f, national?.tiers[key])
  }
  const share = rules.fineShare.value
  figure(
    'fineShare',
    share === null ? '不按罚款比例计奖' : `罚款的 ${share}%（取较高者）`,
    rules.fineShare,
    national?.fineShare,
  )
  figure(
    'insiderMultiplier',
    `内部人员举报 × ${rules.insiderMultiplier.value}`,
    rules.insiderMultiplier,
    national?.insiderMultiplier,
  )
  figure('cap', `单笔上限 ${rules.cap.value} 元`, rules.cap, national?.cap)
  figure(
    'claimWindowDays',
    `领奖期限 ${rules.claimWindowDays.value} 日`,
    rules.claimWindowDays,
    national?.claimWindowDays,
  )
  for (const d of rules.decisions) {
    add(`decisions[${d.topic}]`, d.topic, [
      [d.topic, 'decision'],
      [d.decision, 'decision'],
      [d.reason, 'decision'],
    ])
  }
  return found
}

/** Oversight and statistics (issue 15): the spot check's sample, the monthly report's day, leader receptions. */
function oversightTexts(): CitedText[] {
  const sample = declaredIn(SPOT_CHECK_SAMPLE, 'SPOT_CHECK_SAMPLE')
  const report = declaredIn(MONTHLY_REPORT_DUE, 'MONTHLY_REPORT_DUE')
  const sampleRule = `抽查：当期办结件数的 ${SPOT_CHECK_SAMPLE.rate * 100}%，${SPOT_CHECK_SAMPLE.min}–${SPOT_CHECK_SAMPLE.max} 件，按单位和期间可复现抽取`
  const texts: CitedText[] = [
    {
      text: SPOT_CHECK_SAMPLE.basis,
      role: 'basis',
      rule: sampleRule,
      scope: EVERY_JURISDICTION,
      file: sample.file,
      key: `${sample.name}.basis`,
      exportName: sample.name,
    },
    {
      text: SPOT_CHECK_SAMPLE.decision,
      role: 'decision',
      rule: sampleRule,
      scope: EVERY_JURISDICTION,
      file: sample.file,
      key: `${sample.name}.decision`,
      exportName: sample.name,
    },
    {
      text: MONTHLY_REPORT_DUE.basis,
      role: 'basis',
      rule: `月报：每月 ${MONTHLY_REPORT_DUE.day} 日前报送上月统计`,
      scope: EVERY_JURISDICTION,
      file: report.file,
      key: report.name,
      exportName: report.name,
    },
  ]
  for (const id of PROFILE_IDS) {
    const receptions = OVERSIGHT_POLICIES[id].leaderReceptions
    if (!receptions) continue
    const where = declaredIn(OVERSIGHT_POLICIES[id], `OVERSIGHT_POLICIES[${id}]`)
    texts.push({
      text: receptions.basis,
      role: 'basis',
      rule: `领导接访：每人每月不少于 ${receptions.minPerMonth} 次`,
      scope: id,
      file: where.file,
      key: `${where.name}.leaderReceptions`,
      exportName: where.name,
    })
  }
  return texts
}

/** What the channels of issue 14 rest on: a platform's own deadline, what goes back to it and when. */
function channelTexts(): CitedText[] {
  const entry = (value: object, title: string, key: string, rule: string, text: string): CitedText => {
    const { file, name } = declaredIn(value, title)
    return {
      text,
      role: 'basis',
      rule,
      scope: EVERY_JURISDICTION,
      file,
      key: key ? `${name}[${key}]` : name,
      exportName: name,
    }
  }
  return [
    entry(
      PLATFORM_DEADLINE,
      'PLATFORM_DEADLINE',
      '',
      '派单平台自定的办理时限：从其规定，与本地时限都约束时从严',
      PLATFORM_DEADLINE.basis,
    ),
    ...Object.entries(FEEDBACK_ON).map(([state, on]) =>
      entry(FEEDBACK_ON, 'FEEDBACK_ON', state, `向派单平台反馈：${FEEDBACK_KINDS[on.kind]}`, on.basis),
    ),
    entry(
      REFERRAL_OBJECTION,
      'REFERRAL_OBJECTION',
      '',
      `上级交办、转办的事项不属职权范围的，${REFERRAL_OBJECTION.workingDays} 个工作日内提出异议`,
      REFERRAL_OBJECTION.basis,
    ),
  ]
}

const DEPLOYMENTS_DIR = 'deployments'

/** The deployment folders, sorted: every folder of deployments/ with a deployment.json. */
export function deploymentFiles(): string[] {
  return readdirSync(path.join(ROOT, DEPLOYMENTS_DIR))
    .sort()
    .map((dir) => `${DEPLOYMENTS_DIR}/${dir}/deployment.json`)
    .filter((file) => existsSync(path.join(ROOT, file)))
}

function routeText(rule: RoutingRule, deployment: DeploymentConfig): string {
  const when = rule.when
  const parts = [
    when.categories?.map((c) => CATEGORIES[c].label).join('、'),
    when.sources?.map((s) => POLLUTION_SOURCES[s].label).join('、'),
    when.sourcesOtherThan &&
      `来源不是${when.sourcesOtherThan.map((s) => POLLUTION_SOURCES[s].label).join('、')}`,
    when.requestTypes?.map((t) => REQUEST_TYPES[t]).join('、'),
    when.regions && `区域 ${when.regions.join('、')}`,
  ].filter(Boolean)
  const unitName = (id: string) => deployment.units.find((u) => u.id === id)?.name ?? id
  const then = rule.then
  const target =
    then.kind === 'unit'
      ? unitName(then.unitId)
      : then.kind === 'refer'
        ? `引导至${then.department}`
        : '属地办理'
  return `分办：${parts.length > 0 ? parts.join('，') : '其余事项'} → ${target}`
}

function deploymentTexts(file: string): CitedText[] {
  const deployment = JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as DeploymentConfig
  const routing = deployment.routing
  if (!routing) return []
  const scope = deployment.id
  const entry = (key: string, rule: string, text: string | undefined, role: CitationRole = 'basis') =>
    text ? [{ text, role, rule, scope, file, key, exportName: null }] : []
  const unitName = (id: string) => deployment.units.find((u) => u.id === id)?.name ?? id
  const away = routing.outOfJurisdiction.handling === 'return' ? '退回派单平台' : '转交所属行政区'
  return [
    ...entry('routing.territorialCite', '分办：属地管辖（默认）', routing.territorialCite),
    ...routing.zones.flatMap((zone) =>
      entry(
        `routing.zones[${zone.code}]`,
        `特殊区域：${zone.name} → ${unitName(zone.unitId)}`,
        zone.note,
        'reference',
      ),
    ),
    ...routing.rules.flatMap((rule) =>
      entry(`routing.rules[${rule.id}]`, routeText(rule, deployment), rule.cite),
    ),
    ...entry('routing.outOfJurisdiction', `辖区外：${away}`, routing.outOfJurisdiction.cite),
    ...(deployment.localRestDays ?? []).flatMap((day) =>
      entry(`localRestDays[${day.date}]`, `地方休息日：${day.name}`, day.basis),
    ),
    ...(deployment.platforms ?? []).flatMap((platform) =>
      entry(`platforms[${platform.id}].cite`, `工单平台：受理${platform.name}派发的工单`, platform.cite),
    ),
    ...(deployment.sharing?.sections ?? []).flatMap((section) =>
      entry(
        `sharing.sections[${section.unitId}]`,
        `信息共享：${sharedWhat(section.when)}反映抄送${unitName(section.unitId)}`,
        section.cite,
      ),
    ),
  ]
}

/** 水污染、噪声污染类 / 建筑施工来源的: what a section's copies are, in words. */
function sharedWhat(when: NonNullable<DeploymentConfig['sharing']>['sections'][number]['when']): string {
  const parts = [
    ...(when.categories?.length ? [`${when.categories.map((c) => CATEGORIES[c].label).join('、')}类`] : []),
    ...(when.sources?.length
      ? [`${when.sources.map((s) => POLLUTION_SOURCES[s].label).join('、')}来源的`]
      : []),
  ]
  return parts.join('或')
}

/** Every cited text of the project's data, in a fixed order. */
export function citedTexts(): CitedText[] {
  return [
    ...PROFILE_IDS.flatMap((id) =>
      POLICY_PROFILES[id].flatMap((p) => profileTexts(p, POLICY_PROFILES[id].length)),
    ),
    ...PROFILE_IDS.flatMap((id) => intakeTexts(INTAKE_POLICIES[id])),
    ...PROFILE_IDS.flatMap((id) => REWARD_RULES[id].flatMap(rewardTexts)),
    ...fieldWorkTexts(),
    ...nonAcceptanceTexts(),
    ...groundsTexts(),
    ...intakeCheckTexts(),
    ...oversightTexts(),
    ...channelTexts(),
    ...deploymentFiles().flatMap(deploymentTexts),
  ]
}
