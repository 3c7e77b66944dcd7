/**
 * Everything the package exports but the wrappers and the ESM-only members (src/index.ts).
 * Kept apart so the script-tag build (`SuperQi`) gets exactly this, without the table's documentation.
 * Only re-exports, by name.
 */
export { call } from './core/call.js';
export { canIUse, isSupported } from './core/can-i-use.js';
export { configure, type SuperQiConfig } from './core/config.js';
export { ready } from './core/ready.js';
export { on, type HostEvent, type HostEventName } from './core/events.js';
export { getEnvironment, isSuperQi, type Environment } from './core/environment.js';
export type { Transport, Bridge, MyLike } from './core/transport.js';
export type { CallOptions } from './core/invoke.js';
export type { ApiCallbacks, ApiFunction } from './core/api.js';
export { tradePayStatus, type PaymentAmount } from './core/trade-pay.js';
export { createMy, installShim, patchBridge, type MyShim } from './shim.js';
export * from './errors/index.js';
export type { Table, ApiName, ApiParams, ApiResult, ApiErrorCode, CommonErrorCode, KnownApiName, KnownParams, KnownResult } from './table/index.js';
export type * from './types/register.js';
export type * from './table/row.js';
export type * from './types/common.js';
export type * from './types/essential.js';
export type * from './types/ui.js';
export type * from './types/media.js';
export type * from './types/storage.js';
export type * from './types/file.js';
export type * from './types/location.js';
export type * from './types/network.js';
export type * from './types/device.js';
export type * from './types/framework.js';
export type * from './types/undocumented.js';
