// ChildrenMixin behaviour shared by documents, pages, frames and sections.
// Plugin typings: `children` is a new read-only array on every read, back to front;
// insertChild(i) accepts 0..children.length and throws beyond; appending a node that lives
// elsewhere moves it, keeping its x/y relative to the new parent; findAll is pre-order and
// excludes the node it is called on.
import { isAncestor, type BaseNodeImpl, type Container } from './node-base'
import { nodeGoneError } from './errors'

export function readChildren<T>(parent: Container): ReadonlyArray<T> {
  parent._checkChildAccess('get_children')
  return Object.freeze([...parent._children]) as unknown as ReadonlyArray<T>
}

export function insertChildAt(parent: Container, index: unknown, child: unknown, call = 'insertChild'): void {
  parent._checkChildAccess(call)
  const node = asNode(parent, child, call)
  if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index > parent._children.length) {
    throw new RangeError(`in ${call}: index ${String(index)} is out of range 0..${parent._children.length}`)
  }
  parent._acceptChild(node)
  if (node === parent || isAncestor(node, parent)) throw new Error(`in ${call}: a node cannot be moved inside itself`)
  const old = node._parent
  if (old) {
    const at = old._children.indexOf(node)
    old._children.splice(at, 1)
    if (old === parent && at < index) index--
  }
  parent._children.splice(Math.min(index, parent._children.length), 0, node)
  node._parent = parent
  if (old && old !== parent) old._childLeft?.()
}

function asNode(parent: Container, child: unknown, call: string): BaseNodeImpl {
  const node = child as Partial<BaseNodeImpl> | null
  if (typeof node !== 'object' || node === null || node._ctx !== parent._ctx || typeof node._id !== 'string') {
    throw new TypeError(`in ${call}: Expected a node of this document`)
  }
  if (node._removed) throw nodeGoneError(node._id)
  return node as BaseNodeImpl
}

export function findAllIn<T>(parent: Container, callback: ((node: T) => boolean) | undefined, call = 'findAll'): T[] {
  parent._checkChildAccess(call)
  const found: T[] = []
  const visit = (node: Container): void => {
    for (const child of node._children) {
      if (!callback || callback(child as unknown as T)) found.push(child as unknown as T)
      if ((child as Partial<Container>)._children) visit(child as Container)
    }
  }
  visit(parent)
  return found
}

export function findChildrenIn<T>(parent: Container, callback: ((node: T) => boolean) | undefined): T[] {
  parent._checkChildAccess('findChildren')
  return parent._children.filter((child) => !callback || callback(child as unknown as T)) as unknown as T[]
}

export function findAllWithCriteriaIn<T>(parent: Container, criteria: FindAllCriteria<NodeType[]>): T[] {
  const { types, pluginData, sharedPluginData } = criteria ?? {}
  return findAllIn<BaseNodeImpl>(parent, (node) => {
    if (types && !types.includes(node._type)) return false
    if (pluginData) {
      const keys = node._data.keys()
      if (pluginData.keys ? !pluginData.keys.some((k) => keys.includes(k)) : keys.length === 0) return false
    }
    if (sharedPluginData) {
      const keys = node._data.sharedKeys(sharedPluginData.namespace)
      if (sharedPluginData.keys ? !sharedPluginData.keys.some((k) => keys.includes(k)) : keys.length === 0) return false
    }
    return true
  }, 'findAllWithCriteria') as unknown as T[]
}
