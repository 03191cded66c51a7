// Where the plugin keeps per-user data in figma.clientStorage, under versioned keys so a future
// shape can start fresh instead of misreading old data. The sandbox owns the storage; the
// settings under SETTINGS_STORAGE_KEY are the UI's own, which the sandbox keeps without reading
// (ui/state/settings.ts). The API key has its own entry and never travels with settings.

export const SETTINGS_STORAGE_KEY = 'settings-v1'
export const API_KEY_STORAGE_KEY = 'runware-api-key-v1'
