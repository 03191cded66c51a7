import { MAX_PROMPT_LENGTH } from './common/protocol'

// How the plugin was launched. The manifest's "Generate from selection" command takes the
// prompt as a Quick Actions parameter; while it is being typed the plugin runs in query
// mode and may not show UI, so the window opens on `run` instead.

/** The one command that takes parameters (the manifest's "Generate from selection"). */
export const PARAMETER_COMMAND = 'generate'
export const PROMPT_PARAMETER = 'prompt'

export function needsParameters(command: string): boolean {
  return command === PARAMETER_COMMAND
}

/** The prompt typed in Quick Actions, if any, cut to what the API accepts. */
export function promptFrom(parameters: ParameterValues | undefined): string | undefined {
  const value: unknown = parameters?.[PROMPT_PARAMETER]
  if (typeof value !== 'string') return undefined
  const prompt = value.trim().slice(0, MAX_PROMPT_LENGTH)
  return prompt.length > 0 ? prompt : undefined
}
