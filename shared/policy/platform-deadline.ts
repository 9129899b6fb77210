// A platform's own time limit for its work order. S2 第十七条: 上级交办案件，来源渠道对办理时限及回复要求另有规定的，
// 从其规定 — the 12345 platform sets each order's 办理时限 (S0 第七条(四) refers to the city's hotline rules for it),
// and the bureau answers by that date. It binds the handling clock beside the profile's own rules: where both
// bind, the stricter (earlier) date still wins, so a platform cannot lengthen a limit the law sets.
export const PLATFORM_DEADLINE = {
  basis: 'S2 第十七条',
  note: '来源渠道（派单平台）对办理时限另有规定的，从其规定；与本地办理时限都约束时从严',
} as const
