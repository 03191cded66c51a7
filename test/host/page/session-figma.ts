// The `figma` one run of the plugin sees: the fake's, with every event registration recorded
// so that ending the run (close or reload) removes them. Otherwise a reloaded plugin would
// still have the previous run's selectionchange and message handlers attached to the same
// document. It also tells the host at once when the plugin opens, resizes or closes its UI.

export interface SessionHooks {
  onShowUI(): void
  onUiChange(): void
  onClosePlugin(): void
}

export interface SessionFigma {
  figma: PluginAPI
  /** Removes this run's handlers; from then on the run's `figma` refuses every call. */
  end(): void
}

type Handler = (...args: unknown[]) => unknown
type Registrar = { on(type: string, cb: Handler): void; once(type: string, cb: Handler): void; off(type: string, cb: Handler): void }

const UI_CHANGES = new Set(['resize', 'show', 'hide', 'reposition'])

function bindAll(target: object, prop: string | symbol): unknown {
  const value = Reflect.get(target, prop) as unknown
  return typeof value === 'function' ? (value as Handler).bind(target) : value
}

export function createSessionFigma(real: PluginAPI, hooks: SessionHooks): SessionFigma {
  const registrations: Array<{ owner: Registrar; type: string; callback: Handler }> = []
  let ended = false
  const refuse = () => {
    throw new Error('The plugin has been closed: this run of the plugin can no longer use the figma API')
  }

  const tracked = (owner: Registrar) => ({
    on: (type: string, callback: Handler) => {
      owner.on(type, callback)
      registrations.push({ owner, type, callback })
    },
    once: (type: string, callback: Handler) => {
      owner.once(type, callback)
      registrations.push({ owner, type, callback })
    },
    off: (type: string, callback: Handler) => {
      owner.off(type, callback)
      const index = registrations.findIndex((r) => r.owner === owner && r.type === type && r.callback === callback)
      if (index >= 0) registrations.splice(index, 1)
    },
  })

  const realUi = real.ui as unknown as Registrar & UIAPI
  const uiTracked = tracked(realUi)
  const ui = new Proxy(realUi, {
    get(target, prop) {
      if (ended) refuse()
      if (prop === 'on' || prop === 'once' || prop === 'off') return uiTracked[prop]
      if (prop === 'close') return () => { target.close(); hooks.onUiChange() }
      if (typeof prop === 'string' && UI_CHANGES.has(prop)) {
        return (...args: unknown[]) => {
          const result = (Reflect.get(target, prop) as Handler).apply(target, args)
          hooks.onUiChange()
          return result
        }
      }
      return bindAll(target, prop)
    },
    set(target, prop, value) {
      if (ended) refuse()
      return Reflect.set(target, prop, value)
    },
  })

  const figmaTracked = tracked(real as unknown as Registrar)
  const figma = new Proxy(real, {
    get(target, prop) {
      if (ended) refuse()
      if (prop === 'on' || prop === 'once' || prop === 'off') return figmaTracked[prop]
      if (prop === 'ui') return ui
      if (prop === 'showUI') return (html: string, options?: ShowUIOptions) => { target.showUI(html, options); hooks.onShowUI() }
      if (prop === 'closePlugin') return (message?: string) => { target.closePlugin(message); hooks.onClosePlugin() }
      return bindAll(target, prop)
    },
    set(target, prop, value) {
      if (ended) refuse()
      return Reflect.set(target, prop, value)
    },
  })

  return {
    figma,
    end() {
      if (ended) return
      ended = true
      for (const { owner, type, callback } of registrations.splice(0)) owner.off(type, callback)
      if (realUi.onmessage) realUi.onmessage = undefined
    },
  }
}
