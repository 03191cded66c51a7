import { describe, expect, it } from 'vitest'

import { DEFAULT_GENERATION_OPTIONS } from '../../ui/runware/generation-options'
import { EndpointSchema } from '../../ui/state/settings'
import type { RunRequest } from '../../ui/generation/run-controller'
import { createUploadCache } from '../../ui/generation/upload-cache'
import { isUnknownUpload } from '../../ui/generation/unknown-upload'
import { RunwareError } from '../../ui/runware/errors'
import { dataUri, fakePng } from './fixtures'
import { setupRunController } from './run-controller-world'

// A cached upload Runware no longer knows: the run uploads again and sends a new task once,
// and never sends the same taskUUID twice.

const unknownUuid = (uuid: string) =>
  new RunwareError({
    kind: 'validation',
    message: 'Runware refused the reference images. Check them, then try again.',
    detail: `invalidReferenceImages · Invalid value for inputs.referenceImages. inputs.referenceImages[0]: No uploaded or generated image has the UUID ${uuid}.`,
    code: 'invalidReferenceImages',
    field: 'inputs.referenceImages',
  })

const setup = () => setupRunController({ uploadCache: createUploadCache() })

const reference = fakePng(800, 600, 500)
const request = (): RunRequest => ({
  apiKey: 'rw-test-key-0000',
  consentGiven: true,
  references: [{ nodeId: '1:2', bytes: reference }],
  prompt: 'A foggy harbour',
  size: { width: 1440, height: 1080 },
  count: 1,
  options: DEFAULT_GENERATION_OPTIONS,
  endpoint: EndpointSchema.parse({}),
})

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 1))
  expect(check()).toBe(true)
}

describe('an unknown upload UUID', () => {
  it('is recognised only from invalidReferenceImages naming a UUID, when a UUID was sent', () => {
    expect(isUnknownUpload(unknownUuid('u-1'), ['u-1'])).toBe(true)
    expect(isUnknownUpload(unknownUuid('u-1'), [dataUri(reference)])).toBe(false)
    const aspect = new RunwareError({ kind: 'validation', message: 'x', detail: 'invalidReferenceImages · aspect ratio must be between 0.5 and 2', code: 'invalidReferenceImages' })
    expect(isUnknownUpload(aspect, ['u-1'])).toBe(false)
    expect(isUnknownUpload(new RunwareError({ kind: 'server', message: 'UUID', code: 'serverError' }), ['u-1'])).toBe(false)
    expect(isUnknownUpload(null, ['u-1'])).toBe(false)
  })

  it('forgets the cached UUID, uploads again and sends a new task once', async () => {
    const { controller, runware, of } = setup()
    const first = controller.start(request())
    await until(() => runware.requests.length === 1)
    runware.emit()
    runware.finish()
    expect(await first).toEqual({ ok: true, outcome: 'done' })
    expect(runware.uploads).toHaveLength(1)

    // the next run finds the UUID in the cache, and Runware no longer knows it
    const second = controller.start(request())
    await until(() => runware.requests.length === 2)
    expect(runware.requests[1]!.referenceImages).toEqual(['uploaded-1'])
    expect(runware.uploads).toHaveLength(1)
    runware.fail(unknownUuid('uploaded-1'))
    await until(() => runware.requests.length === 3)
    expect(runware.uploads).toHaveLength(2)
    const retry = runware.requests[2]!
    expect(retry.referenceImages).toEqual(['uploaded-2'])
    expect(retry.taskUUID).not.toBe(runware.requests[1]!.taskUUID)
    runware.emit()
    runware.finish()
    expect(await second).toEqual({ ok: true, outcome: 'done' })
    // the sandbox's pending entry follows the task that was actually run
    expect(of('task-sent').slice(-2).map((m) => m.taskUUID)).toEqual([runware.requests[1]!.taskUUID, retry.taskUUID])
    expect(of('place-result').at(-1)!.record.taskUUID).toBe(retry.taskUUID)
    // the fresh upload is what the cache now holds
    const third = controller.start(request())
    await until(() => runware.requests.length === 4)
    expect(runware.requests[3]!.referenceImages).toEqual(['uploaded-2'])
    runware.emit()
    runware.finish()
    await third
  })

  it('fails the run when the retry is refused too, after exactly two tasks', async () => {
    // a fresh upload Runware does not know either: one retry, then the run fails
    const { controller, runware } = setup()
    const run = controller.start(request())
    await until(() => runware.requests.length === 1)
    runware.fail(unknownUuid('uploaded-1'))
    await until(() => runware.requests.length === 2)
    runware.fail(unknownUuid('uploaded-2'))
    expect(await run).toEqual({ ok: true, outcome: 'failed' })
    expect(runware.requests).toHaveLength(2)
    expect(new Set(runware.requests.map((r) => r.taskUUID)).size).toBe(2)
    expect(controller.run.value?.error?.message).toMatch(/reference/i)
  })

  it('does not retry once a result of the task has arrived', async () => {
    const { controller, runware } = setup()
    const run = controller.start({ ...request(), count: 2 })
    await until(() => runware.requests.length === 1)
    runware.emit()
    runware.fail(unknownUuid('uploaded-1'))
    expect(await run).toEqual({ ok: true, outcome: 'failed' })
    expect(runware.requests).toHaveLength(1)
    expect(runware.uploads).toHaveLength(1)
  })
})
