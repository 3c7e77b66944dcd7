// @vitest-environment node
/**
 * `superqi-sandbox listen` over the paged admin API (issue 21): a burst of notifications larger than a
 * page between two polls is reported whole, and a pending delivery pushed off the first page by newer
 * ones still has its next attempts reported. And a long listen does not pile listeners on its signal.
 */
import { getEventListeners } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { listen, type ListenEvent } from '../../src/sandbox/listen.js';
import { SANDBOX_API, SANDBOX_PAGE_DEFAULT } from '../../src/sandbox/protocol.js';
import { startFixture, type Fixture } from './fixture.js';
import { agreementPays, agreementToken } from './seed.js';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 30_000 });

let f: Fixture;
let hook: Server;
let hookUrl: string;
let token: string;
/** Paths the hook answers 500 (a merchant backend that is down). */
const failing = new Set<string>();

beforeAll(async () => {
  // the first attempt at once, the next in ten minutes: a failed delivery stays pending
  f = await startFixture({ retryScheduleMs: [0, 600_000] });
  hook = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (failing.has(req.url!)) return res.writeHead(500).end();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ result: { resultCode: 'SUCCESS', resultStatus: 'S', resultMessage: 'success' } }));
    });
  });
  await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
  hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}`;
  token = await agreementToken(f);
});
afterAll(async () => {
  await f.close();
  await new Promise((r) => hook.close(r));
});

/** Listens to the sandbox at `target()`, every 20 ms. */
function start(target: () => string) {
  const events: ListenEvent[] = [];
  const stop = new AbortController();
  const done = listen({ url: target, onEvent: (e) => events.push(e), signal: stop.signal, intervalMs: 20 });
  return { events, done, signal: stop.signal, stop: () => (stop.abort(), done) };
}
const of = (events: ListenEvent[], kind: ListenEvent['event']) => events.filter((e) => e.event === kind) as Array<Extract<ListenEvent, { event: 'notification' | 'attempt' }>>;
const settled = async () => expect.poll(() => f.sandbox.list('deliveries', { status: 'PENDING' }).total, { timeout: 20_000 }).toBe(0);

it('reports every notification of a burst of more than a page between two polls, and nothing from before', async () => {
  await agreementPays(f, token, 3, { notify: `${hookUrl}/before` });
  await settled();
  let target = f.sandbox.url;
  const l = start(() => target);
  await expect.poll(() => l.events.length).toBeGreaterThan(0);
  // the sandbox out of reach (restarting, say) while 120 notifications go out
  target = 'http://127.0.0.1:1';
  await expect.poll(() => l.events.some((e) => e.event === 'disconnected')).toBe(true);
  const burst = await agreementPays(f, token, 120, { notify: `${hookUrl}/burst` });
  await settled();
  expect(burst.length).toBeGreaterThan(2 * SANDBOX_PAGE_DEFAULT);
  target = f.sandbox.url;
  await expect.poll(() => of(l.events, 'notification').length, { timeout: 20_000 }).toBe(120);
  await l.stop();
  expect(l.events.filter((e) => e.event === 'listening')).toHaveLength(2);
  expect(new Set(of(l.events, 'notification').map((e) => e.paymentId))).toEqual(new Set(burst.map((p) => p.paymentId)));
  const attempts = of(l.events, 'attempt');
  expect(attempts).toHaveLength(120);
  expect(attempts.every((a) => a.event === 'attempt' && a.attempt === 1 && a.outcome === 'ok' && a.deliveryStatus === 'DELIVERED')).toBe(true);
  // each notification before its attempt
  for (const n of of(l.events, 'notification')) expect(l.events.indexOf(n)).toBeLessThan(l.events.findIndex((e) => e.event === 'attempt' && e.deliveryId === n.deliveryId));
});

it('reports the next attempts of a pending delivery that newer ones pushed off the first page', async () => {
  const l = start(() => f.sandbox.url);
  await expect.poll(() => l.events.length).toBeGreaterThan(0);
  failing.add('/down');
  const [old] = await agreementPays(f, token, 1, { notify: `${hookUrl}/down` });
  await expect.poll(() => of(l.events, 'attempt').filter((a) => a.paymentId === old!.paymentId)).toHaveLength(1);
  const deliveryId = of(l.events, 'notification').find((n) => n.paymentId === old!.paymentId)!.deliveryId;
  await agreementPays(f, token, SANDBOX_PAGE_DEFAULT + 10, { notify: `${hookUrl}/up` });
  await expect.poll(() => of(l.events, 'notification').length, { timeout: 20_000 }).toBe(SANDBOX_PAGE_DEFAULT + 11);
  expect(f.sandbox.state().deliveries.some((d) => d.deliveryId === deliveryId)).toBe(false);
  expect(f.sandbox.list('deliveries', { q: deliveryId }).items[0]).toMatchObject({ deliveryId, status: 'PENDING' });

  // the backend is back; the delivery is resent: its second attempt is reported
  failing.delete('/down');
  const resent = await fetch(`${f.sandbox.url}${SANDBOX_API.resend}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ deliveryId }) });
  expect(resent.status).toBe(200);
  await expect.poll(() => of(l.events, 'attempt').filter((a) => a.deliveryId === deliveryId).map((a) => a.event === 'attempt' && [a.attempt, a.outcome, a.deliveryStatus]), { timeout: 10_000 }).toEqual([
    [1, 'HTTP 500, body is not JSON', 'PENDING'],
    [2, 'ok', 'DELIVERED'],
  ]);
  await l.stop();
});

it('keeps one abort listener on its signal however many polls it makes', async () => {
  let polls = 0;
  const l = start(() => (polls++, f.sandbox.url));
  await expect.poll(() => polls, { timeout: 10_000 }).toBeGreaterThan(30);
  expect(getEventListeners(l.signal, 'abort').length).toBeLessThanOrEqual(1);
  await l.stop();
});
