import type { Handlers } from '../messages/router'
import type { PluginContext } from './context'
import { reasonOf } from '../text'
import { containsSecret, hideSecret, KEY_IN_PROMPT } from '../common/secret'
import { notify } from './context'
import { reportBoardStyle } from '../board-style'

// Start-up and stored state: the UI's handshake, settings and the API key.

type SetupHandlers = Pick<Handlers, 'ui-ready' | 'save-settings' | 'save-key' | 'forget-key'>

export function createSetupHandlers(context: PluginContext): SetupHandlers {
  const { figma, post } = context

  async function replyKeyState(): Promise<void> {
    post({ type: 'key-state', apiKey: await context.apiKey.read() })
  }

  return {
    async 'ui-ready'() {
      const [stored, apiKey, uploads] = await Promise.all([context.settings.load(), context.apiKey.read(), context.uploads.load()])
      // A prompt typed in Quick Actions arrives as the last prompt, which the UI fills in.
      const launchPrompt = context.launchPrompt()
      // A Quick Actions prompt holding the key ends here: nothing is run, saved or echoed.
      if (launchPrompt && containsSecret(launchPrompt, apiKey)) {
        figma.closePlugin(KEY_IN_PROMPT)
        return
      }
      const settings = launchPrompt ? { ...stored, lastPrompt: launchPrompt } : stored
      post({
        type: 'init',
        settings,
        apiKey,
        editorType: figma.editorType === 'figjam' ? 'figjam' : 'figma',
        command: context.command(),
        uploads,
      })
      // runs a close cut short: the UI asks Runware for their results by taskUUID
      // a prompt kept by an older version may hold the key: the UI quotes it in its report
      const pendingRuns = (await context.pendingRuns.list()).map((run) => ({ ...run, plan: { ...run.plan, prompt: hideSecret(run.plan.prompt, apiKey) } }))
      if (pendingRuns.length > 0) post({ type: 'pending-runs', runs: pendingRuns })
      await context.watcher.start()
      await reportBoardStyle(figma, post)
    },

    async 'save-settings'(message) {
      try {
        await context.settings.save(message.settings)
      } catch (error) {
        // setAsync rejects, e.g. over the 5 MB budget; the old value stays.
        console.warn('settings not saved:', error)
        notify(figma, 'Couldn’t save your settings: Figma’s plugin storage refused them', true)
      }
    },

    async 'save-key'(message) {
      try {
        await context.apiKey.save(message.key)
      } catch (error) {
        // Never say what the key is in a log: only that storing it failed.
        console.warn('API key not saved:', reasonOf(error, 'storage refused'))
        notify(figma, 'Couldn’t save the API key: Figma’s plugin storage refused it', true)
      }
      // The reply tells the UI what is actually stored, success or not.
      await replyKeyState()
    },

    async 'forget-key'() {
      try {
        await context.apiKey.forget()
      } catch (error) {
        console.warn('API key not forgotten:', reasonOf(error, 'storage refused'))
        notify(figma, 'Couldn’t forget the API key: Figma’s plugin storage refused', true)
      }
      await replyKeyState()
    },
  }
}
