/**
 * Host answers the library cannot trust (issue 11, items 5 and 6):
 *
 * - one "not found" (error 1) does not disable an API for good: a later success brings `canIUse` back,
 *   and the library's own "no bridge" answer is not remembered as the host's;
 * - answers that throw when read (a getter, a Proxy, `{ error: Symbol() }`) fail the call with
 *   HostError 3 instead of throwing in the host's callback and leaving the call (UI APIs: forever)
 *   unsettled; an array answer is no result;
 * - a throwing `AlipayJSBridge` getter makes the call reject, not the wrapper throw.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { alert, canIUse, getSystemInfo, HostError, isUnsupportedError, showToast } from '../../src/index.js';
import { installFakeBridge, rejection, resetState, tick } from '../support/fake-bridge.js';

afterEach(() => {
  delete (window as unknown as { AlipayJSBridge?: unknown }).AlipayJSBridge;
  resetState();
});

describe('"not found" is not for good', () => {
  it('after error 1, a later success makes canIUse true again', async () => {
    const fake = installFakeBridge({ handlers: { getSystemInfo: { error: 1, errorMessage: 'not found' } } });
    expect(isUnsupportedError(await rejection(getSystemInfo()))).toBe(true);
    expect(canIUse('getSystemInfo')).toBe(false);
    fake.handle('getSystemInfo', { platform: 'Android' });
    await expect(getSystemInfo()).resolves.toMatchObject({ platform: 'Android' });
    expect(canIUse('getSystemInfo')).toBe(true);
  });

  it("a call that met no bridge (a foreign my without the API) does not mark the API unsupported", async () => {
    (window as unknown as { my: object }).my = { canIUse: undefined };
    await rejection(getSystemInfo());
    delete (window as unknown as { my?: object }).my;
    installFakeBridge({ handlers: { getSystemInfo: { platform: 'iOS' } } });
    expect(canIUse('getSystemInfo')).toBe(true);
  });
});

describe('answers that throw when read', () => {
  const throwingGetter = () =>
    Object.defineProperty({}, 'error', {
      enumerable: true,
      get() {
        throw new Error('getter');
      },
    });
  const throwingProxy = () =>
    new Proxy(
      {},
      {
        get() {
          throw new Error('proxy');
        },
      },
    );
  const answers: [string, () => unknown][] = [
    ['a throwing getter', throwingGetter],
    ['a throwing Proxy', throwingProxy],
    ['{ error: Symbol() }', () => ({ error: Symbol('x') })],
    ['{ errorCode: Symbol() }', () => ({ errorCode: Symbol('x') })],
  ];

  it.each(answers)('%s: a UI API (no timeout) rejects with HostError 3; nothing is thrown into the host callback', async (_label, make) => {
    installFakeBridge({ handlers: { alert: make } });
    const thrown: unknown[] = [];
    const onError = (e: ErrorEvent) => {
      thrown.push(e.error);
      e.preventDefault();
    };
    window.addEventListener('error', onError);
    const e = await rejection(alert({ content: 'x' }));
    await tick();
    window.removeEventListener('error', onError);
    expect(e).toBeInstanceOf(HostError);
    expect(e).toMatchObject({ api: 'alert', code: 3 });
    expect(thrown).toEqual([]);
  });

  it('an answer callback that throws when called synchronously by a host still settles the call', async () => {
    // The host calls back synchronously and the answer throws: the throw must not escape into `send`.
    installFakeBridge({ answer: 'sync', handlers: { showToast: throwingProxy } });
    await expect(rejection(showToast({ content: 'x' }))).resolves.toMatchObject({ name: 'HostError', code: 3 });
  });

  it('an array answer is no result: HostError 3', async () => {
    installFakeBridge({ handlers: { getSystemInfo: () => [1, 2, 3] } });
    const e = await rejection(getSystemInfo());
    expect(e).toBeInstanceOf(HostError);
    expect(e).toMatchObject({ code: 3 });
  });
});

describe('a throwing AlipayJSBridge getter', () => {
  it('the wrapper returns a rejected Promise; it does not throw', async () => {
    Object.defineProperty(window, 'AlipayJSBridge', {
      configurable: true,
      get() {
        throw new Error('bridge getter');
      },
    });
    let p: Promise<unknown> | undefined;
    expect(() => {
      p = getSystemInfo();
    }).not.toThrow();
    const e = await rejection(p!);
    expect(e).toMatchObject({ name: 'HostError', code: 3 });
    expect(canIUse('getSystemInfo')).toBe(true); // the synchronous check does not throw either
  });
});
