// imageUpload: stores an image given as data URI, base64 or URL, at most
// 2048 px per side as Runware does, and answers with the array form plus imageURL
// (clients must accept both forms). The returned imageUUID is then accepted as a reference image.
import { randomUUID } from 'node:crypto'
import sharp from 'sharp'
import type { EmulatorContext } from './context'
import { classifyImageInput, ImageInputError, loadImageInput } from './decode-image-input'
import { errorItem } from './errors'
import { EXTENSION } from './image-formats'
import type { Outlet } from './outlet'
import { failFor, invalidValue, rejectUnknownKeys, requireTaskUUID, ValidationFailure, type Task } from './validate-fields'

const MAX_SIDE = 2048

async function storeUpload(ctx: EmulatorContext, task: Task): Promise<Record<string, unknown>> {
  const fail = failFor(task)
  const taskUUID = requireTaskUUID(task)
  rejectUnknownKeys(task, task, ['taskType', 'taskUUID', 'image'], '')
  const image = task.image
  if (typeof image !== 'string' || image.trim() === '' || classifyImageInput(image) === 'uuid') {
    fail('invalidImage', 'image', invalidValue('image', 'It must be a data URI, a base64 encoded image or a publicly accessible URL (PNG, JPG or WEBP).'))
  }
  if (!ctx.taskStore.reserve(taskUUID)) {
    fail('conflictTaskUUID', 'taskUUID', `A task with taskUUID ${taskUUID} was already submitted. Use a new UUID v4 for every task.`)
  }
  try {
    const loaded = await loadImageInput(ctx, image as string)
    let bytes = loaded.bytes
    if (loaded.width > MAX_SIDE || loaded.height > MAX_SIDE) {
      bytes = await sharp(bytes).resize(MAX_SIDE, MAX_SIDE, { fit: 'inside' }).toFormat(loaded.format).toBuffer()
    }
    const imageUUID = randomUUID()
    ctx.images.put({ uuid: imageUUID, bytes, format: loaded.format, servedUntil: Number.POSITIVE_INFINITY, kind: 'upload' })
    return { taskType: 'imageUpload', taskUUID, imageUUID, imageURL: `${ctx.baseUrl}/images/${imageUUID}.${EXTENSION[loaded.format]}` }
  } catch (error) {
    ctx.taskStore.release(taskUUID)
    if (!(error instanceof ImageInputError)) throw error
    const code = error.kind === 'download' ? 'downloadFailed' : 'invalidImage'
    throw new ValidationFailure(errorItem(code, invalidValue('image', error.message), { parameter: 'image', taskType: 'imageUpload', taskUUID }))
  }
}

export async function runUploadTask(ctx: EmulatorContext, task: Task, outlet: Outlet): Promise<void> {
  try {
    outlet.send([await storeUpload(ctx, task)], [])
  } catch (error) {
    if (error instanceof ValidationFailure) return outlet.send([], [error.item])
    throw error
  }
}
