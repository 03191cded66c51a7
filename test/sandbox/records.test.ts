import { describe, expect, it } from 'vitest'

import type { GenerationRecord } from '../../src/common/generation-record'
import { decodeRunMarker, encodeRunMarker, sourceKey } from '../../src/placement/page-content'
import { needsParameters, promptFrom } from '../../src/launch'
import { labelText } from '../../src/placement/placeholders'
import { withoutSecret } from '../../src/records/record-node'
import { nextRunNumber, resultName, runTitle } from '../../src/placement/run-title'
import { isRelaunchCommand, MAX_RELAUNCH_DESCRIPTION, relaunchDescriptions } from '../../src/records/relaunch'
import { shorten } from '../../src/common/shorten'
import { hideSecret } from '../../src/common/secret'

const record: GenerationRecord = {
  version: 1,
  runId: 'run-1',
  index: 0,
  prompt: 'a foggy harbour at dawn',
  width: 1440,
  height: 1080,
  model: 'runway:4@2',
  taskUUID: 't',
  imageUUID: 'i',
  referenceNodeIds: ['1:2'],
  createdAt: '2025-01-01T00:00:00.000Z',
}

describe('text helpers', () => {
  it('shortens with an ellipsis only when needed', () => {
    expect(shorten('short', 10)).toBe('short')
    expect(shorten('a  long\nprompt here', 9)).toBe('a long p…')
    expect(shorten('x'.repeat(200), 80)).toHaveLength(80)
  })

  it('hides every occurrence of a secret behind the one key mask', () => {
    expect(hideSecret('key abcd and xabcdx', 'abcd')).toBe('key [api key] and x[api key]x')
    expect(hideSecret('nothing', null)).toBe('nothing')
  })
})

describe('records and relaunch data', () => {
  it('hides a pasted key anywhere in the record', () => {
    const leaked = { ...record, prompt: 'use sk-SECRET-123 please', referenceNodeIds: ['sk-SECRET-123'] }
    const clean = withoutSecret(leaked, 'sk-SECRET-123')
    expect(JSON.stringify(clean)).not.toContain('sk-SECRET-123')
    expect(clean.prompt).toBe('use [api key] please')
    expect(withoutSecret(record, null)).toBe(record)
  })

  it('keeps relaunch descriptions under Figma’s 1000-character limit', () => {
    const descriptions = relaunchDescriptions('p'.repeat(1000), 1920, 1080)
    expect(Object.keys(descriptions).sort()).toEqual(['reuse-settings', 'variations'])
    for (const text of Object.values(descriptions)) expect(text.length).toBeLessThan(MAX_RELAUNCH_DESCRIPTION)
    expect(isRelaunchCommand('variations')).toBe(true)
    expect(isRelaunchCommand('open')).toBe(false)
  })

  it('names results after the prompt and their number', () => {
    expect(resultName('a foggy harbour', 2)).toBe('3 · a foggy harbour')
    const long = resultName('w '.repeat(100), 11)
    expect(long.startsWith('12 · w w')).toBe(true)
    expect(long.length).toBeLessThanOrEqual(65)
    expect(labelText(1, 4)).toBe('Generating 2 of 4…')
  })

  it('numbers runs per page past the highest “Run N ·” there, so titles stay unique', () => {
    expect(nextRunNumber([])).toBe(1)
    expect(nextRunNumber(['Desktop', 'Run 2 · dunes', 'Run 7 · dunes (recovered)', 'Run 3 dunes', 'Run x · y'])).toBe(8)
    expect(runTitle(8, 'Sun-bleached desert resort')).toBe('Run 8 · Sun-bleached desert resort')
    expect(runTitle(2, 'p '.repeat(80), true)).toMatch(/^Run 2 · p p .*… \(recovered\)$/)
  })
})

describe('run markers', () => {
  it('round-trips and matches sources regardless of order', () => {
    const marker = decodeRunMarker(encodeRunMarker('r', ['2:1', '1:1', '1:1']))
    expect(marker).toEqual({ version: 1, runId: 'r', sources: ['1:1', '2:1'] })
    expect(sourceKey(['2:1', '1:1'])).toBe(sourceKey(marker!.sources))
  })

  it('reads anything else as no marker', () => {
    expect(decodeRunMarker('')).toBeUndefined()
    expect(decodeRunMarker('{oops')).toBeUndefined()
    expect(decodeRunMarker('{"version":2,"runId":"r","sources":[]}')).toBeUndefined()
    expect(decodeRunMarker('{"version":1,"runId":"r","sources":[1]}')).toBeUndefined()
  })
})

describe('launch parameters', () => {
  it('reads the Quick Actions prompt, trimmed and capped', () => {
    expect(promptFrom({ prompt: '  dunes  ' })).toBe('dunes')
    expect(promptFrom({ prompt: '   ' })).toBeUndefined()
    expect(promptFrom(undefined)).toBeUndefined()
    expect(promptFrom({ prompt: 'x'.repeat(1200) })).toHaveLength(1000)
    expect(needsParameters('generate')).toBe(true)
    expect(needsParameters('variations')).toBe(false)
  })
})
