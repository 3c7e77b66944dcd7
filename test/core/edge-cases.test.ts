/** Edge cases decided after the first review: answers without codes, throwing callbacks, config, learned state. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { alert, canIUse, configure, confirm, getStorage, resetTransport, tradePay, call } from '../../src/index.js';
import { config } from '../../src/core/config.js';
import { installFakeBridge, resetState, tick } from '../support/fake-bridge.js';

afterEach(() => resetState());

describe('answers', () => {
  it('tradePay answered with no resultCode resolves status "unknown" (query the payment, as for 6004)', async () => {
    installFakeBridge({ handlers: { tradePay: {} } });
    expect(await tradePay({ paymentUrl: 'https://p' })).toEqual({ resultCode: '', status: 'unknown' });
  });

  it('tradePay failing without a result code still rejects with the host error', async () => {
    installFakeBridge({ handlers: { tradePay: { error: 2, errorMessage: 'bad url' } } });
    await expect(tradePay({ paymentUrl: 'x' })).rejects.toMatchObject({ code: 2, errorMessage: 'bad url' });
  });

  it('an explicit error: 0 is a success even with an errorMessage; a message with no code is a failure', async () => {
    installFakeBridge({ handlers: { getStorage: { error: 0, errorMessage: 'ok', data: 'v' }, alert: { errorMessage: 'nope' } } });
    expect(await getStorage({ key: 'k' })).toMatchObject({ data: 'v' });
    await expect(alert({})).rejects.toMatchObject({ code: 3, errorMessage: 'nope' });
  });
});

describe('callbacks', () => {
  it('complete still runs when success throws; the throw surfaces as an unhandled rejection', async () => {
    installFakeBridge();
    const complete = vi.fn();
    const seen: unknown[] = [];
    const onUnhandled = (e: unknown) => seen.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      await alert({
        success() {
          throw new Error('page bug');
        },
        complete,
      });
      await tick(5);
      expect(complete).toHaveBeenCalledTimes(1);
      expect(seen).toHaveLength(1);
      expect((seen[0] as Error).message).toBe('page bug');
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});

describe('configuration and learned state', () => {
  it('configure ignores undefined values (a spread options object cannot switch the timeout off)', () => {
    configure({ timeout: 1234 });
    configure({ timeout: undefined, readyTimeout: 50 });
    expect(config.timeout).toBe(1234);
    expect(config.readyTimeout).toBe(50);
    configure({ environment: 'browser' });
    configure({ environment: undefined });
    expect(config.environment).toBeUndefined();
  });

  it('resetTransport forgets APIs a previous host said it lacks', async () => {
    installFakeBridge({ handlers: { scan: { error: 1, errorMessage: 'not found' } } });
    await call('scan').catch(() => {});
    await expect(
      (async () => {
        const { scan } = await import('../../src/index.js');
        return scan();
      })(),
    ).rejects.toMatchObject({ code: 1 });
    expect(canIUse('scan')).toBe(false);
    resetTransport();
    expect(canIUse('scan')).toBe(true);
  });

  it('a later answer clears a "not found", also for APIs whose answers are post-processed (tradePay, confirm)', async () => {
    for (const [name, run, answer] of [
      ['tradePay', () => tradePay({ paymentUrl: 'https://pay.example/x' }), { resultCode: '9000' }],
      ['confirm', () => confirm({ content: 'x' }), { ok: true }],
    ] as const) {
      const fake = installFakeBridge({ handlers: { [name]: { error: 1, errorMessage: 'not found' } } });
      await expect(run()).rejects.toMatchObject({ code: 1 });
      expect(canIUse(name)).toBe(false);
      fake.handle(name, answer);
      await run();
      expect(canIUse(name)).toBe(true);
    }
  });
});

describe('unreadable params', () => {
  it('a getter that throws is refused as params that could not be read; the host is not called', async () => {
    const fake = installFakeBridge();
    const params = {
      key: 'k',
      get data(): string {
        throw new Error('boom');
      },
    };
    const { setStorage } = await import('../../src/index.js');
    await expect(setStorage(params as never)).rejects.toMatchObject({
      name: 'InvalidParamsError',
      param: 'params',
      errorMessage: expect.stringContaining('unreadable: boom'),
    });
    expect(fake.calls).toEqual([]);
  });
});
