// Member names of the node interfaces in @figma/plugin-typings, per node type the fake makes.
// The guard (guard.ts) uses them to tell "Figma has this member but the fake does not"
// (throw "not implemented in the fake") from "no such member on this node type" (undefined,
// as on a real node). The type checks at the bottom fail `tsc` when the installed typings
// gain or lose a member, so the lists cannot drift from the API they describe.

const BASE = [
  'type', 'id', 'parent', 'name', 'removed', 'toString', 'remove', 'setRelaunchData',
  'getRelaunchData', 'isAsset', 'getCSSAsync', 'getTopLevelFrame', 'getPluginData',
  'setPluginData', 'getPluginDataKeys', 'getSharedPluginData', 'setSharedPluginData',
  'getSharedPluginDataKeys', 'getDevResourcesAsync', 'addDevResourceAsync',
  'editDevResourceAsync', 'deleteDevResourceAsync', 'setDevResourcePreviewAsync',
] as const

const CHILDREN = [
  'children', 'appendChild', 'insertChild', 'findChildren', 'findChild', 'findAll', 'findOne',
  'findAllWithCriteria', 'findWidgetNodesByWidgetId',
] as const

const SCENE = [
  'clone', 'visible', 'locked', 'stuckNodes', 'attachedConnectors',
  'componentPropertyReferences', 'boundVariables', 'setBoundVariable', 'inferredVariables',
  'resolvedVariableModes', 'explicitVariableModes', 'clearExplicitVariableModeForCollection',
  'setExplicitVariableModeForCollection', 'animationStyles', 'animations',
  'manualKeyframeTracks', 'timelines', 'applyAnimationStyle', 'removeAnimationStyle',
  'applyManualKeyframeTrack', 'removeManualKeyframeTrack', 'setTimelineDuration', 'strokes',
  'strokeStyleId', 'setStrokeStyleIdAsync', 'strokeWeight', 'strokeJoin', 'strokeAlign',
  'dashPattern', 'strokeGeometry', 'setStrokesAsync', 'fills', 'fillStyleId',
  'setFillStyleIdAsync', 'setFillsAsync', 'resize', 'resizeWithoutConstraints', 'x', 'y',
  'width', 'height', 'minWidth', 'maxWidth', 'minHeight', 'maxHeight', 'relativeTransform',
  'absoluteTransform', 'absoluteBoundingBox', 'exportSettings', 'exportAsync',
  'targetAspectRatio', 'lockAspectRatio', 'unlockAspectRatio',
] as const

const LAYOUT = [
  'strokeCap', 'strokeMiterLimit', 'outlineStroke', 'fillGeometry',
  'variableWidthStrokeProperties', 'complexStrokeProperties', 'isMask', 'maskType', 'effects',
  'effectStyleId', 'setEffectStyleIdAsync', 'opacity', 'blendMode', 'constraints',
  'absoluteRenderBounds', 'constrainProportions', 'rotation', 'layoutSizingHorizontal',
  'layoutSizingVertical', 'rescale', 'layoutAlign', 'layoutGrow', 'layoutPositioning',
  'setGridChildPosition', 'gridRowAnchorIndex', 'gridColumnAnchorIndex', 'gridRowSpan',
  'gridColumnSpan', 'gridChildHorizontalAlign', 'gridChildVerticalAlign', 'annotations',
  'reactions', 'setReactionsAsync',
] as const

const CORNERS = [
  'cornerRadius', 'cornerSmoothing', 'topLeftRadius', 'topRightRadius', 'bottomLeftRadius',
  'bottomRightRadius',
] as const

const STROKE_WEIGHTS = [
  'strokeTopWeight', 'strokeBottomWeight', 'strokeLeftWeight', 'strokeRightWeight',
] as const

const FRAME_ONLY = [
  'detachedInfo', 'layoutGrids', 'gridStyleId', 'setGridStyleIdAsync', 'clipsContent', 'guides',
  'inferredAutoLayout', 'expanded', 'backgrounds', 'backgroundStyleId', 'layoutMode',
  'paddingLeft', 'paddingRight', 'paddingTop', 'paddingBottom', 'horizontalPadding',
  'verticalPadding', 'primaryAxisSizingMode', 'counterAxisSizingMode', 'strokesIncludedInLayout',
  'layoutWrap', 'primaryAxisAlignItems', 'counterAxisAlignItems', 'counterAxisAlignContent',
  'itemSpacing', 'counterAxisSpacing', 'itemReverseZIndex', 'gridRowCount', 'gridColumnCount',
  'gridRowGap', 'gridColumnGap', 'gridRowSizes', 'gridColumnSizes', 'appendChildAt',
  'gridAutoTracks', 'gridItemsPositioning', 'reorderRows', 'reorderColumns', 'devStatus',
  'overflowDirection', 'numberOfFixedChildren', 'overlayPositionType', 'overlayBackground',
  'overlayBackgroundInteraction',
] as const

const TEXT_ONLY = [
  'textAlignHorizontal', 'textAlignVertical', 'textAutoResize', 'textTruncation', 'maxLines',
  'autoRename', 'textStyleId', 'setTextStyleIdAsync', 'paragraphIndent', 'paragraphSpacing',
  'textWrapStyle', 'listSpacing', 'hangingPunctuation', 'hangingList', 'textDecoration',
  'textDecorationStyle', 'textDecorationOffset', 'textDecorationThickness',
  'textDecorationColor', 'textDecorationSkipInk', 'lineHeight', 'leadingTrim',
  'getRangeTextDecoration', 'setRangeTextDecoration', 'getRangeTextDecorationStyle',
  'setRangeTextDecorationStyle', 'getRangeTextDecorationOffset', 'setRangeTextDecorationOffset',
  'getRangeTextDecorationThickness', 'setRangeTextDecorationThickness',
  'getRangeTextDecorationColor', 'setRangeTextDecorationColor', 'getRangeTextDecorationSkipInk',
  'setRangeTextDecorationSkipInk', 'getRangeLineHeight', 'setRangeLineHeight',
  'getRangeListOptions', 'setRangeListOptions', 'getRangeListSpacing', 'setRangeListSpacing',
  'getRangeIndentation', 'setRangeIndentation', 'getRangeParagraphIndent',
  'setRangeParagraphIndent', 'getRangeParagraphSpacing', 'setRangeParagraphSpacing',
  'getRangeTextWrapStyle', 'setRangeTextWrapStyle', 'hasMissingFont', 'fontSize', 'fontName',
  'fontWeight', 'textCase', 'openTypeFeatures', 'letterSpacing', 'hyperlink', 'characters',
  'insertCharacters', 'deleteCharacters', 'getRangeFontSize', 'setRangeFontSize',
  'getRangeFontName', 'setRangeFontName', 'getRangeFontWeight', 'getRangeAllFontNames',
  'getRangeTextCase', 'setRangeTextCase', 'getRangeOpenTypeFeatures', 'getRangeLetterSpacing',
  'setRangeLetterSpacing', 'getRangeHyperlink', 'setRangeHyperlink', 'getRangeFills',
  'setRangeFills', 'getRangeTextStyleId', 'setRangeTextStyleIdAsync', 'setRangeTextStyleId',
  'getRangeFillStyleId', 'setRangeFillStyleIdAsync', 'setRangeFillStyleId',
  'getRangeBoundVariable', 'setRangeBoundVariable', 'getStyledTextSegments',
] as const

const PAGE_ONLY = [
  'clone', 'guides', 'selection', 'selectedTextRange', 'flowStartingPoints', 'backgrounds',
  'prototypeBackgrounds', 'prototypeStartNode', 'isPageDivider', 'loadAsync', 'on', 'once',
  'off', 'focusedSlide', 'focusedNode', 'exportSettings', 'exportAsync', 'explicitVariableModes',
  'clearExplicitVariableModeForCollection', 'setExplicitVariableModeForCollection',
  'getMeasurements', 'getMeasurementsForNode', 'addMeasurement', 'editMeasurement',
  'deleteMeasurement',
] as const

export const FRAME_MEMBERS = [
  ...BASE, ...SCENE, ...LAYOUT, ...CHILDREN, ...CORNERS, ...STROKE_WEIGHTS,
  ...FRAME_ONLY,
] as const
export const RECTANGLE_MEMBERS = [...BASE, ...SCENE, ...LAYOUT, ...CORNERS, ...STROKE_WEIGHTS] as const
export const SECTION_MEMBERS = [
  ...BASE, ...SCENE, ...CHILDREN, ...CORNERS, 'sectionContentsHidden', 'devStatus',
] as const
// A group has no fills, strokes, constraints or annotations of its own.
const NOT_ON_GROUPS = [
  'annotations', 'fills', 'strokes', 'strokeWeight', 'strokeStyleId', 'setStrokeStyleIdAsync',
  'strokeJoin', 'strokeAlign', 'dashPattern', 'strokeGeometry', 'setStrokesAsync', 'fillStyleId',
  'setFillStyleIdAsync', 'setFillsAsync', 'strokeCap', 'strokeMiterLimit', 'outlineStroke',
  'fillGeometry', 'variableWidthStrokeProperties', 'complexStrokeProperties', 'constraints',
] as const
type GroupMember =
  | Exclude<(typeof SCENE)[number] | (typeof LAYOUT)[number], (typeof NOT_ON_GROUPS)[number]>
  | (typeof BASE)[number] | (typeof CHILDREN)[number] | 'expanded' | 'backgrounds' | 'backgroundStyleId'
export const GROUP_MEMBERS: readonly GroupMember[] = [
  ...BASE, ...CHILDREN, 'expanded', 'backgrounds', 'backgroundStyleId',
  ...[...SCENE, ...LAYOUT].filter((name) => !(NOT_ON_GROUPS as readonly string[]).includes(name)) as GroupMember[],
]
export const TEXT_MEMBERS = [...BASE, ...SCENE, ...LAYOUT, ...TEXT_ONLY] as const
export const PAGE_MEMBERS = [...BASE, ...CHILDREN, ...PAGE_ONLY] as const
export const DOCUMENT_MEMBERS = [...BASE, ...CHILDREN, 'documentColorProfile'] as const

type Exact<List extends readonly string[], Keys> =
  [Exclude<Keys, List[number]>] extends [never]
    ? [Exclude<List[number], Keys>] extends [never] ? true : { extra: Exclude<List[number], Keys> }
    : { missing: Exclude<Keys, List[number]> }
type Assert<T extends true> = T

export type CheckFrame = Assert<Exact<typeof FRAME_MEMBERS, keyof FrameNode>>
export type CheckRectangle = Assert<Exact<typeof RECTANGLE_MEMBERS, keyof RectangleNode>>
export type CheckSection = Assert<Exact<typeof SECTION_MEMBERS, keyof SectionNode>>
export type CheckGroup = Assert<Exact<typeof GROUP_MEMBERS, keyof GroupNode>>
export type CheckText = Assert<Exact<typeof TEXT_MEMBERS, keyof TextNode>>
export type CheckPage = Assert<Exact<typeof PAGE_MEMBERS, keyof PageNode>>
export type CheckDocument = Assert<Exact<typeof DOCUMENT_MEMBERS, keyof DocumentNode>>
