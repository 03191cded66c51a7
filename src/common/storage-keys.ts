// Every key under which the plugin keeps data, declared here and nowhere else; docs/storage.md
// gives each one's shape, bound and writer.
//
// figma.clientStorage (per user, on this machine): versioned keys, so a future shape can start
// fresh instead of misreading old data. The sandbox owns the storage; the settings are the UI's
// own, which the sandbox keeps without reading. The API key has its own entry and never travels
// with settings.

export const SETTINGS_STORAGE_KEY = 'settings-v1'
export const API_KEY_STORAGE_KEY = 'runware-api-key-v1'
/**
 * The runs and the spend total, as one value `{ entries, spend }`, so one write changes both
 * or neither. The total is kept, not summed from the runs: the oldest runs are dropped.
 */
export const HISTORY_STORAGE_KEY = 'history-v2'
/** Where an earlier version kept the two apart (runs, then the total); read once and removed. */
export const OLD_HISTORY_KEYS = ['history-v1', 'spend-v1'] as const
export const UPLOAD_CACHE_STORAGE_KEY = 'upload-cache-v1'
export const PENDING_RUNS_STORAGE_KEY = 'pending-runs-v1'

// Plugin data (in the document, per node or page): private to this plugin, so not versioned by
// key; each value carries its own version where its shape can change.

/** A generated image's record (prompt, size, seed, ids, cost…). */
export const RECORD_KEY = 'generation'
/** On a run's section: which run it is and which sources it came from. */
export const RUN_MARKER_KEY = 'run'
/** On a page: its pinned board style. */
export const BOARD_STYLE_KEY = 'board-style'
