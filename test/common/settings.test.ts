import { describe, expect, it } from 'vitest'

import { GenerationOptionsSchema } from '../../ui/runware/generation-options'
import { decodeRecord, encodeRecord } from '../../src/common/generation-record'
import { DEFAULT_SETTINGS, readSettings, SettingsSchema } from '../../ui/state/settings'
import { ALLOWED_SIZES, closestSize, isAllowedSize } from '../../src/common/sizes'

describe('sizes', () => {
  it('lists the 16 distinct pairs the model accepts', () => {
    expect(ALLOWED_SIZES).toHaveLength(16)
    expect(new Set(ALLOWED_SIZES.map((s) => `${s.width}x${s.height}`)).size).toBe(16)
    expect(isAllowedSize(1440, 1080)).toBe(true)
    expect(isAllowedSize(1080, 1080)).toBe(true)
    expect(isAllowedSize(1000, 1000)).toBe(false)
  })

  it('picks the pair closest in aspect, preferring the larger tier', () => {
    expect(closestSize(1920, 1080)).toMatchObject({ width: 1920, height: 1080 })
    expect(closestSize(800, 800)).toMatchObject({ width: 1080, height: 1080 })
    expect(closestSize(600, 800)).toMatchObject({ width: 1080, height: 1440 })
    expect(closestSize(3000, 1000)).toMatchObject({ width: 2112, height: 912 })
    expect(closestSize(2100, 900)).toMatchObject({ width: 2112, height: 912 })
    expect(closestSize(100, 1000)).toMatchObject({ width: 1080, height: 1920 })
    expect(closestSize(0, 10)).toMatchObject({ width: 1440, height: 1080 })
  })
})

describe('settings', () => {
  it('captions start off and annotations on, each kept as stored', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ captions: false, annotations: true })
    expect(readSettings({ captions: true, annotations: false })).toMatchObject({ captions: true, annotations: false })
  })

  it('falls back to defaults when stored data no longer parses', () => {
    expect(readSettings(undefined)).toEqual(DEFAULT_SETTINGS)
    expect(readSettings('not settings')).toEqual(DEFAULT_SETTINGS)
    expect(readSettings([1, 2])).toEqual(DEFAULT_SETTINGS)
    expect(readSettings({ numberResults: 'many' })).toEqual(DEFAULT_SETTINGS)
    expect(readSettings({ numberResults: 7 }).numberResults).toBe(7)
  })

  it('lets one setting that no longer parses fall back alone, keeping the consent and the rest', () => {
    const stored = {
      consentGiven: true,
      lastPrompt: 'Foggy harbour',
      size: { width: 1000, height: 800 },
      numberResults: 'many',
      endpoint: { connection: 'carrier-pigeon', restUrl: 'http://127.0.0.1:8787/v1', wsUrl: 'ws://127.0.0.1:8787/v1' },
      options: { outputFormat: 'PNG', outputQuality: 150, safety: { checkContent: true, mode: 'fast' }, includeCost: false },
      retired: 'a setting from an older build',
    }
    expect(readSettings(stored)).toEqual({
      ...DEFAULT_SETTINGS,
      consentGiven: true,
      lastPrompt: 'Foggy harbour',
      endpoint: { connection: 'auto', restUrl: 'http://127.0.0.1:8787/v1', wsUrl: 'ws://127.0.0.1:8787/v1' },
      options: { ...DEFAULT_SETTINGS.options, outputFormat: 'PNG', safety: { checkContent: true, mode: 'fast' }, includeCost: false },
    })
  })

  it('drops only the options a check across them refuses', () => {
    const settings = readSettings({ consentGiven: true, options: { ttl: 600, outputType: 'dataURI', outputFormat: 'WEBP' } })
    expect(settings.consentGiven).toBe(true)
    expect(settings.options).toEqual({ ...DEFAULT_SETTINGS.options, outputFormat: 'WEBP' })
    expect(readSettings({ options: { ttl: 600, outputType: 'URL' } }).options).toMatchObject({ ttl: 600, outputType: 'URL' })
  })

  it('defaults to data URI JPG output with cost reporting', () => {
    expect(DEFAULT_SETTINGS.options).toMatchObject({ outputType: 'dataURI', outputFormat: 'JPG', includeCost: true })
    expect(DEFAULT_SETTINGS.endpoint.restUrl).toBe('https://api.runware.ai/v1')
  })

  it('refuses options the API would refuse, naming the field', () => {
    const cases: Array<[object, string]> = [
      [{ ttl: 59, outputType: 'URL' }, 'ttl'],
      [{ ttl: 120, outputType: 'dataURI' }, 'ttl'],
      [{ outputQuality: 19 }, 'outputQuality'],
      [{ outputQuality: 100 }, 'outputQuality'],
      [{ webhookURL: 'http://example.com/hook' }, 'webhookURL'],
      [{ uploadEndpoint: 'not a url' }, 'uploadEndpoint'],
    ]
    for (const [options, field] of cases) {
      const parsed = GenerationOptionsSchema.safeParse(options)
      expect(parsed.success, JSON.stringify(options)).toBe(false)
      if (!parsed.success) expect(parsed.error.issues[0]?.path).toEqual([field])
    }
    expect(GenerationOptionsSchema.safeParse({ ttl: 60, outputType: 'URL', webhookURL: 'https://hooks.example.com/x' }).success).toBe(true)
  })

  it('refuses a stored size the model cannot make', () => {
    expect(SettingsSchema.safeParse({ size: { width: 1000, height: 800 } }).success).toBe(false)
  })
})

describe('generation record', () => {
  it('round-trips and treats anything unreadable as no record', () => {
    const record = {
      version: 1 as const, runId: 'r', index: 2, prompt: 'p', width: 720, height: 720, model: 'runway:4@2',
      taskUUID: 't', imageUUID: 'i', referenceNodeIds: ['1:2'], createdAt: '2026-11-25T00:00:00Z',
    }
    expect(decodeRecord(encodeRecord(record))).toEqual(record)
    expect(decodeRecord('')).toBeUndefined()
    expect(decodeRecord('{not json')).toBeUndefined()
    expect(decodeRecord(JSON.stringify({ ...record, version: 2 }))).toBeUndefined()
  })
})
