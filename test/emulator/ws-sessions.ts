// WebSocket sessions: a client that reconnects and authenticates with
// its connectionSessionUUID gets the results produced while it was away, in order, if they
// are younger than the resume buffer (120 s on Runware).
import { randomUUID } from 'node:crypto'
import type { EmulatorContext } from './context'

export interface SessionPeer {
  sendPayload(payload: Record<string, unknown>): void
  isOpen(): boolean
  close(code: number, reason: string): void
  drop(): void
}

export class Session {
  readonly uuid = randomUUID()
  peer: SessionPeer | undefined
  private buffer: { payload: Record<string, unknown>; at: number }[] = []
  private expiry: NodeJS.Timeout | undefined
  private detachedAt: number | undefined

  constructor(private ctx: EmulatorContext, readonly apiKey: string, private onExpire: (s: Session) => void) {}

  /** Sends now, or keeps the payload for a resume when no socket is attached. */
  deliver(payload: Record<string, unknown>): void {
    if (this.peer?.isOpen()) this.peer.sendPayload(payload)
    else this.buffer.push({ payload, at: performance.now() })
  }

  attach(peer: SessionPeer): void {
    if (this.peer && this.peer !== peer) this.peer.close(4000, 'session resumed on another connection')
    this.peer = peer
    this.ctx.life.cancel(this.expiry)
    this.expiry = undefined
    this.detachedAt = undefined
  }

  /** Checked on resume too, so a late timer never lets a session outlive its window. */
  expired(): boolean {
    return this.detachedAt !== undefined && performance.now() - this.detachedAt > this.ctx.options.resumeBufferMs
  }

  /** Replays what was kept while detached; older entries than the buffer window are gone. */
  flush(): void {
    const oldest = performance.now() - this.ctx.options.resumeBufferMs
    const pending = this.buffer.filter((entry) => entry.at >= oldest)
    this.buffer = []
    for (const entry of pending) this.deliver(entry.payload)
  }

  detach(peer: SessionPeer): void {
    if (this.peer !== peer) return
    this.peer = undefined
    this.detachedAt = performance.now()
    this.expiry = this.ctx.life.timer(() => this.onExpire(this), this.ctx.options.resumeBufferMs)
  }
}

export class SessionRegistry {
  private sessions = new Map<string, Session>()

  constructor(private ctx: EmulatorContext) {}

  open(apiKey: string, resumeUUID?: unknown): { session: Session; resumed: boolean } {
    const previous = typeof resumeUUID === 'string' ? this.sessions.get(resumeUUID) : undefined
    // A session belongs to the key that opened it; anything else starts fresh.
    if (previous && previous.apiKey === apiKey && !previous.expired()) return { session: previous, resumed: true }
    const session = new Session(this.ctx, apiKey, (s) => this.sessions.delete(s.uuid))
    this.sessions.set(session.uuid, session)
    return { session, resumed: false }
  }
}
