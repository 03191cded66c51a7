import { readEnvelope } from '../../ui/runware/response-schema'
import { TaskRouter, type TaskEvent, type Transport, type TransportName } from '../../ui/runware/transport'

// A scripted transport for unit tests of the run logic: records what was sent and lets the
// test push replies and events the way either wire would.

export class FakeTransport implements Transport {
  readonly sent: Record<string, unknown>[][] = []
  private readonly router = new TaskRouter()

  constructor(
    readonly name: TransportName,
    /** Called for each send; may reply through `this.reply`, throw, or do nothing. */
    private readonly onSend: (tasks: Record<string, unknown>[], transport: FakeTransport) => void | Promise<void> = () => {},
  ) {}

  subscribe(taskUUID: string, listener: (event: TaskEvent) => void): () => void {
    return this.router.subscribe(taskUUID, listener)
  }

  async send(tasks: readonly object[]): Promise<void> {
    const copy = JSON.parse(JSON.stringify(tasks)) as Record<string, unknown>[]
    this.sent.push(copy)
    await this.onSend(copy, this)
  }

  /** Routes a body or frame exactly as the real transports do. */
  reply(body: unknown, fallbackUUID?: string): void {
    const envelope = readEnvelope(body)
    if (!envelope) throw new Error('test reply is no envelope')
    this.router.route(envelope, fallbackUUID)
  }

  emit(taskUUID: string, event: TaskEvent): void {
    this.router.emit(taskUUID, event)
  }

  taskTypes(): string[] {
    return this.sent.flat().map((task) => String(task.taskType))
  }

  close(): void {}
}
