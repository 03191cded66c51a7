// The baseline for the plugin's own cost: the same imageInference task sent from Node over an
// already authenticated WebSocket, timed from send to the last result's frame. No decoding,
// no canvas: only what any client must do.
import { randomUUID } from 'node:crypto'
import WebSocket from 'ws'

export interface BareClient {
  run(task: Record<string, unknown>): Promise<number>
  close(): void
}

export async function openBareClient(wsUrl: string, apiKey: string): Promise<BareClient> {
  const socket = new WebSocket(wsUrl)
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve())
    socket.once('error', reject)
  })
  const frames: Array<(data: string) => void> = []
  socket.on('message', (data) => {
    const text = String(data)
    for (const listener of [...frames]) listener(text)
  })
  const next = (accept: (text: string) => boolean) =>
    new Promise<void>((resolve) => {
      const listener = (text: string) => {
        if (!accept(text)) return
        frames.splice(frames.indexOf(listener), 1)
        resolve()
      }
      frames.push(listener)
    })
  const authenticated = next((text) => text.includes('connectionSessionUUID'))
  socket.send(JSON.stringify([{ taskType: 'authentication', apiKey }]))
  await authenticated

  return {
    async run(task) {
      const taskUUID = randomUUID()
      const expected = Number(task.numberResults ?? 1)
      let results = 0
      const started = performance.now()
      const done = next((text) => {
        const body = JSON.parse(text) as { data?: Array<{ taskUUID?: string; imageUUID?: string }>; errors?: unknown[] }
        if (body.errors?.length) throw new Error(`bare request failed: ${text.slice(0, 300)}`)
        results += (body.data ?? []).filter((item) => item.taskUUID === taskUUID && item.imageUUID).length
        return results >= expected
      })
      socket.send(JSON.stringify([{ ...task, taskUUID }]))
      await done
      return performance.now() - started
    },
    close: () => socket.close(),
  }
}
