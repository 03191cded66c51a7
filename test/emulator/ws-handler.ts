// One WebSocket connection on /v1: frames are JSON arrays of tasks; the
// first task must authenticate; pings get pongs; the socket closes after idleTimeoutMs without
// a message either way; results of a sync task go out one frame each as they are ready.
import { WebSocket, type RawData } from 'ws'
import { isKeyAccepted, recordTasks, type EmulatorContext } from './context'
import { dispatchTask } from './dispatch-task'
import { errorItem, invalidApiKey, statusError, type ErrorItem } from './errors'
import { serialise } from './http-io'
import { ClosedError } from './lifecycle'
import type { Outlet } from './outlet'
import { isPlainObject } from './validate-fields'
import type { Session, SessionPeer, SessionRegistry } from './ws-sessions'

function frameText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8')
  return Buffer.from(data as ArrayBuffer).toString('utf8')
}

export class WsConnection implements SessionPeer {
  private session: Session | undefined
  private idle: NodeJS.Timeout | undefined

  constructor(private ctx: EmulatorContext, private sessions: SessionRegistry, private socket: WebSocket) {
    socket.on('message', (data) => this.onFrame(data))
    socket.on('close', () => {
      this.ctx.life.cancel(this.idle)
      this.session?.detach(this)
    })
    socket.on('error', () => undefined)
    this.touch()
  }

  isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN
  }

  close(code: number, reason: string): void {
    this.socket.close(code, reason)
  }

  /** The dropSocket fault: an abrupt loss, so results that follow are buffered for resume. */
  drop(): void {
    this.session?.detach(this)
    this.socket.terminate()
  }

  sendPayload(payload: Record<string, unknown>, corruptible = true): void {
    if (!this.isOpen()) return
    const text = corruptible ? serialise(this.ctx, payload) : JSON.stringify(payload)
    this.ctx.stats.responseBytes += Buffer.byteLength(text)
    this.socket.send(text)
    this.touch()
  }

  private touch(): void {
    this.ctx.life.cancel(this.idle)
    this.idle = this.ctx.life.timer(() => this.close(1000, 'idle timeout'), this.ctx.options.idleTimeoutMs)
  }

  private refuse(error: ErrorItem): void {
    this.sendPayload({ errors: [error] })
    this.close(1008, 'authentication failed')
  }

  private onFrame(data: RawData): void {
    const text = frameText(data)
    this.ctx.stats.requestBytes += Buffer.byteLength(text)
    this.touch()
    let tasks: unknown
    try {
      tasks = JSON.parse(text)
    } catch {
      tasks = undefined
    }
    if (!Array.isArray(tasks)) {
      this.sendPayload({ errors: [errorItem('invalidRequestBody', 'Every message must be a JSON array of task objects.')] })
      if (!this.session) this.close(1008, 'invalid message')
      return
    }
    recordTasks(this.ctx, 'ws', tasks, Buffer.byteLength(text))
    for (const task of tasks) {
      if (!this.session) {
        if (!this.authenticate(task)) return
      } else if (isPlainObject(task)) {
        this.runTask(task, this.session)
      } else {
        this.sendPayload({ errors: [errorItem('invalidRequestBody', 'Every element of a message must be a task object.')] })
      }
    }
  }

  private authenticate(task: unknown): boolean {
    if (!isPlainObject(task) || task.taskType !== 'authentication') {
      this.refuse(errorItem('missingApiKey',
        'Authenticate first: the first message on a connection must be [{"taskType":"authentication","apiKey":"<key>"}].',
        { parameter: 'apiKey', taskType: 'authentication' }))
      return false
    }
    if (!isKeyAccepted(this.ctx, task.apiKey)) {
      this.refuse(task.apiKey === undefined
        ? errorItem('missingApiKey', 'Missing API key in the authentication task.', { parameter: 'apiKey', taskType: 'authentication' })
        : invalidApiKey())
      return false
    }
    const { session } = this.sessions.open(task.apiKey, task.connectionSessionUUID)
    session.attach(this)
    this.session = session
    this.sendPayload({ data: [{ taskType: 'authentication', connectionSessionUUID: session.uuid }] })
    session.flush()
    return true
  }

  private runTask(task: Record<string, unknown>, session: Session): void {
    if (task.taskType === 'authentication') {
      // Authenticating again on an open socket confirms the session it already has.
      if (task.apiKey === session.apiKey && isKeyAccepted(this.ctx, task.apiKey)) {
        this.sendPayload({ data: [{ taskType: 'authentication', connectionSessionUUID: session.uuid }] })
      } else {
        this.sendPayload({ errors: [invalidApiKey()] })
      }
      return
    }
    if (task.taskType === 'ping') {
      // A pong is never corrupted by malformedBody: that fault is meant for task answers.
      this.sendPayload({ data: [{ taskType: 'ping', pong: true }] }, false)
      return
    }
    const outlet: Outlet = {
      transport: 'ws',
      apiKey: session.apiKey,
      send: (data, errors) => {
        if (data.length > 0 && errors.length > 0) session.deliver({ data, errors })
        else if (data.length > 0) session.deliver({ data })
        else if (errors.length > 0) session.deliver({ errors })
      },
      // Cuts whichever socket the session's results flow through now.
      drop: () => session.peer?.drop(),
      loseReply: (answer, scope) => (answer === 'drop' ? session.peer?.drop() : outlet.send([], [statusError(504, scope)])),
    }
    // A revoked key stops working on a socket that authenticated with it earlier.
    if (!isKeyAccepted(this.ctx, session.apiKey)) return outlet.send([], [invalidApiKey(task)])
    const fault = this.ctx.faults.take('status')
    if (fault) return outlet.send([], [statusError(fault.status, task)])
    dispatchTask(this.ctx, task, outlet).catch((error: unknown) => {
      if (error instanceof ClosedError) return
      outlet.send([], [errorItem('internalServerError', `The emulator failed on this task: ${(error as Error).message}`, task)])
    })
  }
}
