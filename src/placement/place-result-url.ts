import type { GenerationRecord } from '../common/generation-record'
import { tooLargeMessage } from '../image-side-limit'
import { reasonOf } from '../text'
import { fillSlot, slotProblem, type PlaceResultOutcome } from './place-result'
import type { Run } from './run-registry'

// URL output the UI could not download (the image host refused CORS, or the network failed
// in the iframe): the sandbox asks Figma to fetch it with createImageAsync, which is not bound
// by the iframe's null origin (the domain must be in networkAccess).
// The result is paid for, so this second route is worth a try before saying it is lost.

/** https only; http just for the loopback emulator and the manifest's devAllowedDomains. */
export function isFetchableImageUrl(url: string): boolean {
  return /^https:\/\/[^\s/?#]+/i.test(url) || /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//i.test(url)
}

export async function placeResultFromUrl(
  figma: PluginAPI,
  run: Run,
  index: number,
  url: string,
  record: GenerationRecord,
  secret: string | null,
): Promise<PlaceResultOutcome> {
  const refused = slotProblem(run, index)
  if (refused) return refused
  if (!isFetchableImageUrl(url)) {
    return { ok: false, message: 'Runware sent an image link that is not https, so the plugin did not open it.' }
  }
  let image: Image
  try {
    // Rejects on WEBP, over 4096 px or a failed download; nothing is touched yet.
    image = await figma.createImageAsync(url)
    const tooLarge = tooLargeMessage(await image.getSizeAsync())
    if (tooLarge) return { ok: false, message: tooLarge }
  } catch (error) {
    return { ok: false, message: `Neither the plugin window nor Figma could download this image (${reasonOf(error)}). Try again with Data URI output.` }
  }
  // the run may have ended or the slot been filled while Figma downloaded
  const late = slotProblem(run, index)
  if (late) return late
  return fillSlot(figma, run, index, image.hash, record, secret)
}
