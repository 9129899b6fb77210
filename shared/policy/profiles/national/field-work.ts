// National baseline: work on site — the far check-in flag, the phone clock's tolerance, the rectification
// reminder, and the emission limits of the national standards a reading on site is compared with.
import type { FieldWorkPolicy, MeasureLimit } from '../../field-work'

/** GB 12348-2008 表1 and GB 22337-2008 表1 give the same limits per 声环境功能区 class (昼间 / 夜间, dB(A)). */
const BOUNDARY_BY_CLASS = [
  [50, 40],
  [55, 45],
  [60, 50],
  [65, 55],
  [70, 55],
] as const

const byClass = (prefix: 'noise-industrial' | 'noise-social', standard: string) =>
  Object.fromEntries(
    BOUNDARY_BY_CLASS.map(([day, night], c) => [`${prefix}-${c}`, { day, night, standard }]),
  ) as Record<`${typeof prefix}-${0 | 1 | 2 | 3 | 4}`, MeasureLimit>

export const NATIONAL_FIELD_WORK: FieldWorkPolicy = {
  farCheckInMetres: 500,
  deviceClockToleranceMinutes: 10,
  rectificationReminderWorkingDays: 1,
  limits: {
    'noise-construction': {
      day: 70,
      night: 55,
      standard: 'GB 12523-2011《建筑施工场界环境噪声排放标准》表1',
    },
    // 4.2: 夜间噪声最大声级超过限值的幅度不得高于 15 dB(A) — 55 + 15.
    'noise-construction-max': {
      day: null,
      night: 70,
      standard: 'GB 12523-2011《建筑施工场界环境噪声排放标准》4.2',
    },
    ...byClass('noise-industrial', 'GB 12348-2008《工业企业厂界环境噪声排放标准》表1'),
    ...byClass('noise-social', 'GB 22337-2008《社会生活环境噪声排放标准》表1'),
  },
  basis: {
    farCheckInMetres: {
      cite: 'S1 第九条：需要现场查处的，要安排人员第一时间赶赴现场',
      decision:
        '签到位置距反映地点超过 500 米的，标为“距反映地点较远”，由审核人员核实，但不拒绝签到：城区手机定位误差常达数十米，' +
        '反映人提交的多是自己所在的位置而不是污染源（噪声可传到数百米外），工地、厂区本身也可延伸数百米；' +
        '没有网络或定位漂移时，现场工作不能因此停下。',
    },
    deviceClockToleranceMinutes: {
      decision:
        '手机时钟可能与服务器不一致：现场填写的时间（监测时间、整改复查时间）晚于服务器时间 10 分钟以上的不予接受；' +
        '签到、拍照记录的手机时间超出的，只作标记，由审核人员核实（离线时手机时间是唯一的现场时间）。',
    },
    rectificationReminderWorkingDays: {
      cite: 'S0 第七条(二)：一时难以解决的，制定整改方案，明确目标、措施、时限和责任单位，抓好落实',
      decision:
        '整改期限由整改方案确定，作为“整改期限”时限计时；到期前 1 个工作日提醒承办人安排复查，到期仍未完成复查的，' +
        '与其他期限一样转督办（S2 第十八条 的做法）。',
    },
    limits: {
      decision:
        '限值取国家排放标准（每项注明标准号和条款）；昼间、夜间按 噪声污染防治法 第八十八条 划分（各辖区受理规则中的“夜间”）。' +
        '执行标准因排污单位而异的项目（臭气浓度、pH 值、化学需氧量、氨氮）只记录数值和单位，由执法人员在现场检查记录中写明适用的标准和限值。',
    },
  },
}
