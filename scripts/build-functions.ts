// `npm run build:functions`: one deployable CloudBase function per folder of cloudfunctions/ that has an
// index.ts and a config.json → dist/cloudfunctions/<name>/{index.js, package.json, config.json}.
// wx-server-sdk stays external (installed by CloudBase from package.json); everything else, shared/
// included, is bundled. The deployment (jurisdiction + policy profile) is chosen with GW_DEPLOYMENT.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, copyFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'
import { DEFAULT_DEPLOYMENT, deploymentDir, loadDeployment, PROJECT_ROOT } from '../local/deployments'
import { requireRouting } from '../shared/routing/config'

/** The oldest Node runtime offered for CloudBase functions we support; function code must run on it. */
export const CLOUD_NODE_TARGET = 'node16'
const WX_SERVER_SDK_VERSION = '4.0.2'

export function functionNames(): string[] {
  const root = path.join(PROJECT_ROOT, 'cloudfunctions')
  return readdirSync(root)
    .filter((name) => statSync(path.join(root, name)).isDirectory())
    .filter(
      (name) =>
        existsSync(path.join(root, name, 'index.ts')) && existsSync(path.join(root, name, 'config.json')),
    )
    .sort()
}

export async function buildFunctions(
  deploymentId = process.env.GW_DEPLOYMENT ?? DEFAULT_DEPLOYMENT,
  outRoot = path.join(PROJECT_ROOT, 'dist', 'cloudfunctions'),
) {
  rmSync(outRoot, { recursive: true, force: true })
  const deploymentFile = path.join(deploymentDir(deploymentId), 'deployment.json')
  const boundariesFile = path.join(
    deploymentDir(deploymentId),
    requireRouting(loadDeployment(deploymentId)).routing.boundaries,
  )
  const sizes: Record<string, number> = {}
  for (const name of functionNames()) {
    const outDir = path.join(outRoot, name)
    mkdirSync(outDir, { recursive: true })
    const result = await build({
      entryPoints: [path.join(PROJECT_ROOT, 'cloudfunctions', name, 'index.ts')],
      outfile: path.join(outDir, 'index.js'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: CLOUD_NODE_TARGET,
      external: ['wx-server-sdk'],
      alias: {
        '@deployment': deploymentFile,
        '@deployment-boundaries': boundariesFile,
        '@shared': path.join(PROJECT_ROOT, 'shared'),
      },
      minify: false,
      sourcemap: false,
      legalComments: 'none',
      metafile: true,
      logLevel: 'warning',
    })
    sizes[name] = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0)
    writeFileSync(
      path.join(outDir, 'package.json'),
      JSON.stringify(
        {
          name,
          version: '1.0.0',
          private: true,
          main: 'index.js',
          dependencies: { 'wx-server-sdk': WX_SERVER_SDK_VERSION },
        },
        null,
        2,
      ) + '\n',
    )
    copyFileSync(
      path.join(PROJECT_ROOT, 'cloudfunctions', name, 'config.json'),
      path.join(outDir, 'config.json'),
    )
  }
  return { outRoot, deploymentId, sizes }
}

if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  buildFunctions().then(
    ({ outRoot, deploymentId, sizes }) => {
      for (const [name, bytes] of Object.entries(sizes))
        console.log(`  ${name.padEnd(10)} ${(bytes / 1024).toFixed(1)} KB`)
      console.log(
        `built ${Object.keys(sizes).length} functions for deployment ${deploymentId} → ${path.relative(process.cwd(), outRoot)}`,
      )
    },
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
}
