// @vitest-environment node
/**
 * A backend tested without a browser: `superqi-sandbox authcode | pay | sign | listen` (on a directory
 * a sandbox runs on, in this process or another, or on one no sandbox runs on) and the same from
 * `superqi-bridge/sandbox` (`sandbox.authCode()`, `sandbox.pay()`, `sandbox.sign()`).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ALI, AGREEMENT, CASHIER, Merchant, NOOR_BUSINESS, readEnv, tempDir, ZAINAB } from './merchant.js';
import { rid, startFixture, type Fixture } from './fixture.js';
import { runCommand } from '../../src/sandbox/commands.js';
import { SandboxWalletError, startSandbox, type Sandbox } from '../../src/sandbox/index.js';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

const BIN = fileURLToPath(new URL('../../dist/superqi-sandbox.mjs', import.meta.url));

/** Runs a subcommand in this process; resolves its exit code and what it printed. */
async function cli(argv: string[], signal = new AbortController().signal): Promise<{ code: number; out: string[]; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCommand(argv, { out: (l) => out.push(l), err: (l) => err.push(l), signal });
  return { code, out, err: err.join('\n') };
}
const lastLine = (r: { out: string[] }) => r.out.join('\n').split('\n').at(-1)!;

let f: Fixture;
let hook: Server;
let hookUrl: string;
let notified: string[] = [];
beforeAll(async () => {
  f = await startFixture({ retryScheduleMs: [0, 50, 50] });
  hook = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c));
    req.on('end', () => {
      notified.push(raw);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ result: { resultCode: 'SUCCESS', resultStatus: 'S', resultMessage: 'success' } }));
    });
  });
  await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
  hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/notify`;
});
afterAll(async () => {
  await f.close();
  await new Promise((r) => hook.close(r));
});

const applyToken = (m: Merchant, authCode: string) => m.call('/v1/authorizations/applyToken', { grantType: 'AUTHORIZATION_CODE', authCode });
const newPayment = async (m: Merchant, o: { buyer?: string; notify?: string } = {}) => {
  const r = await m.call('/v1/payments/pay', {
    productCode: CASHIER,
    paymentRequestId: rid('CLI'),
    paymentAmount: { currency: 'IQD', value: '5000' },
    order: { orderDescription: 'CLI order', buyer: { referenceBuyerId: o.buyer ?? ALI } },
    ...(o.notify ? { paymentNotifyUrl: o.notify } : {}),
  });
  expect(r.json.result.resultStatus).toBe('A');
  return { paymentId: r.json.paymentId as string, paymentUrl: r.json.redirectActionForm.redirectUrl as string };
};
const paymentStatus = async (m: Merchant, paymentId: string) => (await m.call('/v1/payments/inquiryPayment', { paymentId })).json.paymentStatus as string;
const until = async (ok: () => boolean) => {
  for (let i = 0; i < 400 && !ok(); i++) await new Promise((r) => setTimeout(r, 25));
  expect(ok()).toBe(true);
};

describe('authcode', () => {
  it('beside a running sandbox: asks its wallet API; the code is the consent, redeemed once by applyToken', async () => {
    const r = await cli(['authcode', '--dir', f.dir, '--user', ALI, '--scopes', 'USER_ID,USER_NAME']);
    expect(r).toMatchObject({ code: 0, err: '' });
    const authCode = lastLine(r);
    expect(authCode).toMatch(/^2810111301\w+$/);
    const token = await applyToken(f.merchant, authCode);
    expect(token.json).toMatchObject({ result: { resultStatus: 'S' }, customerId: ALI });
    const info = await f.merchant.call('/v1/users/inquiryUserInfo', { accessToken: token.json.accessToken });
    expect(info.json.userInfo.userName.fullName).toBe('Ali Hassan Kareem Al-Tamimi');
    expect(info.json.userInfo).not.toHaveProperty('contactInfos');
  });

  it('on a directory no sandbox runs on: changes its state under its lock, saved for the next start', async () => {
    const tmp = tempDir();
    try {
      const r = await cli(['authcode', `--dir=${tmp.dir}`, '--user', ZAINAB, '--scopes', 'USER_ID']);
      expect(r.code, r.err).toBe(0);
      const authCode = lastLine(r);
      // the lock was released: a sandbox starts on the directory and redeems the code
      const s = await startSandbox({ dir: tmp.dir, onWarning: () => {} });
      try {
        const token = await applyToken(new Merchant(readEnv(s.envPath)), authCode);
        expect(token.json).toMatchObject({ result: { resultStatus: 'S' }, customerId: ZAINAB });
      } finally {
        await s.close();
      }
    } finally {
      tmp.remove();
    }
  });

  it('refuses a scope the user cannot grant, an unknown user, bad flags (exit 1 with the wallet\'s reason, exit 2 with the usage)', async () => {
    expect(await cli(['authcode', '--dir', f.dir, '--user', NOOR_BUSINESS, '--scopes', 'USER_NAME'])).toMatchObject({ code: 1, err: expect.stringContaining('AUTH_CODE_FAILED: not business scopes: USER_NAME') });
    expect(await cli(['authcode', '--dir', f.dir, '--user', '999'])).toMatchObject({ code: 1, err: expect.stringContaining('USER_NOT_FOUND') });
    expect(await cli(['authcode', '--dir', f.dir, '--scopes', ','])).toMatchObject({ code: 2, err: expect.stringMatching(/--scopes needs at least one scope[\s\S]*Usage: superqi-sandbox authcode/) });
    expect(await cli(['authcode', '--dir', f.dir, '--user'])).toMatchObject({ code: 2, err: expect.stringContaining('--user needs a value') });
    expect(await cli(['authcode', '--verbose', 'x'])).toMatchObject({ code: 2, err: expect.stringContaining('unknown option --verbose') });
    expect(await cli(['authcode', 'extra'])).toMatchObject({ code: 2, err: expect.stringContaining('authcode takes no argument') });
    expect((await cli(['authcode', '--help'])).out[0]).toMatch(/^Usage: superqi-sandbox authcode/);
  });
});

describe('pay', () => {
  it('pays a cashier payment by its URL as its buyer; the notification goes out as for a tap', async () => {
    notified = [];
    const p = await newPayment(f.merchant, { buyer: ZAINAB, notify: hookUrl });
    const r = await cli(['pay', p.paymentUrl, '--dir', f.dir]);
    expect(r.code, r.err).toBe(0);
    expect(lastLine(r)).toBe('9000');
    expect(await paymentStatus(f.merchant, p.paymentId)).toBe('SUCCESS');
    expect(f.sandbox.state().payments.find((x) => x.paymentId === p.paymentId)?.payerId).toBe(ZAINAB);
    await until(() => notified.length === 1);
    expect(JSON.parse(notified[0]!)).toMatchObject({ paymentId: p.paymentId, paymentResult: { resultStatus: 'S' } });
  });

  it('takes --as and every --outcome: cancel (6001), fail (4000), pending (8000)', async () => {
    const want = { cancel: ['6001', 'CANCELLED'], fail: ['4000', 'FAIL'], pending: ['8000', 'PROCESSING'] } as const;
    for (const [outcome, [resultCode, status]] of Object.entries(want)) {
      const p = await newPayment(f.merchant);
      const r = await cli(['pay', p.paymentId, '--as', ALI, '--outcome', outcome, '--dir', f.dir]);
      expect(lastLine(r), outcome).toBe(resultCode);
      expect(f.sandbox.state().payments.find((x) => x.paymentId === p.paymentId)?.status, outcome).toBe(status);
    }
    expect(await cli(['pay', 'x', '--outcome', 'maybe'])).toMatchObject({ code: 2, err: expect.stringContaining('--outcome must be pay, cancel, fail, pending') });
    expect(await cli(['pay', '--dir', f.dir])).toMatchObject({ code: 2, err: expect.stringContaining('pay takes one paymentId or paymentUrl, got 0') });
    expect(await cli(['pay', 'nope', '--dir', f.dir])).toMatchObject({ code: 1, err: expect.stringContaining('PAYMENT_NOT_FOUND') });
  });

  it('on a stopped sandbox: pays under the lock; the notification goes out when the sandbox starts again', async () => {
    const tmp = tempDir();
    try {
      let s: Sandbox = await startSandbox({ dir: tmp.dir, retryScheduleMs: [0, 50], onWarning: () => {} });
      const m = new Merchant(readEnv(s.envPath));
      notified = [];
      const p = await newPayment(m, { notify: hookUrl });
      await s.close();
      const r = await cli(['pay', p.paymentId, '--dir', tmp.dir]);
      expect(r.code, r.err).toBe(0);
      expect(lastLine(r)).toBe('9000');
      expect(notified).toEqual([]);
      s = await startSandbox({ dir: tmp.dir, retryScheduleMs: [0, 50], onWarning: () => {} });
      try {
        expect(await paymentStatus(new Merchant(readEnv(s.envPath)), p.paymentId)).toBe('SUCCESS');
        await until(() => notified.length === 1);
      } finally {
        await s.close();
      }
    } finally {
      tmp.remove();
    }
  });
});

describe('sign', () => {
  it("signs prepare's contract: applyToken redeems the code for the agreement", async () => {
    const prep = await f.merchant.call('/v1/authorizations/prepare', { scopes: 'AGREEMENT_PAY', extendInfo: JSON.stringify({ language: 'en-US', contractDesc: 'Weekly box' }) });
    const r = await cli(['sign', prep.json.authUrl, '--dir', f.dir]);
    expect(r.code, r.err).toBe(0);
    const token = await applyToken(f.merchant, lastLine(r));
    expect(token.json).toMatchObject({ result: { resultStatus: 'S' }, customerId: ALI });
    const pay = await f.merchant.call('/v1/payments/pay', {
      productCode: AGREEMENT,
      paymentRequestId: rid('AG'),
      paymentAuthCode: token.json.accessToken,
      paymentAmount: { currency: 'IQD', value: '1000' },
      order: { orderDescription: 'Weekly box' },
    });
    expect(pay.json.result.resultStatus).toBe('S');
    expect(await cli(['sign', prep.json.authUrl, '--as', ZAINAB, '--dir', f.dir])).toMatchObject({ code: 1, err: expect.stringContaining('CONTRACT_CLOSED') });
  });
});

describe('listen', () => {
  it('--json: one line per notification and per delivery attempt, as they happen', async () => {
    const stop = new AbortController();
    const lines: string[] = [];
    const done = runCommand(['listen', '--json', '--dir', f.dir], { out: (l) => lines.push(l), err: (l) => lines.push(`ERR ${l}`), signal: stop.signal });
    await until(() => lines.length > 0);
    expect(JSON.parse(lines[0]!)).toEqual({ event: 'listening', url: f.sandbox.url });
    const p = await newPayment(f.merchant, { notify: hookUrl });
    await f.sandbox.pay(p.paymentId);
    await until(() => lines.some((l) => l.includes('"event":"attempt"')));
    stop.abort();
    expect(await done).toBe(0);
    const events = lines.map((l) => JSON.parse(l));
    const notification = events.find((e) => e.event === 'notification');
    expect(notification).toMatchObject({ kind: 'payment', paymentId: p.paymentId, url: hookUrl, body: { notifyType: 'PAYMENT_RESULT', paymentId: p.paymentId, paymentResult: { resultStatus: 'S', resultCode: 'SUCCESS' } } });
    expect(events.find((e) => e.event === 'attempt')).toMatchObject({ deliveryId: notification.deliveryId, attempt: 1, status: 200, outcome: 'ok', deliveryStatus: 'DELIVERED' });
    // earlier notifications are not news
    expect(events.filter((e) => e.event === 'notification')).toHaveLength(1);
  });

  it('in words without --json; needs a running sandbox', async () => {
    const stop = new AbortController();
    const lines: string[] = [];
    const done = runCommand(['listen', '--dir', f.dir], { out: (l) => lines.push(l), err: (l) => lines.push(l), signal: stop.signal });
    await until(() => lines.length > 0);
    const p = await newPayment(f.merchant, { notify: hookUrl });
    await f.sandbox.pay(p.paymentId, { outcome: 'cancel' });
    await until(() => lines.some((l) => l.includes('attempt 1')));
    stop.abort();
    expect(await done).toBe(0);
    expect(lines[0]).toBe(`listening to ${f.sandbox.url}: notifications and their deliveries as they happen (Ctrl-C stops)`);
    expect(lines.join('\n')).toMatch(new RegExp(`payment notification \\d+ \\(payment ${p.paymentId}\\): PAYMENT_RESULT F ORDER_STATUS_INVALID → ${hookUrl}\\n  attempt 1 of \\d+: ok \\(HTTP 200\\), \\d+ ms → DELIVERED`));
    const tmp = tempDir();
    try {
      expect(await cli(['listen', '--dir', tmp.dir])).toMatchObject({ code: 1, err: expect.stringContaining('no gateway URL') });
    } finally {
      tmp.remove();
    }
  });
});

describe('the same from superqi-bridge/sandbox', () => {
  it('sandbox.authCode / pay / sign', async () => {
    const code = await f.sandbox.authCode({ user: ALI, scopes: ['USER_ID', 'NOTIFICATION_PUSH'] });
    expect((await applyToken(f.merchant, code)).json.result.resultStatus).toBe('S');
    expect((await applyToken(f.merchant, await f.sandbox.authCode({ scopes: ['USER_ID'] }))).json.customerId).toBe(ALI);
    const p = await newPayment(f.merchant);
    expect(await f.sandbox.pay(p.paymentUrl, { as: ZAINAB })).toMatchObject({ resultCode: '9000', payment: { paymentId: p.paymentId, status: 'SUCCESS' } });
    const prep = await f.merchant.call('/v1/authorizations/prepare', { scopes: 'AGREEMENT_PAY', extendInfo: JSON.stringify({ language: 'en-US', contractDesc: 'Box' }) });
    expect((await applyToken(f.merchant, await f.sandbox.sign(prep.json.authUrl, { as: ZAINAB }))).json.customerId).toBe(ZAINAB);
  });

  it('typed errors naming the method and the parameter; the wallet\'s refusals as SandboxWalletError', async () => {
    await expect(f.sandbox.authCode({ scopes: [] })).rejects.toThrow(new TypeError('sandbox.authCode: scopes must be a non-empty array of scope names'));
    await expect(f.sandbox.authCode(undefined as never)).rejects.toThrow(TypeError);
    await expect(f.sandbox.authCode({ user: 7 as never, scopes: ['USER_ID'] })).rejects.toThrow(/sandbox\.authCode: user must be/);
    await expect(f.sandbox.pay('x', { outcome: 'later' as never })).rejects.toThrow(RangeError);
    await expect(f.sandbox.pay('')).rejects.toThrow(/sandbox\.pay: paymentIdOrUrl must be a non-empty string/);
    await expect(f.sandbox.pay('http://127.0.0.1/cashier?other=1')).rejects.toThrow(/sandbox\.pay: paymentIdOrUrl .* has no paymentId=/);
    await expect(f.sandbox.sign('http://127.0.0.1/contract')).rejects.toThrow(/sandbox\.sign: authUrl .* has no authId=/);
    const refused = await f.sandbox.authCode({ user: '999', scopes: ['USER_ID'] }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SandboxWalletError);
    expect(refused).toMatchObject({ code: 'USER_NOT_FOUND', message: 'USER_NOT_FOUND: no sandbox user 999' });
  });
});

describe('the built bin (another process)', () => {
  const run = (args: string[]) =>
    new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
      const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.stderr.on('data', (c: Buffer) => (err += c.toString()));
      child.once('exit', (code) => resolve({ code, out, err }));
    });

  it('authcode beside a sandbox another process runs; listen --json until SIGTERM; the start usage names the commands', async () => {
    expect(existsSync(BIN), 'build first (npm run build)').toBe(true);
    const r = await run(['authcode', '--dir', f.dir, '--scopes', 'USER_ID']);
    expect(r.code, r.err).toBe(0);
    expect((await applyToken(f.merchant, r.out.trim().split('\n').at(-1)!)).json.result.resultStatus).toBe('S');

    const child = spawn(process.execPath, [BIN, 'listen', '--json', '--dir', f.dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      await until(() => out.includes('"event":"listening"'));
      const p = await newPayment(f.merchant, { notify: hookUrl });
      await f.sandbox.pay(p.paymentId);
      await until(() => out.includes('"event":"attempt"'));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(out).toContain(`"paymentId":"${p.paymentId}"`);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    const help = await run(['--help']);
    expect(help.out).toMatch(/Commands[\s\S]*superqi-sandbox authcode[\s\S]*superqi-sandbox pay[\s\S]*superqi-sandbox sign[\s\S]*superqi-sandbox listen/);
  });
});
