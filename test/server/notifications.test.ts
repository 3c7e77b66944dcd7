// @vitest-environment node
/**
 * Notifications from the sandbox wallet: `verifyNotification` on what it really sends (plain and
 * URL-encoded signatures; tampered, wrong key, missing headers refused), and the ready handlers
 * (node:http, an Express app, a web `Request` handler), each acknowledging only after the callback
 * resolved, and answering a non-acknowledgement (so the wallet retries) when it threw.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  NOTIFICATION_ACK,
  NotificationError,
  createClient,
  expressNotificationHandler,
  nodeNotificationHandler,
  verifyNotification,
  webNotificationHandler,
  type IncomingNotification,
  type Notification,
} from '../../src/server/index.js';
import { cashierPayment, startWorld, type World } from './support.js';

let plain: World;
let encoded: World;
beforeAll(async () => {
  plain = await startWorld({ retryScheduleMs: [0, 30, 30, 30, 30] });
  encoded = await startWorld({ retryScheduleMs: [0, 30], notifySignatureEncoding: 'url-encoded' });
}, 30000);
afterAll(async () => {
  await plain?.close();
  await encoded?.close();
});

async function listen(server: Server): Promise<{ url: string; close(): Promise<void> }> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** Records the raw notifications a sandbox sends (acknowledging each). */
async function recorder(): Promise<{ url: string; received: IncomingNotification[]; close(): Promise<void> }> {
  const received: IncomingNotification[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    received.push({ method: req.method!, url: req.url!, headers: { ...req.headers }, body: Buffer.concat(chunks) });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(NOTIFICATION_ACK));
  });
  return { ...(await listen(server)), received };
}

/** The delivery of `paymentId`'s notification, as the sandbox records it. */
const delivery = (w: World, paymentId: string) => w.sandbox.state().deliveries.find((d) => d.paymentId === paymentId);

describe('verifyNotification', () => {
  it('accepts what the wallet signs (plain and URL-encoded signature) and types it; refuses it tampered, with another key, or without a header', async () => {
    for (const w of [plain, encoded]) {
      const r = await recorder();
      const { paymentId, paymentRequestId } = await cashierPayment(w, 15, { notify: `${r.url}/api/notify/payment?shop=1` });
      await expect.poll(() => r.received.length).toBe(1);
      const n = r.received[0]!;
      expect(String((n.headers as Record<string, string>)['signature'])).toMatch(w === encoded ? /signature=[^,]*%/ : /signature=[A-Za-z0-9+/]+=*$/);

      const typed: Notification = w.qi.verifyNotification(n);
      expect(typed).toMatchObject({ notifyType: 'PAYMENT_RESULT', paymentId, paymentRequestId, paymentResult: { resultStatus: 'S', resultCode: 'SUCCESS' }, paymentAmount: { currency: 'IQD', value: '15000' } });
      if (typed.notifyType === 'PAYMENT_RESULT') expect(typed.paymentTime).toEqual(expect.any(String));

      const refused = (request: IncomingNotification, client = w.qi) => {
        try {
          client.verifyNotification(request);
        } catch (e) {
          return e as NotificationError;
        }
        throw new Error('accepted');
      };
      const tampered = Buffer.from(String(n.body).replace('"15000"', '"99000"'));
      expect(refused({ ...n, body: tampered })).toMatchObject({ name: 'NotificationError', problem: 'signature', status: 401 });
      const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const wrongKey = createClient({ gatewayUrl: w.sandbox.url, clientId: w.sandbox.clientId, privateKey: stranger.privateKey, walletPublicKey: stranger.publicKey });
      expect(refused(n, wrongKey)).toMatchObject({ problem: 'signature' });
      for (const name of ['signature', 'request-time', 'client-id']) {
        const headers = { ...(n.headers as Record<string, string>) };
        delete headers[name];
        expect(refused({ ...n, headers })).toMatchObject({ problem: 'missing-headers', status: 401 });
      }
      expect(refused({ ...n, url: '/elsewhere' })).toMatchObject({ problem: 'signature' });
      expect(refused({ ...n, method: 'GET' })).toMatchObject({ problem: 'method', status: 405 });
      expect(refused({ ...n, body: JSON.parse(String(n.body)) as never })).toMatchObject({ problem: 'body' });
      expect(refused({ ...n, headers: { ...(n.headers as Record<string, string>), 'client-id': 'OTHER' } })).toMatchObject({ problem: 'client-id' });
      // the standalone function, a web Headers object, and the path a proxy rewrote
      const key = (await import('node:crypto')).createPublicKey((await import('node:fs')).readFileSync(w.sandbox.walletPublicKeyPath));
      const headers = new Headers(n.headers as Record<string, string>);
      expect(verifyNotification({ ...n, url: '/rewritten', headers }, { walletPublicKey: key, path: '/api/notify/payment' })).toMatchObject({ paymentId });
      await r.close();
    }
  });
});

/** A callback held until `release()`, counting its calls; throws while `failing`. */
function gate() {
  let open!: () => void;
  let opened = new Promise<void>((r) => (open = r));
  const seen: Notification[] = [];
  return {
    seen,
    failing: false,
    release: () => open(),
    reset: () => void (opened = new Promise<void>((r) => (open = r))),
    async callback(this: { failing: boolean }, n: Notification) {
      seen.push(n);
      await opened;
      if (this.failing) throw new Error('database down');
    },
  };
}

/** A web `Request` handler served by node:http (what Hono, Next.js route handlers and serverless runtimes give it). */
function serveWeb(handler: (request: Request) => Promise<Response>): Server {
  return createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    const response = await handler(new Request(`http://${req.headers.host}${req.url}`, { method: req.method!, headers, body: Buffer.concat(chunks) }));
    res.writeHead(response.status, Object.fromEntries(response.headers)).end(Buffer.from(await response.arrayBuffer()));
  });
}

const KINDS = {
  'node:http': (w: World, g: ReturnType<typeof gate>) => createServer(nodeNotificationHandler(w.qi, (n) => g.callback(n))),
  'an Express app (raw body on the route, JSON parser elsewhere, mounted under a router)': (w: World, g: ReturnType<typeof gate>) => {
    const app = express();
    const api = express.Router();
    api.post('/notify/payment', express.raw({ type: '*/*' }), expressNotificationHandler(w.qi, (n) => g.callback(n)));
    api.use(express.json());
    app.use('/api', api);
    return createServer(app);
  },
  'a web Request handler': (w: World, g: ReturnType<typeof gate>) => serveWeb(webNotificationHandler(w.qi, (n) => g.callback(n))),
};

describe.each(Object.keys(KINDS) as Array<keyof typeof KINDS>)('notification endpoint: %s', (kind) => {
  it('acknowledges only after the callback resolved; answers a non-acknowledgement when it threw, so the wallet retries', async () => {
    const w = plain;
    const g = gate();
    const endpoint = await listen(KINDS[kind](w, g));
    const notify = `${endpoint.url}/api/notify/payment`;

    // the callback holds: no attempt is finished, nothing acknowledged
    const first = await cashierPayment(w, 11, { notify });
    await expect.poll(() => g.seen.length).toBe(1);
    expect(g.seen[0]).toMatchObject({ notifyType: 'PAYMENT_RESULT', paymentId: first.paymentId });
    // (absence cannot be awaited: give an early acknowledgement 100 ms to show up)
    await new Promise((r) => setTimeout(r, 100));
    expect(delivery(w, first.paymentId)).toMatchObject({ status: 'PENDING', attempts: [] });
    g.release();
    await expect.poll(() => delivery(w, first.paymentId)?.status).toBe('DELIVERED');
    expect(delivery(w, first.paymentId)!.attempts).toEqual([expect.objectContaining({ status: 200, outcome: 'ok' })]);

    // the callback throws: HTTP 500 and no S, so the wallet sends it again; the next try succeeds
    g.failing = true;
    const second = await cashierPayment(w, 12, { notify });
    await expect.poll(() => delivery(w, second.paymentId)?.attempts.length ?? 0).toBeGreaterThanOrEqual(1);
    expect(delivery(w, second.paymentId)!.attempts[0]).toMatchObject({ status: 500 });
    g.failing = false;
    await expect.poll(() => delivery(w, second.paymentId)?.status).toBe('DELIVERED');
    expect(g.seen.filter((n) => n.paymentId === second.paymentId).length).toBeGreaterThanOrEqual(2);

    // a forged notification is refused before the callback runs
    const before = g.seen.length;
    const forged = await fetch(notify, { method: 'POST', headers: { 'content-type': 'application/json', 'client-id': w.sandbox.clientId, 'request-time': '2026-01-01T00:00:00Z', signature: 'algorithm=RSA256, keyVersion=1, signature=AAAA' }, body: '{"paymentId":"x"}' });
    expect(forged.status).toBe(401);
    expect(await forged.json()).toMatchObject({ result: { resultStatus: 'F', resultCode: 'INVALID_SIGNATURE' } });
    expect(g.seen.length).toBe(before);
    await endpoint.close();
  }, 30000);
});

describe('Express with a JSON parser in front', () => {
  it('answers 500 and says to use the raw body: a parsed body cannot be verified', async () => {
    const errors: unknown[] = [];
    const app = express();
    app.use(express.json());
    app.post('/notify', expressNotificationHandler(plain.qi, () => {}, { onError: (e) => errors.push(e) }));
    const endpoint = await listen(createServer(app));
    const r = await recorder();
    await cashierPayment(plain, 5, { notify: `${r.url}/notify` });
    await expect.poll(() => r.received.length).toBe(1);
    const n = r.received[0]!;
    const res = await fetch(`${endpoint.url}/notify`, { method: 'POST', headers: n.headers as Record<string, string>, body: new Uint8Array(n.body as Buffer) });
    expect(res.status).toBe(500);
    expect(errors[0]).toMatchObject({ problem: 'body' });
    expect((errors[0] as Error).message).toMatch(/express\.raw/);
    await endpoint.close();
    await r.close();
  });
});
