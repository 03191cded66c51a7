import { shorten } from '../common/shorten'

// The relaunch buttons a generated node carries. The commands must match the manifest's
// `relaunchButtons`: a command missing there shows no button.

export type RelaunchCommand = 'variations' | 'reuse-settings'

/** setRelaunchData throws for a description over 1000 characters. */
export const MAX_RELAUNCH_DESCRIPTION = 1000

export function isRelaunchCommand(command: string): command is RelaunchCommand {
  return command === 'variations' || command === 'reuse-settings'
}

/** The descriptions shown under each button: what a click will start from. */
export function relaunchDescriptions(prompt: string, width: number, height: number): Record<RelaunchCommand, string> {
  // Figma shows only three lines of a description, so the prompt is cut well short.
  const quoted = `“${shorten(prompt, 160)}”`
  return {
    variations: shorten(`New images from ${quoted} with this image as the reference`, 300),
    'reuse-settings': shorten(`Start from ${quoted}, ${width}×${height}`, 300),
  }
}
