// A local double of Runware's API for runway:4@2 (REST + WebSocket on loopback), built from
// shared/reference/runware-api.md. See README.md in this folder for what it emulates.
export { startEmulator } from './server'
export { DEFAULT_API_KEY } from './types'
export type { Emulator, EmulatorOptions, EmulatorStats, Fault, FaultStatus, RecordedTask } from './types'
