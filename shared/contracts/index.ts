// Every cloud function and its actions. The gateway, the functions and the client all read this map.
import { adminContract } from './admin'
import { casesContract } from './cases'
import { filesContract } from './files'
import { rewardsContract } from './rewards'
import { staffContract } from './staff'
import { timersContract } from './timers'

export const CONTRACTS = {
  cases: casesContract,
  staff: staffContract,
  files: filesContract,
  admin: adminContract,
  timers: timersContract,
  rewards: rewardsContract,
} as const

export type Contracts = typeof CONTRACTS
export type FunctionName = keyof Contracts
export type ActionName<F extends FunctionName> = keyof Contracts[F] & string

export * from './define'
export * from './result'
