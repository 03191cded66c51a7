// showUI({ themeColors: true }): Figma marks the UI's <html> with figma-light or figma-dark and
// adds <style id="figma-style"> with --figma-color-* variables. The
// host does the same with a subset of Figma's tokens (values close to Figma's own), so the
// UI's theming is exercised and ?theme=dark shows its dark look.

export type FigmaTheme = 'light' | 'dark'

const TOKENS: Record<string, [light: string, dark: string]> = {
  bg: ['#ffffff', '#2c2c2c'],
  'bg-secondary': ['#f5f5f5', '#383838'],
  'bg-tertiary': ['#1e1e1e', '#444444'],
  'bg-hover': ['#f5f5f5', '#383838'],
  'bg-pressed': ['#f5f5f5', '#383838'],
  'bg-brand': ['#0d99ff', '#0c8ce9'],
  'bg-brand-hover': ['#007be5', '#0a6dc2'],
  'bg-danger': ['#f24822', '#e03e1a'],
  'bg-danger-tertiary': ['#ffe2e0', '#4d2c24'],
  'bg-warning-tertiary': ['#fff1c2', '#4a3a1f'],
  'bg-success': ['#14ae5c', '#198f51'],
  'bg-disabled': ['#d9d9d9', '#757575'],
  text: ['#000000e5', '#ffffff'],
  'text-secondary': ['#00000080', '#ffffffb3'],
  'text-tertiary': ['#0000004d', '#ffffff66'],
  'text-onbrand': ['#ffffff', '#ffffff'],
  'text-brand': ['#007be5', '#7cc4f8'],
  'text-danger': ['#dc3412', '#fca397'],
  'text-warning': ['#b86200', '#f7d15f'],
  'text-disabled': ['#0000004d', '#ffffff66'],
  border: ['#e6e6e6', '#444444'],
  'border-strong': ['#2c2c2c', '#e6e6e6'],
  'border-selected': ['#0d99ff', '#0c8ce9'],
  'border-danger': ['#f24822', '#e03e1a'],
  icon: ['#000000e5', '#ffffff'],
  'icon-secondary': ['#00000080', '#ffffffb3'],
}

function styleFor(theme: FigmaTheme): string {
  const index = theme === 'light' ? 0 : 1
  const variables = Object.entries(TOKENS)
    .map(([name, values]) => `--figma-color-${name}:${values[index]};`)
    .join('')
  return `<style id="figma-style">:root{${variables}}</style>`
}

export function applyFigmaTheme(html: string, theme: FigmaTheme): string {
  const className = `figma-${theme}`
  let themed = /<html[\s>]/i.test(html)
    ? html.replace(/<html([^>]*)>/i, (tag: string, attributes: string) =>
        /\sclass=["']/i.test(attributes) ? tag.replace(/(\sclass=["'])/i, `$1${className} `) : `<html${attributes} class="${className}">`,
      )
    : `<html class="${className}">${html}</html>`
  themed = /<head[^>]*>/i.test(themed) ? themed.replace(/<head[^>]*>/i, (tag: string) => tag + styleFor(theme)) : styleFor(theme) + themed
  return themed
}
