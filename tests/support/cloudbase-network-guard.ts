// Refuses every outbound connection while installed, and records the attempt, so a test can prove that the
// CloudBase SDKs never left the machine. It patches http/https.request/get and net/tls connections (axios,
// the SDKs' HTTP client, ends up in one of them).
import http from 'node:http'
import https from 'node:https'
import net from 'node:net'
import tls from 'node:tls'

export interface NetworkGuard {
  /** Every attempted connection: `protocol host` as far as it could be read. */
  readonly attempts: string[]
  uninstall(): void
}

function destination(args: unknown[]): string {
  const first = args[0]
  if (typeof first === 'string') return first
  if (first instanceof URL) return first.href
  if (typeof first === 'object' && first !== null) {
    const o = first as { host?: unknown; hostname?: unknown; port?: unknown; path?: unknown }
    return `${String(o.hostname ?? o.host ?? '?')}${o.port ? `:${String(o.port)}` : ''}${o.path ? String(o.path) : ''}`
  }
  return String(first)
}

export function installNetworkGuard(): NetworkGuard {
  const attempts: string[] = []
  const restores: Array<() => void> = []
  const block = <T extends object>(target: T, name: keyof T & string, label: string) => {
    const original = target[name]
    ;(target as Record<string, unknown>)[name] = (...args: unknown[]) => {
      attempts.push(`${label} ${destination(args)}`)
      throw new Error(`network access blocked in tests (${label} ${destination(args)})`)
    }
    restores.push(() => {
      ;(target as Record<string, unknown>)[name] = original
    })
  }
  block(http, 'request', 'http')
  block(http, 'get', 'http')
  block(https, 'request', 'https')
  block(https, 'get', 'https')
  block(net, 'connect', 'net')
  block(net, 'createConnection', 'net')
  block(tls, 'connect', 'tls')
  block(net.Socket.prototype, 'connect', 'socket')
  return {
    attempts,
    uninstall: () => {
      for (const restore of restores.reverse()) restore()
    },
  }
}
