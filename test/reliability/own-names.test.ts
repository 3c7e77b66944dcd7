/**
 * Names are looked up as own properties only (issue 11, item 4, and the should-fix on inherited
 * properties): `constructor`, `toString`, `__proto__` are no APIs, presets, settings or renames, and a
 * polluted `Object.prototype` (`done`, `signal`, `success`, `force`) does not change what a call does.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { call, canIUse, configure, getEnvironment, isSuperQi, isUnsupportedError, resetConfig, showToast } from '../../src/index.js';
import { install, uninstall } from '../../src/emulator/index.js';
import { installFakeBridge, rejection, resetState, setUserAgent, tick } from '../support/fake-bridge.js';

const PROTO_NAMES = ['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__', '__defineGetter__'];

afterEach(() => {
  uninstall();
  resetState();
});

describe('under the emulator, Object.prototype names are no APIs', () => {
  it.each(PROTO_NAMES)("call('%s') is answered 'not supported' (error 1), not by Object.prototype", async (name) => {
    install({ ui: 'auto', onUnknownApi: () => ({ error: 1, errorMessage: `${name} is not supported` }) });
    const e = await rejection(call.unknown(name));
    expect(isUnsupportedError(e)).toBe(true);
  });

  it.each(PROTO_NAMES)("canIUse('%s') is false", (name) => {
    install({ ui: 'auto' });
    expect(canIUse(name)).toBe(false);
  });

  it.each(PROTO_NAMES)("emulator.preset('%s') is refused", (name) => {
    const em = install({ ui: 'auto' });
    expect(() => em.preset(name as never)).toThrow(/unknown preset/);
  });
});

describe('configure() takes own settings only', () => {
  it('a JSON __proto__ key does not make isSuperQi() true in a plain browser, before or after resetConfig()', () => {
    configure(JSON.parse('{"__proto__":{"environment":"superqi"}}'));
    expect(isSuperQi()).toBe(false);
    expect(getEnvironment().overridden).toBe(false);
    resetConfig();
    expect(isSuperQi()).toBe(false);
  });
});

describe('natives renames', () => {
  it('a `constructor` (or `toString`) key in params keeps its name', async () => {
    const fake = installFakeBridge();
    configure({ natives: { showToast: { name: 'toast', params: { content: 'message' } } } });
    await showToast({ content: 'hi', constructor: 1, toString: 2 } as never);
    expect(fake.calls[0]).toMatchObject({ name: 'toast', params: { message: 'hi', constructor: 1, toString: 2 } });
    expect(Object.keys(fake.calls[0]!.params).sort()).toEqual(['constructor', 'message', 'toString']);
  });
});

describe('a polluted Object.prototype', () => {
  const polluted: string[] = [];
  const pollute = (key: string, value: unknown) => {
    Object.defineProperty(Object.prototype, key, { value, configurable: true, writable: true, enumerable: false });
    polluted.push(key);
  };
  afterEach(() => {
    for (const k of polluted.splice(0)) delete (Object.prototype as Record<string, unknown>)[k];
  });

  it('Object.prototype.done / signal: calls still settle', async () => {
    installFakeBridge({ handlers: { showToast: {} } });
    pollute('done', true);
    pollute('signal', 1);
    await expect(showToast({ content: 'x' })).resolves.toEqual({});
    expect((await rejection(showToast({ content: 1 } as never))) as Error).toMatchObject({ name: 'InvalidParamsError' });
  });

  it("Object.prototype.host / listenedTo: a refused call neither aborts an inherited host nor unlistens an inherited signal", async () => {
    installFakeBridge({ handlers: { showToast: {} } });
    const abort = vi.fn();
    const removeEventListener = vi.fn();
    pollute('host', { abort });
    pollute('listenedTo', { removeEventListener });
    expect((await rejection(showToast({ content: 1 } as never))) as Error).toMatchObject({ name: 'InvalidParamsError' });
    await expect(showToast({ content: 'x' })).resolves.toEqual({});
    expect(abort).not.toHaveBeenCalled();
    expect(removeEventListener).not.toHaveBeenCalled();
  });

  it('Object.prototype.force does not let the emulator install under a host user agent', () => {
    setUserAgent('Mozilla/5.0 AlipayClient/10.5.0 SuperQi/1.30.0');
    pollute('force', true);
    expect(() => install({ ui: 'auto' })).toThrow(/refused/);
  });

  it('Object.prototype.success does not become a callback of the emulator bridge', async () => {
    const em = install({ ui: 'auto' });
    const seen: unknown[] = [];
    pollute('success', () => seen.push('inherited'));
    await new Promise<void>((resolve) => em.bridge.call('getSystemInfo', { complete: () => resolve() }));
    await tick();
    expect(seen).toEqual([]);
  });
});
