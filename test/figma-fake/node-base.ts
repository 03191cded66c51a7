// What every node has (plugin typings BaseNodeMixin + PluginDataMixin): id, type, name,
// parent, removed, remove(), plugin data and relaunch data. Public members are getters and
// methods over `_` fields, so the guard proxy can make read-only members really read-only.
import type { FakeContext } from './context'
import { PluginDataStore } from './plugin-data'

export interface Container extends BaseNodeImpl {
  _children: BaseNodeImpl[]
  // Throws if `child` may not be placed here (e.g. a page in a frame).
  _acceptChild(child: BaseNodeImpl): void
  // dynamic-page rules for reading or changing children.
  _checkChildAccess(call: string): void
  // Auto-layout frames compute their children's positions.
  _autoLayoutPosition?(child: BaseNodeImpl): { x: number; y: number } | null
  // Called after a child moved out or was removed (groups delete themselves when emptied).
  _childLeft?(): void
}

export abstract class BaseNodeImpl {
  _name: string
  _parent: Container | null = null
  _removed = false
  readonly _data: PluginDataStore

  constructor(readonly _ctx: FakeContext, readonly _id: string, readonly _type: NodeType, name: string) {
    this._name = name
    this._data = new PluginDataStore(_ctx.pluginId)
  }

  get id(): string {
    return this._id
  }

  get type(): NodeType {
    return this._type
  }

  get name(): string {
    return this._name
  }

  set name(value: string) {
    if (typeof value !== 'string') throw new TypeError(`in set_name: Expected a string, got ${typeof value}`)
    this._name = value
  }

  get parent(): (BaseNode & ChildrenMixin) | null {
    return this._parent as unknown as (BaseNode & ChildrenMixin) | null
  }

  get removed(): boolean {
    return this._removed
  }

  abstract remove(): void

  toString(): string {
    return `[${this._type} ${this._id} "${this._name}"]`
  }

  getPluginData(key: string): string {
    return this._data.get(key)
  }

  setPluginData(key: string, value: string): void {
    this._data.set(key, value)
  }

  getPluginDataKeys(): string[] {
    return this._data.keys()
  }

  getSharedPluginData(namespace: string, key: string): string {
    return this._data.getShared(namespace, key)
  }

  setSharedPluginData(namespace: string, key: string, value: string): void {
    this._data.setShared(namespace, key, value)
  }

  getSharedPluginDataKeys(namespace: string): string[] {
    return this._data.sharedKeys(namespace)
  }

  setRelaunchData(data: { [command: string]: string }): void {
    this._data.setRelaunch(data)
  }

  getRelaunchData(): { [command: string]: string } {
    return this._data.getRelaunch()
  }

  // Marks this node and its subtree removed; ids stay in the registry so lookups can answer
  // null rather than forgetting the id was ever used.
  _markRemoved(): void {
    this._removed = true
    this._parent = null
    const children = (this as unknown as Partial<Container>)._children
    for (const child of children ?? []) child._markRemoved()
  }
}

export function pageOf(node: BaseNodeImpl): BaseNodeImpl | null {
  let current: BaseNodeImpl | null = node
  while (current && current._type !== 'PAGE') current = current._parent
  return current
}

export function isAncestor(ancestor: BaseNodeImpl, node: BaseNodeImpl): boolean {
  for (let current = node._parent; current; current = current._parent) if (current === ancestor) return true
  return false
}
