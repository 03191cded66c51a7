import { describe, expect, it } from 'vitest'

import { referenceTags, tagFromName, tagProblem, TAG_RULE } from '../../ui/lib/reference-tags'
import {
  findMentions,
  insertTag,
  mentionAtCaret,
  tagOptions,
  tagsAsPositions,
  unknownTagProblem,
  usesTags,
} from '../../ui/lib/prompt-tags'

describe('tags from layer names', () => {
  it.each([
    ['Sunset dunes', 'sunsetdunes'],
    ['Moss & fern', 'mossfern'],
    ['Tidal blue', 'tidalblue'],
    ['2024 Hero shot', 'heroshot'],
    ['Über—Café', 'bercaf'],
    ['A very long frame name indeed', 'averylongframen'],
    ['ab', ''],
    ['12', ''],
    ['', ''],
    ['!!!', ''],
  ])('%j → %j', (name, tag) => {
    expect(tagFromName(name)).toBe(tag)
    if (tag) expect(tag).toMatch(TAG_RULE)
  })

  it('falls back to ref1…ref3 by position when a name gives nothing usable', () => {
    expect(referenceTags(['Sunset dunes', '##', 'x'])).toEqual(['sunsetdunes', 'ref2', 'ref3'])
  })

  it('gives a duplicate a digit and keeps it within 15 characters', () => {
    expect(referenceTags(['Sunset dunes', 'Sunset dunes', 'sunset-dunes'])).toEqual(['sunsetdunes', 'sunsetdunes2', 'sunsetdunes3'])
    const long = 'Averylongframename'
    const tags = referenceTags([long, long])
    expect(tags).toEqual(['averylongframen', 'averylongframe2'])
    for (const tag of tags) expect(tag).toMatch(TAG_RULE)
  })

  it('keeps a valid tag the designer chose and derives around it', () => {
    expect(referenceTags(['Sunset dunes', 'Tidal blue'], [undefined, 'sunsetdunes'])).toEqual(['sunsetdunes2', 'sunsetdunes'])
    expect(referenceTags(['Sunset dunes', 'Tidal blue'], ['dunes', undefined])).toEqual(['dunes', 'tidalblue'])
  })

  it('ignores a chosen tag that breaks the rule or repeats an earlier one', () => {
    expect(referenceTags(['Sunset dunes', 'Tidal blue'], ['Bad Tag', undefined])).toEqual(['sunsetdunes', 'tidalblue'])
    expect(referenceTags(['One frame', 'Two frame'], ['same', 'same'])).toEqual(['same', 'twoframe'])
  })
})

describe('renaming a tag', () => {
  it.each([
    ['', /A tag is 3 to 15 lowercase letters a–z or digits, starting with a letter/],
    ['Dunes', /A tag is 3 to 15/],
    ['my-tag', /A tag is 3 to 15/],
    ['1dunes', /A tag is 3 to 15/],
    ['du', /A tag is 3 to 15/],
    ['a'.repeat(16), /A tag is 3 to 15/],
    ['tidalblue', /already @tidalblue/],
  ])('refuses %j', (tag, message) => {
    expect(tagProblem(tag, ['tidalblue'])).toMatch(message)
  })

  it('accepts a tag by the rule that no other reference has', () => {
    expect(tagProblem('dunes2', ['tidalblue'])).toBeNull()
    expect(tagProblem('a'.repeat(15), [])).toBeNull()
  })
})

describe('mentions in the prompt', () => {
  const tags = ['sunsetdunes', 'tidalblue']

  it('finds @words but not e-mail addresses', () => {
    expect(findMentions('@sunsetdunes meets @tidalblue, mail ana@studio.com').map((m) => m.word)).toEqual(['sunsetdunes', 'tidalblue'])
    expect(findMentions('(@abc)')).toEqual([{ word: 'abc', start: 1 }])
  })

  it('says whether the prompt uses a tag', () => {
    expect(usesTags('dunes at dusk', tags)).toBe(false)
    expect(usesTags('@tidalblue waves', tags)).toBe(true)
    expect(usesTags('@other waves', tags)).toBe(false)
  })

  it('flags an @word that names no reference, with the tags it could be', () => {
    expect(unknownTagProblem('@sunset over @tidalblue', tags)).toBe('@sunset is not a reference tag. Did you mean @sunsetdunes?')
    expect(unknownTagProblem('@tidalblu', tags)).toBe('@tidalblu is not a reference tag. Did you mean @tidalblue?')
    expect(unknownTagProblem('@sunsetdunez', tags)).toBe('@sunsetdunez is not a reference tag. Did you mean @sunsetdunes?')
    expect(unknownTagProblem('@Tidalblue', tags)).toBe('@Tidalblue is not a reference tag. Did you mean @tidalblue?')
    expect(unknownTagProblem('@zebra', tags)).toBe('@zebra is not a reference tag. The references are @sunsetdunes, @tidalblue.')
    expect(unknownTagProblem('@blue', ['tidalblue', 'bluesky'])).toBe('@blue is not a reference tag. Did you mean @tidalblue or @bluesky?')
    expect(unknownTagProblem('@zebra', [])).toBe('@zebra is not a reference tag.')
    expect(unknownTagProblem('@sunsetdunes and @tidalblue', tags)).toBeNull()
  })

  it('says each tag by its position for a request without tags', () => {
    expect(tagsAsPositions('@tidalblue waves over @sunsetdunes, not @other', tags)).toBe(
      'the second image waves over the first image, not @other',
    )
    expect(tagsAsPositions('@c', ['a1a', 'b1b', 'c'])).toBe('the third image')
  })

  it('knows the @ being typed at the caret', () => {
    expect(mentionAtCaret('waves @tid', 10)).toEqual({ start: 6, query: 'tid' })
    expect(mentionAtCaret('@', 1)).toEqual({ start: 0, query: '' })
    expect(mentionAtCaret('waves @tid more', 15)).toBeNull()
    expect(mentionAtCaret('ana@st', 6)).toBeNull()
  })

  it('offers the tags that hold what is typed, in reference order', () => {
    expect(tagOptions('', tags)).toEqual(tags)
    expect(tagOptions('t', tags)).toEqual(['sunsetdunes', 'tidalblue'])
    expect(tagOptions('Tid', tags)).toEqual(['tidalblue'])
    expect(tagOptions('blue', ['tidalblue', 'sand', 'bluesky'])).toEqual(['tidalblue', 'bluesky'])
  })

  it('inserts the chosen tag with a space and puts the caret after it', () => {
    expect(insertTag('waves @ti over', 6, 9, 'tidalblue')).toEqual({ text: 'waves @tidalblue over', caret: 16 })
    expect(insertTag('waves @ti', 6, 9, 'tidalblue')).toEqual({ text: 'waves @tidalblue ', caret: 17 })
    expect(insertTag('@tidal, more', 0, 3, 'tidalblue')).toEqual({ text: '@tidalblue, more', caret: 10 })
  })
})
