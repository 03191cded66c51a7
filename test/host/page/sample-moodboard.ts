// The page a person (or a test) starts with: three visually distinct frames (colour, shapes,
// a title) side by side at the sizes designers work with (a 1440×1024 desktop frame, a 390×844
// phone, a 1080×1080 tile), a section holding a fourth, and a group of colour chips, so references and their influence
// on results are easy to see, and results appear at the scale they will have in Figma. Each
// frame's shapes are drawn on a small design grid and scaled to the frame. Made through the
// plugin API itself, like any document.

type Rgb = { r: number; g: number; b: number }

const hex = (value: string): Rgb => ({
  r: parseInt(value.slice(1, 3), 16) / 255,
  g: parseInt(value.slice(3, 5), 16) / 255,
  b: parseInt(value.slice(5, 7), 16) / 255,
})

const solid = (colour: string): SolidPaint[] => [{ type: 'SOLID', color: hex(colour) }]

const FONT: FontName = { family: 'Inter', style: 'Bold' }

interface Shape {
  kind: 'rect' | 'ellipse'
  x: number
  y: number
  width: number
  height: number
  colour: string
  radius?: number
}

interface FrameSpec {
  name: string
  title: string
  x: number
  y: number
  width: number
  height: number
  /** The grid the shapes are drawn on, scaled to width × height. */
  grid: { width: number; height: number }
  background: string
  ink: string
  shapes: Shape[]
}

const FRAMES: FrameSpec[] = [
  {
    name: 'Sunset dunes', title: 'Sunset dunes', x: 0, y: 0, width: 1440, height: 1024, grid: { width: 400, height: 300 }, background: '#ff8c42', ink: '#3d1a4a',
    shapes: [
      { kind: 'ellipse', x: 250, y: 40, width: 110, height: 110, colour: '#ffe066' },
      { kind: 'rect', x: 0, y: 200, width: 400, height: 100, colour: '#8a3b5c' },
      { kind: 'ellipse', x: -60, y: 170, width: 300, height: 120, colour: '#c4566b' },
    ],
  },
  {
    name: 'Tidal blue', title: 'Tidal blue', x: 1540, y: 0, width: 390, height: 844, grid: { width: 300, height: 400 }, background: '#0b3d91', ink: '#e0f7ff',
    shapes: [
      { kind: 'rect', x: 0, y: 230, width: 300, height: 40, colour: '#1e6fd9', radius: 20 },
      { kind: 'rect', x: 0, y: 290, width: 300, height: 40, colour: '#4aa3ff', radius: 20 },
      { kind: 'rect', x: 0, y: 350, width: 300, height: 50, colour: '#9fd8ff', radius: 20 },
    ],
  },
  {
    name: 'Moss & fern', title: 'Moss & fern', x: 2030, y: 0, width: 1080, height: 1080, grid: { width: 360, height: 360 }, background: '#e9f5db', ink: '#1b4332',
    shapes: [
      { kind: 'ellipse', x: 30, y: 120, width: 140, height: 200, colour: '#2d6a4f' },
      { kind: 'ellipse', x: 150, y: 90, width: 160, height: 240, colour: '#40916c' },
      { kind: 'rect', x: 0, y: 320, width: 360, height: 40, colour: '#774936' },
    ],
  },
]

const SECTION_FRAME: FrameSpec = {
  name: 'Neon grid', title: 'Neon grid', x: 80, y: 120, width: 840, height: 520, grid: { width: 420, height: 260 }, background: '#14051f', ink: '#f72585',
  shapes: [0, 1, 2, 3, 4, 5].map((i) => ({ kind: 'rect' as const, x: 20 + i * 68, y: 110, width: 48, height: 120 - i * 12, colour: i % 2 ? '#7209b7' : '#4cc9f0', radius: 6 })),
}

async function makeFrame(figma: PluginAPI, spec: FrameSpec): Promise<FrameNode> {
  const frame = figma.createFrame()
  frame.name = spec.name
  frame.resize(spec.width, spec.height)
  frame.x = spec.x
  frame.y = spec.y
  frame.fills = solid(spec.background)
  const sx = spec.width / spec.grid.width
  const sy = spec.height / spec.grid.height
  for (const shape of spec.shapes) {
    // Round shapes are fully rounded rectangles: they draw the same and need no ellipse type.
    const node = figma.createRectangle()
    const width = shape.width * sx
    const height = shape.height * sy
    node.resize(width, height)
    node.x = shape.x * sx
    node.y = shape.y * sy
    node.fills = solid(shape.colour)
    const radius = shape.kind === 'ellipse' ? Math.min(width, height) / 2 : shape.radius && shape.radius * Math.min(sx, sy)
    if (radius) node.cornerRadius = radius
    frame.appendChild(node)
  }
  const title = figma.createText()
  title.name = 'Title'
  title.fontName = FONT
  title.characters = spec.title
  title.fontSize = Math.round(30 * Math.min(sx, sy))
  title.fills = solid(spec.ink)
  title.x = 20 * sx
  title.y = 20 * sy
  frame.appendChild(title)
  return frame
}

// A group of loose colour chips beside the section: a reference that is not a frame.
function drawMoodChips(figma: PluginAPI): GroupNode {
  const chips = ['#ff8c42', '#0b3d91', '#40916c'].map((colour, i) => {
    const chip = figma.createRectangle()
    chip.resize(200, 200)
    chip.x = 1100 + i * 240
    chip.y = 1184
    chip.cornerRadius = 24
    chip.fills = solid(colour)
    return chip
  })
  const group = figma.group(chips, figma.currentPage)
  group.name = 'Mood chips'
  return group
}

export async function drawSampleMoodboard(figma: PluginAPI): Promise<void> {
  await figma.loadFontAsync(FONT)
  for (const spec of FRAMES) await makeFrame(figma, spec)
  const section = figma.createSection()
  section.name = 'More references'
  section.x = 0
  section.y = 1184
  section.resizeWithoutConstraints(1000, 760)
  section.fills = solid('#f2f2f2')
  section.appendChild(await makeFrame(figma, SECTION_FRAME))
  drawMoodChips(figma)
  figma.currentPage.selection = []
}
