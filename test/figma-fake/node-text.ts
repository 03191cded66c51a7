// A minimal TextNode: characters, fontName, fontSize, autoRename, textAutoResize.
// Figma refuses to change a text node's characters or font unless the font was loaded with
// figma.loadFontAsync first; the fake keeps that rule (any font "loads"). Text is not laid
// out: its auto size is an estimate (0.6 em per character, 1.2 em line height), and the
// rasterizers draw no glyphs.
import { SceneNodeImpl, requireFinite } from './node-scene'
import { BLACK } from './paints'
import type { FakeContext } from './context'

export function fontKey(font: FontName): string {
  return `${font.family} ${font.style}`
}

export class TextImpl extends SceneNodeImpl {
  _characters = ''
  _fontName: FontName = Object.freeze({ family: 'Inter', style: 'Regular' })
  _fontSize = 12
  _autoRename = true
  _autoResize: 'NONE' | 'WIDTH_AND_HEIGHT' | 'HEIGHT' | 'TRUNCATE' = 'WIDTH_AND_HEIGHT'

  constructor(ctx: FakeContext, id: string) {
    super(ctx, id, 'TEXT', '', BLACK())
    this._strokeAlign = 'OUTSIDE'
  }

  override _size(): { width: number; height: number } {
    const lines = this._characters.split('\n')
    const lineHeight = this._fontSize * 1.2
    const longest = Math.max(...lines.map((line) => line.length))
    if (this._autoResize === 'WIDTH_AND_HEIGHT') return { width: Math.ceil(longest * this._fontSize * 0.6), height: lines.length * lineHeight }
    if (this._autoResize === 'HEIGHT') return { width: this._width, height: lines.length * lineHeight }
    return { width: this._width, height: this._height }
  }

  override _resize(call: string, width: number, height: number): void {
    super._resize(call, width, height)
    this._autoResize = 'NONE'
  }

  _requireLoaded(call: string, font: FontName): void {
    if (!this._ctx.loadedFonts.has(fontKey(font)) && this._ctx.hostDepth === 0) {
      throw new Error(`in ${call}: Cannot write to node with unloaded font "${fontKey(font)}". Please call figma.loadFontAsync({ family: "${font.family}", style: "${font.style}" }) and await the returned promise first.`)
    }
  }

  get characters(): string { return this._characters }
  set characters(value: string) {
    if (typeof value !== 'string') throw new TypeError('in set_characters: Expected a string')
    this._requireLoaded('set_characters', this._fontName)
    this._characters = value
    if (this._autoRename) this._name = value
  }

  get fontName(): FontName { return this._fontName }
  set fontName(value: FontName) {
    if (typeof value?.family !== 'string' || typeof value?.style !== 'string') throw new TypeError('in set_fontName: Expected { family, style }')
    this._requireLoaded('set_fontName', value)
    this._fontName = Object.freeze({ family: value.family, style: value.style })
  }

  get fontSize(): number { return this._fontSize }
  set fontSize(value: number) {
    requireFinite('fontSize', value)
    if (value < 1) throw new RangeError('in set_fontSize: Expected a value >= 1')
    this._requireLoaded('set_fontSize', this._fontName)
    this._fontSize = value
  }

  get autoRename(): boolean { return this._autoRename }
  set autoRename(value: boolean) { this._autoRename = value === true }

  // Naming a text node by hand stops it following its characters, as in Figma.
  override set name(value: string) {
    super.name = value
    this._autoRename = false
  }
  override get name(): string { return super.name }

  get textAutoResize(): 'NONE' | 'WIDTH_AND_HEIGHT' | 'HEIGHT' | 'TRUNCATE' { return this._autoResize }
  set textAutoResize(value: 'NONE' | 'WIDTH_AND_HEIGHT' | 'HEIGHT' | 'TRUNCATE') {
    if (!['NONE', 'WIDTH_AND_HEIGHT', 'HEIGHT', 'TRUNCATE'].includes(value)) throw new TypeError(`in set_textAutoResize: Invalid value ${String(value)}`)
    this._autoResize = value
  }
}
