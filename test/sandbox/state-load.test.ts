// @vitest-environment node
/**
 * Every record is checked when a state.json is migrated into the database (issue 19, item 5, kept
 * for the migration of issue 21): a bad one gets what a bad file
 * gets — moved aside, a warning naming the file and the record (table and id), a clean start. The
 * cases the issue found, then a property: any mutation of a valid saved state either loads and
 * works (the page's state, an inquiry of every payment and refund) or is moved aside like that.
 */
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SANDBOX_API } from '../../src/sandbox/index.js';
import { compactReporter } from '../reliability/inputs.js';
import { cashierPay, code, startFixture } from './fixture.js';
import { ALI, tempDir } from './merchant.js';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 30_000 });

const tmp = tempDir();
const STATE = join(tmp.dir, 'state.json');
/**
 * A state.json saved by the JSON store (the version before the database), with a bit of everything:
 * tokens, a paid + refunded payment with a pending notification, an open one, an escrow and an
 * agreement payment, a message. Each start below migrates it (or refuses it) into a new database.
 */
const FIXTURE = fileURLToPath(new URL('./fixtures/sandbox-2026-12-07/', import.meta.url));
let baseline: string;

beforeAll(() => {
  // the directory's keys and client id, so the merchant of the saved payments is the one calling
  for (const n of readdirSync(FIXTURE)) if (n !== 'state.json' && n !== 'facts.json') cpSync(join(FIXTURE, n), join(tmp.dir, n));
  baseline = readFileSync(join(FIXTURE, 'state.json'), 'utf8');
  const s = JSON.parse(baseline);
  // the shapes the cases below rely on
  expect(Object.values(s.deliveries).map((d: any) => d.status)).toEqual(['PENDING']);
  expect(Object.keys(s.payments)).toHaveLength(4);
  expect(Object.keys(s.refunds)).toHaveLength(1);
});

afterAll(() => tmp.remove());

/** Writes `mutate(baseline)` as the state of a directory without a database, starts a sandbox on it and hands it to `check`; removes what was moved aside or made. */
async function startOn(mutate: (s: any) => void, check: (f: Awaited<ReturnType<typeof startFixture>>) => Promise<void>): Promise<void> {
  const s = JSON.parse(baseline);
  mutate(s);
  for (const n of readdirSync(tmp.dir)) if (n.startsWith('state.')) rmSync(join(tmp.dir, n));
  writeFileSync(STATE, JSON.stringify(s));
  const f = await startFixture({ dir: tmp.dir });
  try {
    await check(f);
  } finally {
    await f.sandbox.close();
  }
}

const first = (table: Record<string, any>, where: (r: any) => boolean = () => true): string => Object.keys(table).find((k) => where(table[k]))!;

describe('a bad record is moved aside with the file, naming the record; the sandbox starts clean', () => {
  const cases: Array<[string, (s: any) => string]> = [
    ['a PENDING delivery without attempts', (s) => { const id = first(s.deliveries); delete s.deliveries[id].attempts; return `deliveries["${id}"].attempts is missing`; }],
    ['users[id] = null', (s) => { s.users[ALI] = null; return `users["${ALI}"] must be an object`; }],
    ['deliveries.x = {}', (s) => { s.deliveries.x = {}; return 'deliveries["x"].deliveryId is missing'; }],
    ['refunds.r = {}', (s) => { s.refunds.r = {}; return 'refunds["r"].refundId is missing'; }],
    ['a payment without transactions', (s) => { const id = first(s.payments); delete s.payments[id].transactions; return `payments["${id}"].transactions is missing`; }],
    ['a record under another id', (s) => { const id = first(s.payments); s.payments[id].paymentId = 'other'; return `payments["${id}"].paymentId is not its key`; }],
    ['a refund of a payment that is not there', (s) => { const id = first(s.refunds); s.refunds[id].paymentId = 'gone'; return `refunds["${id}"].paymentId names payments["gone"], which does not exist`; }],
    ['a transaction of an unknown type', (s) => { const id = first(s.payments, (p) => p.transactions.length); s.payments[id].transactions[0].transactionType = 'GIFT'; return `payments["${id}"].transactions[0].transactionType must be one of`; }],
    ['a time Date cannot show', (s) => { const id = first(s.payments); s.payments[id].createdAt = 1e300; return `payments["${id}"].createdAt must be a time`; }],
  ];
  it.each(cases)('%s', async (_, mutate) => {
    let expected = '';
    let before = '';
    await startOn(
      (s) => {
        expected = mutate(s);
        before = JSON.stringify(s);
      },
      async (f) => {
        const warning = f.warnings.join('\n');
        expect(warning).toContain(`${STATE} is a state with a bad record: ${expected}`);
        expect(warning).toMatch(/moved it to .*state\.json\.corrupt-.* and started afresh/);
        expect(readFileSync(f.sandbox.corruptStateFile!, 'utf8')).toBe(before);
        const view = await fetch(`${f.sandbox.url}${SANDBOX_API.state}`);
        expect(view.status).toBe(200);
        expect((await view.json()).payments).toEqual([]);
        // and it keeps working: due work runs, a new payment goes through
        await f.sandbox.tick();
        await cashierPay(f, 1_000);
        await f.sandbox.settled();
        expect(f.warnings).toHaveLength(1);
      },
    );
  });
});

/** A path into the state picked by `seeds` (each picks a key of the object or array reached so far). */
function pick(root: any, seeds: number[]): { parent: any; key: string | number } | null {
  let parent: any = null;
  let key: string | number = '';
  let node = root;
  for (const seed of seeds) {
    if (node === null || typeof node !== 'object') break;
    const keys = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    if (!keys.length) break;
    parent = node;
    key = keys[seed % keys.length]!;
    node = node[key];
  }
  return parent ? { parent, key } : null;
}

const anyValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.integer(),
  fc.double(),
  fc.string(),
  fc.constantFrom('PENDING', 'SUCCESS', 'FAIL', 'CLOSED', 'PROCESSING', 'HELD', '', '__proto__', 'constructor', -1, 0, null, [], {}),
);

it('any mutation of a saved state (120 generated) loads and works, or is moved aside naming a record', async () => {
  let runs = 0;
  let movedAside = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
      // `similar`: a value of the same type (most of those load, and the handlers then meet them)
      fc.constantFrom('delete', 'replace', 'add', 'similar', 'similar'),
      fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('__proto__', 'constructor', 'x')),
      anyValue,
      fc.record({ text: fc.oneof(fc.string(), fc.constantFrom('PENDING', 'SUCCESS', 'FAIL', 'x')), number: fc.oneof(fc.nat(), fc.nat({ max: 4_000_000_000_000 })) }),
      async (seeds, op, newKey, value, similar) => {
        runs++;
        await startOn(
          (s) => {
            const at = pick(s, seeds);
            if (!at) return;
            if (op === 'delete') Array.isArray(at.parent) ? at.parent.splice(at.key as number, 1) : delete at.parent[at.key];
            else if (op === 'replace') at.parent[at.key] = value;
            else if (op === 'similar') {
              const old = at.parent[at.key];
              at.parent[at.key] = typeof old === 'string' ? similar.text : typeof old === 'number' ? similar.number : value;
            }
            else if (!Array.isArray(at.parent) && typeof at.parent[at.key] === 'object' && at.parent[at.key] !== null) Object.defineProperty(at.parent[at.key], newKey, { value, enumerable: true, configurable: true, writable: true });
            else at.parent[at.key] = value;
          },
          async (f) => {
            if (f.warnings.length) {
              movedAside++;
              expect(f.warnings.join('\n')).toMatch(new RegExp(`${STATE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is .*; moved it to`));
            }
            const view = await fetch(`${f.sandbox.url}${SANDBOX_API.state}`);
            expect(view.status).toBe(200);
            const state = await view.json();
            await f.sandbox.tick();
            await f.sandbox.settled();
            for (const p of state.payments) {
              const r = await f.merchant.call('/v1/payments/inquiryPayment', { paymentId: p.paymentId });
              expect(r.signed).toBe(true);
              expect([code(r), p.paymentId]).toEqual(['SUCCESS', p.paymentId]);
            }
            for (const r of state.refunds) expect(code(await f.merchant.call('/v1/payments/inquiryRefund', { refundId: r.refundId }))).toBe('SUCCESS');
            expect((await fetch(`${f.sandbox.url}${SANDBOX_API.state}`)).status).toBe(200);
          },
        );
      },
    ),
    { numRuns: 120, reporter: compactReporter },
  );
  expect(runs).toBe(120);
  // both halves were exercised
  expect(movedAside).toBeGreaterThan(10);
  expect(movedAside).toBeLessThan(120);
});
