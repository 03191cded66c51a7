import type { HistoryEntry } from '../../src/common/history'

// A History entry with sensible defaults; `thumbBytes` sizes each of its thumbnails.

export function entry(id: string, overrides: Partial<HistoryEntry> = {}, thumbBytes = 0): HistoryEntry {
  return {
    id,
    prompt: `prompt ${id}`,
    width: 1024,
    height: 1024,
    count: 2,
    placed: 2,
    createdAt: '2025-01-01T00:00:00.000Z',
    nodeIds: ['1:1', '1:2'],
    referenceNodeIds: ['0:1'],
    thumbnails: thumbBytes > 0 ? [new Uint8Array(thumbBytes), new Uint8Array(thumbBytes)] : [],
    ...overrides,
  }
}
