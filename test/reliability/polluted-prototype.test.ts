/**
 * A polluted `Object.prototype` set before the library loads (issue 19, item 8): pages that load old
 * polyfills have enumerable `success`, `timeout`, `error`, API names… there. For each polluting key
 * (test/support/polluting-keys.ts), set by assignment (enumerable) before the library and the emulator
 * are evaluated afresh: a wrapper call, a `my.*` callback call and `AlipayJSBridge.call` on the emulator
 * answer as on a clean page, and no inherited function is called. test/browser/polluted-prototype.test.ts
 * does the same in Chromium against the built bundles.
 *
 * The sources are bundled once (esbuild) and evaluated synchronously while the prototype is polluted:
 * the test runner's own module loading breaks under some of these keys (`error`, `timeout`).
 */
import { build } from 'esbuild';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { POLLUTING_KEYS } from '../support/polluting-keys.js';

type Lib = typeof import('../../src/index.js');
type Emu = typeof import('../../src/emulator/index.js');

const proto = Object.prototype as Record<string, unknown>;
const inherited: string[] = [];
const VALUES: Record<string, unknown> = {
  fn: function polluted(this: unknown) {
    inherited.push(String((this as { constructor?: { name?: string } } | null)?.constructor?.name));
    return 'P';
  },
  true: true,
  string: 'polluted',
  object: { polluted: true },
};

let added: string[] = [];
const pollute = (keys: readonly string[], value: unknown) => {
  for (const k of keys) proto[k] = value; // an assignment, as polyfills do: enumerable
  added = [...keys];
};
const clean = () => {
  for (const k of added.splice(0)) delete proto[k];
};

afterEach(() => {
  clean();
  delete (window as unknown as { AlipayJSBridge?: unknown }).AlipayJSBridge;
  delete (window as unknown as { my?: unknown }).my;
});

let bundle: string;
beforeAll(async () => {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  const out = await build({
    stdin: { contents: "export * as lib from './src/index.ts'; export * as emu from './src/emulator/index.ts';", resolveDir: root, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'loaded',
    platform: 'browser',
    target: 'es2020',
    logLevel: 'silent',
  });
  // esbuild's helper for `import * as` walks its export list with for…in (rollup, which builds dist/,
  // writes namespace objects as literals): own names only, or the harness itself calls inherited getters.
  const helper = 'for (var name in all)';
  const code = out.outputFiles[0]!.text;
  expect(code).toContain(helper);
  bundle = `${code.replace(helper, 'for (var name of Object.keys(all))')}\nreturn loaded;`;
});

/** The library and the emulator, evaluated afresh (so they load on the polluted prototype). */
async function load(): Promise<{ lib: Lib; emu: Emu }> {
  return new Function(bundle)() as { lib: Lib; emu: Emu };
}

/**
 * Loads and checks with `keys` polluted, and cleans up before returning: the test runner itself
 * cannot report a failure while Object.prototype carries `errors` and the like.
 */
async function pollutedRun(keys: readonly string[], value: unknown): Promise<unknown> {
  pollute(keys, value);
  try {
    return await check(await load());
  } catch (e) {
    return `threw ${String(e)}`;
  } finally {
    clean();
  }
}

const outcome = <T>(p: Promise<T>, show: (v: T) => unknown) =>
  p.then(show, (e: { name?: string; param?: string }) => `rejected ${e?.name}${e?.param ? `:${e.param}` : ''}`);

/** A wrapper call (valid and invalid), a `my.*` callback call and `AlipayJSBridge.call` answers. */
async function check({ lib, emu }: { lib: Lib; emu: Emu }): Promise<Record<string, unknown>> {
  const em = emu.install({ ui: 'auto', appId: 'polluted' });
  const my = lib.createMy() as unknown as Record<string, (p?: unknown) => Promise<unknown>>;
  const bridge = em.bridge;
  const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
  try {
    return {
      systemInfo: await outcome(lib.getSystemInfo(), (v) => typeof v.platform),
      badParam: await outcome(lib.showToast({ content: 1 as never }), () => 'resolved'),
      missing: await outcome(lib.getStorage({} as never), () => 'resolved'),
      toast: await outcome(lib.showToast({ content: 'x' }), (v) => Object.keys(v).length),
      storage: await outcome(
        lib.setStorage({ key: 'k', data: { n: 1 } }).then(() => lib.getStorage({ key: 'k' })),
        (v) => (v.data as { n: number }).n,
      ),
      confirm: await outcome(lib.confirm({ content: 'c' }), (v) => v.confirm),
      timeoutOption: await outcome(lib.getNetworkType({}, { timeout: 5000 }), (v) => typeof v.networkType),
      canIUse: [lib.canIUse('getSystemInfo'), lib.canIUse('noSuchApi'), lib.canIUse('success')].join(),
      mySuccess: await new Promise((res) => void my['getSystemInfo']!({ success: (r: { platform: unknown }) => res(typeof r.platform), fail: (e: Error) => res(`fail ${e.message}`) })),
      myFail: await new Promise((res) => void my['showToast']!({ content: 1, fail: (e: Error) => res(e.name) }).catch(() => {})),
      bridge: await new Promise((res) => bridge.call('getSystemInfo', {}, (r) => res(`${own(r as object, 'error')},${typeof (r as { platform?: unknown }).platform}`))),
      bridgeUnknown: await new Promise((res) => bridge.call('noSuchApi', {}, (r) => res((r as { error?: unknown }).error))),
      bridgeEmbedded: await new Promise((res) => bridge.call('getSystemInfo', { success: () => res('success'), fail: () => res('fail') } as object)),
      inherited: inherited.splice(0).join() || 'none',
    };
  } finally {
    emu.uninstall();
  }
}

const EXPECTED = {
  systemInfo: 'string',
  badParam: 'rejected InvalidParamsError:content',
  missing: 'rejected InvalidParamsError:key',
  toast: 0,
  storage: 1,
  confirm: true,
  timeoutOption: 'string',
  canIUse: 'true,false,false',
  mySuccess: 'string',
  myFail: 'InvalidParamsError',
  bridge: 'false,string',
  bridgeUnknown: 1,
  bridgeEmbedded: 'success',
  inherited: 'none',
};

describe('a polluted Object.prototype, set before the library loads', () => {
  it('a clean page answers every check as expected', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await check(await load())).toEqual(EXPECTED);
  });

  it(`each of ${POLLUTING_KEYS.length} keys set to a function: every call still answers`, async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const failures: Record<string, unknown> = {};
    for (const key of POLLUTING_KEYS) {
      const got = await pollutedRun([key], VALUES['fn']);
      if (JSON.stringify(got) !== JSON.stringify(EXPECTED)) failures[key] = got;
    }
    expect(failures).toEqual({});
  }, 300_000);

  it.each(Object.keys(VALUES))('every key at once, set to %s: every call still answers', async (kind) => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await pollutedRun(POLLUTING_KEYS, VALUES[kind])).toEqual(EXPECTED);
  });
});
