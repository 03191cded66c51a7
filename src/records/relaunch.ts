import { shorten } from '../common/shorten'

// The relaunch buttons a generated node carries. The commands must match the manifest's
// `relaunchButtons` (figma-platform.md §1.1, §6.5): a command missing there shows no button.

export type RelaunchCommand = 'variations' | 'reuse-settings'

/** figma-platform.md §6.5: setRelaunchData throws for a description over 1000 characters. */
export const MAX_RELAUNCH_DESCRIPTION = 1000

export function isRelaunchCommand(command: string): command is RelaunchCommand {
  return command === 'variations' || command === 'reuse-settings'
}

/** The descriptions shown under each button: what a click will start from. */
export function relaunchDescriptions(prompt: string, width: number, height: number): Record<RelaunchCommand, string> {
  // Only three lines are visible (figma-platform.md §6.5), so the prompt is cut well short.
  const quoted = `“${shorten(prompt, 160)}”`
  return {
    variations: shorten(`New images from ${quoted} with this image as the reference`, 300),
    'reuse-settings': shorten(`Start from ${quoted}, ${width}×${height}`, 300),
  }
}
