/** Types of echo.mjs. */
import type { IncomingMessage, ServerResponse } from 'node:http';
export declare function pngBytes(width?: number, height?: number): Uint8Array;
export declare function pdfBytes(text?: string): Uint8Array;
export declare const ECHO_ASSETS: Record<string, { type: string; bytes: Uint8Array }>;
/** Handles /echo and below; false for other paths. */
export declare function handleEcho(req: IncomingMessage, res: ServerResponse): boolean;
export declare const ECHO_PROBE: { path: string; server: { served: 'server' }; staticCopy: { served: 'page' } };
