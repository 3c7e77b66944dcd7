/**
 * `node bench/sandbox-scale.mjs [--sizes 100,1000,10000,50000,100000] [--max-seconds 1200] [--keep] [--no-build]
 *   [--module dist/sandbox.mjs]` (--module: another build's sandbox entry, e.g. a copy of dist/ from before a change)
 * (`npm run bench`, or `node bench/run.mjs sandbox-scale --sandbox-sizes=…`): how the sandbox
 * (dist/sandbox.mjs) holds up as its history grows, measured side by side with a minimal correct
 * gateway (bench/minimal-gateway.mjs) in the same run. Both run in child processes (the sandbox's
 * memory is its own); this process is the client, on loopback.
 *
 * One directory grows from the first size to the last: agreement pays (signed, concurrency 8, plus a
 * 100-fils refund every 100th) until the state holds N payments; then, at N:
 * - the bytes of the sandbox's files (all but keys, client id, `.env`, lock: state.json today) and
 *   `GET /sandbox-api/state`, p50 of 20;
 * - inquiryPayment of random paid payments, sequential: 100 untimed calls per target, then 4 rounds of
 *   50 calls per target, which goes first alternating; p50, and the rate ratio gateway p50 ÷ sandbox p50;
 * - signed pay, then signed refund (1 fils), at concurrency 8: gateway block, sandbox block, five
 *   times; requests/s (median block), the median per-round ratio sandbox ÷ gateway, p50 per request.
 *   A block is signed before its clock starts (the client's RSA cost is not measured); it lasts about
 *   0.5 s (sized by an untimed block of 48), and the sandbox's holds at most N/20 requests (but 64 to
 *   400), so measuring pays grows a state by about a quarter (at 100 payments, by ~370; the JSON row
 *   says how many payments it held before and after);
 * - the child's peak RSS (VmHWM: seeding and measuring included), then a restart: `startSandbox`
 *   timed inside the new child, then its idle RSS (VmRSS as soon as it answers).
 * A size that seeding cannot reach within --max-seconds (the whole run) is reported missing (and
 * fails its budget) rather than waited for. Prints a table like issue #21's (stderr), the figures for
 * bench/run.mjs (`BENCH_RESULT`) and a `BENCH_JSON` line with every row. Exits 1 when over a budget
 * (bench/budgets.mjs).
 */
import { fork } from 'node:child_process';
import { createPrivateKey, createPublicKey, createSign, createVerify, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureBuild, ROOT } from './ensure-build.mjs';
import { emit, median } from './report.mjs';

const SELF = fileURLToPath(import.meta.url);
const GATEWAY = join(ROOT, 'bench/minimal-gateway.mjs');
const SANDBOX = join(ROOT, 'dist/sandbox.mjs');
const CONCURRENCY = 8;
const ROUNDS = 5; // pay and refund blocks per target
const BLOCK_S = 0.5; // a block's target length, s
const INQUIRY_ROUNDS = 4;
const INQUIRY_CALLS = 50; // per round and target: ≥ 200 each
const STATE_CALLS = 20;
const USER = '2160000000000001'; // the customer with the balance for 10^6 pays of 1 IQD
const PAY = '/v1/payments/pay';
const REFUND = '/v1/payments/refund';
const INQUIRY = '/v1/payments/inquiryPayment';

// ── the child: one sandbox, started and timed here so its RSS and start time are its own ─────────
async function child(dir, module) {
  const { startSandbox } = await import(pathToFileURL(module).href);
  const t = performance.now();
  const sandbox = await startSandbox({ dir, onWarning: (m) => process.stderr.write(`sandbox warning: ${m}\n`) });
  const startMs = performance.now() - t;
  process.on('message', async (m) => {
    if (m === 'settled') {
      await sandbox.settled();
      process.send('settled');
    } else if (m === 'close') {
      await sandbox.close();
      process.exit(0);
    }
  });
  process.send({ url: sandbox.url, clientId: sandbox.clientId, merchantPrivateKeyPath: sandbox.merchantPrivateKeyPath, startMs });
}

// ── processes ──────────────────────────────────────────────────────────────────────────────────────
const CHILD_MS = 120_000; // a child that neither starts nor stops in this long is reported, not waited for
/** `promise`, or a rejection naming `what` after `ms`. */
const within = (promise, ms, what) => {
  let timer;
  return Promise.race([promise, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms / 1000} s`)), ms)))]).finally(() => clearTimeout(timer));
};
/** Forks `script`; resolves `{ proc, info }` with its first message (it sends one once ready). */
const startChild = (script, args, children) => {
  const proc = fork(script, args, { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  children.add(proc);
  proc.once('exit', () => children.delete(proc));
  const ready = new Promise((resolve, reject) => {
    proc.once('message', (info) => resolve({ proc, info }));
    proc.once('exit', (code, signal) => reject(new Error(`${script} exited (${code ?? signal}) before it was ready`)));
  });
  return within(ready, CHILD_MS, `${script} ${args.join(' ')}`);
};
/** Sends `'close'` and waits for the child to exit (0). */
const stopChild = (proc) => {
  const exited = new Promise((resolve, reject) => {
    proc.once('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`child ${proc.pid} exited ${code ?? signal}`))));
  });
  proc.send('close');
  return within(exited, CHILD_MS, `closing child ${proc.pid}`);
};
/** Sends `message`; resolves the child's next message. */
const ask = (proc, message) => {
  const answered = new Promise((resolve) => proc.once('message', resolve));
  proc.send(message);
  return within(answered, CHILD_MS, `child ${proc.pid} ${message}`);
};
/** VmRSS and VmHWM of a process, MB (Linux /proc; null elsewhere). */
function memory(pid) {
  let status;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return { rssMB: null, peakMB: null };
  }
  const mb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) / 1024;
  return { rssMB: mb('VmRSS'), peakMB: mb('VmHWM') };
}

// ── the client ─────────────────────────────────────────────────────────────────────────────────────
/** A target: `{ url, clientId, key, agent }`; keep-alive, at most CONCURRENCY sockets. */
const target = (url, clientId, key) => ({ url, clientId, key, agent: new Agent({ keepAlive: true, maxSockets: CONCURRENCY }) });

function http(t, method, path, headers = {}, raw = '') {
  return new Promise((resolve, reject) => {
    const req = request(`${t.url}${path}`, { method, agent: t.agent, headers: raw ? { 'content-type': 'application/json; charset=UTF-8', 'content-length': Buffer.byteLength(raw), ...headers } : headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.setTimeout(60_000, () => req.destroy(new Error(`${method} ${t.url}${path}: no answer in 60 s`)));
    req.on('error', reject);
    req.end(raw);
  });
}

/** A signed Open API request, ready to send (signing is the client's cost: done before timing). */
function signed(t, path, body) {
  const raw = JSON.stringify(body);
  const time = new Date().toISOString();
  const signature = createSign('RSA-SHA256').update(`POST ${path}\n${t.clientId}.${time}.${raw}`).sign(t.key, 'base64');
  return { path, raw, headers: { 'client-id': t.clientId, 'request-time': time, signature: `algorithm=RSA256, keyVersion=1, signature=${signature}` } };
}

/** Sends a signed request; the answer's JSON. Throws unless `resultStatus` is S (or `allowF`). */
async function send(t, req, allowF = false) {
  const { status, body } = await http(t, 'POST', req.path, req.headers, req.raw);
  const answer = JSON.parse(body.toString('utf8'));
  const s = answer?.result?.resultStatus;
  if (status !== 200 || !(s === 'S' || (allowF && s === 'F'))) throw new Error(`${t.url}${req.path} answered ${status} ${JSON.stringify(answer?.result)}`);
  return answer;
}

/** Runs `run(item)` over `items`, CONCURRENCY at a time; wall ms and each item's ms. */
async function pool(items, run, concurrency = CONCURRENCY) {
  const times = new Array(items.length);
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        const t = performance.now();
        await run(items[i]);
        times[i] = performance.now() - t;
      }
    }),
  );
  return { ms: performance.now() - t0, times };
}

const payBody = (paymentRequestId, token) => ({ productCode: '51051000101000100031', paymentRequestId, paymentAuthCode: token, paymentAmount: { currency: 'IQD', value: '1000' }, order: { orderDescription: 'bench' } });
const refundBody = (refundRequestId, paymentId, fils) => ({ refundRequestId, paymentId, refundAmount: { currency: 'IQD', value: String(fils) } });

/** An AGREEMENT_PAY accessToken for USER: prepare, the user signs the contract, applyToken. */
async function agreementToken(t) {
  const prep = await send(t, signed(t, '/v1/authorizations/prepare', { scopes: 'AGREEMENT_PAY', extendInfo: '{}' }));
  const authId = new URL(prep.authUrl).searchParams.get('authId');
  const decided = JSON.parse((await http(t, 'POST', '/wallet-api/contracts/decide', {}, JSON.stringify({ authId, userId: USER, decision: 'sign' }))).body.toString('utf8'));
  return (await send(t, signed(t, '/v1/authorizations/applyToken', { grantType: 'AUTHORIZATION_CODE', authCode: decided.authCode }))).accessToken;
}

/**
 * Both targets are held to the same contract before anything is timed: a signed pay is answered S
 * with a response signature that verifies with the wallet's public key, and a request signed with
 * the wrong key is refused (INVALID_SIGNATURE), so the yardstick does the checks it is credited with.
 * Resolves the paymentId.
 */
async function checkContract(t, walletPublicKey, token) {
  const req = signed(t, PAY, payBody(`CHECK-${Date.now()}`, token));
  const { status, headers, body } = await http(t, 'POST', req.path, req.headers, req.raw);
  const time = String(headers['response-time']);
  const signature = /signature=([^,\s]+)/.exec(String(headers.signature))?.[1] ?? '';
  const content = Buffer.concat([Buffer.from(`POST ${PAY}\n${t.clientId}.${time}.`), body]);
  const answer = JSON.parse(body.toString('utf8'));
  if (status !== 200 || answer.result?.resultStatus !== 'S' || !createVerify('RSA-SHA256').update(content).verify(walletPublicKey, decodeURIComponent(signature), 'base64')) {
    throw new Error(`${t.url}: a signed pay was not answered S with a valid response signature (${status} ${body.toString('utf8').slice(0, 200)})`);
  }
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const forged = signed({ ...t, key: other }, PAY, payBody(`FORGED-${Date.now()}`, token));
  const refused = JSON.parse((await http(t, 'POST', forged.path, forged.headers, forged.raw)).body.toString('utf8'));
  if (refused.result?.resultCode !== 'INVALID_SIGNATURE') throw new Error(`${t.url}: a pay signed with another key was answered ${JSON.stringify(refused.result)}`);
  return answer.paymentId;
}

// ── measurements ───────────────────────────────────────────────────────────────────────────────────
/** `n` requests `make(t)` at concurrency 8, all signed before the clock starts: requests/s and each one's ms. */
async function block(t, n, make) {
  const reqs = Array.from({ length: n }, () => make(t));
  const { ms, times } = await pool(reqs, (r) => r.send());
  return { perSec: (n * 1000) / ms, times };
}

/**
 * Blocks of `make(t)` requests at concurrency 8, gateway then sandbox, ROUNDS times. A block lasts
 * about BLOCK_S (sized from an untimed 48-request block); the sandbox's holds at most `sandboxCap` requests,
 * so that measuring pays does not grow a small state much beyond its size.
 */
async function interleavedRates(gateway, sandbox, make, sandboxCap) {
  // the sizing block (48, untimed for the figures) also warms the path up in a freshly restarted sandbox
  const sized = async (t, cap) => Math.min(cap, Math.max(16, Math.round((await block(t, 48, make)).perSec * BLOCK_S)));
  const size = new Map([
    [gateway, await sized(gateway, 1000)],
    [sandbox, await sized(sandbox, sandboxCap)],
  ]);
  const g = [];
  const s = [];
  for (let i = 0; i < ROUNDS; i++) {
    g.push(await block(gateway, size.get(gateway), make));
    s.push(await block(sandbox, size.get(sandbox), make));
  }
  return {
    perSec: median(s.map((b) => b.perSec)),
    gatewayPerSec: median(g.map((b) => b.perSec)),
    ratio: median(s.map((b, i) => b.perSec / g[i].perSec)),
    p50Ms: median(s.flatMap((b) => b.times)),
    gatewayP50Ms: median(g.flatMap((b) => b.times)),
    blocks: [size.get(gateway), size.get(sandbox)],
  };
}

/** Sequential inquiryPayment round trips, rounds alternating which target goes first. */
async function inquiries(gateway, sandbox, pick) {
  const times = new Map([
    [gateway, []],
    [sandbox, []],
  ]);
  // untimed first: a sandbox restarted at the last size has not run inquiryPayment yet (cold code read 1.5× slower)
  for (const t of [gateway, sandbox]) for (let i = 0; i < INQUIRY_CALLS * 2; i++) await send(t, signed(t, INQUIRY, { paymentId: pick(t) }));
  for (let round = 0; round < INQUIRY_ROUNDS; round++) {
    for (const t of round % 2 ? [sandbox, gateway] : [gateway, sandbox]) {
      for (let i = 0; i < INQUIRY_CALLS; i++) {
        const req = signed(t, INQUIRY, { paymentId: pick(t) });
        const t0 = performance.now();
        const a = await send(t, req);
        times.get(t).push(performance.now() - t0);
        if (a.paymentStatus !== 'SUCCESS') throw new Error(`inquiryPayment answered paymentStatus ${a.paymentStatus}`);
      }
    }
  }
  const p50Ms = median(times.get(sandbox));
  const gatewayP50Ms = median(times.get(gateway));
  return { p50Ms, gatewayP50Ms, ratio: gatewayP50Ms / p50Ms, calls: times.get(sandbox).length };
}

/** `GET /sandbox-api/state`: p50 of STATE_CALLS (fewer, at least 3, when they take over 20 s in all). */
async function statePage(t) {
  const times = [];
  let bytes = 0;
  const t0 = performance.now();
  while (times.length < STATE_CALLS && (times.length < 3 || performance.now() - t0 < 20_000)) {
    const t1 = performance.now();
    const { status, body } = await http(t, 'GET', '/sandbox-api/state');
    times.push(performance.now() - t1);
    if (status !== 200) throw new Error(`GET /sandbox-api/state answered ${status}: ${body.toString('utf8').slice(0, 200)}`);
    bytes = body.length;
  }
  return { p50Ms: median(times), bytes, calls: times.length };
}

/** The sandbox's own files (the store: all but keys, client id, `.env` and the lock), bytes. */
function storeFiles(dir) {
  const out = {};
  const walk = (d, prefix) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name), `${prefix}${e.name}/`);
      else if (e.isFile() && !e.name.endsWith('.pem') && !['client.json', '.env', 'sandbox.lock'].includes(e.name)) out[`${prefix}${e.name}`] = statSync(join(d, e.name)).size;
    }
  };
  walk(dir, '');
  return out;
}

// ── the run ────────────────────────────────────────────────────────────────────────────────────────
function options(argv) {
  const value = (name, fallback) => {
    const eq = argv.find((a) => a.startsWith(`${name}=`));
    if (eq) return eq.slice(name.length + 1);
    const i = argv.indexOf(name);
    return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
  };
  const sizes = String(value('--sizes', process.env.BENCH_SANDBOX_SIZES ?? '100,1000,10000,50000,100000'))
    .split(',')
    .map((s) => Number(s.replace(/_/g, '')));
  if (!sizes.length || sizes.some((n, i) => !Number.isSafeInteger(n) || n < 1 || (i && n <= sizes[i - 1]))) {
    throw new RangeError(`sandbox-scale: --sizes must be increasing positive integers, comma-separated (e.g. 100,1000,5000), got ${JSON.stringify(value('--sizes'))}`);
  }
  const maxSeconds = Number(value('--max-seconds', '1200'));
  if (!(maxSeconds > 0)) throw new RangeError(`sandbox-scale: --max-seconds must be a positive number, got ${JSON.stringify(value('--max-seconds'))}`);
  const module = resolve(value('--module', SANDBOX));
  return { sizes, maxSeconds, module, keep: argv.includes('--keep') };
}

/**
 * Starts the sandbox child (a fresh directory: keys made) and the gateway child on its keys, gets the
 * agreement token, checks both targets' contract, warms the gateway up. Returns the run's context.
 */
async function setUp(work, children, module) {
  const dir = join(work, 'sandbox');
  const startSandbox = async () => {
    const { proc, info } = await startChild(SELF, ['--child', dir, module], children);
    return { proc, info, t: target(info.url, info.clientId, createPrivateKey(readFileSync(info.merchantPrivateKeyPath))) };
  };
  const sb = await startSandbox();
  const gw = await startChild(GATEWAY, ['--keys', dir, '--log', join(work, 'gateway.log')], children);
  const gateway = target(gw.info.url, sb.t.clientId, sb.t.key);
  const token = await agreementToken(sb.t);
  const run = Date.now().toString(36);
  let seq = 0;
  const ids = new Map([
    [gateway, []], // every payment each target answered S to
    [sb.t, []],
  ]);
  const cursors = new Map(); // ids → next index: refunds spread over the payments
  const ctx = {
    dir,
    sb,
    gateway,
    gatewayProc: gw.proc,
    token,
    ids: (t) => ids.get(t),
    rid: (prefix) => `${prefix}-${run}-${++seq}`,
    /** A pay to `t`, signed now, sent later. */
    pay: (t) => {
      const req = signed(t, PAY, payBody(ctx.rid('P'), token));
      return { send: async () => ids.get(t).push((await send(t, req)).paymentId) };
    },
    /** A refund of `fils` to `t` (the next payment in turn), signed now, sent later. */
    refund: (t, fils = 1) => {
      const list = ids.get(t);
      const i = cursors.get(list) ?? 0;
      cursors.set(list, i + 1);
      const req = signed(t, REFUND, refundBody(ctx.rid('R'), list[i % list.length], fils));
      return { send: () => send(t, req) };
    },
    /** Closes the sandbox child and starts it again on the same directory. */
    restart: async () => {
      ctx.sb.t.agent.destroy();
      await stopChild(ctx.sb.proc);
      const next = await startSandbox();
      ids.set(next.t, ids.get(ctx.sb.t));
      ids.delete(ctx.sb.t);
      ctx.sb = next;
    },
  };
  const walletPublicKey = createPublicKey(readFileSync(join(dir, 'wallet-public-key.pem')));
  for (const t of [gateway, sb.t]) ids.get(t).push(await checkContract(t, walletPublicKey, token));
  // the gateway warmed up (JIT) and holding payments to inquire about; seeding warms the sandbox up
  await pool(Array.from({ length: 200 }, () => ctx.pay(gateway)), (r) => r.send());
  return ctx;
}

/**
 * Agreement pays at concurrency 8 (signed as they go) and a 100-fils refund of every 100th, in batches
 * of ~5 s, until the sandbox holds `n` payments or `deadline` passes. Returns the seconds and the last
 * batch's pays/s.
 */
async function seedTo(ctx, n, deadline, perSec) {
  const t = ctx.sb.t;
  const paid = ctx.ids(t);
  const t0 = performance.now();
  let told = t0;
  while (paid.length < n && performance.now() < deadline) {
    if (performance.now() - told > 30_000) {
      told = performance.now();
      process.stderr.write(`sandbox-scale: seeding, ${paid.length.toLocaleString('en-US')} of ${n.toLocaleString('en-US')} payments (${perSec.toFixed(0)} pays/s)\n`);
    }
    const batch = Math.min(n - paid.length, Math.max(64, Math.round((perSec ?? 100) * 5)));
    const from = paid.length;
    const b = await pool(Array.from({ length: batch }), () => ctx.pay(t).send());
    perSec = (batch * 1000) / b.ms;
    const everyHundredth = paid.slice(from).filter((_, i) => i % 100 === 99);
    await pool(everyHundredth, (id) => send(t, signed(t, REFUND, refundBody(ctx.rid('SR'), id, 100))));
  }
  return { seconds: (performance.now() - t0) / 1000, perSec };
}

/** Everything measured at the sandbox's current size (see the top of this file); restarts the sandbox. */
async function measure(ctx) {
  const { gateway } = ctx;
  const sandbox = ctx.sb.t;
  const at = ctx.ids(sandbox).length;
  await ask(ctx.sb.proc, 'settled');
  const files = storeFiles(ctx.dir);
  const statePageFigures = await statePage(sandbox);
  const random = (t) => ctx.ids(t)[Math.floor(Math.random() * ctx.ids(t).length)];
  const inquiry = await inquiries(gateway, sandbox, random);
  const cap = Math.max(64, Math.min(400, Math.floor(at / 4 / ROUNDS))); // pays measured: ~a quarter of the state (but blocks of 16 read too noisy)
  const pay = await interleavedRates(gateway, sandbox, ctx.pay, cap);
  const refund = await interleavedRates(gateway, sandbox, ctx.refund, cap);
  const peakMB = memory(ctx.sb.proc.pid).peakMB;
  const spawned = performance.now();
  await ctx.restart();
  const processStartMs = performance.now() - spawned;
  return {
    payments: at,
    paymentsAfter: ctx.ids(ctx.sb.t).length,
    pay,
    refund,
    inquiry,
    statePage: statePageFigures,
    filesBytes: Object.values(files).reduce((a, b) => a + b, 0),
    files,
    rssIdleMB: memory(ctx.sb.proc.pid).rssMB,
    rssPeakMB: peakMB,
    restartMs: ctx.sb.info.startMs,
    processStartMs,
  };
}

async function main() {
  const { sizes, maxSeconds, module, keep } = options(process.argv.slice(2));
  if (module === SANDBOX) ensureBuild();
  if (!existsSync(module)) throw new Error(`sandbox-scale: ${module} is missing${module === SANDBOX ? ': run `npm run build` first' : ''}`);
  const deadline = performance.now() + maxSeconds * 1000;
  const work = mkdtempSync(join(tmpdir(), 'superqi-sandbox-scale-'));
  const children = new Set();
  const rows = [];
  const missing = [];
  const say = (text) => process.stderr.write(`sandbox-scale: ${text}\n`);
  try {
    const ctx = await setUp(work, children, module);
    let perSec = null;
    for (const n of sizes) {
      const todo = n - ctx.ids(ctx.sb.t).length;
      const left = (deadline - performance.now()) / 1000;
      if (todo > 0 && perSec && todo / perSec > left) {
        missing.push(n);
        say(`${n.toLocaleString('en-US')} payments not reached: seeding at ${perSec.toFixed(0)} pays/s needs ~${Math.round(todo / perSec)} s, ${Math.round(left)} s left of --max-seconds ${maxSeconds}`);
        continue;
      }
      const seeded = await seedTo(ctx, n, deadline, perSec);
      perSec = seeded.perSec;
      const held = ctx.ids(ctx.sb.t).length;
      if (held < n) {
        missing.push(n);
        say(`${n.toLocaleString('en-US')} payments not reached (${held} after ${seeded.seconds.toFixed(0)} s): over --max-seconds ${maxSeconds}`);
        continue;
      }
      say(`${held.toLocaleString('en-US')} payments (seeding ${seeded.seconds.toFixed(1)} s, last batch ${perSec?.toFixed(0) ?? '-'} pays/s); measuring`);
      rows.push({ ...(await measure(ctx)), seedSeconds: +seeded.seconds.toFixed(1), seedPerSec: perSec && Math.round(perSec) });
    }
    ctx.sb.t.agent.destroy();
    ctx.gateway.agent.destroy();
    await stopChild(ctx.sb.proc);
    await stopChild(ctx.gatewayProc);
  } finally {
    for (const proc of children) proc.kill('SIGKILL'); // left only when something threw
    if (!keep) rmSync(work, { recursive: true, force: true });
    else process.stderr.write(`sandbox-scale: kept ${work}\n`);
  }
  report(rows, missing, sizes);
}

// ── the report ─────────────────────────────────────────────────────────────────────────────────────
const r2 = (x) => (x === null || x === undefined ? null : Number(x.toPrecision(4)));
const mb = (bytes) => `${(bytes / 1e6).toFixed(bytes < 1e6 ? 2 : 1)} MB`;

function report(rows, missing, sizes) {
  const lines = [
    '| payments | signed pay, c8 | pay p50 | signed refund, c8 | inquiryPayment p50 | state page p50 | files | RSS idle / peak | restart | seeding |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.payments.toLocaleString('en-US')} | ${r.pay.perSec.toFixed(0)}/s (${r.pay.ratio.toFixed(2)}× the gateway's ${r.pay.gatewayPerSec.toFixed(0)}/s) | ${r.pay.p50Ms.toFixed(1)} ms | ` +
        `${r.refund.perSec.toFixed(0)}/s (${r.refund.ratio.toFixed(2)}×) | ${r.inquiry.p50Ms.toFixed(2)} ms (gateway ${r.inquiry.gatewayP50Ms.toFixed(2)} ms: ${r.inquiry.ratio.toFixed(2)}×) | ` +
        `${r.statePage.p50Ms.toFixed(1)} ms (${mb(r.statePage.bytes)}) | ${mb(r.filesBytes)} | ${r.rssIdleMB?.toFixed(0) ?? 'n/a'} / ${r.rssPeakMB?.toFixed(0) ?? 'n/a'} MB | ${r.restartMs.toFixed(0)} ms | ${r.seedSeconds} s |`,
    ),
    ...missing.map((n) => `| ${n.toLocaleString('en-US')} | not reached within --max-seconds |||||||||`),
  ];
  process.stderr.write(`\nsandbox at scale (node ${process.version}, concurrency ${CONCURRENCY}):\n${lines.join('\n')}\n\n`);

  const over = (pick) => (rows.length ? rows.map(pick) : null);
  const min = (pick) => over(pick) && Math.min(...over(pick));
  const max = (pick) => over(pick) && Math.max(...over(pick));
  const spread = (pick) => over(pick) && max(pick) / min(pick);
  const figures = [
    { id: 'sandbox.scale.payRatio.worst', label: 'sandbox: signed pay, c8, ÷ minimal gateway (worst size)', value: r2(min((r) => r.pay.ratio)), unit: 'x' },
    { id: 'sandbox.scale.refundRatio.worst', label: 'sandbox: signed refund, c8, ÷ minimal gateway (worst size)', value: r2(min((r) => r.refund.ratio)), unit: 'x' },
    { id: 'sandbox.scale.inquiryRatio.worst', label: 'sandbox: inquiryPayment rate ÷ minimal gateway (worst size)', value: r2(min((r) => r.inquiry.ratio)), unit: 'x' },
    { id: 'sandbox.scale.payP50.spread', label: `sandbox: pay p50, largest ÷ smallest over ${rows.length} sizes`, value: r2(spread((r) => r.pay.p50Ms)), unit: 'x' },
    { id: 'sandbox.scale.inquiryP50.spread', label: `sandbox: inquiry p50, largest ÷ smallest over ${rows.length} sizes`, value: r2(spread((r) => r.inquiry.p50Ms)), unit: 'x' },
    { id: 'sandbox.scale.payP50.spreadVsGateway', label: "sandbox: the same, each size's p50 ÷ the gateway's (machine load cancels out)", value: r2(spread((r) => r.pay.p50Ms / r.pay.gatewayP50Ms)), unit: 'x' },
    { id: 'sandbox.scale.inquiryP50.spreadVsGateway', label: "sandbox: inquiry p50 spread, each size's p50 ÷ the gateway's", value: r2(spread((r) => r.inquiry.p50Ms / r.inquiry.gatewayP50Ms)), unit: 'x' },
    { id: 'sandbox.scale.restartMs.worst', label: 'sandbox: startSandbox on a restart (worst size)', value: r2(max((r) => r.restartMs)), unit: 'ms' },
    { id: 'sandbox.scale.rssMB.worst', label: 'sandbox: child peak RSS, MB (worst size)', value: rows.length ? Math.round(max((r) => r.rssPeakMB)) : null, unit: 'MB' },
    { id: 'sandbox.scale.statePageMs.worst', label: 'sandbox: GET /sandbox-api/state p50 (worst size)', value: r2(max((r) => r.statePage.p50Ms)), unit: 'ms' },
    { id: 'sandbox.scale.sizesMissing', label: `sandbox: sizes not reached (of ${sizes.join(', ')})`, value: missing.length, unit: '' },
    ...rows.flatMap((r) => {
      const at = (key, label, value, unit) => ({ id: `sandbox.scale.n${r.payments}.${key}`, label: `sandbox @${r.payments.toLocaleString('en-US')}: ${label}`, value: value === null ? null : unit === 'ms' || unit === 'x' ? r2(value) : Math.round(value), unit });
      return [
        at('payPerSec', 'signed pay/s, c8', r.pay.perSec, '/s'),
        at('payRatio', 'pay ÷ gateway', r.pay.ratio, 'x'),
        at('payP50Ms', 'pay p50, c8', r.pay.p50Ms, 'ms'),
        at('refundRatio', 'refund ÷ gateway', r.refund.ratio, 'x'),
        at('inquiryP50Ms', 'inquiry p50', r.inquiry.p50Ms, 'ms'),
        at('inquiryRatio', 'inquiry rate ÷ gateway', r.inquiry.ratio, 'x'),
        at('statePageMs', 'state page p50', r.statePage.p50Ms, 'ms'),
        at('filesBytes', 'store files', r.filesBytes, 'B'),
        at('rssIdleMB', 'RSS idle, MB', r.rssIdleMB, 'MB'),
        at('rssPeakMB', 'RSS peak, MB', r.rssPeakMB, 'MB'),
        at('restartMs', 'restart', r.restartMs, 'ms'),
      ];
    }),
  ];
  emit(figures);
  process.stdout.write(`BENCH_JSON ${JSON.stringify({ node: process.version, concurrency: CONCURRENCY, sizes, missing, rows })}\n`);
}

if (process.argv[2] === '--child') await child(process.argv[3], process.argv[4]);
else await main();
