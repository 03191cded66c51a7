// Errors the fake throws. Where Figma's docs give Figma's wording it is used as is;
// elsewhere the message names the rule and what to do instead, so a failing product test
// explains itself.

export class NotImplementedInFakeError extends Error {
  override name = 'NotImplementedInFakeError'
}

export function notImplemented(what: string): never {
  throw new NotImplementedInFakeError(`not implemented in the fake: ${what}`)
}

// After closePlugin() "API access is disabled".
export function pluginClosedError(): Error {
  return new Error('The plugin has been closed: figma API access is disabled after figma.closePlugin()')
}

// A removed node stays referenced but can no longer be used.
export function nodeGoneError(id: string): Error {
  return new Error(`The node with id "${id}" does not exist (it was removed; check node.removed)`)
}

// These APIs throw under documentAccess: dynamic-page.
export function dynamicPageError(call: string, instead: string): Error {
  return new Error(`in ${call}: Cannot call with documentAccess: dynamic-page. Use ${instead} instead.`)
}

// Figma validates API arguments strictly; the fake reports unknown keys the same way so a
// misspelt option (e.g. `scale` instead of `constraint`) fails here too.
export function rejectUnknownKeys(what: string, value: object, allowed: readonly string[]): void {
  const unknown = Object.keys(value).filter((key) => !allowed.includes(key))
  if (unknown.length > 0) {
    throw new Error(`in ${what}: Unrecognized key(s) in object: ${unknown.map((k) => `'${k}'`).join(', ')}`)
  }
}
