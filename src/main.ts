import { startPlugin } from './plugin'

// The only file that reads Figma's globals; everything else gets `figma` passed in.
startPlugin(figma, __html__)
