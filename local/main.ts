// `npm start`: the whole system on one machine — H5 app, cloud functions, embedded database, local file
// storage and timers — at http://127.0.0.1:<PORT>.
import path from 'node:path'
import { FUNCTIONS } from '../cloudfunctions/registry'
import { DEFAULT_DEPLOYMENT, loadDeployment, PROJECT_ROOT } from './deployments'
import { buildGateway } from './gateway'
import { createLocalRuntime } from './runtime'
import { LocalScheduler } from './scheduler'
import { seedDeployment, setupCodeWhileNoAdmin } from './seed'
import { formatShanghai } from '../shared/time'

/**
 * Variables that mean "this process is (or talks to) a production CloudBase environment". Local mode
 * trusts an unauthenticated header for identity, so it must never run there.
 */
export const PRODUCTION_ENV_VARS = [
  'TCB_ENV',
  'SCF_NAMESPACE',
  'TENCENTCLOUD_RUNENV',
  'TENCENTCLOUD_SECRETID',
  'TENCENTCLOUD_SECRETKEY',
  'TENCENTCLOUD_SESSIONTOKEN',
  'WX_API_TOKEN',
  'GW_CLOUD_ENV',
]

export function productionEnvPresent(env: NodeJS.ProcessEnv): string[] {
  return PRODUCTION_ENV_VARS.filter((name) => env[name] !== undefined && env[name] !== '')
}

async function main() {
  const present = productionEnvPresent(process.env)
  if (present.length) {
    console.error(
      `拒绝启动本地模式：检测到生产云环境变量 ${present.join(', ')}。本地网关信任 x-dev-openid 请求头，不能在生产环境运行。\n` +
        `Refusing to start local mode: production cloud environment variables are set (${present.join(', ')}).`,
    )
    process.exit(1)
  }
  const port = Number(process.env.PORT ?? 3000)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT must be a port number, got ${process.env.PORT}`)
    process.exit(1)
  }
  const dataDir = process.env.GW_DATA_DIR ?? path.join(PROJECT_ROOT, '.data')
  const runtime = createLocalRuntime({
    dataDir,
    deployment: loadDeployment(process.env.GW_DEPLOYMENT ?? DEFAULT_DEPLOYMENT),
  })
  // GW_DEMO=off: a fresh deployment — no demo staff; the first administrator binds with the printed setup code.
  const demo = process.env.GW_DEMO !== 'off'
  const seeded = demo ? await seedDeployment(runtime.db, runtime.deployment) : { inserted: 0 }
  const setup = await setupCodeWhileNoAdmin(runtime)
  const scheduler = new LocalScheduler(FUNCTIONS, runtime)
  const timers = scheduler.start()
  const app = await buildGateway({
    runtime,
    functions: FUNCTIONS,
    staticDir: path.join(PROJECT_ROOT, 'dist', 'h5'),
  })
  await app.listen({ host: '127.0.0.1', port })
  const address = app.server.address()
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`

  console.log(
    `\n绿哨 GreenWhistle — local mode (${runtime.deployment.name}, profile ${runtime.deployment.profileId})`,
  )
  console.log(`  app      ${url}/`)
  console.log(`  health   ${url}/healthz`)
  console.log(
    `  data     ${runtime.dataDir}${seeded.inserted ? ` (seeded ${seeded.inserted} demo records)` : ''}`,
  )
  if (setup) {
    console.log(
      `  setup    首次设置码 ${setup.code}（${formatShanghai(setup.expiresAt)} 前有效）：在「工作台」输入，成为系统管理员`,
    )
  }
  for (const t of timers)
    console.log(`  timer    ${t.fn}/${t.trigger} "${t.cron}" next ${t.nextRun?.toISOString() ?? '-'}`)
  console.log(`\nListening on ${url}`)

  const shutdown = async () => {
    scheduler.stop()
    await app.close()
    runtime.close()
    process.exit(0)
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
}

if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
