import { buildInferenceTask, createRunwareClient, type RunwareClient, type RunwareClientConfig } from '../runware'
import type { Generator, GeneratorConfig, GeneratorFactory } from './generator'

// The real Generator: ui/runware's client behind the controller's small interface. One client
// is kept while the key and endpoint stay the same, so its socket (and session) is reused
// from run to run; a change closes it and opens a new one.

type ClientFactory = (config: RunwareClientConfig) => RunwareClient

function sameConfig(a: GeneratorConfig, b: GeneratorConfig): boolean {
  return (
    a.apiKey === b.apiKey &&
    a.endpoint.connection === b.endpoint.connection &&
    a.endpoint.restUrl === b.endpoint.restUrl &&
    a.endpoint.wsUrl === b.endpoint.wsUrl
  )
}

function adapt(client: RunwareClient): Generator {
  return {
    uploadImage: (dataUri, signal) => client.uploadImage(dataUri, signal),
    recover: (taskUUID, numberResults, handlers, signal) => client.recover(taskUUID, numberResults, handlers, signal),
    async generate(request, handlers, signal) {
      const built = buildInferenceTask(request)
      // the form checks come first, so this is a last line of defence with a named field
      if (!built.ok) throw built.error
      return client.generate(built.task, handlers, signal)
    },
  }
}

export function createRunwareGeneratorFactory(makeClient: ClientFactory = createRunwareClient): GeneratorFactory {
  let current: { config: GeneratorConfig; client: RunwareClient; generator: Generator } | null = null
  return (config) => {
    if (current && sameConfig(current.config, config)) return current.generator
    current?.client.close()
    const client = makeClient({ apiKey: config.apiKey, ...config.endpoint })
    current = { config, client, generator: adapt(client) }
    return current.generator
  }
}
