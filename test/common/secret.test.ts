import { describe, expect, it } from 'vitest'

import { containsSecret, hideSecret } from '../../src/common/secret'

const KEY = 'rw-Live-0123456789'

describe('finding the API key in text', () => {
  it('finds it anywhere, inside a longer word too, with the key trimmed as stored', () => {
    expect(containsSecret(`${KEY} at the start`, KEY)).toBe(true)
    expect(containsSecret(`${'long prompt '.repeat(80)}token=${KEY}.`, KEY)).toBe(true)
    expect(containsSecret(`x${KEY}y`, `  ${KEY}\n`)).toBe(true)
    expect(containsSecret('a prompt without it', KEY)).toBe(false)
  })

  it('finds it split by a line break, spaces or an invisible character', () => {
    expect(containsSecret(`${KEY.slice(0, 6)}\n${KEY.slice(6)}`, KEY)).toBe(true)
    expect(containsSecret(`${KEY.slice(0, 3)} ${KEY.slice(3, 9)}\u200b${KEY.slice(9)}`, KEY)).toBe(true)
  })

  it('matches the case as stored, and nothing for no key or one too short to be a key', () => {
    expect(containsSecret(KEY.toUpperCase(), KEY)).toBe(false)
    expect(containsSecret('any text', null)).toBe(false)
    expect(containsSecret('any text', '   ')).toBe(false)
    expect(containsSecret('a b c', 'a')).toBe(false)
  })
})

describe('hiding the API key', () => {
  it('replaces every occurrence, and the whole text when the key is split so it cannot be cut out', () => {
    expect(hideSecret(`${KEY} and x${KEY}x`, ` ${KEY} `, '[key]')).toBe('[key] and x[key]x')
    expect(hideSecret(`before ${KEY.slice(0, 6)}\n${KEY.slice(6)} after`, KEY, '[key]')).toBe('[key]')
    expect(hideSecret('nothing here', KEY, '[key]')).toBe('nothing here')
    expect(hideSecret('nothing here', null, '[key]')).toBe('nothing here')
  })
})
