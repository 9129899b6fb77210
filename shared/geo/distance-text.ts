// A distance as people say it: `就在附近`, `约 120 米`, `约 1.5 公里` (rounded; the exact metres are for staff).

export function distanceText(metres: number): string {
  if (metres < 50) return '就在附近'
  return metres < 1000 ? `约 ${Math.round(metres / 10) * 10} 米` : `约 ${(metres / 1000).toFixed(1)} 公里`
}
