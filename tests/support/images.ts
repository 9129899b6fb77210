// Image bytes for upload tests (the real photo is tests/fixtures/photo.jpg).

/** A valid 1×1 PNG. */
export const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)

/** Starts like a JPEG but is bigger than any photo we accept. */
export function oversizedJpeg(bytes: number): Buffer {
  const buf = Buffer.alloc(bytes, 0x20)
  Buffer.from([0xff, 0xd8, 0xff]).copy(buf, 0)
  return buf
}

/** A multipart/form-data body with one file field, for fastify inject(). */
export function multipartBody(
  file: Buffer,
  filename = 'photo.jpg',
  contentType = 'image/jpeg',
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----greenwhistle' + Math.random().toString(16).slice(2)
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  )
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
  return {
    payload: Buffer.concat([head, file, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  }
}
