// Figma's plugin API types without its globals, so test code can type the fake and the
// sandbox modules it drives while also having the DOM and Node. plugin-api.d.ts declares
// global types and is not a module, so a reference is the only way to include it.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../node_modules/@figma/plugin-typings/plugin-api.d.ts" />
