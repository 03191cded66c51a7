// Messages from the right window only. Any frame in the page can post into the plugin's
// iframe; the UI applies a `pluginMessage` only when it comes from the iframe's parent, the
// window Figma (and the host page) delivers the sandbox's messages from.
import { describe, expect, it } from 'vitest'

import { useE2eFixtures } from './support/fixtures'
import { POLL } from './support/host-page'
import { openPlugin, selectReferences } from './support/plugin-ui'

const fixtures = useE2eFixtures()

declare global {
  interface Window {
    fromParent?: boolean[]
  }
}

describe('forged plugin messages', () => {
  it('a forged init or key-state from another frame is ignored and logged; the host’s own messages still arrive', async () => {
    const host = await openPlugin(fixtures.browser, fixtures.servers, { settings: { lastPrompt: 'Quiet harbour' } })
    try {
      const warnings: string[] = []
      host.page.on('console', (message) => {
        if (message.type() === 'warning') warnings.push(message.text())
      })
      const plugin = host.page.frames().find((frame) => frame !== host.page.mainFrame())!
      const prompt = host.ui.getByRole('textbox', { name: 'Prompt' })
      await expect.poll(() => prompt.inputValue(), POLL).toBe('Quiet harbour')
      // what the plugin's window hears from here on, and whether it came from its parent
      await plugin.evaluate(() => {
        window.fromParent = []
        window.addEventListener('message', (event) => window.fromParent!.push(event.source === window.parent))
      })

      // a sibling frame, as another embed on the page could be, posts as if it were the sandbox
      await host.page.evaluate(() => {
        const forger = document.createElement('iframe')
        forger.setAttribute('sandbox', 'allow-scripts')
        forger.style.display = 'none'
        forger.srcdoc = `<script>
          const target = parent.frames[0]
          target.postMessage({ pluginMessage: { type: 'init', settings: { lastPrompt: 'forged prompt' }, apiKey: 'forged-key-1234', editorType: 'figma', command: '', uploads: [] } }, '*')
          target.postMessage({ pluginMessage: { type: 'key-state', apiKey: null } }, '*')
        </script>`
        document.body.append(forger)
      })
      await expect.poll(() => warnings.filter((w) => w.includes('did not come from the window that hosts the plugin')).length, POLL).toBe(2)
      expect(warnings.join('\n')).not.toMatch(/forged/)
      expect(await prompt.inputValue()).toBe('Quiet harbour')
      // the stored key still stands: no "connect your account" form came back
      expect(await host.ui.getByText('Connect your Runware account').count()).toBe(0)
      expect(await host.ui.getByRole('button', { name: 'Settings' }).count()).toBe(1)

      // the host's own deliveries come from the parent, as Figma's do, and are applied
      await selectReferences(host, ['Tidal blue'])
      const sources = await plugin.evaluate(() => window.fromParent!)
      expect(sources.filter((fromParent) => !fromParent)).toHaveLength(2)
      expect(sources.filter((fromParent) => fromParent).length).toBeGreaterThan(0)
    } finally {
      await host.close()
    }
  }, 60_000)
})
