// A loopback TCP relay in front of the emulator that counts the bytes each way, as they cross
// the wire (HTTP headers, WebSocket framing and any permessage-deflate compression included),
// so "bytes sent" and "bytes received" are what a designer's network actually carries.
import { createServer, connect, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'

export interface WireCounter {
  url: string
  wsUrl: string
  readonly sent: number
  readonly received: number
  reset(): void
  close(): Promise<void>
}

export async function startWireCounter(targetPort: number): Promise<WireCounter> {
  let sent = 0
  let received = 0
  const sockets = new Set<Socket>()
  const server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1')
    for (const socket of [client, upstream]) {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
      socket.on('error', () => undefined)
    }
    client.on('data', (chunk) => {
      sent += chunk.length
      upstream.write(chunk)
    })
    upstream.on('data', (chunk) => {
      received += chunk.length
      client.write(chunk)
    })
    client.on('end', () => upstream.end())
    upstream.on('end', () => client.end())
    client.on('close', () => upstream.destroy())
    upstream.on('close', () => client.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/v1`,
    get sent() {
      return sent
    },
    get received() {
      return received
    },
    reset() {
      sent = 0
      received = 0
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
