// Member names of the plugin-level API objects in @figma/plugin-typings. The guard uses
// them so that touching a real Figma member the fake lacks throws "not implemented in the
// fake: figma.X" instead of quietly reading undefined. The checks at the bottom make `tsc`
// fail if the installed typings and these lists disagree.

export const PLUGIN_API_MEMBERS = [
  'apiVersion', 'command', 'editorType', 'mode', 'pluginId', 'widgetId', 'fileKey',
  'skipInvisibleInstanceChildren', 'timer', 'viewport', 'currentUser', 'activeUsers',
  'textreview', 'codegen', 'vscode', 'devResources', 'payments', 'closePlugin', 'notify',
  'commitUndo', 'triggerUndo', 'saveVersionHistoryAsync', 'openExternal', 'showUI', 'ui', 'util',
  'constants', 'clientStorage', 'parameters', 'motion', 'getNodeByIdAsync', 'getNodeById',
  'getStyleByIdAsync', 'getStyleById', 'variables', 'teamLibrary', 'annotations', 'buzz', 'root',
  'currentPage', 'setCurrentPageAsync', 'on', 'once', 'off', 'mixed', 'createRectangle',
  'createLine', 'createEllipse', 'createPolygon', 'createStar', 'createVector', 'createText',
  'createFrame', 'createComponent', 'createComponentFromNode', 'createPage', 'createPageDivider',
  'createSlice', 'createSlide', 'createSlideRow', 'createSticky', 'createConnector',
  'createShapeWithText', 'createCodeBlock', 'createSection', 'createTable', 'createTextPath',
  'createNodeFromJSXAsync', 'createBooleanOperation', 'createPaintStyle', 'createTextStyle',
  'createEffectStyle', 'createGridStyle', 'createCustomAnimationStyle',
  'getLocalPaintStylesAsync', 'getLocalPaintStyles', 'getLocalTextStylesAsync',
  'getLocalTextStyles', 'getLocalEffectStylesAsync', 'getLocalEffectStyles',
  'getLocalGridStylesAsync', 'getLocalGridStyles', 'getLocalCustomAnimationStylesAsync',
  'getLocalCustomAnimationStyles', 'getSelectionColors', 'moveLocalPaintStyleAfter',
  'moveLocalTextStyleAfter', 'moveLocalEffectStyleAfter', 'moveLocalGridStyleAfter',
  'moveLocalCustomAnimationStyleAfter', 'moveLocalPaintFolderAfter', 'moveLocalTextFolderAfter',
  'moveLocalEffectFolderAfter', 'moveLocalGridFolderAfter',
  'moveLocalCustomAnimationFolderAfter', 'importComponentByKeyAsync',
  'importComponentSetByKeyAsync', 'importStyleByKeyAsync', 'listAvailableShaders',
  'importShaderById', 'listAvailableFontsAsync', 'loadFontAsync', 'getFontFamilyVariationAxes',
  'hasMissingFont', 'createNodeFromSvg', 'createImage', 'createImageAsync', 'getImageByHash',
  'createVideoAsync', 'createLinkPreviewAsync', 'createGif', 'combineAsVariants', 'group',
  'transformGroup', 'flatten', 'union', 'subtract', 'intersect', 'exclude', 'ungroup',
  'base64Encode', 'base64Decode', 'getFileThumbnailNodeAsync', 'getFileThumbnailNode',
  'setFileThumbnailNodeAsync', 'loadAllPagesAsync', 'getSlideGrid', 'setSlideGrid',
  'getCanvasGrid', 'setCanvasGrid', 'createCanvasRow', 'moveNodesToCoord', 'loadBrushesAsync',
] as const

export const UI_API_MEMBERS = [
  'show', 'hide', 'resize', 'reposition', 'getPosition', 'close', 'postMessage', 'onmessage',
  'on', 'once', 'off',
] as const

export const CLIENT_STORAGE_API_MEMBERS = [
  'getAsync', 'setAsync', 'deleteAsync', 'keysAsync',
] as const

export const VIEWPORT_API_MEMBERS = [
  'center', 'zoom', 'scrollAndZoomIntoView', 'bounds', 'slidesView', 'canvasView',
] as const

export const ANNOTATIONS_API_MEMBERS = [
  'getAnnotationCategoriesAsync', 'getAnnotationCategoryByIdAsync', 'addAnnotationCategoryAsync',
] as const

export const PARAMETERS_API_MEMBERS = [
  'on', 'once', 'off',
] as const

type Exact<List extends readonly string[], Keys> =
  [Exclude<Keys, List[number]>] extends [never]
    ? [Exclude<List[number], Keys>] extends [never] ? true : { extra: Exclude<List[number], Keys> }
    : { missing: Exclude<Keys, List[number]> }
type Assert<T extends true> = T

export type CheckPluginApi = Assert<Exact<typeof PLUGIN_API_MEMBERS, keyof PluginAPI>>
export type CheckUiApi = Assert<Exact<typeof UI_API_MEMBERS, keyof UIAPI>>
export type CheckClientStorage = Assert<Exact<typeof CLIENT_STORAGE_API_MEMBERS, keyof ClientStorageAPI>>
export type CheckViewport = Assert<Exact<typeof VIEWPORT_API_MEMBERS, keyof ViewportAPI>>
export type CheckAnnotations = Assert<Exact<typeof ANNOTATIONS_API_MEMBERS, keyof AnnotationsAPI>>
export type CheckParameters = Assert<Exact<typeof PARAMETERS_API_MEMBERS, keyof ParametersAPI>>
