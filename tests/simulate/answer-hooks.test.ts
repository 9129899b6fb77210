// The rule behind every view that answers a request its inputs can outrun: an answer is shown only next to
// the inputs it was asked for. Rendered with React in jsdom, recording what *every* render would show — the
// render right after the citizen moves the pin included, before any effect has run.
import { act, createElement, type ReactElement } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import type { ApiResult } from '../../shared/contracts/result'
import type { ReportPreview } from '../../shared/contracts/cases'
import type { ReportDraft } from '../../miniprogram/src/services/draft'
import { answerFor, useLatestWins } from '../../miniprogram/src/hooks/use-answer'
import { useReportPreview } from '../../miniprogram/src/hooks/use-report-preview'
import { previewAnswer } from './harness'

// jest.mock is hoisted above the imports: the hook asks this fake service.
const asked: Array<{ lat: number; answer: (r: ApiResult<ReportPreview>) => void }> = []
jest.mock('../../miniprogram/src/services/cases', () => ({
  previewReport: (input: { location: { lat: number } }) =>
    new Promise((resolve) => asked.push({ lat: input.location.lat, answer: resolve })),
}))
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

const preview = (unit: string) => previewAnswer(unit) as unknown as ApiResult<ReportPreview>

function draftAt(lat: number, lng: number): ReportDraft {
  return {
    version: 1,
    clientRequestId: 'req-1',
    requestType: 'complaint',
    category: 'noise',
    source: null,
    description: '',
    photos: [],
    position: { lat, lng, coordSystem: 'gcj02' },
    address: '',
    occurredAt: null,
    reportedEntity: '',
    reporterMode: 'real-name',
    name: '',
    phone: '',
    consent: false,
    savedAt: null,
  }
}

/** What each render showed: the position on the form and the unit in the preview (or its status). */
const renders: Array<{ lat: number; shows: string }> = []
function Probe({ draft }: { draft: ReportDraft }): ReactElement | null {
  const { state } = useReportPreview(draft)
  renders.push({
    lat: draft.position!.lat,
    shows: state.status === 'ready' ? (state.data.routing.unit?.name ?? '') : state.status,
  })
  return null
}

let root: Root
beforeEach(() => {
  jest.useFakeTimers()
  asked.length = 0
  renders.length = 0
  root = createRoot(document.createElement('div'))
})
afterEach(() => {
  act(() => root.unmount())
  jest.useRealTimers()
})

test('after the pin moves, no render shows the old place’s unit: loading until the new place is answered', async () => {
  act(() => root.render(createElement(Probe, { draft: draftAt(35.29958, 113.27638) })))
  act(() => void jest.advanceTimersByTime(600))
  await act(async () => asked[0]!.answer(preview('山阳区分局')))
  expect(renders.at(-1)).toEqual({ lat: 35.29958, shows: '山阳区分局' })

  const before = renders.length
  act(() => root.render(createElement(Probe, { draft: draftAt(35.09, 113.4) })))
  act(() => void jest.advanceTimersByTime(600))
  expect(asked.map((a) => a.lat)).toEqual([35.29958, 35.09])
  const whileAsking = renders.slice(before)
  expect(whileAsking.length).toBeGreaterThan(0)
  expect(whileAsking.every((r) => r.lat === 35.09 && r.shows === 'loading')).toBe(true)

  await act(async () => asked[1]!.answer(preview('武陟县分局')))
  expect(renders.at(-1)).toEqual({ lat: 35.09, shows: '武陟县分局' })
})

test('an answer that arrives after the inputs changed again is never shown', async () => {
  act(() => root.render(createElement(Probe, { draft: draftAt(35.29958, 113.27638) })))
  act(() => void jest.advanceTimersByTime(600))
  act(() => root.render(createElement(Probe, { draft: draftAt(35.09, 113.4) })))
  act(() => void jest.advanceTimersByTime(600))
  // The first place's answer comes back last-but-one: the form is elsewhere by now.
  await act(async () => asked[0]!.answer(preview('山阳区分局')))
  expect(renders.some((r) => r.shows === '山阳区分局')).toBe(false)
  expect(renders.at(-1)!.shows).toBe('loading')
  await act(async () => asked[1]!.answer(preview('武陟县分局')))
  expect(renders.at(-1)).toEqual({ lat: 35.09, shows: '武陟县分局' })
})

test.each([
  ['no inputs yet', 'idle', null, 0, null],
  ['answered for other inputs', 'loading', 'B', 0, { key: 'A', attempt: 0 }],
  ['answered for an earlier try', 'loading', 'A', 1, { key: 'A', attempt: 0 }],
  ['answered for these inputs', 'ready', 'A', 0, { key: 'A', attempt: 0 }],
] as const)('answerFor: %s → %s', (_what, status, key, attempt, settled) => {
  const s = settled ? { ...settled, result: { ok: true as const, data: 1 } } : null
  expect(answerFor(key, attempt, s).status).toBe(status)
})

test('latest wins: a load started before an action never replaces what the action returned', () => {
  let begin: ReturnType<typeof useLatestWins> | null = null
  function Holder(): null {
    begin = useLatestWins()
    return null
  }
  act(() => root.render(createElement(Holder)))
  const load = begin!()
  const action = begin!()
  expect(action.apply()).toBe(true) // the action's answer lands first
  expect(load.apply()).toBe(false) // the slower, older load is dropped
  expect(load.isLatest()).toBe(false)
  const refresh = begin!()
  expect(refresh.isLatest()).toBe(true)
  expect(refresh.apply()).toBe(true)
})
