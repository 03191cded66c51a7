import type { GenerationRecord } from '../../src/common/generation-record'
import type { UiToPlugin } from '../../src/common/protocol'
import type { InferenceResult } from '../runware/types'
import { sendResult, type DeliverDeps, type Delivery, type ReadImage } from './deliver-result'
import { describeError } from './error-text'
import type { Slot } from './run-state'

// A run's results on their way to the canvas: each is posted in arrival order as soon as its
// bytes are ready, and the run ends only once every one that arrived is placed or refused.

/**
 * How long a cancelled run waits for results that had arrived (still downloading, decoding or
 * transcoding) before it ends: long enough for a slow download of a paid image, short enough
 * that "Cancelling…" never hangs on one that will not come (a download may take up to its
 * own timeout, much longer than a designer who pressed Cancel should wait).
 */
export const CANCEL_PLACE_WAIT_MS = 10_000

/** Said on each slot whose image had arrived but was not placed before the bounded wait ran out. */
export const NOT_PLACED_IN_TIME = 'This image arrived but could not be placed in time: generate it again.'

export interface PlacementBridge extends Pick<DeliverDeps['bridge'], 'placeResult' | 'placeResultUrl'> {
  send(message: UiToPlugin): boolean
}

export interface PlacementDeps extends Omit<DeliverDeps, 'bridge'> {
  bridge: PlacementBridge
  runId: string
  apiKey: string | null
  setSlot(index: number, slot: Slot): void
  /** Told of each image on the canvas with the bytes History reads again (none when Figma fetched it). */
  onPlaced(index: number, nodeId: string, readImage: ReadImage | null, record: GenerationRecord): void
}

export interface Placements {
  /** Makes a result's bytes ready and posts it, after those that arrived before it. */
  add(index: number, result: InferenceResult, record: () => GenerationRecord): void
  /** One slot is lost (a failed generation, or an image that cannot be placed): its placeholder goes. */
  fail(index: number, error: unknown): void
  /** Queues a slot's failure behind the results that arrived before it, so slots fill in arrival order. */
  failInOrder(index: number, error: unknown): void
  /** imageUUIDs on the canvas so far. */
  readonly placedImageUUIDs: readonly string[]
  /**
   * Waits until every result added is placed or refused, at most `boundMs` when given. Those
   * still on their way then fail with NOT_PLACED_IN_TIME and are never posted afterwards.
   */
  settle(boundMs?: number): Promise<void>
}

export function createPlacements(deps: PlacementDeps): Placements {
  const { runId, bridge } = deps
  // The sandbox handles messages one at a time, so posting in arrival order without waiting for
  // the one before to be placed still lands them in this order.
  let posting: Promise<void> = Promise.resolve()
  const placements: Promise<void>[] = []
  const placedImageUUIDs: string[] = []
  /** Slots with a result on its way (bytes being made ready, or posted and not yet answered). */
  const inFlight = new Set<number>()
  /** Set once the bounded wait ran out: nothing is posted after the run ended. */
  let closed = false

  const tooLate = (): Promise<never> => Promise.reject(new Error(NOT_PLACED_IN_TIME))
  const deliverDeps: DeliverDeps = {
    pipeline: deps.pipeline,
    fetchBytes: deps.fetchBytes,
    bridge: {
      placeResult: (body) => (closed ? tooLate() : bridge.placeResult(body)),
      placeResultUrl: bridge.placeResultUrl && ((body) => (closed ? tooLate() : bridge.placeResultUrl!(body))),
    },
  }

  function fail(index: number, error: unknown): void {
    inFlight.delete(index)
    const { message } = describeError(error, deps.apiKey, 'This image could not be placed')
    deps.setSlot(index, { status: 'failed', message })
    bridge.send({ type: 'result-failed', runId, index, message })
  }

  function placed(index: number, record: GenerationRecord, delivery: Delivery): Promise<void> {
    return delivery.placed.then(
      ({ nodeId, readImage }) => {
        // placed after the wait ran out all the same (posted before it): the canvas is the truth
        inFlight.delete(index)
        deps.setSlot(index, { status: 'placed', nodeId })
        placedImageUUIDs.push(record.imageUUID)
        try {
          deps.onPlaced(index, nodeId, readImage, record)
        } catch (error) {
          // the image is on the canvas: a listener's trouble must not mark it failed
          console.warn('onPlaced listener failed:', error)
        }
      },
      (error: unknown) => {
        if (!closed) fail(index, error)
      },
    )
  }

  async function post(index: number, result: InferenceResult, record: () => GenerationRecord): Promise<void> {
    if (closed) return
    try {
      const made = record()
      placements.push(placed(index, made, await sendResult(deliverDeps, { runId, index, result, record: made })))
    } catch (error) {
      if (!closed) fail(index, error)
    }
  }

  return {
    add(index, result, record) {
      inFlight.add(index)
      // in arrival order; the bytes of a result live only until it is placed
      posting = posting.then(() => post(index, result, record))
    },
    fail,
    failInOrder(index, error) {
      posting = posting.then(() => fail(index, error))
    },
    placedImageUUIDs,
    async settle(boundMs) {
      const all = (async () => {
        await posting
        // placements may be added while earlier ones settle: wait until none is left
        for (let seen = 0; seen < placements.length; seen = placements.length) await Promise.all(placements)
      })()
      if (boundMs === undefined) return all
      let timer: ReturnType<typeof setTimeout> | undefined
      const outOfTime = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), boundMs)))
      const settled = await Promise.race([all.then(() => 'settled' as const), outOfTime])
      clearTimeout(timer)
      if (settled === 'settled') return
      const late = [...inFlight].sort((a, b) => a - b)
      for (const index of late) fail(index, NOT_PLACED_IN_TIME)
      closed = true
    },
  }
}
