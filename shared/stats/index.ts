// Statistics of case handling (issue 15): per-case contributions derived from the history with the case clocks,
// months as sums of contributions, figures for any unit and breakdown, the monthly report, export tables.
export * from './tally'
export * from './dimensions'
export * from './case-facts'
export * from './figures'
export * from './report'
export * from './columns'
export * from './ledger'
