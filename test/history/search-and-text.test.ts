import { describe, expect, it } from 'vitest'

import { promptSuggestionsFrom } from '../../src/history/prompt-suggestions'
import { confirmText, DEFAULT_PRICE_PER_IMAGE, estimateText, quickStartText, runCostText, totalText } from '../../ui/history/cost-text'
import { needsConfirmation } from '../../ui/state/spend-confirm'
import { DEFAULT_SETTINGS, readSettings } from '../../ui/state/settings'
import { searchHistory } from '../../ui/history/search-history'
import { thumbnailPlan } from '../../ui/history/thumbnails'
import { blockedText, finishedText } from '../../ui/quick/quick-run-text'
import { entry } from './fixtures'

describe('history search', () => {
  const entries = [entry('1', { prompt: 'Dunes at dusk, film grain' }), entry('2', { prompt: 'Tidal pools' }), entry('3', { prompt: 'DUNES at dawn' })]

  it('matches every typed word in any order and case', () => {
    expect(searchHistory(entries, 'dunes').map((e) => e.id)).toEqual(['1', '3'])
    expect(searchHistory(entries, ' grain  DUNES ').map((e) => e.id)).toEqual(['1'])
    expect(searchHistory(entries, 'forest')).toEqual([])
  })

  it('lists everything for an empty query', () => {
    expect(searchHistory(entries, '  ')).toHaveLength(3)
  })
})

describe('cost wording', () => {
  it('estimates from the last price Runware reported', () => {
    expect(estimateText(4, 0.03)).toBe('4 images · about $0.12')
    expect(estimateText(1, 0.0045)).toBe('1 image · about $0.0045')
    // a price of nothing is a price, not an unknown
    expect(estimateText(3, 0)).toBe('3 images · about $0')
  })

  it('estimates the first run, before any price is known, at the published $0.02 an image', () => {
    expect(DEFAULT_PRICE_PER_IMAGE).toBe(0.02)
    expect(estimateText(4, undefined)).toBe('4 images · about $0.08')
    expect(estimateText(20, Number.NaN)).toBe('20 images · about $0.40')
  })

  it('states what a run cost, and the running total', () => {
    expect(runCostText(0.06)).toBe('This run: $0.06')
    expect(totalText(1.2, 60)).toBe('Spent so far: $1.20 for 60 images')
  })

  it('asks about a large run with its estimate, and announces a Quick Actions run', () => {
    expect(confirmText(12, undefined)).toBe('12 images · about $0.24 — Generate 12?')
    expect(quickStartText(4, 0.02)).toBe('Generating 4 images · about $0.08…')
  })
})

describe('the confirmation threshold', () => {
  it('asks only above the threshold', () => {
    expect(needsConfirmation(9, 8)).toBe(true)
    expect(needsConfirmation(8, 8)).toBe(false)
    expect(needsConfirmation(1, 8)).toBe(false)
    expect(needsConfirmation(20, 20)).toBe(false)
  })

  it('defaults to 8 and keeps a stored threshold within 1–20', () => {
    expect(DEFAULT_SETTINGS.confirmAbove).toBe(8)
    expect(readSettings({ confirmAbove: 12 }).confirmAbove).toBe(12)
    expect(readSettings({ confirmAbove: 0 }).confirmAbove).toBe(8)
    expect(readSettings({ confirmAbove: 21 }).confirmAbove).toBe(8)
    expect(readSettings({ confirmAbove: 2.5 }).confirmAbove).toBe(8)
  })
})

describe('Quick Actions prompt suggestions', () => {
  it('offers what is typed first, then earlier prompts containing it, without repeats', () => {
    const earlier = ['Misty dunes at noon', 'Tidal blue', 'misty DUNES sunrise', 'Misty dunes at noon']
    expect(promptSuggestionsFrom('misty dunes', earlier).map((s) => s.data)).toEqual(['misty dunes', 'Misty dunes at noon', 'misty DUNES sunrise'])
    expect(promptSuggestionsFrom('', earlier).map((s) => s.data)).toEqual(['Misty dunes at noon', 'Tidal blue', 'misty DUNES sunrise'])
  })

  it('keeps long prompts whole in data but short in the list', () => {
    const [suggestion] = promptSuggestionsFrom('', ['x'.repeat(400)])
    expect(suggestion!.data).toHaveLength(400)
    expect(suggestion!.name.length).toBeLessThanOrEqual(90)
  })
})

describe('thumbnails and quick-run toasts', () => {
  it('plans a ~96 px JPEG keeping the aspect', () => {
    expect(thumbnailPlan(1920, 1080)).toMatchObject({ width: 96, height: 54, format: 'jpeg' })
    expect(thumbnailPlan(720, 1280)).toMatchObject({ width: 54, height: 96 })
  })

  it('says what was placed, or why nothing was, within Figma’s 100 characters', () => {
    const slots = (statuses: Array<'placed' | 'failed'>) => statuses.map((status) => (status === 'failed' ? { status, message: 'Runware refused the image' } : { status }))
    const run = (statuses: Array<'placed' | 'failed'>, phase: 'done' | 'failed' = 'done') => ({ runId: 'r', phase, slots: slots(statuses), clientStatus: null, error: null, notes: [] })
    expect(finishedText(run(['placed', 'placed']), 'Fern spirals')).toBe('Placed 2 images for “Fern spirals”')
    expect(finishedText(run(['placed', 'failed']), 'x')).toBe('Placed 1 of 2 images; Runware refused the image')
    expect(finishedText(run(['failed'], 'failed'), 'x')).toBe('Nothing generated: Runware refused the image')
    expect(finishedText(run(['placed']), 'p'.repeat(300)).length).toBeLessThanOrEqual(100)
    expect(blockedText('Add your Runware API key first')).toBe('Nothing generated: Add your Runware API key first')
  })
})
