import * as z from 'zod/mini'

import { parseUiToPlugin } from '../common/protocol/ui-to-plugin'
import type { UiToPlugin } from '../common/protocol'
import { reasonOf } from '../text'
import type { Post } from './post'

// Every message from the UI is parsed before anything happens (zod at every
// boundary). An invalid one is logged and refused whole; if it carried a request id the UI
// gets a `request-failed` so it does not wait forever.

export type MessageOf<K extends UiToPlugin['type']> = Extract<UiToPlugin, { type: K }>

export type Handlers = { [K in UiToPlugin['type']]: (message: MessageOf<K>) => void | Promise<void> }

export const UNREADABLE_REQUEST = 'The plugin could not read this request. Reopen the plugin and try again.'

/** What a refused message still tells: the request the UI waits on, if it names one. */
const WithRequestIdSchema = z.object({ requestId: z.string().check(z.minLength(1)) })

export interface RouterOptions {
  handlers: Handlers
  post: Post
  /** A handler threw on a message without a request id: tell the designer some other way. */
  onUnexpected: (type: UiToPlugin['type'], error: unknown) => void
}

/** Returns the function that takes each raw incoming message. It never throws. */
export function createRouter({ handlers, post, onUnexpected }: RouterOptions): (raw: unknown) => Promise<void> {
  return async (raw) => {
    const parsed = parseUiToPlugin(raw)
    if (!parsed.ok) {
      console.warn(parsed.reason)
      const named = WithRequestIdSchema.safeParse(raw)
      if (named.success) post({ type: 'request-failed', requestId: named.data.requestId, message: UNREADABLE_REQUEST })
      return
    }
    const message = parsed.message
    try {
      const handle = handlers[message.type] as (message: UiToPlugin) => void | Promise<void>
      await handle(message)
    } catch (error) {
      console.error(`handling '${message.type}' failed:`, error)
      if ('requestId' in message) {
        post({ type: 'request-failed', requestId: message.requestId, message: `Something went wrong: ${reasonOf(error)}` })
      } else {
        onUnexpected(message.type, error)
      }
    }
  }
}
