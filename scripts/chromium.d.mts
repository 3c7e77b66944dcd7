/** Path of the Chromium binary (`CHROMIUM_PATH`, else Debian's /usr/bin/chromium). */
export declare const CHROMIUM_PATH: string;
/** Launch flags for headless Chromium on this kind of machine. */
export declare const CHROMIUM_ARGS: readonly string[];
