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

  /** An outage from now for `ms`, dropping what is open; 0 ends one early. */
  begin(ms: number): void {
    this.until = performance.now() + ms
    if (ms > 0) this.dropAll()
  }

  get active(): boolean {
    return performance.now() < this.until
  }
}
