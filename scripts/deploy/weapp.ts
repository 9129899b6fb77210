// The mini-program upload: miniprogram-ci (WeChat's own CI module) uploads dist/weapp as a development
// version of the AppID, signed with the upload key the operator downloaded from the WeChat admin console
// (开发管理 → 开发设置 → 小程序代码上传密钥; the machine's IP must be on its whitelist). The key is read from
// its path by miniprogram-ci and never copied.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { PROJECT_ROOT } from '../../local/deployments'
import { bundleSha256 } from './desired'

export const WEAPP_DIR = path.join(PROJECT_ROOT, 'dist', 'weapp')

export interface WeappUpload {
  dir: string
  appid: string
  version: string
  description: string
  privateKeyPath: string
}

export interface WeappUploader {
  upload(upload: WeappUpload): Promise<void>
}

/** Compile settings from project.config.json (one home for DevTools and CI). */
function projectSettings(): { es6: boolean; minify: boolean } {
  const config = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'project.config.json'), 'utf8')) as {
    setting?: { es6?: boolean; minified?: boolean }
  }
  return { es6: config.setting?.es6 ?? true, minify: config.setting?.minified ?? true }
}

export const miniprogramCiUploader: WeappUploader = {
  async upload(upload) {
    const ci = await import('miniprogram-ci')
    const project = new ci.Project({
      appid: upload.appid,
      type: 'miniProgram',
      projectPath: upload.dir,
      privateKeyPath: upload.privateKeyPath,
      ignores: ['node_modules/**/*'],
    })
    await ci.upload({
      project,
      version: upload.version,
      desc: upload.description,
      setting: projectSettings(),
      robot: 1,
    })
  },
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
}

/**
 * Problems with dist/weapp as a build for `envId` (empty when it is one): it must exist and carry the
 * environment id the mini-program initialises wx.cloud with (WEAPP_CLOUD_ENV_ID at build time).
 */
export function weappBuildProblems(dir: string, envId: string): string[] {
  try {
    if (!statSync(path.join(dir, 'app.json')).isFile()) throw new Error('no app.json')
  } catch {
    return [`${dir} 中没有小程序构建（app.json）：请先 WEAPP_CLOUD_ENV_ID=${envId} npm run build:weapp`]
  }
  const needle = JSON.stringify(envId)
  const built = allFiles(dir).some((f) => f.endsWith('.js') && readFileSync(f, 'utf8').includes(needle))
  return built
    ? []
    : [`${dir} 不是为环境 ${envId} 构建的：请用 WEAPP_CLOUD_ENV_ID=${envId} npm run build:weapp 重新构建`]
}

export function weappSha256(dir: string): string {
  return bundleSha256(dir)
}
