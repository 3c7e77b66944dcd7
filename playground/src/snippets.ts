/**
 * Copyable code for one call, in the three forms pages use: `await` the ESM wrapper, `my.*` with
 * callbacks (the shim, or the closed SDK), and `AlipayJSBridge.call` where the docs show it.
 */
import type { ApiName } from '../../src/index.js';
import { errorCodes, meaningOf, nativeName, rowOf } from './table-info.js';

/** One form of the snippet. */
export interface Snippet {
  readonly id: 'esm' | 'my' | 'bridge';
  readonly label: string;
  readonly code: string;
}

const IDENT = /^[A-Za-z_$][\w$]*$/;

/** A JSON value as a JavaScript literal: unquoted keys where possible, single-quoted strings. */
export function jsLiteral(value: unknown, indent = 0): string {
  const pad = '  '.repeat(indent + 1);
  const end = '  '.repeat(indent);
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\u2028|\u2029/g, (c) => (c === '\u2028' ? '\\u2028' : '\\u2029'))}'`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (Array.isArray(value)) {
    if (!value.length) return '[]';
    const flat = value.map((v) => jsLiteral(v, indent + 1));
    const oneLine = `[${flat.join(', ')}]`;
    return oneLine.length <= 72 && !oneLine.includes('\n') ? oneLine : `[\n${flat.map((v) => pad + v).join(',\n')},\n${end}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    if (!entries.length) return '{}';
    const parts = entries.map(([k, v]) => `${IDENT.test(k) ? k : jsLiteral(k)}: ${jsLiteral(v, indent + 1)}`);
    const oneLine = `{ ${parts.join(', ')} }`;
    return oneLine.length <= 72 && !oneLine.includes('\n') ? oneLine : `{\n${parts.map((p) => pad + p).join(',\n')},\n${end}}`;
  }
  return 'undefined';
}

/** The properties of an object literal, one per line at `indent`, without the braces (for adding callbacks). */
function props(params: Record<string, unknown>, indent: number): string[] {
  const pad = '  '.repeat(indent);
  return Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${pad}${IDENT.test(k) ? k : jsLiteral(k)}: ${jsLiteral(v, indent)},`);
}

/** The documented error codes as comment lines. */
function codeComments(api: ApiName, pad: string): string[] {
  const codes = errorCodes(api);
  if (!codes.length) return [];
  return [`${pad}// documented codes:`, ...codes.map((c) => `${pad}//   ${c}: ${meaningOf(api, c)}`)];
}

function esm(api: ApiName, params: Record<string, unknown>): string {
  if (api === 'canIUse') {
    const name = jsLiteral(params['name'] ?? '');
    return [
      `import { canIUse, isSupported } from 'superqi-bridge';`,
      ``,
      `canIUse(${name});              // synchronous, like my.canIUse`,
      `const ok = await isSupported(${name}); // asks the host`,
    ].join('\n');
  }
  const arg = Object.keys(params).length ? jsLiteral(params) : '';
  const lines = [`import { ${api} } from 'superqi-bridge';`, ``, `try {`];
  if (api === 'tradePay') {
    lines.push(`  const { resultCode, status } = await tradePay(${arg});`, `  // 9000 success · 8000 processing · 4000 failed · 6001 cancelled · 6002 network-error · 6004 unknown`, `  console.log(resultCode, status);`);
  } else {
    lines.push(`  const result = await ${api}(${arg.replace(/\n/g, '\n  ')});`, `  console.log(result);`);
  }
  lines.push(`} catch (e) {`, `  // a SuperQiError: e.code, e.errorMessage (UserCancelledError, HostError, TimeoutError…)`);
  lines.push(...codeComments(api, '  '));
  lines.push(`  console.error(e.code, e.errorMessage);`, `}`);
  return lines.join('\n');
}

function my(api: ApiName, params: Record<string, unknown>): string {
  if (api === 'canIUse') return `if (my.canIUse(${jsLiteral(params['name'] ?? '')})) {\n  // the host has it\n}`;
  return [
    `my.${api}({`,
    ...props(params, 1),
    `  success: (res) => {`,
    `    console.log(res);`,
    `  },`,
    `  fail: (err) => {`,
    ...codeComments(api, '    '),
    `    console.error(err.error, err.errorMessage);`,
    `  },`,
    `  complete: () => {},`,
    `});`,
  ].join('\n');
}

function bridge(api: ApiName, params: Record<string, unknown>): string {
  const arg = jsLiteral(params);
  const failure = api === 'tradePay' ? `res.resultCode !== '9000'` : `res.error || res.errorCode`;
  return [
    `AlipayJSBridge.call('${nativeName(api)}', ${arg}, (res) => {`,
    `  if (${failure}) {`,
    ...codeComments(api, '    '),
    `    console.error(res);`,
    `  } else {`,
    `    console.log(res);`,
    `  }`,
    `});`,
  ].join('\n');
}

/** Whether the docs show `AlipayJSBridge.call` for `api` (bridge-only APIs and the H5+ forms). */
export const docsUseBridge = (api: ApiName): boolean => {
  const row = rowOf(api);
  return row.surface === 'bridge' || row.h5 === true;
};

/** The snippets for calling `api` with `params`; the bridge form only where the docs use it. */
export function snippets(api: ApiName, params: Record<string, unknown>): Snippet[] {
  const out: Snippet[] = [
    { id: 'esm', label: 'await (ESM)', code: esm(api, params) },
    { id: 'my', label: 'my.* callbacks', code: my(api, params) },
  ];
  if (docsUseBridge(api)) out.push({ id: 'bridge', label: 'AlipayJSBridge.call', code: bridge(api, params) });
  return out;
}
