// Figma's plugin API types without its globals, so test code can type the fake and the
// sandbox modules it drives while also having the DOM and Node.
/// <reference path="../node_modules/@figma/plugin-typings/plugin-api.d.ts" />
