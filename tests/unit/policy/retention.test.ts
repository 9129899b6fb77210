// Retention as policy data: how long ended cases wait before they are archived (S3 第二十四条 资料存档; 九龙坡 S2
// 第二十条 及时归档) and how long a sealed reporter identity is kept after archiving (a decision every profile may
// change, S3 第二十三条 保密管理). A profile's period combines with its baseline's, the shorter winning.
import { effectivePolicy, getPolicyProfile, PROFILE_IDS, type PolicyProfile } from '@shared/policy'

const national = getPolicyProfile('national')

describe.each(PROFILE_IDS.map((id) => [id]))('%s', (id) => {
  const retention = effectivePolicy(getPolicyProfile(id)).retention

  it('archives ended cases after a period resting on S3 第二十四条', () => {
    expect(retention.archive.days).toBeGreaterThan(0)
    expect(retention.archive.basis).toContain('S3 第二十四条')
  })

  it('keeps the sealed reporter identity for a period after archiving, a decision marked as such', () => {
    expect(retention.reporterIdentity.days).toBeGreaterThanOrEqual(retention.archive.days)
    expect(retention.reporterIdentity.decision).toBe(true)
    // The decision is listed with the profile's decisions, where a bureau reviews and changes it.
    const decisions = effectivePolicy(getPolicyProfile(id)).decisions.map((d) => d.topic)
    expect(decisions).toContain('反映人身份信息的保存期限')
  })
})

test('九龙坡 archives 及时 (S2 第二十条) on top of the national rule (S3 第二十四条)', () => {
  const { archive } = effectivePolicy(getPolicyProfile('chongqing-jiulongpo')).retention
  expect(archive).toMatchObject({ days: 30, basis: 'S2 第二十条; S3 第二十四条' })
})

test('a local period combines with the baseline’s: the shorter wins, both bases are kept', () => {
  const local = (archiveDays: number, identityDays?: number): PolicyProfile => ({
    ...getPolicyProfile('jiaozuo-12345'),
    retention: {
      archive: { days: archiveDays, basis: 'S0 第十三条' },
      ...(identityDays ? { reporterIdentity: { days: identityDays, basis: 'S0 第十三条' } } : {}),
    },
  })
  const base = effectivePolicy(national).retention
  const shorter = effectivePolicy(local(10, 365)).retention
  expect(shorter.archive).toMatchObject({ days: 10, basis: 'S0 第十三条; S3 第二十四条' })
  expect(shorter.reporterIdentity).toMatchObject({ days: 365, basis: 'S0 第十三条; S3 第二十三条' })
  // A longer local period does not lengthen the baseline's; what the local profile leaves out is the baseline's.
  const longer = effectivePolicy(local(90)).retention
  expect(longer.archive.days).toBe(base.archive.days)
  expect(longer.reporterIdentity).toEqual(base.reporterIdentity)
})
