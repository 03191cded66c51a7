import { describe, expect, it } from 'vitest'
import { createFigmaFake } from './index'

describe('plugin data (plugin typings PluginDataMixin)', () => {
  it('returns "" for a missing key, stores strings, and "" deletes', () => {
    const node = createFigmaFake().figma.createFrame()
    expect(node.getPluginData('missing')).toBe('')
    node.setPluginData('generation', '{"seed":1}')
    node.setPluginData('other', 'x')
    expect(node.getPluginData('generation')).toBe('{"seed":1}')
    expect(node.getPluginDataKeys()).toEqual(['generation', 'other'])
    node.setPluginData('generation', '')
    expect(node.getPluginDataKeys()).toEqual(['other'])
  })

  it('accepts strings only', () => {
    const node = createFigmaFake().figma.createFrame()
    expect(() => node.setPluginData('k', 42 as unknown as string)).toThrow(TypeError)
    expect(() => node.setPluginData('k', { a: 1 } as unknown as string)).toThrow(TypeError)
  })

  it('limits one entry (plugin id + key + value) to 100 kB', () => {
    const node = createFigmaFake({ pluginId: '123' }).figma.createFrame()
    node.setPluginData('k', 'x'.repeat(100_000 - 4))
    expect(() => node.setPluginData('k', 'x'.repeat(100_000 - 3))).toThrow(/cannot exceed 100 kB/)
    expect(() => node.setPluginData('k', 'é'.repeat(50_000))).toThrow(/cannot exceed 100 kB/)
    expect(node.getPluginData('k').length).toBe(100_000 - 4)
  })

  it('keeps shared plugin data per namespace with the same rules', () => {
    const node = createFigmaFake().figma.createFrame()
    expect(node.getSharedPluginData('gen4', 'k')).toBe('')
    node.setSharedPluginData('gen4', 'k', 'v')
    expect(node.getSharedPluginData('gen4', 'k')).toBe('v')
    expect(node.getSharedPluginDataKeys('gen4')).toEqual(['k'])
    expect(node.getSharedPluginDataKeys('other')).toEqual([])
    expect(() => node.setSharedPluginData('ab', 'k', 'v')).toThrow(/at least 3 alphanumeric/)
    expect(() => node.setSharedPluginData('gen4', 'k', 'x'.repeat(100_000))).toThrow(/100 kB/)
    node.setSharedPluginData('gen4', 'k', '')
    expect(node.getSharedPluginDataKeys('gen4')).toEqual([])
  })
})

describe('relaunch data', () => {
  it('replaces all relaunch data on each call and {} clears it', () => {
    const node = createFigmaFake().figma.createRectangle()
    node.setRelaunchData({ regenerate: 'Make more like this', open: '' })
    expect(node.getRelaunchData()).toEqual({ regenerate: 'Make more like this', open: '' })
    node.setRelaunchData({ open: 'Open' })
    expect(node.getRelaunchData()).toEqual({ open: 'Open' })
    node.setRelaunchData({})
    expect(node.getRelaunchData()).toEqual({})
  })

  it('throws when a description exceeds 1000 characters', () => {
    const node = createFigmaFake().figma.createRectangle()
    node.setRelaunchData({ regenerate: 'x'.repeat(1000) })
    expect(() => node.setRelaunchData({ regenerate: 'x'.repeat(1001) })).toThrow(/exceeds 1000 characters/)
    expect(node.getRelaunchData().regenerate).toHaveLength(1000)
  })

  it('returns a copy', () => {
    const node = createFigmaFake().figma.createRectangle()
    node.setRelaunchData({ a: 'b' })
    node.getRelaunchData().a = 'changed'
    expect(node.getRelaunchData()).toEqual({ a: 'b' })
  })
})
