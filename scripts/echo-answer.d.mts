/** Types of echo-answer.mjs, for the playground (TypeScript) that imports it. */
export interface EchoAnswer {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  bodyBytes: number;
  body?: string;
  json?: unknown;
  form?: Record<string, string>;
  parts?: { name: string; filename?: string }[];
}
export declare function echoAnswer(request: {
  method: string;
  url: URL;
  headers: Record<string, string | string[] | undefined>;
  /** The content-type header ('' when none). */
  type: string;
  /** The body's size in bytes. */
  bytes: number;
  /** The body as UTF-8 text. */
  text: string;
}): EchoAnswer;
