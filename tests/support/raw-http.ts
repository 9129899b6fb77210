// Raw HTTP over a TCP socket, for requests no HTTP client would send (malformed framing, oversized headers,
// bodies cut short): what a probe from outside sends, and exactly what the server writes back.
import net from 'node:net'
import type { FastifyInstance } from 'fastify'

export interface RawResponse {
  /** `HTTP/1.1 400 Bad Request` */
  statusLine: string
  status: number
  headers: Record<string, string>
  body: string
  /** The body parsed as JSON, or null when it is not JSON. */
  json: unknown
}

/** Starts listening on a free port of 127.0.0.1 (once) and returns the port. */
export async function listenOnce(app: FastifyInstance): Promise<number> {
  if (!app.server.listening) await app.listen({ host: '127.0.0.1', port: 0 })
  return (app.server.address() as net.AddressInfo).port
}

/**
 * Writes `request` and reads until the server closes the connection (send `Connection: close` for requests
 * the server can answer normally). The client never half-closes: Node would drop a pending answer.
 */
export function exchange(port: number, request: string | Buffer, timeoutMs = 5000): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    const timer = setTimeout(() => {
      socket.destroy()
      reject(new Error(`no complete answer within ${timeoutMs} ms: ${Buffer.concat(chunks).toString()}`))
    }, timeoutMs)
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('error', () => {}) // a reset after the answer is the server closing; judged by what was read
    socket.on('close', () => {
      clearTimeout(timer)
      resolve(parse(Buffer.concat(chunks)))
    })
    socket.write(request)
  })
}

/** Opens a connection, writes `request` (a head and the start of a body), then drops the connection. */
export function sendAndDrop(port: number, request: string | Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(request, () => {
        // Let the server read the head and start on the body before the connection goes.
        setTimeout(() => {
          socket.destroy()
          resolve()
        }, 50)
      })
    })
    socket.on('error', reject)
  })
}

function parse(raw: Buffer): RawResponse {
  const split = raw.indexOf('\r\n\r\n')
  const head = (split < 0 ? raw : raw.subarray(0, split)).toString('utf8')
  const [statusLine = '', ...lines] = head.split('\r\n')
  const headers: Record<string, string> = {}
  for (const line of lines) {
    const colon = line.indexOf(':')
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
  }
  const rawBody = split < 0 ? Buffer.alloc(0) : raw.subarray(split + 4)
  const body = (headers['transfer-encoding'] === 'chunked' ? unchunk(rawBody) : rawBody).toString('utf8')
  let json: unknown = null
  try {
    json = JSON.parse(body)
  } catch {
    json = null
  }
  return { statusLine, status: Number(statusLine.split(' ')[1]), headers, body, json }
}

function unchunk(body: Buffer): Buffer {
  const parts: Buffer[] = []
  let at = 0
  for (;;) {
    const eol = body.indexOf('\r\n', at)
    const size = eol < 0 ? 0 : parseInt(body.subarray(at, eol).toString('latin1'), 16)
    if (!(size > 0)) return Buffer.concat(parts)
    parts.push(body.subarray(eol + 2, eol + 2 + size))
    at = eol + 2 + size + 2
  }
}
