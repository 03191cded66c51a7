import { describe, expect, it } from 'vitest'

import { DEFAULT_GENERATION_OPTIONS } from '../../ui/runware/generation-options'
import { EndpointSchema } from '../../ui/state/settings'
import type { RunRequest } from '../../ui/generation/run-controller'
import { isTagRefusal, UNTAGGED_NOTE } from '../../ui/generation/tag-refusal'
import { createUploadCache } from '../../ui/generation/upload-cache'
import { RunwareError } from '../../ui/runware/errors'
import { fakePng } from './fixtures'
import { setupRunController } from './run-controller-world'

// Tagged references refused by Runware before it accepted the task: the run goes once more
// with plain strings, each @tag said by its position, as a new task, and says so once.

const refused = () =>
  new RunwareError({
    kind: 'validation',
    message: 'Runware refused the reference images.',
    detail: 'invalidReferenceImages · Each item must be a string.',
    code: 'invalidReferenceImages',
    field: 'inputs.referenceImages',
  })

const setup = () => setupRunController({ uploadCache: createUploadCache() })

const request = (prompt: string): RunRequest => ({
  apiKey: 'rw-test-key-0000',
  consentGiven: true,
  references: [
    { nodeId: '1:2', bytes: fakePng(800, 600, 500) },
    { nodeId: '1:3', bytes: fakePng(600, 800, 501) },
  ],
  tags: ['sunsetdunes', 'tidalblue'],
  prompt,
  size: { width: 1440, height: 1080 },
  count: 1,
  options: DEFAULT_GENERATION_OPTIONS,
  endpoint: EndpointSchema.parse({}),
})

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 1))
  expect(check()).toBe(true)
}

describe('tagged references', () => {
  it('are sent with their tags only when the prompt names one, and recorded on the node', async () => {
    const { controller, runware, of } = setup()
    const plain = controller.start(request('dunes by the sea'))
    await until(() => runware.requests.length === 1)
    expect(runware.requests[0]!.referenceTags).toBeUndefined()
    runware.emit()
    runware.finish()
    await plain
    expect(of('place-result')[0]!.record.referenceTags).toBeUndefined()

    const tagged = controller.start(request('@sunsetdunes under @tidalblue skies'))
    await until(() => runware.requests.length === 2)
    expect(runware.requests[1]).toMatchObject({ prompt: '@sunsetdunes under @tidalblue skies', referenceTags: ['sunsetdunes', 'tidalblue'] })
    runware.emit()
    runware.finish()
    await tagged
    expect(of('place-result')[1]!.record).toMatchObject({ prompt: '@sunsetdunes under @tidalblue skies', referenceTags: ['sunsetdunes', 'tidalblue'] })
  })

  it('refused before the task ran: sent once more as strings with positions, a new task, said once', async () => {
    const { controller, runware, of } = setup()
    const run = controller.start(request('@sunsetdunes under @tidalblue skies'))
    await until(() => runware.requests.length === 1)
    runware.fail(refused())
    await until(() => runware.requests.length === 2)
    const again = runware.requests[1]!
    expect(again.referenceTags).toBeUndefined()
    expect(again.prompt).toBe('the first image under the second image skies')
    expect(again.referenceImages).toEqual(runware.requests[0]!.referenceImages)
    expect(again.taskUUID).not.toBe(runware.requests[0]!.taskUUID)
    runware.emit()
    runware.finish()
    expect(await run).toEqual({ ok: true, outcome: 'done' })
    expect(controller.run.value!.notes.filter((note) => note === UNTAGGED_NOTE)).toHaveLength(1)
    expect(of('task-sent').map((m) => m.taskUUID)).toEqual([runware.requests[0]!.taskUUID, again.taskUUID])
    // the node keeps the designer's own prompt and tags, for Reuse
    expect(of('place-result')[0]!.record).toMatchObject({ prompt: '@sunsetdunes under @tidalblue skies', referenceTags: ['sunsetdunes', 'tidalblue'] })
  })

  it('falls back only once: a second refusal fails the run', async () => {
    const { controller, runware } = setup()
    const run = controller.start(request('@tidalblue'))
    await until(() => runware.requests.length === 1)
    runware.fail(refused())
    await until(() => runware.requests.length === 2)
    runware.fail(refused())
    expect(await run).toEqual({ ok: true, outcome: 'failed' })
    expect(runware.requests).toHaveLength(2)
  })

  it('does not resend an untagged run refused the same way', async () => {
    const { controller, runware } = setup()
    const run = controller.start(request('plain dunes'))
    await until(() => runware.requests.length === 1)
    runware.fail(refused())
    expect(await run).toEqual({ ok: true, outcome: 'failed' })
    expect(runware.requests).toHaveLength(1)
  })

  it('recognises a validation error naming referenceImages', () => {
    expect(isTagRefusal(refused())).toBe(true)
    expect(isTagRefusal(new RunwareError({ kind: 'validation', message: 'x', field: 'positivePrompt' }))).toBe(false)
    expect(isTagRefusal(new RunwareError({ kind: 'server', message: 'x', field: 'inputs.referenceImages' }))).toBe(false)
    expect(isTagRefusal(null)).toBe(false)
  })

  it('an unknown upload on a tagged run: sent untagged, then uploaded again, each a new task', async () => {
    const { controller, runware } = setup()
    const run = controller.start(request('@tidalblue'))
    await until(() => runware.requests.length === 1)
    const unknown = (uuid: string) =>
      new RunwareError({
        kind: 'validation',
        message: 'x',
        detail: `No uploaded or generated image has the UUID ${uuid}.`,
        code: 'invalidReferenceImages',
        field: 'inputs.referenceImages',
      })
    runware.fail(unknown('uploaded-1'))
    await until(() => runware.requests.length === 2)
    expect(runware.requests[1]!.referenceTags).toBeUndefined()
    runware.fail(unknown('uploaded-1'))
    await until(() => runware.requests.length === 3)
    expect(runware.uploads.length).toBeGreaterThan(2)
    runware.emit()
    runware.finish()
    expect(await run).toEqual({ ok: true, outcome: 'done' })
    expect(new Set(runware.requests.map((r) => r.taskUUID)).size).toBe(3)
  })
})
