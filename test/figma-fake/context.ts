// State shared by every part of one fake document: ids, images, fonts, the scheduler, the
// node registry and whether the plugin has closed. Parts receive it instead of importing
// each other, which keeps the module graph acyclic.
import type { CategoryImpl } from './annotations'
import type { ImageStore } from './images'
import type { NodeIds } from './node-ids'
import type { Rasterizer } from './rasterizer'
import type { Scheduler } from './schedule'
import type { BaseNodeImpl } from './node-base'
import type { PageImpl } from './node-page'
import type { DocumentImpl } from './node-document'

export interface FakeContext {
  readonly ids: NodeIds
  readonly scheduler: Scheduler
  readonly images: ImageStore
  readonly pluginId: string
  readonly dynamicPage: boolean
  readonly loadedFonts: Set<string>
  readonly registry: Map<string, BaseNodeImpl>
  readonly rasterizer: Rasterizer
  /** The file's annotation categories by id. */
  readonly annotationCategories: Map<string, CategoryImpl>
  document: DocumentImpl
  currentPage: PageImpl
  allPagesLoaded: boolean
  closed: boolean
  // > 0 while the test harness (not the plugin) works on the document: the harness may read
  // and set up nodes after closePlugin and on unloaded pages.
  hostDepth: number
  selectionChanged(page: PageImpl): void
}

export function asHost<T>(ctx: FakeContext, work: () => T): T {
  ctx.hostDepth++
  try {
    return work()
  } finally {
    ctx.hostDepth--
  }
}

export function pluginIsCalling(ctx: FakeContext): boolean {
  return ctx.hostDepth === 0
}
