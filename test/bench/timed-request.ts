// The baselines for the plugin's own cost: the same imageInference task sent over a freshly
// authenticated WebSocket, timed from send to the last result's frame. No decoding, no canvas:
// only what any client must do. One function serves both readings, so they cannot drift apart:
// - from Node (the `ws` socket): the bare request the target is set against;
// - from a plain page in the bench's Chromium (passed to page.evaluate, so it must stay
//   self-contained): what delivery into that browser costs on this machine, Playwright watching
//   its network included, so the plugin's share of the run time can be told from it.

interface SocketLike {
  onopen: ((event: unknown) => void) | null
  onerror: ((event: unknown) => void) | null
  onmessage: ((event: { data: unknown }) => void) | null
  send(text: string): void
  close(): void
}

export type SocketConstructor = new (url: string) => SocketLike

export interface TimedRequest {
  wsUrl: string
  apiKey: string
  task: Record<string, unknown>
}

/** Milliseconds from sending `task` to its last result frame. `Socket` defaults to the page's WebSocket. */
export async function timedRequest(
  { wsUrl, apiKey, task }: TimedRequest,
  Socket: SocketConstructor = WebSocket as unknown as SocketConstructor,
): Promise<number> {
  const socket = new Socket(wsUrl)
  let listener: (text: string) => void = () => undefined
  socket.onmessage = (event) => listener(String(event.data))
  const next = (accept: (text: string) => boolean) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed request: no answer in 30 s')), 30_000)
      listener = (text) => {
        try {
          if (!accept(text)) return
        } catch (error) {
          clearTimeout(timer)
          reject(error)
          return
        }
        clearTimeout(timer)
        resolve()
      }
    })
  try {
    await new Promise((resolve, reject) => {
      socket.onopen = resolve
      socket.onerror = () => reject(new Error('timed request: the socket did not open'))
    })
    const authenticated = next((text) => text.includes('connectionSessionUUID'))
    socket.send(JSON.stringify([{ taskType: 'authentication', apiKey }]))
    await authenticated

    const taskUUID = crypto.randomUUID()
    const expected = Number(task.numberResults ?? 1)
    let results = 0
    const started = performance.now()
    const done = next((text) => {
      const body = JSON.parse(text) as { data?: Array<{ taskUUID?: string; imageUUID?: string }>; errors?: unknown[] }
      if (body.errors?.length) throw new Error(`timed request failed: ${text.slice(0, 300)}`)
      results += (body.data ?? []).filter((item) => item.taskUUID === taskUUID && item.imageUUID).length
      return results >= expected
    })
    socket.send(JSON.stringify([{ ...task, taskUUID }]))
    await done
    return performance.now() - started
  } finally {
    socket.close()
  }
}
