// The runtime of local mode: every port backed by the embedded default, all state under one data directory.
//   <dataDir>/greenwhistle.sqlite   documents (SQLite, WAL)
//   <dataDir>/files/                uploaded photos
//   <dataDir>/secrets.json          identity-encryption and URL-signing keys (created on first start, 0600), and
//                                   optionally `platformSecrets` (platform id → shared secret; GW_PLATFORM_SECRETS
//                                   in the environment wins)
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { systemClock } from '../cloudfunctions/common/clock'
import { jsonLogger } from '../cloudfunctions/common/log'
import type { Clock, Logger, Runtime } from '../cloudfunctions/common/ports'
import type { DeploymentConfig } from '../shared/deployment/config'
import { PLATFORM_SECRETS_ENV, platformKeysFrom } from '../cloudfunctions/common/channels/secrets'
import { FsBlobStore } from './adapters/fs-blobstore'
import { KeywordContentCheck } from './adapters/keyword-content-check'
import { OutboxNotifier } from './adapters/outbox-notifier'
import { SqliteDocStore } from './adapters/sqlite-docstore'
import { loadBoundaries, loadDeployment } from './deployments'

export interface LocalRuntime extends Runtime {
  db: SqliteDocStore
  blobs: FsBlobStore
  dataDir: string
  close(): void
}

export interface LocalRuntimeOptions {
  dataDir: string
  deployment?: DeploymentConfig
  clock?: Clock
  log?: Logger
}

interface SecretsFile {
  identityKey: string
  signingKey: string
  platformSecrets?: Record<string, string>
}

function loadSecrets(dataDir: string): SecretsFile {
  const file = path.join(dataDir, 'secrets.json')
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as SecretsFile
  const secrets: SecretsFile = {
    identityKey: randomBytes(32).toString('base64'),
    signingKey: randomBytes(32).toString('base64'),
  }
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: 'wx' })
  return secrets
}

export function createLocalRuntime(options: LocalRuntimeOptions): LocalRuntime {
  const dataDir = path.resolve(options.dataDir)
  mkdirSync(path.join(dataDir, 'files'), { recursive: true })
  const secrets = loadSecrets(dataDir)
  const clock = options.clock ?? systemClock
  const log = options.log ?? jsonLogger({ mode: 'local' })
  const db = new SqliteDocStore(path.join(dataDir, 'greenwhistle.sqlite'), {
    // The requests go on; past 64 MB of WAL the request connection checkpoints itself.
    onCheckpointError: (error) => log.error('background checkpoint failed', { error }),
  })
  const deployment = options.deployment ?? loadDeployment()
  const blobs = new FsBlobStore(path.join(dataDir, 'files'), Buffer.from(secrets.signingKey, 'base64'), clock)
  return {
    mode: 'local',
    dataDir,
    db,
    blobs,
    notifier: new OutboxNotifier(db, clock),
    contentCheck: new KeywordContentCheck((fileId) => blobs.read(fileId)),
    clock,
    log,
    secrets: {
      identityKey: Buffer.from(secrets.identityKey, 'base64'),
      platformKeys: process.env[PLATFORM_SECRETS_ENV]
        ? platformKeysFrom(process.env[PLATFORM_SECRETS_ENV])
        : platformKeysFrom(JSON.stringify(secrets.platformSecrets ?? {})),
    },
    deployment,
    boundaries: loadBoundaries(deployment),
    close: () => db.close(),
  }
}
