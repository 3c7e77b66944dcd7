/**
 * tradePay: whichever way the host delivers the result code (success payload, failure payload with
 * resultCode, or the code as `error`/`errorCode`), the Promise resolves `{ resultCode, status }` and the
 * callbacks keep the routing real pages expect. Plus the IQD/fils helpers.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  filsToIqd,
  HostError,
  installShim,
  iqdToFils,
  toPaymentAmount,
  tradePay,
  tradePayStatus,
  UnsupportedError,
} from '../../src/index.js';
import { rowOf } from '../support/apis.js';
import { installFakeBridge, resetState, tick } from '../support/fake-bridge.js';

afterEach(resetState);

const CASES = [
  ['9000', 'success', 'success'],
  ['8000', 'processing', 'success'],
  ['4000', 'failed', 'fail'],
  ['6001', 'cancelled', 'fail'],
  ['6002', 'network-error', 'fail'],
  ['6004', 'unknown', 'success'],
] as const;

it('the cases cover every result code the page documents', () => {
  expect(CASES.map(([c]) => c).sort()).toEqual(Object.keys(rowOf('tradePay').errors!).sort());
});

const DELIVERIES: [string, (code: string) => unknown][] = [
  ['success payload { resultCode }', (code) => ({ resultCode: code })],
  ['numeric resultCode', (code) => ({ resultCode: Number(code) })],
  ['failure payload with resultCode and error', (code) => ({ resultCode: code, error: 4, errorMessage: 'failed' })],
  ['{ error: code }', (code) => ({ error: Number(code) })],
  ['{ error: "code" }', (code) => ({ error: code, errorMessage: 'x' })],
  ['{ errorCode: "code" }', (code) => ({ errorCode: code })],
];

describe.each(CASES)('resultCode %s', (code, status, route) => {
  it.each(DELIVERIES)(`as %s → ${status}, ${route} callback`, async (_, answer) => {
    installFakeBridge({ handlers: { tradePay: () => answer(code) } });
    const success = vi.fn();
    const fail = vi.fn();
    const complete = vi.fn();
    const result = await tradePay({ paymentUrl: 'https://cashier/x', success, fail, complete });
    await tick();
    expect(result.resultCode).toBe(code);
    expect(result.status).toBe(status);
    expect(tradePayStatus(code)).toBe(status);
    const used = route === 'success' ? success : fail;
    const unused = route === 'success' ? fail : success;
    expect(used).toHaveBeenCalledTimes(1);
    expect(used).toHaveBeenCalledWith(result);
    expect(unused).not.toHaveBeenCalled();
    expect(complete).toHaveBeenCalledTimes(1);
    expect(complete).toHaveBeenCalledWith(result);
  });

  it('through a foreign my that calls fail (or success) with the code', async () => {
    const via = route === 'success' ? 'success' : 'fail';
    (window as unknown as { my: unknown }).my = {
      tradePay: (o: Record<string, (r: unknown) => void>) => setTimeout(() => o[via]!({ resultCode: code }), 0),
    };
    const fail = vi.fn();
    const success = vi.fn();
    await expect(tradePay({ paymentUrl: 'u', success, fail })).resolves.toEqual({ resultCode: code, status });
    await tick();
    expect((route === 'success' ? success : fail)).toHaveBeenCalledTimes(1);
    expect((route === 'success' ? fail : success)).not.toHaveBeenCalled();
  });
});

describe('other tradePay answers', () => {
  it('keeps the other fields of the payload', async () => {
    installFakeBridge({ handlers: { tradePay: { resultCode: '9000', memo: 'ok', extendInfo: '{}' } } });
    await expect(tradePay({ paymentUrl: 'u' })).resolves.toEqual({
      resultCode: '9000',
      status: 'success',
      memo: 'ok',
      extendInfo: '{}',
    });
  });

  it('an undocumented resultCode is status unknown and goes to success', async () => {
    installFakeBridge({ handlers: { tradePay: { resultCode: '7001' } } });
    const success = vi.fn();
    await expect(tradePay({ paymentUrl: 'u', success })).resolves.toEqual({ resultCode: '7001', status: 'unknown' });
    await tick();
    expect(success).toHaveBeenCalledTimes(1);
  });

  it('a failure without any result code rejects with a HostError', async () => {
    installFakeBridge({ handlers: { tradePay: { error: 4, errorMessage: 'denied' } } });
    await expect(tradePay({ paymentUrl: 'u' })).rejects.toMatchObject({ name: 'HostError', code: 4 });
  });

  it('error 1 rejects with UnsupportedError', async () => {
    installFakeBridge({ handlers: { tradePay: { error: 1 } } });
    await expect(tradePay({ paymentUrl: 'u' })).rejects.toBeInstanceOf(UnsupportedError);
  });

  it('codes named like Object.prototype members are no result codes', async () => {
    installFakeBridge({ handlers: { tradePay: { resultCode: 'toString' } } });
    await expect(tradePay({ paymentUrl: 'u' })).resolves.toEqual({ resultCode: 'toString', status: 'unknown' });
    installFakeBridge({ handlers: { tradePay: { errorCode: 'constructor' } } });
    await expect(tradePay({ paymentUrl: 'u' })).rejects.toMatchObject({ name: 'HostError', code: 'constructor' });
  });

  it('a non-object answer rejects with a HostError', async () => {
    installFakeBridge({ handlers: { tradePay: () => '9000' } });
    await expect(tradePay({ paymentUrl: 'u' })).rejects.toBeInstanceOf(HostError);
  });

  it('paymentUrl is optional, and goes to the host as given', async () => {
    const fake = installFakeBridge({ handlers: { tradePay: { resultCode: '9000' } } });
    await tradePay();
    await tradePay({ paymentUrl: 'https://c/1' });
    expect(fake.calls.map((c) => c.params)).toEqual([{}, { paymentUrl: 'https://c/1' }]);
  });

  it('has no default timeout (it waits for the user)', () => {
    expect(rowOf('tradePay').ui).toBe(true);
  });

  it('works through the installed shim as my.tradePay with callbacks', async () => {
    installFakeBridge({ handlers: { tradePay: { resultCode: '6001' } } });
    const my = installShim()!;
    const fail = vi.fn();
    const complete = vi.fn();
    my.tradePay({ paymentUrl: 'u', fail, complete });
    await tick(5);
    expect(fail).toHaveBeenCalledWith({ resultCode: '6001', status: 'cancelled' });
    expect(complete).toHaveBeenCalledTimes(1);
  });
});

describe('tradePayStatus', () => {
  it('maps numbers and strings alike', () => {
    expect(tradePayStatus(9000)).toBe('success');
    expect(tradePayStatus('8000')).toBe('processing');
    expect(tradePayStatus(4000)).toBe('failed');
    expect(tradePayStatus('6001')).toBe('cancelled');
    expect(tradePayStatus(6002)).toBe('network-error');
    expect(tradePayStatus('6004')).toBe('unknown');
  });
  it('anything else is unknown', () => {
    for (const c of ['', '0', '1', 'abc', 7000, 'toString', 'constructor', '__proto__', 'length', -1, '09000', ' 9000']) expect(tradePayStatus(c)).toBe('unknown');
  });
});

describe('amounts', () => {
  it('iqdToFils', () => {
    expect(iqdToFils(0)).toBe(0);
    expect(iqdToFils(1)).toBe(1000);
    expect(iqdToFils(100)).toBe(100000);
    expect(iqdToFils(1.5)).toBe(1500);
    expect(iqdToFils(1.005)).toBe(1005);
    expect(iqdToFils(0.0004)).toBe(0);
    expect(iqdToFils(0.0006)).toBe(1);
    expect(iqdToFils(250000)).toBe(250000000);
  });

  it.each([-1, -0.001, NaN, Infinity, -Infinity, '100' as unknown as number, null as unknown as number, undefined as unknown as number])(
    'iqdToFils(%s) throws RangeError',
    (bad) => {
      expect(() => iqdToFils(bad)).toThrow(RangeError);
    },
  );

  it('filsToIqd', () => {
    expect(filsToIqd(0)).toBe(0);
    expect(filsToIqd(1000)).toBe(1);
    expect(filsToIqd(1500)).toBe(1.5);
    expect(filsToIqd('100000')).toBe(100);
    expect(filsToIqd('1')).toBe(0.001);
    expect(filsToIqd(Number.MAX_SAFE_INTEGER)).toBe(Number.MAX_SAFE_INTEGER / 1000);
  });

  it.each([
    -1, 1.5, NaN, Infinity, '', ' 12', '12 ', '-5', '1.5', '1e3', '0x10', 'abc',
    2 ** 53, '9007199254740993', null, undefined, {}, [], true,
  ] as unknown[])('filsToIqd(%s) throws RangeError', (bad) => {
    expect(() => filsToIqd(bad as number)).toThrow(RangeError);
  });

  it('toPaymentAmount', () => {
    expect(toPaymentAmount(100)).toEqual({ currency: 'IQD', value: '100000' });
    expect(toPaymentAmount(0.5)).toEqual({ currency: 'IQD', value: '500' });
    expect(toPaymentAmount(0)).toEqual({ currency: 'IQD', value: '0' });
    expect(filsToIqd(toPaymentAmount(12.345).value)).toBe(12.345);
  });

  it.each([-1, NaN, Infinity])('toPaymentAmount(%s) throws RangeError', (bad) => {
    expect(() => toPaymentAmount(bad)).toThrow(RangeError);
  });
});
