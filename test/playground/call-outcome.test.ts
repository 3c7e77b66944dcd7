/**
 * The call log and the terminal classify an answer the same way: for every tradePay result code (and
 * for a plain failure of another API), the log's label matches the callback the wrapper fired.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alert, tradePay } from '../../src/index.js';
import { answer, emulator, fail, lastCall, setupEmulator, teardownEmulator } from '../../src/testing/index.js';
import { callOutcome } from '../../playground/src/call-outcome.js';

beforeEach(() => setupEmulator());
afterEach(() => teardownEmulator());

/** Which callback the wrapper fired for the next call. */
const routed = (run: (cb: { success: () => void; fail: () => void }) => Promise<unknown>) =>
  new Promise<'success' | 'fail'>((resolve) => {
    void run({ success: () => resolve('success'), fail: () => resolve('fail') }).catch(() => undefined);
  });

describe('call log outcome', () => {
  it.each([
    ['9000', 'success', 'success'],
    ['8000', 'success', 'processing'],
    ['6004', 'success', 'unknown'],
    ['4000', 'fail', 'failed'],
    ['6001', 'fail', 'cancelled'],
    ['6002', 'fail', 'network-error'],
  ] as const)('tradePay %s: the log says %s (%s), as the callbacks do', async (code, expected, status) => {
    answer('tradePay', { resultCode: code });
    const callback = await routed((cb) => tradePay({ paymentUrl: 'https://pay.example/x', ...cb }));
    expect(callback).toBe(expected);
    const record = lastCall('tradePay')!;
    // the emulator's own record sees a payload without `error`, which is why a label of its own misled
    expect(record.ok).toBe(true);
    expect(callOutcome(record)).toEqual({ ok: expected === 'success', label: expected, detail: `${status} (${code})` });
  });

  it('tradePay answered through errorCode (as some hosts do) is classified by its status too', async () => {
    // A failure as a success payload: what such a host sends, outside the documented result type.
    answer('tradePay', { error: 4000, errorCode: '4000', errorMessage: 'declined' } as never);
    const callback = await routed((cb) => tradePay({ paymentUrl: 'https://pay.example/x', ...cb }));
    expect(callback).toBe('fail');
    expect(callOutcome(lastCall('tradePay')!)).toMatchObject({ ok: false, label: 'fail', detail: 'failed (4000)' });
  });

  it('any other API: an error answer is a fail, a payload a success', async () => {
    fail('alert', 3, 'boom', { once: true });
    expect(await routed((cb) => alert({ content: 'x', ...cb }))).toBe('fail');
    expect(callOutcome(lastCall('alert')!)).toEqual({ ok: false, label: 'fail' });
    expect(await routed((cb) => alert({ content: 'y', ...cb }))).toBe('success');
    expect(callOutcome(lastCall('alert')!)).toEqual({ ok: true, label: 'success' });
  });

  it('a call not yet answered is pending', () => {
    expect(callOutcome({ api: 'tradePay', ok: undefined, answer: undefined })).toEqual({ ok: undefined, label: 'pending' });
    expect(emulator().calls).toHaveLength(0);
  });
});
