// Proxies that make the fake's objects behave like Figma's host objects:
// - a member Figma declares for that object but the fake lacks throws "not implemented in
//   the fake: X" (the member lists come from the typings, see known-*-members.ts); a name
//   Figma does not declare reads as undefined and cannot be assigned;
// - after closePlugin, plugin-level API access throws. On nodes,
//   calls and writes throw but reads still work, so a test can inspect what the plugin left
//   on the canvas;
// - a removed node throws on any member except id, type and removed.
import { nodeGoneError, notImplemented, pluginClosedError } from './errors'
import { pluginIsCalling, type FakeContext } from './context'
import { markHostObject } from './host-objects'

const ALWAYS_READABLE = new Set(['id', 'type', 'removed'])
const READ_ONLY_METHODS = new Set([
  'getPluginData', 'getPluginDataKeys', 'getSharedPluginData', 'getSharedPluginDataKeys', 'getRelaunchData',
  'findAll', 'findOne', 'findChild', 'findChildren', 'findAllWithCriteria', 'toString',
])

interface Guarded {
  readonly _ctx: FakeContext
}

interface GuardedNode extends Guarded {
  readonly _id: string
  readonly _removed: boolean
}

function isInternal(prop: string | symbol): boolean {
  return typeof prop === 'symbol' || prop.startsWith('_') || prop in Object.prototype
}

function refuseNewProperty(label: string, prop: string): never {
  throw new TypeError(`Cannot add property ${prop}, ${label} is not extensible`)
}

// What Object.keys shows of a node: enough for test failure output and for toEqual to tell
// two nodes apart, without dumping the whole document through `_ctx`.
const NODE_KEYS = ['_id', '_type', '_name']

export function guardNode<T extends GuardedNode>(node: T, members: ReadonlySet<string>, label: string): T {
  return markHostObject(new Proxy(node, {
    get(target, prop, receiver) {
      if (isInternal(prop) && !members.has(prop as string)) return Reflect.get(target, prop, receiver)
      const name = prop as string
      if (!members.has(name)) return undefined
      const plugin = pluginIsCalling(target._ctx)
      if (plugin && target._removed && !ALWAYS_READABLE.has(name)) throw nodeGoneError(target._id)
      if (!(name in target)) notImplemented(`${label}.${name}`)
      const value: unknown = Reflect.get(target, prop, receiver)
      if (plugin && target._ctx.closed && typeof value === 'function' && !READ_ONLY_METHODS.has(name)) throw pluginClosedError()
      return value
    },
    has(target, prop) {
      return isInternal(prop) && !members.has(prop as string) ? Reflect.has(target, prop) : members.has(prop as string)
    },
    set(target, prop, value, receiver) {
      // Internal state is written on the target itself (not through the proxy receiver).
      if (isInternal(prop) && !members.has(prop as string)) return Reflect.set(target, prop, value)
      const name = prop as string
      if (pluginIsCalling(target._ctx)) {
        if (target._ctx.closed) throw pluginClosedError()
        if (target._removed) throw nodeGoneError(target._id)
      }
      if (!members.has(name)) refuseNewProperty(label, name)
      if (!(name in target)) notImplemented(`${label}.${name}`)
      // A getter without a setter makes Reflect.set return false, which the proxy turns into a
      // TypeError: read-only members such as width cannot be assigned, as in Figma.
      return Reflect.set(target, prop, value, receiver)
    },
    defineProperty(target, prop, descriptor) {
      if (!Object.prototype.hasOwnProperty.call(target, prop)) refuseNewProperty(label, String(prop))
      return Reflect.defineProperty(target, prop, descriptor)
    },
    deleteProperty(target, prop) {
      throw new TypeError(`Cannot delete property ${String(prop)} of ${label}`)
    },
    ownKeys() {
      return NODE_KEYS
    },
  }))
}

export function guardApi<T extends Guarded>(api: T, members: ReadonlySet<string>, label: string): T {
  return markHostObject(new Proxy(api, {
    get(target, prop, receiver) {
      if (isInternal(prop) && !members.has(prop as string)) return Reflect.get(target, prop, receiver)
      const name = prop as string
      if (!members.has(name)) return undefined
      if (target._ctx.closed && pluginIsCalling(target._ctx)) throw pluginClosedError()
      if (!(name in target)) notImplemented(`${label}.${name}`)
      return Reflect.get(target, prop, receiver)
    },
    has(target, prop) {
      return isInternal(prop) && !members.has(prop as string) ? Reflect.has(target, prop) : members.has(prop as string)
    },
    set(target, prop, value, receiver) {
      // Internal state is written on the target itself (not through the proxy receiver).
      if (isInternal(prop) && !members.has(prop as string)) return Reflect.set(target, prop, value)
      const name = prop as string
      if (target._ctx.closed && pluginIsCalling(target._ctx)) throw pluginClosedError()
      if (!members.has(name)) refuseNewProperty(label, name)
      if (!(name in target)) notImplemented(`${label}.${name}`)
      return Reflect.set(target, prop, value, receiver)
    },
    defineProperty(target, prop, descriptor) {
      if (!Object.prototype.hasOwnProperty.call(target, prop)) refuseNewProperty(label, String(prop))
      return Reflect.defineProperty(target, prop, descriptor)
    },
    ownKeys() {
      return []
    },
  }))
}
