// A second reading next to the bare Node request: the same task over a WebSocket opened by a
// page in the bench's own Chromium, timed from send to the last result's frame, with no
// plugin code at all. It shows what the browser (and Playwright watching its network, which
// copies every frame out over CDP) costs on this machine, so the plugin's own share of the run
// time can be told from the delivery every browser client pays here.
import type { Page } from 'playwright-core'

export async function browserRequestTimes(page: Page, wsUrl: string, apiKey: string, task: Record<string, unknown>, runs: number): Promise<number[]> {
  return page.evaluate(
    async ({ wsUrl, apiKey, task, runs }) => {
      const socket = new WebSocket(wsUrl)
      let listener: (text: string) => void = () => undefined
      socket.onmessage = (event) => listener(String(event.data))
      const next = (accept: (text: string) => boolean) =>
        new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error('browser request: no answer in 30 s')), 30_000)
          listener = (text) => {
            if (!accept(text)) return
            clearTimeout(timer)
            resolve()
          }
        })
      await new Promise((resolve, reject) => {
        socket.onopen = resolve
        socket.onerror = () => reject(new Error('browser request: the socket did not open'))
      })
      const authenticated = next((text) => text.includes('connectionSessionUUID'))
      socket.send(JSON.stringify([{ taskType: 'authentication', apiKey }]))
      await authenticated
      const times: number[] = []
      for (let run = 0; run < runs; run++) {
        const taskUUID = crypto.randomUUID()
        const expected = Number(task.numberResults ?? 1)
        let results = 0
        const started = performance.now()
        const done = next((text) => {
          const body = JSON.parse(text) as { data?: Array<{ taskUUID?: string; imageUUID?: string }>; errors?: unknown[] }
          if (body.errors?.length) throw new Error(`browser request failed: ${text.slice(0, 300)}`)
          results += (body.data ?? []).filter((item) => item.taskUUID === taskUUID && item.imageUUID).length
          return results >= expected
        })
        socket.send(JSON.stringify([{ ...task, taskUUID }]))
        await done
        times.push(performance.now() - started)
      }
      socket.close()
      return times
    },
    { wsUrl, apiKey, task, runs },
  )
}
