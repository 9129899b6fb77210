// Contract suites for the smaller ports, run against the local adapters and the CloudBase adapters
// (tests/contract/ports.test.ts). What differs by design (URL shapes, label names) stays out of them.
import type { BlobStore, ContentCheck, Notifier, SubscribeMessage } from '../../cloudfunctions/common/ports'

export interface BlobStoreHarness {
  blobs: BlobStore
  /** A well-formed file id of this store's kind for a file that does not exist. */
  missingId: string
  /** A file id of another store's kind. */
  foreignId: string
  close(): Promise<void>
}

export function describeBlobStoreContract(name: string, factory: () => Promise<BlobStoreHarness>): void {
  describe(name, () => {
    let h: BlobStoreHarness
    beforeEach(async () => {
      h = await factory()
    })
    afterEach(async () => {
      await h.close()
    })

    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 1, 2, 3, 250])

    test('put stores the bytes and read returns them', async () => {
      const info = await h.blobs.put('uploads/2026/11/photo-1.jpg', bytes, 'image/jpeg')
      expect(info).toEqual({ fileId: expect.any(String), size: bytes.byteLength, contentType: 'image/jpeg' })
      const back = await h.blobs.read(info.fileId)
      expect(back && Buffer.from(back).equals(Buffer.from(bytes))).toBe(true)
    })

    test('read of a missing or foreign file id is null', async () => {
      await expect(h.blobs.read(h.missingId)).resolves.toBeNull()
      await expect(h.blobs.read(h.foreignId)).resolves.toBeNull()
    })

    test('tempUrls answers for stored files only', async () => {
      const a = await h.blobs.put('uploads/a.jpg', bytes, 'image/jpeg')
      const b = await h.blobs.put('uploads/b.png', bytes, 'image/png')
      const urls = await h.blobs.tempUrls([a.fileId, h.missingId, b.fileId, h.foreignId], 600)
      expect(Object.keys(urls).sort()).toEqual([a.fileId, b.fileId].sort())
      expect(urls[a.fileId]).toEqual(expect.any(String))
      expect(urls[a.fileId]).not.toBe(urls[b.fileId])
      await expect(h.blobs.tempUrls([])).resolves.toEqual({})
    })

    test('remove deletes files; removing again, or a missing file, is fine', async () => {
      const a = await h.blobs.put('uploads/gone.jpg', bytes, 'image/jpeg')
      const keep = await h.blobs.put('uploads/keep.jpg', bytes, 'image/jpeg')
      await h.blobs.remove([a.fileId, h.missingId])
      await expect(h.blobs.read(a.fileId)).resolves.toBeNull()
      await expect(h.blobs.tempUrls([a.fileId])).resolves.toEqual({})
      await expect(h.blobs.remove([a.fileId])).resolves.toBeUndefined()
      await expect(h.blobs.read(keep.fileId)).resolves.not.toBeNull()
    })

    test('unsafe paths are refused', async () => {
      for (const path of ['../escape.jpg', '/abs.jpg', 'a//b.jpg', 'uploads/../../x.jpg', '']) {
        await expect(h.blobs.put(path, bytes, 'image/jpeg')).rejects.toThrow(/invalid blob path/)
      }
    })
  })
}

export interface NotifierHarness {
  notifier: Notifier
  /** Makes `message` deliverable (in the cloud: the user subscribed to its template). */
  allow(message: SubscribeMessage): void
  close(): Promise<void>
}

export function describeNotifierContract(name: string, factory: () => Promise<NotifierHarness>): void {
  describe(name, () => {
    let h: NotifierHarness
    beforeEach(async () => {
      h = await factory()
    })
    afterEach(async () => {
      await h.close()
    })

    const message = (dedupeKey: string): SubscribeMessage => ({
      to: 'o-citizen-1',
      template: 'case-accepted',
      page: 'pages/case/index?id=c1',
      data: { thing1: '噪声扰民', time2: '2026-11-21 10:00' },
      dedupeKey,
    })

    test('a message is delivered once per dedupe key', async () => {
      const first = message('case-c1-accepted')
      h.allow(first)
      h.allow(first)
      await expect(h.notifier.send(first)).resolves.toEqual({ delivered: true })
      await expect(h.notifier.send(first)).resolves.toEqual({ delivered: false, reason: 'duplicate' })
      const other = message('case-c1-closed')
      h.allow(other)
      await expect(h.notifier.send(other)).resolves.toEqual({ delivered: true })
    })

    test('concurrent sends with one key deliver once', async () => {
      const m = message('case-c2-accepted')
      h.allow(m)
      h.allow(m)
      const results = await Promise.all([h.notifier.send(m), h.notifier.send(m)])
      expect(results.filter((r) => r.delivered)).toHaveLength(1)
      expect(results.filter((r) => !r.delivered)).toEqual([{ delivered: false, reason: 'duplicate' }])
    })
  })
}

export interface ContentCheckHarness {
  check: ContentCheck
  /** A text the checker calls risky, and one it sends to review. */
  riskyText: string
  reviewText: string
}

export function describeContentCheckContract(
  name: string,
  factory: () => Promise<ContentCheckHarness>,
): void {
  describe(name, () => {
    let h: ContentCheckHarness
    beforeEach(async () => {
      h = await factory()
    })

    test('ordinary report text passes without a label', async () => {
      await expect(
        h.check.checkText({ text: '工厂夜间排放刺鼻气味，持续两小时', openid: 'o-1', scene: 'report' }),
      ).resolves.toEqual({ verdict: 'pass' })
    })

    test('risky text is risky, with a label', async () => {
      const result = await h.check.checkText({
        text: `请看 ${h.riskyText} 这里`,
        openid: 'o-1',
        scene: 'comment',
      })
      expect(result).toEqual({ verdict: 'risky', label: expect.any(String) })
      expect(result.label).not.toBe('')
    })

    test('doubtful text goes to review', async () => {
      const result = await h.check.checkText({ text: h.reviewText, openid: 'o-1', scene: 'report' })
      expect(result.verdict).toBe('review')
    })

    test('an image check answers a verdict, or pending with a trace id', async () => {
      const result = await h.check.checkImage({
        fileId: 'uploads/2026/photo.jpg',
        url: 'https://example.invalid/photo.jpg',
        openid: 'o-1',
      })
      expect(['pass', 'review', 'risky', 'pending']).toContain(result.verdict)
      if (result.verdict === 'pending') expect(result.traceId).toEqual(expect.stringMatching(/.+/))
    })
  })
}
