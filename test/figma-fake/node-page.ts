// PageNode: children, selection, dynamic-page loading, export.
// Plugin typings: `selection` returns a new read-only array on each
// read; assigning sets it; nodes are de-duplicated and only directly selected nodes are kept
// (never a node with one of its descendants); each page keeps its own selection.
// Under dynamic-page, a page other than the one the plugin started on must be loaded
// (page.loadAsync) before its children are used, and any page needs loadAsync before
// exportAsync.
import { BaseNodeImpl, isAncestor, pageOf, type Container } from './node-base'
import { findAllIn, findAllWithCriteriaIn, findChildrenIn, insertChildAt, readChildren } from './children'
import { SceneNodeImpl } from './node-scene'
import { exportNode } from './export'
import { pluginIsCalling, type FakeContext } from './context'

export class PageImpl extends BaseNodeImpl implements Container {
  _children: BaseNodeImpl[] = []
  _selection: SceneNodeImpl[] = []
  _loaded = false
  _loadCalled = false

  constructor(ctx: FakeContext, id: string, name: string) {
    super(ctx, id, 'PAGE', name)
  }

  _acceptChild(child: BaseNodeImpl): void {
    if (child._type === 'PAGE' || child._type === 'DOCUMENT') throw new Error(`in appendChild: a ${child._type} cannot be placed inside a PAGE`)
  }

  _checkChildAccess(call: string): void {
    if (this._ctx.dynamicPage && !this._loaded && !this._ctx.allPagesLoaded && pluginIsCalling(this._ctx)) {
      throw new Error(`in ${call}: The page "${this._name}" is not loaded. Call await page.loadAsync() first (documentAccess: dynamic-page)`)
    }
  }

  _loadedForExport(): boolean {
    return !this._ctx.dynamicPage || this._loadCalled || this._ctx.allPagesLoaded || !pluginIsCalling(this._ctx)
  }

  _clips(): boolean {
    return false
  }

  get children(): ReadonlyArray<SceneNode> { return readChildren(this) }
  appendChild(child: SceneNode): void { insertChildAt(this, this._children.length, child, 'appendChild') }
  insertChild(index: number, child: SceneNode): void { insertChildAt(this, index, child) }
  findChildren(callback?: (node: SceneNode) => boolean): SceneNode[] { return findChildrenIn(this, callback) }
  findChild(callback: (node: SceneNode) => boolean): SceneNode | null { return findChildrenIn(this, callback)[0] ?? null }
  findAll(callback?: (node: SceneNode) => boolean): SceneNode[] { return findAllIn(this, callback) }
  findOne(callback: (node: SceneNode) => boolean): SceneNode | null { return findAllIn(this, callback)[0] ?? null }
  findAllWithCriteria<T extends NodeType[]>(criteria: FindAllCriteria<T>): Array<{ type: T[number] } & SceneNode> {
    return findAllWithCriteriaIn(this, criteria)
  }

  get selection(): ReadonlyArray<SceneNode> {
    return Object.freeze([...this._selection]) as unknown as ReadonlyArray<SceneNode>
  }

  set selection(value: ReadonlyArray<SceneNode>) {
    if (!Array.isArray(value)) throw new TypeError('in set_selection: Expected an array of nodes')
    const unique: SceneNodeImpl[] = []
    for (const item of value as unknown[]) {
      if (!(item instanceof SceneNodeImpl) || item._ctx !== this._ctx) throw new TypeError('in set_selection: Expected scene nodes of this document')
      if (item._removed) throw new Error(`in set_selection: The node with id "${item._id}" does not exist`)
      if (pageOf(item) !== this) throw new Error(`in set_selection: node ${item._id} is not on page "${this._name}"`)
      if (!unique.includes(item)) unique.push(item)
    }
    this._setSelection(unique.filter((node) => !unique.some((other) => isAncestor(other, node))))
  }

  _setSelection(next: SceneNodeImpl[]): void {
    const before = this._selection
    this._selection = next
    const changed = before.length !== next.length || before.some((node, i) => node !== next[i])
    if (changed) this._ctx.selectionChanged(this)
  }

  // Removed nodes leave the selection, which counts as a selection change.
  _pruneSelection(): void {
    this._setSelection(this._selection.filter((node) => !node._removed))
  }

  async loadAsync(): Promise<void> {
    this._loaded = true
    this._loadCalled = true
  }

  exportAsync(settings?: ExportSettings): Promise<Uint8Array> {
    return exportNode(this, settings)
  }

  remove(): void {
    const document = this._parent
    if (!document) return
    if (this._ctx.currentPage === (this as unknown)) throw new Error('in remove: Cannot remove the current page')
    if (document._children.length <= 1) throw new Error('in remove: Cannot remove the last page')
    document._children.splice(document._children.indexOf(this), 1)
    this._markRemoved()
  }
}
