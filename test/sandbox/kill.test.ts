// @vitest-environment node
/**
 * Durability: the sandbox is killed (SIGKILL, no chance to close) 100 times at random moments while
 * signed pays and refunds stream in, four at a time. After each kill, every change the sandbox had
 * acknowledged (answered S) is in the database, fils are conserved (counted from the records, not
 * from the ledger the triggers keep), nothing is moved aside, and the next start serves again.
 * The moments are random but replayable: the seed is printed when a round fails.
 */
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { startChild, type ChildSandbox } from './child.js';
import { savedWallet } from './db.js';
import { AGREEMENT, ALI, App, Merchant, readEnv, tempDir } from './merchant.js';

const ROUNDS = 100;
const tmp = tempDir();
afterAll(() => tmp.remove());

/** A small seeded generator (mulberry32): the same seed, the same kill points. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

it(`loses no acknowledged change over ${ROUNDS} kills at random moments`, async () => {
  const seed = Number(process.env['SUPERQI_KILL_SEED'] ?? Date.now() % 1_000_000);
  const rnd = random(seed);
  const acknowledged = { pays: new Set<string>(), refunds: new Set<string>() };
  const paid: string[] = [];
  let token = '';
  let sandbox: ChildSandbox | undefined;
  let sent = 0;
  try {
    for (let round = 0; round < ROUNDS; round++) {
      sandbox = await startChild(tmp.dir);
      expect(sandbox.url, sandbox.output()).not.toBeNull();
      const warning = sandbox.output().split('\n').find((line) => /corrupt|moved it/.test(line)) ?? null;
      expect({ round, seed, warning }).toEqual({ round, seed, warning: null });
      const merchant = new Merchant(readEnv(join(tmp.dir, '.env')));
      if (!token) {
        const app = new App(sandbox.url!);
        const prep = await merchant.call('/v1/authorizations/prepare', { scopes: 'AGREEMENT_PAY', extendInfo: '{}' });
        const signed = await app.post('/wallet-api/contracts/decide', { authId: new URL(prep.json.authUrl).searchParams.get('authId'), userId: ALI, decision: 'sign' });
        token = (await merchant.call('/v1/authorizations/applyToken', { grantType: 'AUTHORIZATION_CODE', authCode: signed.json.authCode })).json.accessToken;
      }
      // kill after a random number of acknowledgements, with four requests in flight
      const killAfter = Math.floor(rnd() * 12);
      let acks = 0;
      let killed = false;
      const kill = sandbox.kill.bind(sandbox);
      const one = async (): Promise<void> => {
        const n = sent++;
        const refundOf = paid.length && rnd() < 0.3 ? paid[Math.floor(rnd() * paid.length)] : undefined;
        try {
          if (refundOf) {
            const id = `KR-${seed}-${n}`;
            const r = await merchant.call('/v1/payments/refund', { refundRequestId: id, paymentId: refundOf, refundAmount: { currency: 'IQD', value: '1' } });
            if (r.json.result.resultStatus === 'S') acknowledged.refunds.add(id);
          } else {
            const id = `KP-${seed}-${n}`;
            const r = await merchant.call('/v1/payments/pay', { productCode: AGREEMENT, paymentRequestId: id, paymentAuthCode: token, paymentAmount: { currency: 'IQD', value: '10' }, order: { orderDescription: 'kill' } });
            if (r.json.result.resultStatus === 'S') {
              acknowledged.pays.add(id);
              paid.push(r.json.paymentId);
            }
          }
          if (++acks > killAfter && !killed) {
            killed = true;
            await kill();
          }
        } catch {
          // the connection died with the process: not acknowledged, so it may or may not be there
        }
      };
      const worker = async () => {
        while (!killed) await one();
      };
      await Promise.all([worker(), worker(), worker(), worker()]);
      await sandbox.kill();

      // what the file holds after the kill, read by a fresh connection (SQLite recovers the log)
      const db = savedWallet(tmp.dir);
      try {
        const byRequest = new Set(db.ids('payments').map((id) => db.row('payments', id)!.paymentRequestId));
        const refunds = new Set(db.ids('refunds').map((id) => db.row('refunds', id)!.refundRequestId));
        const lostPays = [...acknowledged.pays].filter((id) => !byRequest.has(id));
        const lostRefunds = [...acknowledged.refunds].filter((id) => !refunds.has(id));
        expect({ round, seed, lostPays, lostRefunds }).toEqual({ round, seed, lostPays: [], lostRefunds: [] });
        const total = db.raw.prepare('SELECT total FROM balanced').raw(true).get() as [number];
        let fils = 0;
        for (const id of db.ids('users')) fils += db.row('users', id)!.balance;
        for (const id of db.ids('merchants')) fils += db.row('merchants', id)!.balance;
        for (const id of db.ids('payments')) fils += db.row('payments', id)!.held;
        expect({ round, seed, fils }).toEqual({ round, seed, fils: total[0] });
      } finally {
        db.close();
      }
    }
  } finally {
    await sandbox?.kill();
  }
  // the rounds did work: most pays were acknowledged, some refunds too
  expect(acknowledged.pays.size).toBeGreaterThan(ROUNDS);
  expect(acknowledged.refunds.size).toBeGreaterThan(0);
}, 300_000);
