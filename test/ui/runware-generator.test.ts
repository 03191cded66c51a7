import { describe, expect, it, vi } from 'vitest'

import { DEFAULT_GENERATION_OPTIONS } from '../../ui/runware/generation-options'
import { EndpointSchema } from '../../ui/state/settings'
import { createRunwareGeneratorFactory } from '../../ui/generation/runware-generator'
import type { RunwareClient } from '../../ui/runware'
import type { RunwareClientConfig } from '../../ui/runware/types'

// The adapter between the run controller and ui/runware's client, with a stand-in client.

function fakeClients() {
  const made: { config: RunwareClientConfig; client: RunwareClient }[] = []
  const factory = (config: RunwareClientConfig) => {
    const client = {
      generate: vi.fn(async () => ({ taskUUID: 't', transport: 'rest', results: [] })),
      uploadImage: vi.fn(async () => ({ imageUUID: 'u' })),
      close: vi.fn(),
      transport: undefined,
    } as unknown as RunwareClient
    made.push({ config, client })
    return client
  }
  return { made, factory }
}

const endpoint = EndpointSchema.parse({})
const request = {
  prompt: 'Moss',
  width: 1440,
  height: 1080,
  numberResults: 2,
  referenceImages: ['8d3f7c5e-0b7a-4a47-9d2e-3b3c8f1f2a10'],
  options: DEFAULT_GENERATION_OPTIONS,
  taskUUID: '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed',
}

describe('runware generator', () => {
  it('keeps one client while key and endpoint stay the same, and replaces it when they change', () => {
    const { made, factory } = fakeClients()
    const generatorFor = createRunwareGeneratorFactory(factory)
    const first = generatorFor({ apiKey: 'k1', endpoint })
    expect(generatorFor({ apiKey: 'k1', endpoint: { ...endpoint } })).toBe(first)
    generatorFor({ apiKey: 'k1', endpoint: { ...endpoint, connection: 'rest' } })
    expect(made).toHaveLength(2)
    expect(made[0]!.client.close).toHaveBeenCalledOnce()
    expect(made[1]!.config).toEqual({ apiKey: 'k1', connection: 'rest', restUrl: endpoint.restUrl, wsUrl: endpoint.wsUrl })
  })

  it('builds the imageInference task and hands it to the client with the signal', async () => {
    const { made, factory } = fakeClients()
    const generator = createRunwareGeneratorFactory(factory)({ apiKey: 'k1', endpoint })
    const signal = new AbortController().signal
    const handlers = { onResult: vi.fn(), onStatus: vi.fn() }
    await generator.generate(request, handlers, signal)
    const [task, passedHandlers, passedSignal] = vi.mocked(made[0]!.client.generate).mock.calls[0]!
    expect(task).toMatchObject({
      taskType: 'imageInference',
      taskUUID: request.taskUUID,
      model: 'runway:4@2',
      positivePrompt: 'Moss',
      width: 1440,
      height: 1080,
      numberResults: 2,
      inputs: { referenceImages: request.referenceImages },
    })
    expect(passedHandlers).toBe(handlers)
    expect(passedSignal).toBe(signal)
  })

  it('refuses a task the schema rejects before anything is sent', async () => {
    const { made, factory } = fakeClients()
    const generator = createRunwareGeneratorFactory(factory)({ apiKey: 'k1', endpoint })
    const handlers = { onResult: vi.fn(), onStatus: vi.fn() }
    await expect(generator.generate({ ...request, width: 1000 }, handlers)).rejects.toMatchObject({ kind: 'validation' })
    expect(made[0]!.client.generate).not.toHaveBeenCalled()
  })
})
