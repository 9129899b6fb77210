// The State Council notices shipped with the app, generated from the chinese-days package
// (scripts/calendar-data.ts, `npm run calendar-data`) and cross-checked day by day against the holiday-cn data in
// tests/fixtures/holidays. A year published after a release is loaded at run time as an override instead.
import type { HolidayNotice } from './types'
import notice2024 from './data/notice-2024.json'
import notice2025 from './data/notice-2025.json'
import notice2026 from './data/notice-2026.json'

export const BUNDLED_NOTICES: readonly HolidayNotice[] = [notice2024, notice2025, notice2026]
