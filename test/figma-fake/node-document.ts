// DocumentNode: figma.root, whose children are the pages. Under
// dynamic-page, findAll/findOne/findAllWithCriteria on the document need
// `await figma.loadAllPagesAsync()` first; reading root.children (the pages) does not.
import { BaseNodeImpl, type Container } from './node-base'
import { findAllIn, findAllWithCriteriaIn, findChildrenIn, insertChildAt, readChildren } from './children'
import { pluginIsCalling, type FakeContext } from './context'

export class DocumentImpl extends BaseNodeImpl implements Container {
  _children: BaseNodeImpl[] = []

  constructor(ctx: FakeContext, name: string) {
    super(ctx, ctx.ids.document(), 'DOCUMENT', name)
  }

  _acceptChild(child: BaseNodeImpl): void {
    if (child._type !== 'PAGE') throw new Error(`in appendChild: only pages can be children of the document, not ${child._type}`)
  }

  _checkChildAccess(call: string): void {
    if ((call === 'findAll' || call === 'findAllWithCriteria') && this._ctx.dynamicPage && !this._ctx.allPagesLoaded && pluginIsCalling(this._ctx)) {
      throw new Error(`in ${call}: Cannot search the document with documentAccess: dynamic-page before figma.loadAllPagesAsync() has resolved`)
    }
  }

  get children(): ReadonlyArray<PageNode> { return readChildren(this) }
  appendChild(child: PageNode): void { insertChildAt(this, this._children.length, child, 'appendChild') }
  insertChild(index: number, child: PageNode): void { insertChildAt(this, index, child) }
  findChildren(callback?: (node: PageNode) => boolean): PageNode[] { return findChildrenIn(this, callback) }
  findChild(callback: (node: PageNode) => boolean): PageNode | null { return findChildrenIn(this, callback)[0] ?? null }
  findAll(callback?: (node: PageNode | SceneNode) => boolean): Array<PageNode | SceneNode> { return findAllIn(this, callback) }
  findOne(callback: (node: PageNode | SceneNode) => boolean): PageNode | SceneNode | null { return findAllIn(this, callback)[0] ?? null }
  findAllWithCriteria<T extends NodeType[]>(criteria: FindAllCriteria<T>): Array<{ type: T[number] } & (PageNode | SceneNode)> {
    return findAllWithCriteriaIn(this, criteria)
  }

  get documentColorProfile(): 'LEGACY' | 'SRGB' | 'DISPLAY_P3' { return 'SRGB' }

  remove(): void {
    throw new Error('in remove: The document cannot be removed')
  }
}
