/**
 * Generators of bad input for the property-based suites (fast-check), and the oracle that says what
 * the library must do with each generated call: refuse it before the host (InvalidParamsError naming a
 * parameter at fault) or send it, judged only by the documented rule (docs/wrappers.md, "Errors") — "a required parameter is missing
 * or a parameter has the wrong type" — and the row's type codes.
 */
import fc from 'fast-check';
import { specOf } from '../support/apis.js';

/** Strings that try to be markup, script, SQL, templates, paths, prototype keys or broken Unicode. */
export const HOSTILE_STRINGS: readonly string[] = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=2</script>',
  '"><svg onload=window.__pwned=3>',
  "'><iframe srcdoc='<script>parent.__pwned=4</script>'>",
  'javascript:window.__pwned=5',
  'data:text/html,<script>window.__pwned=6</script>',
  "'; DROP TABLE users; --",
  '${7*7}{{7*7}}#{7*7}',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '\u0000\u0001\u001f\u007f',
  '\uD800',
  '\uDFFF\uD800x',
  '\u202Eevil\u202C\u200B\uFEFF',
  'بغداد — مرحبا',
  '😀👍🏽‍👩‍👩‍👧',
  '\r\n\t\v\f',
  ' ',
  '',
  '../../../../etc/passwd',
  'file:///etc/passwd',
  '%00%0d%0aSet-Cookie:%20x=1',
  'NaN',
  'undefined',
  'null',
  '[object Object]',
  '1e309',
  '-0',
  'https://resource/apml00000000000000000000000000000000.image',
  'blob:http://localhost:3000/00000000-0000-0000-0000-000000000000#apml11111111111111111111111111111111.image',
  'http://127.0.0.1:1/"><script>window.__pwned=7</script>',
];

/** Built once: a string past every documented size limit (storage items are 200×1024 characters). */
const OVERSIZED: readonly string[] = ['x'.repeat(300 * 1024), '😀'.repeat(110 * 1024), '<b>'.repeat(80 * 1024)];

/**
 * fast-check's report, cut to a readable length: counterexamples can hold 300 KB strings and
 * 5,000-item arrays. Pass as `reporter` in `fc.assert` options.
 */
export function compactReporter<Ts>(out: fc.RunDetails<Ts>): void {
  if (!out.failed) return;
  const text = fc.defaultReportMessage(out) ?? 'property failed';
  throw new Error(text.length > 4000 ? `${text.slice(0, 4000)} … (report cut: ${text.length} characters)` : text);
}

/** Marks a parameter left out of the params object. */
export const MISSING: unique symbol = Symbol('missing');

const hostileString = fc.constantFrom(...HOSTILE_STRINGS);
const oversizedString = fc.constantFrom(...OVERSIZED);

/** An object or array nested `depth` levels deep, fresh each time. */
export function nested(depth: number, kind: 'object' | 'array'): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { next: v };
  return v;
}

/**
 * Values that are hostile as an API or event name, as params or as a host's answer (issue 19, item
 * 10): reading or converting them throws, or they have no prototype, or they are deep enough to
 * overflow a naive recursion. Made fresh on each call (a revoked Proxy stays revoked).
 */
export function hostileValues(): [label: string, value: unknown][] {
  const fail = (what: string) => () => {
    throw new Error(`${what} trap`);
  };
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  return [
    ['a Symbol', Symbol('hostile')],
    ['an object whose toString throws', { toString: fail('toString'), valueOf: fail('valueOf') }],
    ['an object whose Symbol.toPrimitive throws', { [Symbol.toPrimitive]: fail('toPrimitive') }],
    ['a null-prototype object', Object.create(null)],
    [
      'a Proxy whose every trap throws',
      new Proxy({}, { get: fail('get'), has: fail('has'), ownKeys: fail('ownKeys'), getOwnPropertyDescriptor: fail('descriptor'), getPrototypeOf: fail('prototype') }),
    ],
    ['a revoked Proxy', revoked.proxy],
    ['an array nested 10,000 deep', nested(10_000, 'array')],
  ];
}

/** A host answer whose fields throw when read (a getter on `error`, a Proxy), as a host could send. */
export function throwingAnswers(): [label: string, value: unknown][] {
  return [
    ['an answer whose error getter throws', Object.defineProperty({}, 'error', { enumerable: true, get: () => { throw new Error('getter'); } })],
    ['an answer that is a Proxy whose get trap throws', new Proxy({}, { get: () => { throw new Error('get trap'); } })],
  ];
}

/** A fresh object graph with a cycle somewhere inside. */
export function cyclic(where: number): Record<string, unknown> {
  const root: Record<string, unknown> = { name: 'root', list: [1, 2] };
  if (where === 0) root['self'] = root;
  else if (where === 1) (root['list'] as unknown[]).push(root);
  else {
    const child: Record<string, unknown> = { parent: root };
    root['child'] = { deeper: child };
  }
  return root;
}

const deep = fc
  .tuple(fc.integer({ min: 50, max: 2500 }), fc.constantFrom('object' as const, 'array' as const))
  .map(([depth, kind]) => nested(depth, kind));
const cyclicValue = fc.integer({ min: 0, max: 2 }).map(cyclic);
/** A big but flat object / array. */
const wide = fc.constantFrom('object', 'array').map((kind) =>
  kind === 'array' ? Array.from({ length: 5000 }, (_, i) => i) : Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`k${i}`, i])),
);
/** An object whose own keys are prototype names (made as JSON.parse makes them: own `__proto__`). */
const protoKeys = fc.constant(null).map(() => JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}') as unknown);

const validFor: Record<string, fc.Arbitrary<unknown>> = {
  s: fc.oneof(fc.string({ maxLength: 30 }), hostileString, oversizedString),
  n: fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 1e308, -1e308, Number.MIN_VALUE, 2 ** 53)),
  b: fc.boolean(),
  a: fc.oneof(fc.array(fc.oneof(fc.string({ maxLength: 10 }), hostileString), { maxLength: 5 }), fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 5 }), deep.map((d) => [d]), fc.constant(null).map(() => [cyclic(0)]), wide.filter(Array.isArray)),
  o: fc.oneof(fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), hostileString), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 }), deep.filter((d) => !Array.isArray(d)), cyclicValue, protoKeys, wide.filter((w) => !Array.isArray(w))),
};
validFor['x'] = fc.oneof(validFor['s']!, validFor['n']!, validFor['b']!, validFor['a']!, validFor['o']!, fc.constant(10n));

/** Values of every kind, typed right or wrong for any code. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  validFor['s']!,
  validFor['n']!,
  validFor['b']!,
  validFor['a']!,
  validFor['o']!,
  fc.constantFrom(NaN, Infinity, -Infinity, 10n, Symbol('s'), () => 'fn', new Date(0), /re/g, new Map([[1, 2]]), new Uint8Array(4)),
);

/** One parameter's value: missing, undefined, null, typed right (incl. hostile, oversized, deep, cyclic) or anything at all. */
export const paramValue = (code: string): fc.Arbitrary<unknown> =>
  fc.oneof(
    { arbitrary: fc.constant(MISSING), weight: 3 },
    { arbitrary: fc.constantFrom(undefined, null), weight: 2 },
    { arbitrary: validFor[code.toLowerCase()]!, weight: 4 },
    { arbitrary: anyValue, weight: 3 },
  );

/** What to put in the success/fail/complete slots: nothing, a function, or something that is not one. */
const callbackValue = fc.oneof(
  { arbitrary: fc.constant(MISSING), weight: 6 },
  { arbitrary: fc.constant('fn' as const), weight: 3 },
  { arbitrary: fc.constantFrom<unknown>(null, undefined, 'success', 1, true, {}, []), weight: 1 },
);

/** A generated call: the params as passed (or a non-object), plus which callbacks are spies. */
export interface Generated {
  /** The first argument of the wrapper. */
  params: unknown;
  /** The slots that hold spy functions (filled in by the test). */
  spies: ('success' | 'fail' | 'complete')[];
}

/** Every documented parameter of `api` (plus callbacks and extra junk keys), each one generated. */
export function callArbitrary(api: string): fc.Arbitrary<Generated> {
  const spec = specOf(api);
  const params = fc.record(Object.fromEntries(spec.map(([k, code]) => [k, paramValue(code)])) as Record<string, fc.Arbitrary<unknown>>);
  const callbacks = fc.record({ success: callbackValue, fail: callbackValue, complete: callbackValue });
  const extra = fc.option(fc.dictionary(fc.oneof(hostileString, fc.string({ maxLength: 6 })), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }), { nil: undefined });
  const asObject = fc.tuple(params, callbacks, extra).map(([p, cbs, more]): Generated => {
    const out: Record<string, unknown> = {};
    // extra keys first, so documented ones win when names collide
    if (more) for (const k of Object.keys(more)) Object.defineProperty(out, k, { value: more[k], enumerable: true, writable: true, configurable: true });
    for (const [k, v] of Object.entries(p)) if (v !== MISSING) out[k] = v;
    const spies: Generated['spies'] = [];
    for (const k of ['success', 'fail', 'complete'] as const) {
      const v = cbs[k];
      if (v === MISSING) continue;
      if (v === 'fn') spies.push(k);
      else out[k] = v;
    }
    return { params: out, spies };
  });
  const notAnObject = fc
    .constantFrom<unknown>(undefined, null, 'params', '', 0, 42, NaN, true, false, ['a'], [], () => ({}), Symbol('p'), 7n)
    .map((params): Generated => ({ params, spies: [] }));
  return fc.oneof({ arbitrary: asObject, weight: 9 }, { arbitrary: notAnObject, weight: 1 });
}

// ── the oracle ───────────────────────────────────────────────────────────────────────────────────

const fits = (code: string, v: unknown): boolean => {
  switch (code) {
    case 's':
      return typeof v === 'string';
    case 'n':
      return typeof v === 'number' && Number.isFinite(v);
    case 'b':
      return typeof v === 'boolean';
    case 'a':
      return Array.isArray(v);
    case 'o':
      return typeof v === 'object' && v !== null && !Array.isArray(v);
    default:
      return true; // 'x': anything present
  }
};

/** What the library must do with a call. */
export type Expected =
  | { kind: 'invalid'; params: readonly string[] }
  | { kind: 'sent'; serialisable: boolean };

/** Whether JSON (a native bridge) can carry `v`: no cycle, no BigInt. */
function jsonable(v: unknown): boolean {
  try {
    JSON.stringify(v);
    return true;
  } catch {
    return false;
  }
}

/** The documented rule (docs/wrappers.md) applied to a generated call (the spies count as valid callbacks). */
export function expectedFor(api: string, params: unknown): Expected {
  if (params === undefined || params === null) params = {};
  else if (typeof params !== 'object' || Array.isArray(params)) return { kind: 'invalid', params: ['params'] };
  const p = params as Record<string, unknown>;
  const bad: string[] = [];
  for (const [k, code] of specOf(api)) {
    const v = p[k];
    const required = code !== code.toLowerCase();
    if (v === undefined || v === null) {
      if (required) bad.push(k);
    } else if (!fits(code.toLowerCase(), v)) bad.push(k);
  }
  for (const k of ['success', 'fail', 'complete']) {
    const v = p[k];
    if (v !== undefined && v !== null && typeof v !== 'function') bad.push(k);
  }
  if (bad.length) return { kind: 'invalid', params: bad };
  const { success: _s, fail: _f, complete: _c, ...rest } = p;
  return { kind: 'sent', serialisable: jsonable(rest) };
}

/** Every error class the library rejects with. */
export const ERROR_NAMES = [
  'HostError',
  'UserCancelledError',
  'UnsupportedError',
  'InvalidParamsError',
  'TimeoutError',
  'AbortedError',
  'NotInHostError',
] as const;
