import { signal } from '../lib/signals'

import type { GenerationRecord } from '../../src/common/generation-record'
import type { BoardStyle, SelectionState } from '../../src/common/protocol'
import { NO_REFERENCES, type ReferenceItem, type ReferenceSet } from '../references/reference-set'
import { KEY_IDLE, type KeyCheck } from './key-check'
import { DEFAULT_SETTINGS, type Settings } from './settings'
import type { UiError } from '../generation/error-text'
import type { ImageInfo } from '../image/image-info'

// Everything the UI shows, as signals. The sandbox is the source of truth for the key, the
// settings and the selection; the form fields are edited here and saved back.

/** The designer's latest selection (the plugin's own are not kept): what the panel explains. */
export interface SelectionView {
  selectionId: number
  state: SelectionState
}

export interface ReferenceImage {
  /** The export pass these bytes came from: bytes older than a reference's pass may be stale. */
  selectionId: number
  bytes: Uint8Array
  url: string
  info: ImageInfo | null
  /** A small thumbnail for the panel, never sent to Runware. */
  preview?: boolean
}

/** The page's pinned board style, and its listing once exported. */
export interface PinnedStyle {
  style: BoardStyle
  item: ReferenceItem | null
}

/** The last run's results as the panel offers them for the next step. */
export interface LastRun {
  prompt: string
  size: { width: number; height: number }
  /** Placed result node ids in slot order. */
  nodeIds: string[]
}

export interface SelectedRecord {
  nodeId: string | null
  record: GenerationRecord
}

export type Prefill = 'variations' | 'reuse-settings'

export type Size = { width: number; height: number }

export function createAppState() {
  return {
    /** `init` arrived: settings and key are known. */
    ready: signal(false),
    apiKey: signal<string | null>(null),
    /** The latest key save: being checked with Runware, or what Runware said. */
    keyCheck: signal<KeyCheck>(KEY_IDLE),
    settings: signal<Settings>(DEFAULT_SETTINGS),
    command: signal(''),
    /** FigJam boards hold stickies, shapes and images more than frames: the wording follows. */
    editorType: signal<'figma' | 'figjam'>('figma'),
    selection: signal<SelectionView>({ selectionId: -1, state: 'empty' }),
    images: signal<ReadonlyMap<string, ReferenceImage>>(new Map()),
    /** The `@tag` the designer gave a reference, by node id (others take their layer name's). */
    tagNames: signal<ReadonlyMap<string, string>>(new Map()),
    /** The references the next run sends: the designer's choice, kept across the plugin's own selections. */
    references: signal<ReferenceSet>(NO_REFERENCES),
    style: signal<PinnedStyle | null>(null),
    lastRun: signal<LastRun | null>(null),
    prompt: signal(''),
    size: signal<Size>({ ...DEFAULT_SETTINGS.size }),
    /** The user (or a record) chose the size this session: automatic matching leaves it alone. */
    sizePicked: signal(false),
    /** The one automatic match on the first references already happened. */
    sizeMatched: signal(false),
    count: signal(DEFAULT_SETTINGS.numberResults),
    countNote: signal<string | null>(null),
    view: signal<'main' | 'settings' | 'history'>('main'),
    selectedRecord: signal<SelectedRecord | null>(null),
    /** Set by `init.command`; used up by the first record that arrives. */
    pendingPrefill: signal<Prefill | null>(null),
    /** Problems outside a run (a refused request, a save that failed). */
    notice: signal<UiError | null>(null),
  }
}

export type AppState = ReturnType<typeof createAppState>
