// Outgoing JSON POSTs with Node's own http/https (the function runtime's Node has no fetch): the default
// HttpPoster when the runtime brings none (tests bring a fake).
import http from 'node:http'
import https from 'node:https'
import type { HttpAnswer, HttpPoster } from '../ports'

/** Bodies a platform answers with are short acknowledgements; more is cut. */
const MAX_ANSWER_BYTES = 64 * 1024

const nodeHttpPoster: HttpPoster = {
  post(url, body, headers, timeoutMs) {
    return new Promise<HttpAnswer>((resolve, reject) => {
      const target = new URL(url)
      const client = target.protocol === 'http:' ? http : https
      const request = client.request(
        target,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json; charset=utf-8',
            'content-length': Buffer.byteLength(body),
            ...headers,
          },
          timeout: timeoutMs,
        },
        (response) => {
          const chunks: Buffer[] = []
          let size = 0
          response.on('data', (chunk: Buffer) => {
            size += chunk.length
            if (size <= MAX_ANSWER_BYTES) chunks.push(chunk)
          })
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
          )
          response.on('error', reject)
        },
      )
      request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)))
      request.on('error', reject)
      request.end(body)
    })
  },
}

/** The runtime's poster, or Node's. */
export function posterOf(runtime: { http?: HttpPoster }): HttpPoster {
  return runtime.http ?? nodeHttpPoster
}
