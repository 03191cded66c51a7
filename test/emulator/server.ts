// startEmulator: one loopback HTTP server carrying REST `POST /v1`, the WebSocket on `/v1`
// and the image host on `/images/`, on a free port unless told otherwise.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer } from 'ws'
import { createContext, withoutUndefined, type EmulatorContext } from './context'
import { errorItem } from './errors'
import { CORS_HEADERS, sendJson } from './http-io'
import { handleImageRequest } from './image-route'
import { handleRest } from './rest-handler'
import type { Emulator, EmulatorOptions, Fault } from './types'
import { WsConnection } from './ws-handler'
import { SessionRegistry } from './ws-sessions'

async function route(ctx: EmulatorContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { pathname } = new URL(req.url ?? '/', 'http://emulator')
  if (pathname === '/v1' || pathname === '/v1/') return handleRest(ctx, req, res)
  if (pathname.startsWith('/images/')) return handleImageRequest(ctx, req, res, pathname)
  if (req.method === 'OPTIONS') {
    res.writeHead(204, CORS_HEADERS).end()
    return
  }
  sendJson(ctx, res, 404, { errors: [errorItem('notFound', `Nothing is served at ${pathname}; the API lives at /v1.`)] })
}

export async function startEmulator(options: EmulatorOptions = {}, port = 0): Promise<Emulator> {
  const ctx = createContext(options)
  const sessions = new SessionRegistry(ctx)
  // Optional permessage-deflate (browsers always offer it; production WebSocket servers commonly
  // accept): base64 image frames then cost about their binary size on the wire. Off by default.
  const perMessageDeflate = ctx.options.perMessageDeflate ? { threshold: 1024 } : false
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 * 1024, perMessageDeflate })
  const server = createServer((req, res) => {
    // an outage: the connection is cut before anything is read or answered
    if (ctx.outage.active) return void req.socket.destroy()
    route(ctx, req, res).catch((error: unknown) => {
      if (res.headersSent || ctx.life.closed) return void res.destroy()
      sendJson(ctx, res, 500, { errors: [errorItem('internalServerError', `The emulator failed: ${(error as Error).message}`)] })
    })
  })
  server.on('upgrade', (req, socket, head) => {
    if (ctx.outage.active) return void socket.destroy()
    const { pathname } = new URL(req.url ?? '/', 'http://emulator')
    if (pathname !== '/v1' && pathname !== '/v1/') {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n')
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      // The closeBeforeAuth fault: the connection opens and is cut at once.
      if (ctx.faults.take('closeBeforeAuth')) return void ws.terminate()
      new WsConnection(ctx, sessions, ws)
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  ctx.outage.onBegin(() => {
    for (const client of wss.clients) client.terminate()
    server.closeAllConnections()
  })
  const address = server.address() as AddressInfo
  ctx.baseUrl = `http://127.0.0.1:${address.port}`
  let closing: Promise<void> | undefined

  return {
    url: ctx.baseUrl,
    wsUrl: `ws://127.0.0.1:${address.port}/v1`,
    get apiKey() {
      return ctx.options.apiKeys[0] ?? ''
    },
    options: ctx.options,
    setOptions: (partial) => void Object.assign(ctx.options, withoutUndefined(partial)),
    injectFault: (fault: Fault, times = 1) => ctx.faults.add(fault, times),
    clearFaults: () => ctx.faults.clear(),
    revokeKey: (key) => void ctx.revokedKeys.add(key),
    outage: (ms) => ctx.outage.begin(ms),
    tasks: ctx.tasks,
    results: ctx.results,
    stats: ctx.stats,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        ctx.life.close()
        for (const client of wss.clients) client.terminate()
        wss.close()
        server.closeAllConnections()
        server.close(() => resolve())
      })
      return closing
    },
  }
}
