// @vitest-environment node
/**
 * A failed save (a full disk: ENOSPC) leaves memory as it was before the change (issue 19, item 6):
 * the request gets an error answer, the next inquiry sees the old state, nothing half-done is saved
 * later, and the same request succeeds once the disk has room. The store's writes of state.json are
 * made to fail here (running as root, a read-only directory would not stop them).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { SANDBOX_API, startSandbox, WALLET_API } from '../../src/sandbox/index.js';
import { cashierPay, code, rid, startFixture, type Fixture } from './fixture.js';
import { AGREEMENT, ALI, tempDir } from './merchant.js';

const disk = vi.hoisted(() => ({ full: false }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const writeFile: typeof real.writeFile = async (file, data, options) => {
    if (disk.full && String(file).includes('state.json')) {
      // a full disk fails part-way: the temp file exists, half written
      await real.writeFile(file, String(data).slice(0, 10), options);
      throw Object.assign(new Error(`ENOSPC: no space left on device, write '${String(file)}'`), { code: 'ENOSPC' });
    }
    return real.writeFile(file, data, options);
  };
  return { ...real, default: { ...real, writeFile }, writeFile };
});

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

let f: Fixture;
let token: string;
beforeAll(async () => {
  f = await startFixture();
  const prep = await f.merchant.call('/v1/authorizations/prepare', { scopes: 'AGREEMENT_PAY', extendInfo: '{}' });
  const signed = await f.app.post(WALLET_API.decideContract, { authId: new URL(prep.json.authUrl).searchParams.get('authId'), userId: ALI, decision: 'sign' });
  token = (await f.merchant.call('/v1/authorizations/applyToken', { grantType: 'AUTHORIZATION_CODE', authCode: signed.json.authCode })).json.accessToken;
});
afterAll(() => f.close());

const balance = () => f.sandbox.state().users.find((u) => u.userId === ALI)!.balance;
const saved = () => JSON.parse(readFileSync(join(f.dir, 'state.json'), 'utf8'));

it('a cashier payment the save of which fails: error answer, still PROCESSING in memory and on disk; paid once the disk has room', async () => {
  const { paymentId } = await cashierPay(f, 5_000, { pay: false });
  await f.sandbox.settled();
  const before = balance();
  disk.full = true;
  try {
    const failed = await f.app.post(WALLET_API.decidePayment, { paymentId, userId: ALI, decision: 'pay' });
    expect(failed.status).toBe(500);
    expect(JSON.stringify(failed.json)).toMatch(/ENOSPC/);
    // the next inquiry sees the state before the change
    expect(code(await f.merchant.call('/v1/payments/inquiryPayment', { paymentId }))).toBe('SUCCESS');
    expect((await f.merchant.call('/v1/payments/inquiryPayment', { paymentId })).json.paymentStatus).toBe('PROCESSING');
    expect(f.sandbox.state().payments.find((p) => p.paymentId === paymentId)!.status).toBe('PROCESSING');
    expect(balance()).toBe(before);
    expect(f.warnings.join('\n')).toMatch(/could not save .*state\.json \(ENOSPC.*undone/);
  } finally {
    disk.full = false;
  }
  // nothing of it is saved later either, and no temp file is left
  await f.sandbox.settled();
  expect(saved().payments[paymentId].status).toBe('PROCESSING');
  expect(readdirSync(f.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  const paid = await f.app.post(WALLET_API.decidePayment, { paymentId, userId: ALI, decision: 'pay' });
  expect(paid).toMatchObject({ status: 200, json: { resultCode: '9000' } });
  expect(saved().payments[paymentId].status).toBe('SUCCESS');
});

it('an agreement pay the save of which fails answers U, leaves no payment, and the same request then pays once', async () => {
  const body = { productCode: AGREEMENT, paymentRequestId: rid('AGR'), paymentAuthCode: token, paymentAmount: { currency: 'IQD', value: '2000' }, order: { orderDescription: 'disk full' } };
  const before = balance();
  disk.full = true;
  let answer;
  try {
    answer = await f.merchant.call('/v1/payments/pay', body);
  } finally {
    disk.full = false;
  }
  expect([answer.status, answer.json.result.resultCode, answer.json.result.resultStatus, answer.signed]).toEqual([200, 'UNKNOWN_EXCEPTION', 'U', true]);
  expect(code(await f.merchant.call('/v1/payments/inquiryPayment', { paymentRequestId: body.paymentRequestId }))).toBe('ORDER_NOT_EXIST');
  expect(balance()).toBe(before);
  // the idempotency record went with it: the retry runs (and pays) rather than replaying the U
  const retry = await f.merchant.call('/v1/payments/pay', body);
  expect(code(retry)).toBe('SUCCESS');
  expect(Number(balance())).toBe(Number(before) - 2000);
  expect(f.sandbox.state().payments.filter((p) => p.paymentRequestId === body.paymentRequestId)).toHaveLength(1);
});

it('a forced outcome the save of which fails is not forced', async () => {
  disk.full = true;
  let res: Response;
  try {
    res = await fetch(`${f.sandbox.url}${SANDBOX_API.force}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ outcome: 'decline' }) });
  } finally {
    disk.full = false;
  }
  expect(res.status).toBeGreaterThanOrEqual(500);
  expect(f.sandbox.state().forced).toBeNull();
});

it('a sandbox that cannot save at all (a full disk from the start): close() rejects with the error and still lets the directory go', async () => {
  const tmp = tempDir();
  const warnings: string[] = [];
  disk.full = true;
  try {
    const sandbox = await startSandbox({ dir: tmp.dir, onWarning: (m) => warnings.push(m) });
    await expect(sandbox.close()).rejects.toThrow(/ENOSPC/);
  } finally {
    disk.full = false;
  }
  expect(warnings.join('\n')).toMatch(/could not save/);
  // not "a sandbox in this process already uses" the directory
  const again = await startSandbox({ dir: tmp.dir, onWarning: () => {} });
  await again.close();
  tmp.remove();
});
