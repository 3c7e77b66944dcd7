// @vitest-environment node
/**
 * A commit that fails (a full disk: SQLITE_FULL) leaves the wallet as it was before the change (issue
 * 19, item 6, kept with the database of issue 21): the request gets an error answer, the next inquiry
 * sees the old state, nothing half-done is on disk, and the same request succeeds once the disk has
 * room. The database's COMMIT is made to fail here as SQLite fails it (running as root, a read-only
 * directory would not stop the write).
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { SANDBOX_API, startSandbox, WALLET_API } from '../../src/sandbox/index.js';
import { savedWallet } from './db.js';
import { cashierPay, code, rid, startFixture, type Fixture } from './fixture.js';
import { AGREEMENT, ALI, tempDir } from './merchant.js';

const disk = vi.hoisted(() => ({ full: false, commitsRefused: 0 }));
vi.mock('../../src/sandbox/sqlite.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/sandbox/sqlite.js')>();
  const openDatabase: typeof real.openDatabase = (path) => {
    const db = real.openDatabase(path);
    const exec = db.exec.bind(db);
    // SQLite's own words and code for a write that found no room
    db.exec = (sql: string) => {
      if (disk.full && /^\s*COMMIT\b/i.test(sql)) {
        disk.commitsRefused++;
        throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
      }
      return exec(sql);
    };
    return db;
  };
  return { ...real, openDatabase };
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
/** The payment as the database file holds it (read through a second connection). */
const savedPayment = (paymentId: string) => {
  const db = savedWallet(f.dir);
  try {
    return db.row('payments', paymentId);
  } finally {
    db.close();
  }
};

it('a cashier payment the commit of which fails: error answer, still PROCESSING on disk; paid once the disk has room', async () => {
  const { paymentId } = await cashierPay(f, 5_000, { pay: false });
  await f.sandbox.settled();
  const before = balance();
  disk.full = true;
  try {
    const failed = await f.app.post(WALLET_API.decidePayment, { paymentId, userId: ALI, decision: 'pay' });
    expect(failed.status).toBe(500);
    expect(JSON.stringify(failed.json)).toMatch(/database or disk is full/);
    // the next inquiry sees the state before the change
    expect(code(await f.merchant.call('/v1/payments/inquiryPayment', { paymentId }))).toBe('SUCCESS');
    expect((await f.merchant.call('/v1/payments/inquiryPayment', { paymentId })).json.paymentStatus).toBe('PROCESSING');
    expect(f.sandbox.state().payments.find((p) => p.paymentId === paymentId)!.status).toBe('PROCESSING');
    expect(balance()).toBe(before);
    expect(f.warnings.join('\n')).toMatch(/could not save .*state\.db \(SQLITE_FULL: database or disk is full\); the change was undone/);
  } finally {
    disk.full = false;
  }
  // nothing of it is saved later either
  await f.sandbox.settled();
  expect(savedPayment(paymentId)!.status).toBe('PROCESSING');
  const paid = await f.app.post(WALLET_API.decidePayment, { paymentId, userId: ALI, decision: 'pay' });
  expect(paid).toMatchObject({ status: 200, json: { resultCode: '9000' } });
  expect(savedPayment(paymentId)!.status).toBe('SUCCESS');
});

it('an agreement pay the commit of which fails answers U, leaves no payment, and the same request then pays once', async () => {
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

it('a forced outcome the commit of which fails is not forced', async () => {
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

it('a sandbox that cannot save at all (a full disk from the start): start rejects with the error, creates nothing and lets the directory go', async () => {
  const tmp = tempDir();
  const refusedBefore = disk.commitsRefused;
  disk.full = true;
  try {
    await expect(startSandbox({ dir: tmp.dir, onWarning: () => {} })).rejects.toThrow(/could not create .*state\.db.*database or disk is full/);
  } finally {
    disk.full = false;
  }
  expect(disk.commitsRefused).toBeGreaterThan(refusedBefore);
  // not "a sandbox in this process already uses" the directory, and a fresh wallet once there is room
  const again = await startSandbox({ dir: tmp.dir, onWarning: () => {} });
  expect(again.state().users.length).toBeGreaterThan(0);
  await again.close();
  tmp.remove();
});
