/**
 * Load: 10,000 concurrent calls with varied latencies (0–40 ms, seeded) all settle with their own
 * result, whatever order the answers come in — through a host-like bridge (with failures and timeouts
 * mixed in) and through the emulator's engine (JSON round-trip, overrides, call log).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { HostError, TimeoutError, type SuperQiError } from '../../src/index.js';
import { deadlineStats } from '../../src/core/deadline.js';
import { waitingForHost } from '../../src/core/ready.js';
import { TABLE } from '../../src/table/index.js';
import type { TableRow } from '../../src/table/row.js';
import { CALLABLE, requiredParams, wrapperOf } from '../support/apis.js';
import { setupAutoEmulator, teardownEmulator } from '../support/auto-emulator.js';
import { resetState, watchUnhandled } from '../support/fake-bridge.js';

const N = 10_000;

afterEach(() => {
  resetState();
  teardownEmulator();
});

/** A small seeded PRNG (mulberry32): the same latencies every run. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rows = TABLE as unknown as Record<string, TableRow>;
/** APIs whose wrappers pass an extra `id` straight through (all of them: unknown params go to the host). */
const APIS = CALLABLE;

describe(`${N} concurrent calls`, () => {
  it('over a host-like bridge: each settles with its own answer (successes, failures, timeouts), in any order', async () => {
    const unhandled = watchUnhandled();
    const random = prng(42);
    let inFlight = 0;
    let maxInFlight = 0;
    (window as unknown as { AlipayJSBridge: unknown }).AlipayJSBridge = {
      call(name: string, params: { id: number }, cb: (r: unknown) => void) {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        const id = params.id;
        if (id % 97 === 0) return; // never answered: the per-call timeout settles it
        setTimeout(() => {
          inFlight--;
          cb(id % 10 === 3 ? { error: 1000 + (id % 7), errorMessage: `failed #${id}`, id } : { echo: id, name, authCode: 'granted' });
        }, Math.floor(random() * 40));
      },
    };
    const order: number[] = [];
    const started = performance.now();
    const calls = Array.from({ length: N }, (_, id) => {
      const api = APIS[id % APIS.length]!;
      const p = wrapperOf(api)({ ...requiredParams(api), id }, id % 97 === 0 ? { timeout: 100 } : undefined);
      return p.then(
        (value) => (order.push(id), { id, api, ok: true as const, value }),
        (error: SuperQiError) => (order.push(id), { id, api, ok: false as const, error }),
      );
    });
    const outcomes = await Promise.all(calls);
    const ms = performance.now() - started;

    expect(outcomes).toHaveLength(N);
    expect(new Set(order).size).toBe(N);
    for (const o of outcomes) {
      if (o.id % 97 === 0) {
        expect(o.ok).toBe(false);
        expect((o as { error: unknown }).error).toBeInstanceOf(TimeoutError);
        expect((o as { error: SuperQiError }).error.api).toBe(o.api);
      } else if (o.id % 10 === 3) {
        expect(o.ok).toBe(false);
        const e = (o as unknown as { error: HostError }).error;
        expect(e.api).toBe(o.api);
        expect(e.raw?.['id']).toBe(o.id);
        expect(e.errorMessage).toBe(`failed #${o.id}`);
      } else {
        expect(o.ok, `${o.api} #${o.id}`).toBe(true);
        expect((o as { value: unknown }).value).toMatchObject({ echo: o.id, name: rows[o.api]?.native ?? o.api });
      }
    }
    // really concurrent, and answered out of call order
    expect(maxInFlight).toBeGreaterThan(N * 0.9);
    expect(order).not.toEqual([...order].sort((a, b) => a - b));
    expect(deadlineStats().pending).toBe(0);
    expect(waitingForHost()).toBe(0);
    expect(unhandled.seen).toEqual([]);
    unhandled.stop();
    console.log(`[reliability] ${N} concurrent calls over a host-like bridge settled in ${Math.round(ms)} ms`);
  }, 30_000);

  it("through the emulator's engine, with overrides answering after varied latencies", async () => {
    const random = prng(7);
    const em = setupAutoEmulator({ appId: 'load', logLimit: 100 });
    const echo = ['getStorage', 'request', 'showToast', 'getSystemInfo', 'tradePay'] as const;
    for (const api of echo) {
      em.use(api, async (ctx) => {
        await ctx.delay(Math.floor(random() * 40));
        const id = ctx.params['id'] as number;
        return (id % 11 === 5 ? ctx.fail(12, `no network #${id}`) : { echo: id, api }) as never;
      });
    }
    const started = performance.now();
    const outcomes = await Promise.all(
      Array.from({ length: N }, (_, id) => {
        const api = echo[id % echo.length]!;
        return wrapperOf(api)({ ...requiredParams(api), id }).then(
          (value) => ({ id, api, value, error: undefined }),
          (error: SuperQiError) => ({ id, api, value: undefined, error }),
        );
      }),
    );
    const ms = performance.now() - started;
    for (const o of outcomes) {
      if (o.id % 11 === 5) {
        expect(o.error, `${o.api} #${o.id}`).toMatchObject({ api: o.api, code: 12, errorMessage: `no network #${o.id}` });
      } else {
        expect(o.error, `${o.api} #${o.id}`).toBeUndefined();
        expect(o.value).toMatchObject({ echo: o.id, api: o.api });
      }
    }
    expect(em.calls).toHaveLength(100); // the log keeps its limit under load
    expect(deadlineStats().pending).toBe(0);
    console.log(`[reliability] ${N} concurrent calls through the emulator settled in ${Math.round(ms)} ms`);
  }, 30_000);
});
