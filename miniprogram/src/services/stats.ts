// The `stats` cloud function: figures for a unit, period and breakdown; the monthly report; exports. Used by the
// staff subpackage only.
import type { InputOf, Contracts } from '@shared/contracts'
import { callFunction } from '../platform/cloud'

type In<A extends keyof Contracts['stats']> = InputOf<Contracts['stats'][A]>

export const getFigures = (input: In<'figures'>) => callFunction('stats', 'figures', input)
export const getMonthlyReport = (month: string) => callFunction('stats', 'monthlyReport', { month })
export const exportFigures = (input: In<'exportFigures'>) => callFunction('stats', 'exportFigures', input)
export const exportCases = (input: In<'exportCases'>) => callFunction('stats', 'exportCases', input)
export const exportReport = (month: string, format: 'xlsx' | 'csv') =>
  callFunction('stats', 'exportReport', { month, format })
