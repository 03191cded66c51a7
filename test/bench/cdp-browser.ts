// A Chromium of the bench's own, spoken to over the DevTools protocol directly, with no
// Network domain enabled. Playwright enables it on every page and frame it drives, and
// Chromium then hands each WebSocket frame's payload to the client on the browser process's
// main thread: ~20–40 ms per 1 MB result here. That thread is also the one that relays
// postMessage between the plugin's iframe and the page, so every result crossing to the
// sandbox queued behind the harness. Figma runs no such client: the run time is timed here.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import WebSocket from 'ws'

const START_TIMEOUT_MS = 20_000
const CALL_TIMEOUT_MS = 60_000

export interface CdpTarget {
  /** The value of `expression` (awaited when it is a promise), as JSON. */
  evaluate<T>(expression: string): Promise<T>
  /** Any other DevTools command, sent to this target's session. */
  send<T>(method: string, params?: object): Promise<T>
}

export interface CdpBrowser {
  /** The browser process's id (its helpers run under it). */
  readonly pid: number
  /** Opens `url` in a new page; its frames' targets are attached as they appear. */
  openPage(url: string, initScript: string): Promise<CdpTarget>
  /** The page's one cross-process iframe (the plugin's UI), once it exists. */
  iframe(): Promise<CdpTarget>
  close(): Promise<void>
}

interface Reply {
  id?: number
  method?: string
  sessionId?: string
  params?: { sessionId?: string; targetInfo?: { type: string } }
  result?: unknown
  error?: { message: string }
}

function devtoolsUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = ''
    const timer = setTimeout(() => reject(new Error('Chromium did not open its DevTools port in time')), START_TIMEOUT_MS)
    child.once('exit', (code) => reject(new Error(`Chromium exited (${code}) before it was ready`)))
    child.stderr!.on('data', (chunk: Buffer) => {
      text += chunk.toString()
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(text)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    })
  })
}

export async function launchCdpBrowser(executable: string, args: string[]): Promise<CdpBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'gen4-bench-'))
  const child = spawn(executable, [...args, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  const socket = new WebSocket(await devtoolsUrl(child), { perMessageDeflate: false, maxPayload: 256 * 1024 * 1024 })
  await new Promise((resolve, reject) => {
    socket.once('open', resolve)
    socket.once('error', reject)
  })

  let nextId = 1
  const calls = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>()
  const iframes: string[] = []
  socket.on('message', (data) => {
    const reply = JSON.parse(String(data)) as Reply
    const call = reply.id === undefined ? undefined : calls.get(reply.id)
    if (call) {
      calls.delete(reply.id!)
      if (reply.error) call.reject(new Error(reply.error.message))
      else call.resolve(reply.result)
    }
    if (reply.method === 'Target.attachedToTarget' && reply.params?.sessionId) {
      if (reply.params.targetInfo?.type === 'iframe') iframes.push(reply.params.sessionId)
      // attached paused (waitForDebuggerOnStart), so the probe's init script runs first
      void send('Runtime.runIfWaitingForDebugger', {}, reply.params.sessionId).catch(() => undefined)
    }
  })

  function send<T>(method: string, params: object = {}, sessionId?: string): Promise<T> {
    const id = nextId++
    socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }))
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        calls.delete(id)
        reject(new Error(`${method}: no answer in ${CALL_TIMEOUT_MS / 1000} s`))
      }, CALL_TIMEOUT_MS)
      calls.set(id, {
        resolve(value) {
          clearTimeout(timer)
          resolve(value as T)
        },
        reject(error) {
          clearTimeout(timer)
          reject(new Error(`${method}: ${error.message}`))
        },
      })
    })
  }

  function target(sessionId: string): CdpTarget {
    return {
      async evaluate<T>(expression: string) {
        const { result, exceptionDetails } = await send<{ result: { value: T }; exceptionDetails?: { text: string; exception?: { description?: string } } }>(
          'Runtime.evaluate',
          { expression, awaitPromise: true, returnByValue: true },
          sessionId,
        )
        if (exceptionDetails) throw new Error(`in the page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`)
        return result.value
      },
      send: (method, params) => send(method, params, sessionId),
    }
  }

  return {
    pid: child.pid!,
    async openPage(url, initScript) {
      const { targetId } = await send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' })
      const { sessionId } = await send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true })
      await send('Page.enable', {}, sessionId)
      await send('Page.addScriptToEvaluateOnNewDocument', { source: initScript }, sessionId)
      await send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true }, sessionId)
      await send('Page.navigate', { url }, sessionId)
      return target(sessionId)
    },
    async iframe() {
      const deadline = Date.now() + START_TIMEOUT_MS
      while (iframes.length === 0) {
        if (Date.now() > deadline) throw new Error('the plugin UI frame did not appear')
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      return target(iframes.at(-1)!)
    },
    async close() {
      const exited = new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null)))
      // Browser.close lets Chromium end its own helper processes; a kill is the fallback
      await send('Browser.close').catch(() => undefined)
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
      await exited
      clearTimeout(timer)
      socket.close()
      // a helper process may still be letting go of the profile for a moment
      rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 })
    },
  }
}
