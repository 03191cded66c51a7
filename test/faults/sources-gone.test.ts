import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { decodeRecord } from '../../src/common/generation-record'
import { LAYOUT } from '../../src/placement/run-layout'
import { startEmulator, type Emulator } from '../emulator/index'
import { addFrames, endpointOf, imageNodes, leftovers, openPlugin, selectAndWait, signIn, until, type World } from '../support/plugin-world'
import { RECORD_KEY } from '../../src/common/storage-keys'

// End to end (real sandbox, UI logic, Runware client, emulator): the source frames go away
// or the designer leaves their page while Runware is working, and the results still land in
// the run's section beside where the sources were.

let emulator: Emulator
const worlds: World[] = []
beforeAll(async () => {
  emulator = await startEmulator()
})
afterEach(() => {
  for (const world of worlds.splice(0)) world.app.dispose()
  emulator.setOptions({ latencyMs: 0 })
})
afterAll(async () => {
  await emulator.close()
})

const inferences = () => emulator.tasks.filter((t) => t.task.taskType === 'imageInference')

async function startSlowRun(world: World, frame: FrameNode): Promise<Promise<void>> {
  await signIn(world, emulator.apiKey, endpointOf(emulator, 'websocket'))
  await selectAndWait(world, [frame])
  emulator.setOptions({ latencyMs: 600 })
  const sentBefore = inferences().length
  world.app.actions.setPrompt('a harbour whose sources wander off')
  world.app.actions.pickSize({ width: 720, height: 720 })
  world.app.actions.setCount(2)
  const done = world.app.actions.generate()
  await until(() => inferences().length === sentBefore + 1, 'the task to reach Runware')
  await world.fake.flush()
  return done
}

function expectBesideOldSource(world: World, sourceRight: number, sourceTop: number): SectionNode {
  const placed = imageNodes(world.fake)
  expect(placed).toHaveLength(2)
  const section = placed[0]!.parent as SectionNode
  expect(section.type).toBe('SECTION')
  expect(placed.every((node) => node.parent === section)).toBe(true)
  expect(section.absoluteBoundingBox).toMatchObject({ x: sourceRight + LAYOUT.sourceGap, y: sourceTop })
  placed.forEach((node, index) => {
    expect(node.absoluteBoundingBox).toMatchObject({ x: sourceRight + LAYOUT.sourceGap + LAYOUT.padding + index * (720 + LAYOUT.slotGap), width: 720, height: 720 })
    expect(decodeRecord(node.getPluginData(RECORD_KEY))).toMatchObject({ index, prompt: 'a harbour whose sources wander off' })
  })
  expect(leftovers(world.fake)).toEqual([])
  return section
}

describe('sources gone mid-run, end to end', () => {
  it('the source frame is deleted while Runware works: both results land where the placeholders were', async () => {
    const world = openPlugin()
    worlds.push(world)
    const [frame] = addFrames(world.fake)
    const right = frame!.x + frame!.width
    const done = await startSlowRun(world, frame!)
    frame!.remove()

    await done
    await world.fake.flush()
    expect(world.app.controller.run.value?.phase).toBe('done')
    expectBesideOldSource(world, right, 0)
  })

  it('the designer goes to another page mid-run: results land on the sources’ page, the current page is left alone', async () => {
    const world = openPlugin()
    worlds.push(world)
    const [frame] = addFrames(world.fake)
    const home = world.fake.page
    const done = await startSlowRun(world, frame!)
    const other = world.fake.addPage('Elsewhere')
    await world.fake.figma.setCurrentPageAsync(other)

    await done
    await world.fake.flush()
    expect(world.app.controller.run.value?.phase).toBe('done')
    const section = expectBesideOldSource(world, frame!.x + frame!.width, 0)
    expect(section.parent?.id).toBe(home.id)
    expect(other.children).toHaveLength(0)
    expect(world.fake.figma.currentPage.id).toBe(other.id)
    expect(home.selection).toHaveLength(2)
    expect(world.fake.notifications.map((n) => n.message)).toContain(`Results are on page “${home.name}”`)
  })
})
