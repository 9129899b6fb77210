// 九龙坡区: 领导接访制度 — 原则上每名班子成员每月接待来访群众不少于1次 (S2 第七条).
import type { OversightPolicy } from '../../oversight-types'

export const JIULONGPO_OVERSIGHT = {
  leaderReceptions: { minPerMonth: 1, basis: 'S2 第七条' },
} as const satisfies OversightPolicy
