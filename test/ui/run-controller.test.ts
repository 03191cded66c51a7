import { describe, expect, it, vi } from 'vitest'

import { DEFAULT_GENERATION_OPTIONS } from '../../ui/runware/generation-options'
import type { PendingRun, UiToPlugin } from '../../src/common/protocol'
import { EndpointSchema } from '../../ui/state/settings'
import { createBridge } from '../../ui/bridge/bridge'
import { createRunController, NOT_SAVED_NOTE, type RunRequest } from '../../ui/generation/run-controller'
import { CANCEL_PLACE_WAIT_MS, NOT_PLACED_IN_TIME } from '../../ui/generation/run-placements'
import { progressText } from '../../ui/generation/run-state'
import { createImagePipeline } from '../../ui/image/image-pipeline'
import { readImageInfo } from '../../ui/image/image-info'
import { interruptedError, networkError, RunwareError } from '../../ui/runware/errors'
import { dataUri, fakeCodec, fakeJpeg, fakePng, fakeWebp, toBase64 } from './fixtures'
import { NOW, setupRunController } from './run-controller-world'
import { scriptedRunware } from './scripted-runware'

// The run controller through its world (run-controller-world.ts): a scripted Runware and sandbox.

const KEY = 'rw-test-key-0000'

const reference = fakePng(800, 600, 500)

function request(overrides: Partial<RunRequest> = {}): RunRequest {
  return {
    apiKey: KEY,
    consentGiven: true,
    references: [{ nodeId: '1:2', bytes: reference }],
    prompt: '  A foggy harbour, morning light  ',
    size: { width: 1440, height: 1080 },
    count: 3,
    options: DEFAULT_GENERATION_OPTIONS,
    endpoint: EndpointSchema.parse({}),
    ...overrides,
  }
}

describe('run controller', () => {
  it('places each result as it arrives, in arrival order, with its generation record', async () => {
    const { controller, runware, types, of } = setupRunController()
    const done = controller.start(request())
    await vi.waitFor(() => expect(runware.started).toBe(true))
    expect(types()).toEqual(['run-start', 'task-sent'])
    expect(of('run-start')[0]!.plan).toMatchObject({ prompt: 'A foggy harbour, morning light', count: 3, referenceNodeIds: ['1:2'] })

    runware.emit()
    await vi.waitFor(() => expect(controller.run.value!.slots[0]).toEqual({ status: 'placed', nodeId: 'node:0' }))
    // the first image is on the canvas while the others are still on their way
    expect(controller.run.value!.slots.slice(1).map((s) => s.status)).toEqual(['waiting', 'waiting'])
    expect(progressText(controller.run.value!)).toBe('Generating 2 of 3…')

    runware.emit({ imageDataURI: undefined, imageBase64Data: toBase64(fakeJpeg(1440, 1080)) })
    runware.emit({ imageDataURI: undefined, imageURL: 'https://im.runware.ai/image-3.jpg' })
    runware.finish()
    await expect(done).resolves.toEqual({ ok: true, outcome: 'done' })

    expect(types()).toEqual(['run-start', 'task-sent', 'place-result', 'place-result', 'place-result', 'run-end'])
    const placed = of('place-result')
    expect(placed.map((m) => [m.index, m.record.imageUUID, m.record.seed])).toEqual([
      [0, 'image-1', 1001],
      [1, 'image-2', 1002],
      [2, 'image-3', 1003],
    ])
    expect(placed[0]!.record).toEqual({
      version: 1,
      runId: of('run-start')[0]!.plan.runId,
      index: 0,
      prompt: 'A foggy harbour, morning light',
      width: 1440,
      height: 1080,
      model: 'runway:4@2',
      seed: 1001,
      taskUUID: runware.requests[0]!.taskUUID,
      imageUUID: 'image-1',
      cost: 0.02,
      outputFormat: 'JPG',
      referenceNodeIds: ['1:2'],
      createdAt: NOW.toISOString(),
      numberResults: 3,
    })
    expect(readImageInfo(placed[1]!.image)).toEqual({ format: 'JPEG', width: 1440, height: 1080 })
    expect(readImageInfo(placed[2]!.image)).toMatchObject({ format: 'PNG' }) // fetched from the URL
    expect(of('run-end')[0]).toMatchObject({ outcome: 'done' })
    expect(progressText(controller.run.value!)).toBe('Done: 3 images placed')
  })

  it('posts each result the moment it is ready, without waiting for the sandbox to place the one before', async () => {
    const { controller, runware, of, release } = setupRunController({ holdReplies: true })
    const done = controller.start(request())
    await vi.waitFor(() => expect(of('run-start')).toHaveLength(1))
    release()
    await vi.waitFor(() => expect(runware.started).toBe(true))

    runware.emit()
    await vi.waitFor(() => expect(of('place-result')).toHaveLength(1))
    // the sandbox has not answered for the first yet: the second is posted all the same
    runware.emit()
    await vi.waitFor(() => expect(of('place-result')).toHaveLength(2))
    expect(controller.run.value!.slots.map((s) => s.status)).toEqual(['waiting', 'waiting', 'waiting'])
    expect(of('place-result').map((m) => m.index)).toEqual([0, 1])

    runware.emit()
    runware.finish()
    await vi.waitFor(() => expect(of('place-result')).toHaveLength(3))
    // the run ends only once the sandbox has confirmed every one
    expect(of('run-end')).toHaveLength(0)
    release()
    await expect(done).resolves.toEqual({ ok: true, outcome: 'done' })
    expect(controller.run.value!.slots).toEqual([0, 1, 2].map((i) => ({ status: 'placed', nodeId: `node:${i}` })))
    expect(of('place-result').map((m) => m.record.imageUUID)).toEqual(['image-1', 'image-2', 'image-3'])
  })

  it('looks the references up while the sandbox makes the placeholders, and sends the task only after both', async () => {
    const { controller, runware, types, release } = setupRunController({ holdReplies: true })
    const done = controller.start(request())
    // run-started has not come back, yet the reference is already being uploaded
    await vi.waitFor(() => expect(runware.uploads).toHaveLength(1))
    expect(types()).toEqual(['run-start'])
    expect(runware.started).toBe(false)
    release()
    await vi.waitFor(() => expect(types()).toEqual(['run-start', 'task-sent']))
    release() // task-saved
    await vi.waitFor(() => expect(runware.started).toBe(true))
    expect(runware.requests[0]!.referenceImages).toEqual(['uploaded-1'])
    runware.emit()
    runware.emit()
    runware.emit()
    runware.finish()
    await vi.waitFor(() => expect(types().filter((t) => t === 'place-result')).toHaveLength(3))
    release()
    await expect(done).resolves.toEqual({ ok: true, outcome: 'done' })
  })

  it('hashes a reference once, when it is prepared, not again when Generate is clicked', async () => {
    const hashed: Uint8Array[] = []
    const { controller, runware } = setupRunController({ hash: (bytes) => (hashed.push(bytes), `hash-${hashed.length}`) })
    controller.prepare(reference)
    await vi.waitFor(() => expect(hashed).toEqual([reference]))
    const done = controller.start(request({ count: 1 }))
    await vi.waitFor(() => expect(runware.started).toBe(true))
    runware.emit()
    runware.finish()
    await expect(done).resolves.toEqual({ ok: true, outcome: 'done' })
    expect(hashed).toHaveLength(1)
  })

  it('sends no task and ends failed when the sandbox cannot make the placeholders', async () => {
    const sent: UiToPlugin[] = []
    const bridge = createBridge({
      warn: () => undefined,
      port: {
        post(message) {
          sent.push(message)
          if (message.type === 'run-start') queueMicrotask(() => bridge.receive({ type: 'request-failed', requestId: message.requestId, message: 'No room on this page' }))
        },
      },
    })
    const runware = scriptedRunware()
    const controller = createRunController({
      bridge,
      generatorFor: () => runware.generator,
      pipeline: createImagePipeline(fakeCodec().codec),
      fetchBytes: async () => fakePng(10, 10),
      clock: { now: () => NOW },
    })
    await expect(controller.start(request())).resolves.toEqual({ ok: true, outcome: 'failed' })
    expect(controller.run.value!.error?.message).toContain('No room on this page')
    expect(runware.started).toBe(false)
    expect(runware.signals).toEqual([])
    expect(sent.map((m) => m.type)).toEqual(['run-start', 'run-end'])
  })

  it('asks Runware for exactly what the form says', async () => {
    const { controller, runware } = setupRunController()
    const done = controller.start(request({ count: 2, size: { width: 720, height: 1280 } }))
    await vi.waitFor(() => expect(runware.started).toBe(true))
    expect(runware.requests[0]).toMatchObject({
      prompt: 'A foggy harbour, morning light',
      width: 720,
      height: 1280,
      numberResults: 2,
      referenceImages: ['uploaded-1'],
      options: DEFAULT_GENERATION_OPTIONS,
    })
    expect(runware.signals[0]).toBeInstanceOf(AbortSignal)
    runware.finish()
    await done
  })

  it('transcodes a WEBP result to PNG before it goes to the sandbox', async () => {
    const { controller, runware, of } = setupRunController()
    const done = controller.start(request({ count: 1 }))
    await vi.waitFor(() => expect(runware.started).toBe(true))
    runware.emit({ imageDataURI: dataUri(fakeWebp(1920, 1080), 'image/webp') })
    runware.finish()
    await done
    expect(readImageInfo(of('place-result')[0]!.image)).toEqual({ format: 'PNG', width: 1920, height: 1080 })
  })

  it('reports a result that cannot be placed and carries on with the rest', async () => {
    const { controller, runware, of } = setupRunController({ failPlacing: (index) => (index === 2 ? 'The page was closed' : null) })
    const done = controller.start(request())
    await vi.waitFor(() => expect(runware.started).toBe(true))
    runware.emit()
    runware.emit({ imageDataURI: 'data:image/jpeg;base64,bm90IGFuIGltYWdl' }) // "not an image"
    runware.emit()
    runware.finish()
    await expect(done).resolves.toEqual({ ok: true, outcome: 'done' })

    expect(controller.run.value!.slots.map((s) => s.status)).toEqual(['placed', 'failed', 'failed'])
    expect(of('result-failed')).toEqual([
      expect.objectContaining({ index: 1, message: 'Runware sent an image the plugin could not read' }),
      expect.objectContaining({ index: 2, message: 'The page was closed' }),
    ])
    expect(of('place-result').map((m) => m.index)).toEqual([0, 2])
    expect(progressText(controller.run.value!)).toBe('Done: 1 of 3 placed, 2 failed: Runware sent an image the plugin could not read The page was closed')
  })

  it('gives a generation Runware reports failed its own slot, in arrival order, and places the rest', async () => {
    const { controller, runware, of } = setupRunController()
    const done = controller.start(request())
    await vi.waitFor(() => expect(runware.started).toBe(true))
    runware.emit()
    runware.failOne(new RunwareError({ kind: 'timeout', message: 'The image model took too long to answer.' }))
    runware.emit()
    runware.finish()
    await expect(done).resolves.toEqual({ ok: true, outcome: 'done' })

    expect(controller.run.value!.slots.map((s) => s.status)).toEqual(['placed', 'failed', 'placed'])
    // the sandbox is told, so the placeholder of the failed one goes
    expect(of('result-failed')).toEqual([expect.objectContaining({ index: 1, message: 'The image model took too long to answer.' })])
    expect(of('place-result').map((m) => m.index)).toEqual([0, 2])
    expect(progressText(controller.run.value!)).toBe('Done: 2 of 3 placed, 1 failed: The image model took too long to answer.')
  })

  it('on cancel keeps what arrived, places nothing after, and ends the run as cancelled', async () => {
    const { controller, runware, types, of } = setupRunController()
    const done = controller.start(request({ count: 4 }))
    await vi.waitFor(() => expect(runware.started).toBe(true))
    runware.emit()
    await vi.waitFor(() => expect(controller.run.value!.slots[0]!.status).toBe('placed'))

    controller.cancel()
    expect(runware.signals[0]!.aborted).toBe(true)
    // a result Runware sends anyway after the cancel is not placed
    runware.emit()
    // and this generator ignores the abort entirely: the run must still end
    await expect(done).resolves.toEqual({ ok: true, outcome: 'cancelled' })

    expect(types()).toEqual(['run-start', 'task-sent', 'place-result', 'run-end'])
    expect(of('run-end')[0]).toMatchObject({ outcome: 'cancelled' })
    expect(controller.run.value!.slots.map((s) => s.status)).toEqual(['placed', 'cancelled', 'cancelled', 'cancelled'])
    expect(progressText(controller.run.value!)).toBe(
      'Cancelled: 1 of 4 placed. Runware may still bill for work it had already started.',
    )
  })

  it('uploads a reference once and reuses its imageUUID while the bytes are unchanged', async () => {
    const { controller, runware } = setupRunController()
    const runs = [reference, reference.slice(), fakePng(800, 600, 501)]
    for (const [n, bytes] of runs.entries()) {
      const done = controller.start(request({ count: 1, references: [{ nodeId: '1:2', bytes }] }))
      await vi.waitFor(() => expect(runware.requests).toHaveLength(n + 1))
      runware.emit()
      runware.finish()
      await done
    }
    expect(runware.uploads).toHaveLength(2)
    expect(runware.uploads[0]).toBe(dataUri(reference))
    expect(runware.requests.map((r) => r.referenceImages)).toEqual([['uploaded-1'], ['uploaded-1'], ['uploaded-2']])
  })

  it('uploads the same frame selected twice only once', async () => {
    const { controller, runware } = setupRunController()
    const twice = [{ nodeId: '1:2', bytes: reference }, { nodeId: '1:3', bytes: reference.slice() }]
    const done = controller.start(request({ count: 1, references: twice }))
    await vi.waitFor(() => expect(runware.started).toBe(true))
    expect(runware.uploads).toHaveLength(1)
    expect(runware.requests[0]!.referenceImages).toEqual(['uploaded-1', 'uploaded-1'])
    runware.finish()
    await done
  })

  it('sends a reference inline when its upload fails, and says so', async () => {
    const { controller, runware } = setupRunController()
    runware.failUploads()
    const other = fakePng(600, 800, 300)
    const refs = [{ nodeId: '1:2', bytes: reference }, { nodeId: '1:3', bytes: other }]
    const done = controller.start(request({ count: 1, references: refs }))
    await vi.waitFor(() => expect(runware.started).toBe(true))
    expect(runware.requests[0]!.referenceImages).toEqual([dataUri(reference), dataUri(other)])
    expect(controller.run.value!.notes).toEqual(['References 1 and 2 are sent inline: their upload failed'])
    runware.finish()
    await done
  })

  it('ends a run Runware refuses as failed, with the reason in words and no key in sight', async () => {
    const { controller, runware, of } = setupRunController()
    const done = controller.start(request())
    await vi.waitFor(() => expect(runware.started).toBe(true))
    runware.status({ kind: 'retrying', inMs: 3600, attempt: 1, reason: 'busy' })
    expect(progressText(controller.run.value!)).toBe('Runware is busy, retrying in 4 s')
    runware.fail(new RunwareError({ kind: 'auth', code: 'invalidApiKey', message: 'Runware did not accept this API key.', detail: `key ${KEY} is invalid` }))
    await expect(done).resolves.toEqual({ ok: true, outcome: 'failed' })
    expect(of('run-end')[0]).toMatchObject({ outcome: 'failed' })
    const error = controller.run.value!.error!
    expect(error.message).toBe('Runware did not accept this API key.')
    expect(error.detail).toBe('invalidApiKey: key [api key] is invalid')
  })

  it('sends the task only once the sandbox has saved it for recovery', async () => {
    const { controller, runware, types, release } = setupRunController({ holdReplies: true, saveTimeoutMs: 10_000 })
    void controller.start(request())
    await vi.waitFor(() => expect(types()).toContain('run-start'))
    release() // the placeholders
    await vi.waitFor(() => expect(types()).toContain('task-sent'))
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(runware.started).toBe(false)
    release() // task-saved
    await vi.waitFor(() => expect(runware.started).toBe(true))
    expect(controller.run.value!.notes).toEqual([])
  })

  it.each(['refused', 'silent'] as const)('goes on when the sandbox %s the recovery entry, and says the run cannot be recovered', async (saveTask) => {
    const { controller, runware } = setupRunController({ saveTask })
    const done = controller.start(request({ count: 1 }))
    await vi.waitFor(() => expect(runware.started).toBe(true))
    expect(controller.run.value!.notes).toEqual([NOT_SAVED_NOTE])
    runware.emit()
    runware.finish()
    await expect(done).resolves.toEqual({ ok: true, outcome: 'done' })
  })

  it('ends a run whose connection was lost as interrupted: placed images stay, the rest is handed on for recovery', async () => {
    const kept: PendingRun[] = []
    const { controller, runware, of } = setupRunController({ onInterrupted: (run) => kept.push(run) })
    const done = controller.start(request({ count: 3 }))
    await vi.waitFor(() => expect(runware.started).toBe(true))
    runware.emit()
    await vi.waitFor(() => expect(controller.run.value!.slots[0]!.status).toBe('placed'))
    runware.fail(interruptedError(networkError('Connection lost and not resumed')))
    await expect(done).resolves.toEqual({ ok: true, outcome: 'interrupted' })
    expect(of('run-end')).toEqual([expect.objectContaining({ outcome: 'interrupted' })])
    const run = controller.run.value!
    expect(run.error).toBeNull()
    expect(run.slots.map((slot) => slot.status)).toEqual(['placed', 'interrupted', 'interrupted'])
    expect(progressText(run)).toBe(
      'Connection lost — 1 of 3 placed. The other images are kept at Runware; the plugin will fetch them when Runware is reachable again.',
    )
    expect(kept).toEqual([
      { taskUUID: runware.requests[0]!.taskUUID, plan: of('run-start')[0]!.plan, placedImageUUIDs: ['image-1'], sentAt: NOW.getTime() },
    ])
  })

  it('ends a run refused before it was accepted as failed, and hands nothing on for recovery', async () => {
    const kept: PendingRun[] = []
    const { controller, runware, of } = setupRunController({ onInterrupted: (run) => kept.push(run) })
    const done = controller.start(request())
    await vi.waitFor(() => expect(runware.started).toBe(true))
    runware.fail(new RunwareError({ kind: 'credits', status: 402, message: 'Your Runware balance is too low.' }))
    await expect(done).resolves.toEqual({ ok: true, outcome: 'failed' })
    expect(of('run-end')).toEqual([expect.objectContaining({ outcome: 'failed' })])
    expect(kept).toEqual([])
  })

  it('marks slots Runware never filled as failed when it returns fewer images', async () => {
    const { controller, runware, of } = setupRunController()
    const done = controller.start(request({ count: 2 }))
    await vi.waitFor(() => expect(runware.started).toBe(true))
    runware.emit()
    runware.finish()
    await done
    expect(of('result-failed')).toEqual([expect.objectContaining({ index: 1, message: 'Runware returned fewer images than requested' })])
  })

  it.each([
    ['no key', { apiKey: null }, 'Add your Runware API key first'],
    ['no consent', { consentGiven: false }, 'Confirm the note about Runware first'],
    ['no references', { references: [] }, 'Select 1 to 3 frames to use as references'],
    ['too many references', { references: ['a', 'b', 'c', 'd'].map((nodeId) => ({ nodeId, bytes: reference })) }, 'Select at most 3 frames'],
    ['a reference still exporting', { references: [{ nodeId: '1:2' }] }, 'Waiting for the reference images…'],
    ['a blank prompt', { prompt: '   ' }, 'The prompt is only spaces: describe what you want'],
    ['a long prompt', { prompt: 'x'.repeat(1001) }, 'The prompt is 1 character too long (at most 1000)'],
    ['a size the model refuses', { size: { width: 1000, height: 1000 } }, 'Pick one of the listed sizes'],
    ['too many results', { count: 21 }, 'Choose between 1 and 20 results'],
  ])('refuses to start with %s, and sends nothing', async (_name, overrides, message) => {
    const { controller, sent, generatorFor } = setupRunController()
    await expect(controller.start(request(overrides as Partial<RunRequest>))).resolves.toEqual({ ok: false, message })
    expect(sent).toEqual([])
    expect(generatorFor).not.toHaveBeenCalled()
    expect(controller.run.value).toBeNull()
  })

  it('refuses a second run while one is going', async () => {
    const { controller, runware } = setupRunController()
    const first = controller.start(request({ count: 1 }))
    await expect(controller.start(request())).resolves.toEqual({ ok: false, message: 'A run is already in progress' })
    await vi.waitFor(() => expect(runware.started).toBe(true))
    runware.emit()
    runware.finish()
    await first
  })
})

describe('cancel keeps what arrived', () => {
  /** A download the test finishes when it says. */
  function slowDownload() {
    let finish: (bytes: Uint8Array) => void = () => undefined
    const bytes = new Promise<Uint8Array>((resolve) => (finish = resolve))
    return { bytes, finish: () => finish(fakePng(1440, 1080)) }
  }

  it('places a result still downloading when Cancel is pressed, and ends the run only after it', async () => {
    const { controller, runware, types, fetchBytes } = setupRunController()
    const download = slowDownload()
    fetchBytes.mockImplementationOnce(() => download.bytes)
    const done = controller.start(request({ count: 3 }))
    await vi.waitFor(() => expect(runware.started).toBe(true))
    runware.emit({ imageDataURI: undefined, imageURL: 'https://im.runware.ai/image-1.png' })
    await vi.waitFor(() => expect(fetchBytes).toHaveBeenCalledTimes(1))

    controller.cancel()
    // the run waits for the paid image that is on its way
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(types()).toEqual(['run-start', 'task-sent'])
    expect(controller.run.value!.phase).toBe('cancelling')

    download.finish()
    await expect(done).resolves.toEqual({ ok: true, outcome: 'cancelled' })
    expect(types()).toEqual(['run-start', 'task-sent', 'place-result', 'run-end'])
    expect(controller.run.value!.slots.map((s) => s.status)).toEqual(['placed', 'cancelled', 'cancelled'])
    expect(progressText(controller.run.value!)).toBe('Cancelled: 1 of 3 placed. Runware may still bill for work it had already started.')
  })

  it('waits for the sandbox to confirm a result posted before Cancel was pressed', async () => {
    const { controller, runware, types, release } = setupRunController({ holdReplies: true })
    const done = controller.start(request({ count: 2 }))
    await vi.waitFor(() => expect(types()).toContain('run-start'))
    release()
    await vi.waitFor(() => expect(types()).toContain('task-sent'))
    release()
    await vi.waitFor(() => expect(runware.started).toBe(true))
    runware.emit()
    await vi.waitFor(() => expect(types()).toContain('place-result'))

    controller.cancel()
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(types()).not.toContain('run-end')
    release() // result-placed
    await expect(done).resolves.toEqual({ ok: true, outcome: 'cancelled' })
    expect(types().slice(-2)).toEqual(['place-result', 'run-end'])
    expect(controller.run.value!.slots[0]).toEqual({ status: 'placed', nodeId: 'node:0' })
  })

  it(`ends a cancelled run after ${CANCEL_PLACE_WAIT_MS / 1000} s when a result cannot be placed in time, and drops its placeholder`, async () => {
    const { controller, runware, types, of, fetchBytes } = setupRunController()
    const download = slowDownload()
    fetchBytes.mockImplementationOnce(() => download.bytes)
    const done = controller.start(request({ count: 2 }))
    await vi.waitFor(() => expect(runware.started).toBe(true))
    runware.emit({ imageDataURI: undefined, imageURL: 'https://im.runware.ai/image-1.png' })
    await vi.waitFor(() => expect(fetchBytes).toHaveBeenCalledTimes(1))

    vi.useFakeTimers()
    try {
      controller.cancel()
      await vi.advanceTimersByTimeAsync(CANCEL_PLACE_WAIT_MS - 100)
      expect(types()).not.toContain('run-end')
      await vi.advanceTimersByTimeAsync(200)
    } finally {
      vi.useRealTimers()
    }
    await expect(done).resolves.toEqual({ ok: true, outcome: 'cancelled' })
    // the sandbox drops the placeholder before the run ends, and the designer is told why
    expect(types()).toEqual(['run-start', 'task-sent', 'result-failed', 'run-end'])
    expect(of('result-failed')[0]).toMatchObject({ index: 0, message: NOT_PLACED_IN_TIME })
    expect(controller.run.value!.slots).toEqual([{ status: 'failed', message: NOT_PLACED_IN_TIME }, { status: 'cancelled' }])

    // the download finishing later posts nothing for a run that has ended
    download.finish()
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(of('place-result')).toEqual([])
  })
})
