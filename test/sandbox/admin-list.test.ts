// @vitest-environment node
/**
 * The admin API's paging (issue 21): `GET /sandbox-api/list` pages one list newest first with the
 * cursor `/state` hands out, filters by `q` and `status`, refuses bad parameters with 400 naming the
 * parameter, and answers only its own origin and allowed hosts, like the rest of the admin API.
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { SANDBOX_API } from '../../src/sandbox/index.js';
import { rawRequest } from '../support/raw-http.js';
import { cashierPay, startFixture, type Fixture } from './fixture.js';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

let f: Fixture;
const paid: string[] = [];
let open = '';
beforeAll(async () => {
  f = await startFixture();
  for (let i = 0; i < 3; i++) paid.push((await cashierPay(f, 1000 + i)).paymentRequestId);
  open = (await cashierPay(f, 500, { pay: false })).paymentRequestId;
});
afterAll(() => f.close());

const get = async (path: string, headers: Record<string, string> = {}) => {
  const r = await rawRequest(f.sandbox.url, { path, headers: { host: new URL(f.sandbox.url).host, ...headers } });
  return { status: r.status, json: JSON.parse(r.text) as Record<string, any> };
};

it('pages a list newest first: /state gives the first page and the cursor, /list the rest, to the end', async () => {
  const first = await get(`${SANDBOX_API.state}?limit=2`);
  expect(first.status).toBe(200);
  expect(first.json['payments'].map((p: any) => p.paymentRequestId)).toEqual([open, paid[2]]);
  expect(first.json['pages'].payments.total).toBe(4);
  const second = await get(`${SANDBOX_API.list}?name=payments&limit=2&before=${encodeURIComponent(first.json['pages'].payments.next)}`);
  expect(second.status).toBe(200);
  expect(second.json['items'].map((p: any) => p.paymentRequestId)).toEqual([paid[1], paid[0]]);
  expect(second.json['next']).toBeNull();
  expect(second.json['total']).toBe(4);
});

it('filters by the start of an id and by status', async () => {
  const byRequest = await get(`${SANDBOX_API.list}?name=payments&q=${encodeURIComponent(paid[1]!)}`);
  expect(byRequest.json['items'].map((p: any) => p.paymentRequestId)).toEqual([paid[1]]);
  const processing = await get(`${SANDBOX_API.list}?name=payments&status=PROCESSING`);
  expect([processing.json['total'], processing.json['items'].map((p: any) => p.paymentRequestId)]).toEqual([1, [open]]);
  const none = await get(`${SANDBOX_API.list}?name=payments&q=nothing-like-it`);
  expect([none.json['total'], none.json['items'], none.json['next']]).toEqual([0, [], null]);
});

it.each([
  [`${SANDBOX_API.list}?name=payments&limit=0`, /limit must be an integer 1–500, got "0"/],
  [`${SANDBOX_API.list}?name=payments&limit=501`, /limit must be an integer 1–500/],
  [`${SANDBOX_API.list}?name=payments&limit=x`, /limit must be an integer/],
  [`${SANDBOX_API.list}?name=payments&before=garbage`, /before must be the next of an earlier page, got "garbage"/],
  [`${SANDBOX_API.list}?name=users`, /name must be one of payments, refunds, agreements, deliveries, messages/],
  [`${SANDBOX_API.list}?name=__proto__`, /name must be one of/],
  [`${SANDBOX_API.list}?name=constructor`, /name must be one of/],
  [`${SANDBOX_API.list}`, /name must be one of/],
  [`${SANDBOX_API.state}?before=1:x`, /before pages one list/],
])('%s: 400 naming the parameter', async (path, message) => {
  const r = await get(path);
  expect([r.status, r.json['error']]).toEqual([400, 'INVALID_REQUEST']);
  expect(r.json['message']).toMatch(message);
});

it('answers its own origin and allowed hosts only', async () => {
  const crossSite = await get(`${SANDBOX_API.list}?name=payments`, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
  expect([crossSite.status, crossSite.json['error']]).toEqual([403, 'FORBIDDEN']);
  const rebound = await get(`${SANDBOX_API.list}?name=payments`, { host: `evil.example:${new URL(f.sandbox.url).port}` });
  expect([rebound.status, rebound.json['error']]).toEqual([403, 'HOST_NOT_ALLOWED']);
});
