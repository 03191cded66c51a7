import { createPlugin } from './plugin'

// The only file that reads Figma's globals; everything else gets `figma` passed in.
createPlugin(figma, __html__)
