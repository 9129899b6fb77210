// timers: the hourly deadline sweep (config.json timer trigger), also startable by an administrator.
import { timersContract } from '../../shared/contracts/timers'
import { defineFunction } from '../common/router'
import { runDeadlineSweep } from './sweep'

export const timersFunction = defineFunction(
  'timers',
  timersContract,
  {
    async runDeadlineSweep(_input, { runtime }) {
      return runDeadlineSweep(runtime)
    },
  },
  { onTimer: (_event, runtime) => runDeadlineSweep(runtime) },
)
