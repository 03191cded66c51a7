import { useState } from 'preact/hooks'

import { EndpointSchema, type Endpoint } from '../state/settings'

// How to reach Runware. Automatic tries the WebSocket first and falls back to REST: a
// null-origin iframe is not subject to CORS on a socket, while REST needs Runware's CORS
// headers. The URLs can point elsewhere (a proxy, the local emulator) and be reset.

const DEFAULTS: Endpoint = EndpointSchema.parse({})

const MODES: { value: Endpoint['connection']; label: string }[] = [
  { value: 'auto', label: 'Automatic' },
  { value: 'websocket', label: 'WebSocket' },
  { value: 'rest', label: 'REST' },
]

function urlProblem(value: string, protocols: string[], what: string): string | null {
  try {
    const url = new URL(value.trim())
    return protocols.includes(url.protocol) ? null : `The ${what} URL must start with ${protocols.map((p) => `${p}//`).join(' or ')}`
  } catch {
    return `Enter the full ${what} URL`
  }
}

export interface ConnectionSettingsProps {
  endpoint: Endpoint
  onSave(endpoint: Endpoint): void
}

export function ConnectionSettings({ endpoint, onSave }: ConnectionSettingsProps) {
  const [restUrl, setRestUrl] = useState(endpoint.restUrl)
  const [wsUrl, setWsUrl] = useState(endpoint.wsUrl)
  const restProblem = urlProblem(restUrl, ['https:', 'http:'], 'REST')
  const wsProblem = urlProblem(wsUrl, ['wss:', 'ws:'], 'WebSocket')

  function saveUrls() {
    if (restProblem || wsProblem) return
    const next = { ...endpoint, restUrl: restUrl.trim(), wsUrl: wsUrl.trim() }
    if (next.restUrl !== endpoint.restUrl || next.wsUrl !== endpoint.wsUrl) onSave(next)
  }

  function reset() {
    setRestUrl(DEFAULTS.restUrl)
    setWsUrl(DEFAULTS.wsUrl)
    onSave({ ...endpoint, restUrl: DEFAULTS.restUrl, wsUrl: DEFAULTS.wsUrl })
  }

  const isDefault = restUrl === DEFAULTS.restUrl && wsUrl === DEFAULTS.wsUrl
  return (
    <section class="section" aria-labelledby="connection-title">
      <h3 id="connection-title" class="section-title">
        Endpoints
      </h3>
      <fieldset class="radio-group">
        <legend>Connection mode</legend>
        {MODES.map((mode) => (
          <label key={mode.value} class="radio">
            <input
              type="radio"
              name="connection"
              value={mode.value}
              checked={endpoint.connection === mode.value}
              onChange={() => onSave({ ...endpoint, connection: mode.value })}
            />
            {mode.label}
          </label>
        ))}
      </fieldset>
      <div class="field">
        <label class="label" for="rest-url">
          REST URL
        </label>
        <input
          id="rest-url"
          class="input"
          type="url"
          value={restUrl}
          aria-invalid={restProblem ? 'true' : undefined}
          onInput={(event) => setRestUrl(event.currentTarget.value)}
          onChange={saveUrls}
        />
        {restProblem && <p class="field-error">{restProblem}</p>}
      </div>
      <div class="field">
        <label class="label" for="ws-url">
          WebSocket URL
        </label>
        <input
          id="ws-url"
          class="input"
          type="url"
          value={wsUrl}
          aria-invalid={wsProblem ? 'true' : undefined}
          onInput={(event) => setWsUrl(event.currentTarget.value)}
          onChange={saveUrls}
        />
        {wsProblem && <p class="field-error">{wsProblem}</p>}
      </div>
      <div class="actions">
        <button type="button" class="button" disabled={isDefault} onClick={reset}>
          Reset to Runware's defaults
        </button>
      </div>
    </section>
  )
}
