// @vitest-environment node
/** Idempotency, restart persistence, a corrupt state file, and 1,000 concurrent pays and refunds keeping every invariant. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { startSandbox } from '../../src/sandbox/index.js';
import { AGREEMENT, ALI, tempDir } from './merchant.js';
import { savedWallet } from './db.js';
import { cashierPay, code, login, rid, startFixture } from './fixture.js';

// each start may generate two RSA key pairs: on a loaded machine that alone can take seconds
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

const sumFils = (s: ReturnType<import('../../src/sandbox/index.js').Sandbox['state']>) =>
  s.users.reduce((n, u) => n + Number(u.balance), 0) +
  s.merchants.reduce((n, m) => n + Number(m.balance), 0) +
  s.payments.filter((p) => p.status === 'SUCCESS' && p.escrowStatus && p.escrowStatus !== 'CONFIRMED').reduce((n, p) => n + Number(p.amount) - Number(p.voided), 0);

describe('restart and persistence', () => {
  it('a restart loses nothing: payments, refunds, tokens, idempotent answers, deliveries', async () => {
    const tmp = tempDir();
    const f = await startFixture({ dir: tmp.dir });
    const { accessToken } = await login(f, ALI, ['USER_ID', 'USER_NAME']);
    const paid = await cashierPay(f, 7_000, { notify: 'http://127.0.0.1:9/unreachable' });
    const refund = { refundRequestId: rid('R'), paymentId: paid.paymentId, refundAmount: { currency: 'IQD', value: '2000' } };
    const first = await f.merchant.call('/v1/payments/refund', refund);
    expect(code(first)).toBe('SUCCESS');
    const before = f.sandbox.state();
    await f.sandbox.close();

    const again = await startFixture({ dir: tmp.dir });
    try {
      const after = again.sandbox.state();
      expect(after.users).toEqual(before.users);
      expect(after.payments).toEqual(before.payments);
      expect(after.refunds).toEqual(before.refunds);
      expect(after.deliveries.map((d) => d.deliveryId)).toEqual(before.deliveries.map((d) => d.deliveryId));
      expect(code(await again.merchant.call('/v1/users/inquiryUserInfo', { accessToken }))).toBe('SUCCESS');
      const replay = await again.merchant.call('/v1/payments/refund', refund);
      expect(replay.json).toEqual(first.json);
      expect(again.warnings).toEqual([]);
    } finally {
      await again.close();
      tmp.remove();
    }
  });

  it('a corrupt database is reported and moved aside (kept), never silently replaced', async () => {
    const tmp = tempDir();
    const f = await startFixture({ dir: tmp.dir });
    await cashierPay(f, 1000);
    await f.sandbox.close();
    const file = join(tmp.dir, 'state.db');
    const garbage = `SQLite format 3\0${'half a file '.repeat(400)}`;
    writeFileSync(file, garbage);
    const again = await startFixture({ dir: tmp.dir });
    try {
      expect(again.warnings.join('\n')).toMatch(/state\.db is corrupt \(.+\); moved it to .*state\.db\.corrupt-.* and started afresh/);
      expect(again.sandbox.corruptStateFile).toBeDefined();
      expect(readFileSync(again.sandbox.corruptStateFile!, 'utf8')).toBe(garbage);
      expect(again.sandbox.state().payments).toEqual([]);
      // a fresh wallet is made beside the kept file
      await cashierPay(again, 1000);
      expect(again.sandbox.state().payments).toHaveLength(1);
      expect(readdirSync(tmp.dir).filter((n) => /^state\.db(\.corrupt-[^-]+.*)?$/.test(n) && !/-(wal|shm)$/.test(n))).toHaveLength(2);
    } finally {
      await again.close();
    }
  });

  it('a database changed behind the sandbox so that fils are not conserved is moved aside too', async () => {
    const tmp = tempDir();
    const f = await startFixture({ dir: tmp.dir });
    await cashierPay(f, 1000);
    await f.sandbox.close();
    const db = savedWallet(tmp.dir);
    // as another SQLite client would (foreign keys are off by default there; the triggers still run)
    db.raw.exec('PRAGMA foreign_keys = OFF');
    db.raw.exec(`UPDATE users SET body = json_set(body, '$.balance', json_extract(body, '$.balance') + 1) WHERE id = '${ALI}'`);
    db.close();
    const again = await startFixture({ dir: tmp.dir });
    try {
      expect(again.warnings.join('\n')).toMatch(/state\.db is corrupt \(its invariant is broken: fils not conserved: \d+ ≠ \d+\); moved it to/);
      expect(again.sandbox.state().payments).toEqual([]);
    } finally {
      await again.close();
      tmp.remove();
    }
  });

  it('one sandbox per directory: a second start on it is refused until the first closes', async () => {
    const f = await startFixture();
    await expect(startSandbox({ dir: f.dir, onWarning: () => {} })).rejects.toThrow(/already uses/);
    await f.sandbox.close();
    const again = await startSandbox({ dir: f.dir, onWarning: () => {} });
    await again.close();
    await f.close();
  });

  it('leaves only the database in the directory once closed (no temp file, no write-ahead log, no state.json)', async () => {
    const f = await startFixture();
    await cashierPay(f, 1000);
    await f.sandbox.settled();
    expect(readdirSync(f.dir)).toContain('state.db');
    await f.sandbox.close();
    expect(readdirSync(f.dir).filter((n) => n.startsWith('state') || n.endsWith('.tmp'))).toEqual(['state.db']);
    await f.close();
  });
});

describe('concurrency', () => {
  it('1,000 concurrent pays and refunds on one payment: no refund beyond it, fils conserved, every answer consistent', async () => {
    const f = await startFixture();
    try {
      const total = sumFils(f.sandbox.state());
      const aliBefore = Number(f.sandbox.state().users.find((u) => u.userId === ALI)!.balance);
      const { paymentId } = await cashierPay(f, 500_000);
      const prep = await f.merchant.call('/v1/authorizations/prepare', { scopes: 'AGREEMENT_PAY', extendInfo: '{}' });
      const authId = new URL(prep.json.authUrl).searchParams.get('authId');
      const signed = await f.app.post('/wallet-api/contracts/decide', { authId, userId: ALI, decision: 'sign' });
      const token = (await f.merchant.call('/v1/authorizations/applyToken', { grantType: 'AUTHORIZATION_CODE', authCode: signed.json.authCode })).json.accessToken;

      // 500 refunds of 1,500 fils (only 333 fit in 500,000) and 500 agreement pays of 1,000 fils, interleaved;
      // every tenth pay repeats an earlier paymentRequestId with the same body (must not pay twice)
      const pays: Array<Record<string, unknown>> = [];
      const jobs: Array<Promise<{ kind: 'refund' | 'pay'; r: Awaited<ReturnType<typeof f.merchant.call>> }>> = [];
      for (let i = 0; i < 500; i++) {
        jobs.push(f.merchant.call('/v1/payments/refund', { refundRequestId: rid('R'), paymentId, refundAmount: { currency: 'IQD', value: '1500' } }).then((r) => ({ kind: 'refund' as const, r })));
        const body = i % 10 === 9 ? pays[i - 5]! : { productCode: AGREEMENT, paymentRequestId: rid('AGR'), paymentAuthCode: token, paymentAmount: { currency: 'IQD', value: '1000' }, order: { orderDescription: 'concurrent' } };
        pays.push(body);
        jobs.push(f.merchant.call('/v1/payments/pay', body).then((r) => ({ kind: 'pay' as const, r })));
      }
      const results = await Promise.all(jobs);
      const refunds = results.filter((x) => x.kind === 'refund').map((x) => code(x.r));
      expect(refunds.filter((c) => c === 'SUCCESS')).toHaveLength(333);
      expect(refunds.filter((c) => c === 'REFUND_AMOUNT_EXCEED')).toHaveLength(167);
      const payCodes = results.filter((x) => x.kind === 'pay').map((x) => code(x.r));
      expect(payCodes.every((c) => c === 'SUCCESS')).toBe(true);
      expect(results.every((x) => x.r.signed)).toBe(true);

      const s = f.sandbox.state({ limit: 1000 });
      const payment = s.payments.find((p) => p.paymentId === paymentId)!;
      expect(Number(payment.refunded)).toBe(333 * 1500);
      expect(Number(payment.refunded)).toBeLessThanOrEqual(Number(payment.amount));
      const distinctPays = new Set(pays.map((p) => p['paymentRequestId'])).size;
      expect(distinctPays).toBe(450);
      expect(s.payments.filter((p) => p.kind === 'agreement' && p.status === 'SUCCESS')).toHaveLength(450);
      expect(Number(s.users.find((u) => u.userId === ALI)!.balance)).toBe(aliBefore - 500_000 - 450 * 1000 + 333 * 1500);
      expect(sumFils(s)).toBe(total);

      // the saved state says the same after a restart
      await f.sandbox.close();
      const again = await startFixture({ dir: f.dir });
      try {
        expect(again.sandbox.list('payments', { q: paymentId }).items[0]!.refunded).toBe(String(333 * 1500));
        expect(sumFils(again.sandbox.state({ limit: 1000 }))).toBe(total);
      } finally {
        await again.sandbox.close();
      }
    } finally {
      await f.close().catch(() => {});
    }
  }, 120_000);
});
