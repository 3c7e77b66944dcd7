/** Types of ascii-only.mjs. */
import type { Plugin } from 'rollup';
/** A rollup plugin that writes every non-ASCII character of the output as a `\uXXXX` escape. */
export declare function asciiOnly(): Plugin;
