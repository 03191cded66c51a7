// Node ids look like Figma's "<a>:<b>" strings (e.g. '1:23'). As in a Figma file, the
// document is 0:0 and pages are 0:n; scene nodes count up from 1:2. Ids are never reused, so
// a removed node's id stays unresolvable.

export class NodeIds {
  private nextPage = 1
  private nextScene = 2

  document(): string {
    return '0:0'
  }

  page(): string {
    return `0:${this.nextPage++}`
  }

  scene(): string {
    return `1:${this.nextScene++}`
  }
}
