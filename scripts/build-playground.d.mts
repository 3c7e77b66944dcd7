/** Types of build-playground.mjs, for the TypeScript tests that import it. */
export declare const ROOT: string;
export declare const PLAYGROUND_DIR: string;
export declare const OUT_DIR: string;
export declare const DEVTOOLS_OUT_DIR: string;
export interface BuildOptions {
  /** Where to write (default dist/playground). */
  outDir?: string;
  /** Where the devtools page goes (default dist/devtools). */
  devtoolsDir?: string;
  /** Compile with @rollup/plugin-typescript and fail on type errors (default true); false only strips types. */
  typecheck?: boolean;
}
export declare function buildPlayground(options?: BuildOptions): Promise<{ outDir: string; ms: number; warnings: string[] }>;
