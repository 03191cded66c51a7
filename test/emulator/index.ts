// A local double of Runware's API for runway:4@2 (REST + WebSocket on loopback), built from
// Runware's documented behaviour (docs/runware.md); its README says what it emulates.
export { startEmulator } from './server'
export { DEFAULT_API_KEY } from './types'
export type { Emulator, EmulatorOptions, EmulatorStats, Fault, FaultStatus, RecordedTask } from './types'
