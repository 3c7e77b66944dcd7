/** A host that misbehaves: throws from call, answers a non-object, null or undefined. */
import { afterEach, describe, expect, it } from 'vitest';
import { call, getStorage, HostError, showToast, getSystemInfo } from '../../src/index.js';
import { CALLABLE, requiredParams, wrapperOf } from '../support/apis.js';
import { installFakeBridge, resetState } from '../support/fake-bridge.js';

afterEach(resetState);

describe('the host throws synchronously from call', () => {
  it.each(CALLABLE)('%s → HostError code 3, asynchronously', async (name) => {
    installFakeBridge({ modes: { '*': 'throw' }, throws: new Error('native crash') });
    let p!: Promise<unknown>;
    expect(() => (p = wrapperOf(name)(requiredParams(name)))).not.toThrow();
    const e = (await p.catch((x: unknown) => x)) as HostError;
    expect(e).toBeInstanceOf(HostError);
    expect(e.name).toBe('HostError');
    expect(e).toMatchObject({ api: name, code: 3, errorMessage: 'host threw: native crash' });
    expect(e.raw).toEqual({ error: 3, errorMessage: 'host threw: native crash' });
  });

  it.each([
    ['a string', 'boom', 'host threw: boom'],
    ['null', null, 'host threw: null'],
    ['undefined', undefined, 'host threw: undefined'],
    ['an object without message', { code: 1 }, 'host threw: [object Object]'],
  ])('throwing %s', async (_, thrown, message) => {
    installFakeBridge({ modes: { '*': 'throw' }, throws: thrown });
    await expect(getSystemInfo()).rejects.toMatchObject({ name: 'HostError', code: 3, errorMessage: message });
  });

  it('through call() as well; callbacks hear about it once', async () => {
    installFakeBridge({ modes: { '*': 'throw' } });
    const seen: string[] = [];
    await expect(
      call.unknown('custom', { fail: () => seen.push('fail'), complete: () => seen.push('complete') }),
    ).rejects.toMatchObject({ name: 'HostError', code: 3, api: 'custom' });
    expect(seen).toEqual(['fail', 'complete']);
  });

  it('a throw after answering synchronously does not override the answer', async () => {
    installFakeBridge({ answer: 'sync', handlers: { getStorage: { data: 'ok' } } });
    const bridge = (window as unknown as { AlipayJSBridge: { call: (...a: unknown[]) => void } }).AlipayJSBridge;
    const original = bridge.call;
    bridge.call = (...args: unknown[]) => {
      original(...args);
      throw new Error('after answering');
    };
    await expect(getStorage({ key: 'k' })).resolves.toEqual({ data: 'ok' });
  });
});

describe('a broken bridge object', () => {
  it('an AlipayJSBridge without call: a HostError, not a hang', async () => {
    (window as unknown as { AlipayJSBridge: unknown }).AlipayJSBridge = { startupParams: {} };
    await expect(getSystemInfo()).rejects.toMatchObject({ name: 'HostError', code: 3 });
  });
});

describe('the host answers a non-object', () => {
  it.each([
    ['a number', 42],
    ['a string', 'success'],
    ['true', true],
    ['false', false],
    ['a function', () => {}],
  ])('%s → HostError code 3 with the value in raw', async (_, value) => {
    installFakeBridge({ handlers: { showToast: () => value } });
    const e = (await showToast().catch((x: unknown) => x)) as HostError;
    expect(e).toBeInstanceOf(HostError);
    expect(e.code).toBe(3);
    expect(e.errorMessage).toBe(`host answered a ${typeof value}`);
    expect(e.raw).toEqual({ value });
  });
});

describe('the host answers nothing useful', () => {
  it.each([
    ['null', null],
    ['undefined', undefined],
  ])('%s → success {}', async (_, value) => {
    installFakeBridge({ handlers: { showToast: () => value } });
    await expect(showToast()).resolves.toEqual({});
  });

  // tradePay has its own result codes; the auth APIs' success is their authCode (test/core/docs-exact.test.ts).
  const OWN_OUTCOME = ['tradePay', 'getAuthCode', 'qicardSignContract'];
  it.each(CALLABLE.filter((n) => !OWN_OUTCOME.includes(n)))('%s: {} is a success {}', async (name) => {
    installFakeBridge({ handlers: { '*': {} } });
    await expect(wrapperOf(name)(requiredParams(name))).resolves.toEqual({});
  });

  it.each(['getAuthCode', 'qicardSignContract'] as const)('%s: {} is a HostError (no authCode)', async (name) => {
    installFakeBridge({ handlers: { '*': {} } });
    await expect(wrapperOf(name)(requiredParams(name))).rejects.toMatchObject({ name: 'HostError', code: 3 });
  });
});
