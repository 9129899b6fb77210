#!/usr/bin/env node
// Finds a Chromium for the browser tests, installing Debian's package when possible.
//   found            → prints its path (exit 0)
//   missing + root + apt-get → `apt-get install -y chromium`, then prints the path
//   missing otherwise → exit 1 with what to do. (.ci/run and `npm test` both rely on this.)
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

export const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
].filter(Boolean)

export function findChromium() {
  return CANDIDATES.find((p) => existsSync(p)) ?? null
}

function canApt() {
  try {
    execFileSync('apt-get', ['--version'], { stdio: 'ignore' })
    return typeof process.getuid === 'function' && process.getuid() === 0
  } catch {
    return false
  }
}

export function ensureChromium() {
  let found = findChromium()
  if (found) return found
  if (canApt()) {
    console.error('[ensure-chromium] Chromium not found: installing Debian package `chromium` (apt-get)…')
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' })
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    })
    found = findChromium()
  }
  return found
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const found = ensureChromium()
  if (!found) {
    console.error(
      '[ensure-chromium] No Chromium found and cannot install one here. Install Chromium (Debian: `apt-get install chromium`) ' +
        'or set CHROMIUM_PATH to a Chrome/Chromium executable.',
    )
    process.exit(1)
  }
  console.log(found)
}
