// @vitest-environment node
/**
 * A sandbox directory of the version before the database (state.json, saved by the JSON store on
 * 2026-12-07) is migrated once on first start: every record is there and works (tokens, idempotent
 * answers, the pending notification, escrow), the file is kept as state.json.migrated, and later
 * starts read the database only.
 */
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it, vi } from 'vitest';
import { STORED_TABLES } from '../../src/sandbox/schema.js';
import { savedWallet } from './db.js';
import { code, startFixture } from './fixture.js';
import { ALI, tempDir } from './merchant.js';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

const FIXTURE = fileURLToPath(new URL('./fixtures/sandbox-2026-12-07/', import.meta.url));
const facts = JSON.parse(readFileSync(join(FIXTURE, 'facts.json'), 'utf8')) as Record<string, string>;
const old = JSON.parse(readFileSync(join(FIXTURE, 'state.json'), 'utf8'));
// the wallet's clock a minute after the fixture was saved: its tokens and open payment still live
const savedAt = Math.max(...Object.values(old.payments as Record<string, { createdAt: number }>).map((p) => p.createdAt));
const clock = () => savedAt + 60_000;

const tmp = tempDir();
afterAll(() => tmp.remove());
for (const n of readdirSync(FIXTURE)) if (n !== 'facts.json') cpSync(join(FIXTURE, n), join(tmp.dir, n));

it('the first start copies every record into the database and keeps the file as state.json.migrated', async () => {
  const f = await startFixture({ dir: tmp.dir, clock, retryScheduleMs: [60_000] });
  try {
    expect(f.warnings).toEqual([]);
    expect(existsSync(join(tmp.dir, 'state.json'))).toBe(false);
    expect(readFileSync(join(tmp.dir, 'state.json.migrated'), 'utf8')).toBe(readFileSync(join(FIXTURE, 'state.json'), 'utf8'));
    const db = savedWallet(tmp.dir);
    try {
      for (const table of STORED_TABLES) {
        expect(db.ids(table).sort(), table).toEqual(Object.keys(old[table]).sort());
        for (const id of Object.keys(old[table])) expect(db.row(table, id), `${table}[${id}]`).toEqual(old[table][id]);
      }
      // the request-id lookups are the unique indexes now: each saved one finds its record
      for (const [key, paymentId] of Object.entries(old.paymentsByRequest as Record<string, string>)) {
        const [clientId, requestId] = key.split(' ');
        expect(db.raw.prepare('SELECT id FROM payments WHERE paymentRequestId = ? AND clientId = ?').raw(true).get(requestId, clientId), key).toEqual([paymentId]);
      }
      for (const [key, refundId] of Object.entries(old.refundsByRequest as Record<string, string>)) {
        const [clientId, requestId] = key.split(' ');
        expect(db.raw.prepare('SELECT id FROM refunds WHERE refundRequestId = ? AND clientId = ?').raw(true).get(requestId, clientId), key).toEqual([refundId]);
      }
    } finally {
      db.close();
    }
    const view = f.sandbox.state();
    expect(view.payments.map((p) => p.paymentId).sort()).toEqual(Object.keys(old.payments).sort());
    // (its next attempt may be under way: the notifier sends what is due as soon as the sandbox starts)
    expect(view.deliveries.map((d) => [d.deliveryId, d.body])).toEqual(Object.values(old.deliveries).map((d: any) => [d.deliveryId, d.body]));
    expect(view.messages.map((m) => m.content)).toEqual(['تم شحن طلبك']);
    expect(view.pages.payments).toEqual({ total: 4, next: null });
  } finally {
    await f.sandbox.close();
  }
});

it('what was saved works: its token, its idempotent refund, its agreement, its escrow, its open payment', async () => {
  const f = await startFixture({ dir: tmp.dir, clock, retryScheduleMs: [60_000] });
  try {
    expect(f.warnings).toEqual([]);
    expect(code(await f.merchant.call('/v1/users/inquiryUserInfo', { accessToken: facts['accessToken'] }))).toBe('SUCCESS');
    // the refund made before the migration replays: same answer, no second refund
    const refund = { refundRequestId: facts['refundRequestId'], paymentId: facts['paidPaymentId'], refundAmount: { currency: 'IQD', value: '2000' } };
    const replay = await f.merchant.call('/v1/payments/refund', refund);
    expect(code(replay)).toBe('SUCCESS');
    expect(f.sandbox.state().refunds).toHaveLength(1);
    // the saved payment's request id is still taken
    const paid = await f.merchant.call('/v1/payments/inquiryPayment', { paymentRequestId: facts['paidRequestId'] });
    expect([code(paid), paid.json.paymentStatus]).toEqual(['SUCCESS', 'SUCCESS']);
    expect((await f.merchant.call('/v1/payments/inquiryPayment', { paymentId: facts['openPaymentId'] })).json.paymentStatus).toBe('PROCESSING');
    // the agreement token pays again; the escrow payment is still held
    const pay = await f.merchant.call('/v1/payments/pay', { productCode: '51051000101000100031', paymentRequestId: 'AGR-AFTER-MIGRATION', paymentAuthCode: facts['agreementToken'], paymentAmount: { currency: 'IQD', value: '1000' }, order: { orderDescription: 'after' } });
    expect(code(pay)).toBe('SUCCESS');
    expect(f.sandbox.state().payments.find((p) => p.escrowStatus)?.escrowStatus).toBe('HELD');
    expect(f.sandbox.state().users.find((u) => u.userId === ALI)!.balance).toBe(String(old.users[ALI].balance - 1000));
  } finally {
    await f.sandbox.close();
  }
});

it('later starts read the database only: a state.json put back is set aside, not read', async () => {
  writeFileSync(join(tmp.dir, 'state.json'), readFileSync(join(FIXTURE, 'state.json')));
  const f = await startFixture({ dir: tmp.dir, clock, retryScheduleMs: [60_000] });
  try {
    // the agreement payment made after the migration is still there: nothing was migrated again
    expect(f.sandbox.state().payments).toHaveLength(5);
    expect(existsSync(join(tmp.dir, 'state.json'))).toBe(false);
    expect(readdirSync(tmp.dir).filter((n) => n.startsWith('state.json.migrated'))).toHaveLength(2);
  } finally {
    await f.sandbox.close();
  }
});
