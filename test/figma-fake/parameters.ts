// figma.parameters for Quick Actions: the plugin listens to 'input'
// events and answers through result.setSuggestions / setError / setLoadingMessage. Tests play
// Figma's part with fire(), which returns a live record of what the plugin answered.
import { Emitter } from './events'
import type { FakeContext } from './context'

export interface ParameterInputRecord {
  suggestions: Parameters<SuggestionResults['setSuggestions']>[0] | undefined
  error: string | undefined
  loadingMessage: string | undefined
}

export class ParametersImpl implements ParametersAPI {
  readonly _input = new Emitter<[ParameterInputEvent]>()

  constructor(readonly _ctx: FakeContext) {}

  on(type: 'input', callback: (event: ParameterInputEvent) => void): void { this._emitter(type).on(callback) }
  once(type: 'input', callback: (event: ParameterInputEvent) => void): void { this._emitter(type).once(callback) }
  off(type: 'input', callback: (event: ParameterInputEvent) => void): void { this._emitter(type).off(callback) }

  _emitter(type: string): Emitter<[ParameterInputEvent]> {
    if (type !== 'input') throw new Error(`figma.parameters.on: unknown event type "${type}" (only 'input')`)
    return this._input
  }

  _fire(input: { key: string; query: string; parameters?: ParameterValues }): ParameterInputRecord {
    const record: ParameterInputRecord = { suggestions: undefined, error: undefined, loadingMessage: undefined }
    const result: SuggestionResults = {
      setSuggestions: (suggestions) => { record.suggestions = [...suggestions] },
      setError: (message) => { record.error = message },
      setLoadingMessage: (message) => { record.loadingMessage = message },
    }
    const event: ParameterInputEvent = { key: input.key, query: input.query, parameters: { ...input.parameters }, result }
    for (const handler of this._input.take()) this._ctx.scheduler.run(() => handler(event))
    return record
  }
}
