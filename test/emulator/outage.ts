// The outage switch: for a while every connection is refused (REST, WebSocket, image host) and
// those open are dropped, as when Runware or the network between is down. Tasks already
// accepted keep running and their results stay in the task store, for getResponse afterwards.

export class Outage {
  private until = 0
  private dropAll: () => void = () => {}

  /** The server hands over how to cut every open connection. */
  onBegin(dropAll: () => void): void {
    this.dropAll = dropAll
  }

  /** Starts (or extends) an outage of `ms` from now, dropping what is open. */
  begin(ms: number): void {
    this.until = Math.max(this.until, performance.now() + ms)
    this.dropAll()
  }

  get active(): boolean {
    return performance.now() < this.until
  }
}
