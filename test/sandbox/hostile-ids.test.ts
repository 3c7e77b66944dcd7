// @vitest-environment node
/**
 * Ids from outside are own keys of prototype-free tables (issue 19, item 4). Each of these names is
 * walked through every id-taking surface — the Client-Id header and every id field of the Open APIs,
 * the wallet API's query and body ids, the admin API's — and must get that surface's documented
 * not-found answer. The sandbox runs as its own process: `constructor` as a deliveryId once hung its
 * event loop for good (a test in the same process could not even time out). Each walk waits for the
 * answers, with vitest's timeout as the backstop, then asks the sandbox for its state; the last test
 * stops it with SIGTERM and reads what it saved.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { OPEN_APIS, SANDBOX_API, WALLET_API } from '../../src/sandbox/index.js';
import { startChild, type ChildSandbox } from './child.js';
import { rid } from './fixture.js';
import { AGREEMENT, ALI, App, CASHIER, Merchant, readEnv, tempDir } from './merchant.js';
import { savedWallet } from './db.js';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

const HOSTILE = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'isPrototypeOf'];

const tmp = tempDir();
let sandbox: ChildSandbox;
let merchant: Merchant;
let app: App;
let paymentId: string;
let authId: string;

beforeAll(async () => {
  sandbox = await startChild(tmp.dir);
  expect(sandbox.url, sandbox.output()).not.toBeNull();
  merchant = new Merchant(readEnv(join(tmp.dir, '.env')));
  app = new App(sandbox.url!);
  // real records, so a hostile id in the second field of a call is what gets looked up
  const pay = await merchant.call(OPEN_APIS.pay.path, {
    productCode: CASHIER,
    paymentRequestId: rid('PAY'),
    paymentAmount: { currency: 'IQD', value: '1000' },
    order: { orderDescription: 'hostile ids', buyer: { referenceBuyerId: ALI } },
  });
  paymentId = pay.json.paymentId;
  const prep = await merchant.call(OPEN_APIS.prepare.path, { scopes: 'AGREEMENT_PAY', extendInfo: '{}' });
  authId = new URL(prep.json.authUrl).searchParams.get('authId')!;
});

afterAll(async () => {
  await sandbox?.kill();
  tmp.remove();
});

/** Every Open API call that carries an id, with the answer its page documents for an unknown one. */
const openApiCalls = (id: string): Array<[string, string, Record<string, unknown>, string]> => [
  ['applyToken authCode', OPEN_APIS.applyToken.path, { grantType: 'AUTHORIZATION_CODE', authCode: id }, 'INVALID_CODE'],
  ['applyToken refreshToken', OPEN_APIS.applyToken.path, { grantType: 'REFRESH_TOKEN', refreshToken: id }, 'INVALID_REFRESH_TOKEN'],
  ['applyToken grantType', OPEN_APIS.applyToken.path, { grantType: id, authCode: 'x' }, 'AUTH_CLIENT_UNSUPPORTED_GRANT_TYPE'],
  ['inquiryPayment paymentId', OPEN_APIS.inquiryPayment.path, { paymentId: id }, 'ORDER_NOT_EXIST'],
  ['inquiryPayment paymentRequestId', OPEN_APIS.inquiryPayment.path, { paymentRequestId: id }, 'ORDER_NOT_EXIST'],
  ['inquiryRefund refundId', OPEN_APIS.inquiryRefund.path, { refundId: id }, 'REFUND_NOT_EXIST'],
  ['inquiryRefund refundRequestId', OPEN_APIS.inquiryRefund.path, { refundRequestId: id }, 'REFUND_NOT_EXIST'],
  ['pay productCode', OPEN_APIS.pay.path, { productCode: id, paymentRequestId: rid(), paymentAmount: { currency: 'IQD', value: '1000' }, order: { orderDescription: 'x', buyer: { referenceBuyerId: ALI } } }, 'PARAM_ILLEGAL'],
  ['pay referenceBuyerId', OPEN_APIS.pay.path, { productCode: CASHIER, paymentRequestId: rid(), paymentAmount: { currency: 'IQD', value: '1000' }, order: { orderDescription: 'x', buyer: { referenceBuyerId: id } } }, 'USER_NOT_EXIST'],
  ['pay paymentAuthCode', OPEN_APIS.pay.path, { productCode: AGREEMENT, paymentRequestId: rid(), paymentAuthCode: id, paymentAmount: { currency: 'IQD', value: '1000' }, order: { orderDescription: 'x' } }, 'INVALID_ACCESS_TOKEN'],
  ['refund paymentId', OPEN_APIS.refund.path, { refundRequestId: rid(), paymentId: id, refundAmount: { currency: 'IQD', value: '1' } }, 'ORDER_NOT_EXIST'],
  ['refund paymentRequestId', OPEN_APIS.refund.path, { refundRequestId: rid(), paymentRequestId: id, refundAmount: { currency: 'IQD', value: '1' } }, 'ORDER_NOT_EXIST'],
  ['refund captureId', OPEN_APIS.refund.path, { refundRequestId: rid(), captureId: id, refundAmount: { currency: 'IQD', value: '1' } }, 'ORDER_NOT_EXIST'],
  ['merchantAccept paymentId', OPEN_APIS.merchantAccept.path, { paymentId: id }, 'ORDER_NOT_EXIST'],
  ['confirm paymentId', OPEN_APIS.confirm.path, { paymentId: id, confirmRequestId: rid() }, 'ORDER_NOT_EXIST'],
  ['cancel paymentId', OPEN_APIS.cancel.path, { paymentId: id }, 'ORDER_NOT_EXIST'],
  ['cancel paymentRequestId', OPEN_APIS.cancel.path, { paymentRequestId: id }, 'ORDER_NOT_EXIST'],
  ['void paymentId', OPEN_APIS.void.path, { voidRequestId: rid(), paymentId: id }, 'ORDER_NOT_EXISTS'],
  ['inquiryUserInfo accessToken', OPEN_APIS.inquiryUserInfo.path, { accessToken: id }, 'INVALID_ACCESS_TOKEN'],
  ['inquiryUserCardList accessToken', OPEN_APIS.inquiryUserCardList.path, { accessToken: id }, 'INVALID_ACCESS_TOKEN'],
  ['inquiryUserAccountList accessToken', OPEN_APIS.inquiryUserAccountList.path, { accessToken: id }, 'INVALID_ACCESS_TOKEN'],
  ['inquiryMerchantInfo accessToken', OPEN_APIS.inquiryMerchantInfo.path, { accessToken: id }, 'INVALID_ACCESS_TOKEN'],
  ['sendInbox accessToken', OPEN_APIS.sendInbox.path, { accessToken: id, requestId: rid(), templateCode: 'MINI_APP_COMMON_INBOX', templates: [{ templateParameters: { Title: 't', Content: 'c', Url: 'u' } }] }, 'INVALID_ACCESS_TOKEN'],
  ['sendPush accessToken', OPEN_APIS.sendPush.path, { accessToken: id, requestId: rid(), templateCode: 'MINI_APP_COMMON_PUSH', templates: [{ templateParameters: { Title: 't', Content: 'c', Url: 'u' } }] }, 'INVALID_ACCESS_TOKEN'],
];

const q = encodeURIComponent;

/** Every wallet and admin API call that carries an id: [what, method, path, body, status, error]. */
const walletAndAdminCalls = (id: string): Array<[string, 'GET' | 'POST', string, unknown, number, string]> => [
  ['wallet payments ?paymentId', 'GET', `${WALLET_API.payments}?paymentId=${q(id)}`, undefined, 404, 'PAYMENT_NOT_FOUND'],
  ['wallet payments ?paymentUrl', 'GET', `${WALLET_API.payments}?paymentUrl=${q(`http://127.0.0.1/cashier?paymentId=${q(id)}`)}`, undefined, 404, 'PAYMENT_NOT_FOUND'],
  ['wallet contracts ?authId', 'GET', `${WALLET_API.contracts}?authId=${q(id)}`, undefined, 404, 'CONTRACT_NOT_FOUND'],
  ['wallet contracts ?authUrl', 'GET', `${WALLET_API.contracts}?authUrl=${q(`http://127.0.0.1/contract?authId=${q(id)}`)}`, undefined, 404, 'CONTRACT_NOT_FOUND'],
  ['wallet auth-codes userId', 'POST', WALLET_API.authCodes, { userId: id, grantedScopes: ['USER_ID'] }, 404, 'USER_NOT_FOUND'],
  ['wallet auth-codes clientId', 'POST', WALLET_API.authCodes, { userId: ALI, clientId: id, grantedScopes: ['USER_ID'] }, 404, 'CLIENT_NOT_FOUND'],
  ['wallet payments/decide paymentId', 'POST', WALLET_API.decidePayment, { paymentId: id, userId: ALI, decision: 'pending' }, 404, 'PAYMENT_NOT_FOUND'],
  ['wallet payments/decide userId', 'POST', WALLET_API.decidePayment, { paymentId, userId: id, decision: 'pending' }, 404, 'USER_NOT_FOUND'],
  ['wallet contracts/decide authId', 'POST', WALLET_API.decideContract, { authId: id, userId: ALI, decision: 'fail' }, 404, 'CONTRACT_NOT_FOUND'],
  ['wallet contracts/decide userId', 'POST', WALLET_API.decideContract, { authId, userId: id, decision: 'fail' }, 404, 'USER_NOT_FOUND'],
  ['admin resend deliveryId', 'POST', SANDBOX_API.resend, { deliveryId: id }, 404, 'DELIVERY_NOT_FOUND'],
  ['admin fail-next api', 'POST', SANDBOX_API.failNext, { api: id, resultCode: null }, 400, 'INVALID_REQUEST'],
  ['admin force outcome', 'POST', SANDBOX_API.force, { outcome: id }, 400, 'INVALID_REQUEST'],
];

async function ask(method: 'GET' | 'POST', path: string, body: unknown): Promise<{ status: number; error: unknown }> {
  const res = await fetch(`${sandbox.url}${path}`, method === 'GET' ? {} : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  let error: unknown = text;
  try {
    error = (JSON.parse(text) as { error?: unknown }).error;
  } catch {
    /* keep the text: it says what came instead of JSON */
  }
  return { status: res.status, error };
}

describe.each(HOSTILE)('id %s', (id) => {
  it('as the Client-Id of every Open API: CLIENT_INVALID, signed', async () => {
    // signed as a merchant with that client id would sign
    const impostor = new Merchant({ ...merchant.env, ALIPAY_CLIENT_ID: id });
    const wrong: string[] = [];
    for (const row of Object.values(OPEN_APIS)) {
      const r = await impostor.call(row.path, { paymentId: 'x' });
      if (r.json.result?.resultCode !== 'CLIENT_INVALID' || !r.signed) wrong.push(`${row.name}: HTTP ${r.status} ${r.raw.slice(0, 120)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('in every id field of the Open APIs: the page’s not-found code', async () => {
    const wrong: string[] = [];
    for (const [what, path, body, expected] of openApiCalls(id)) {
      const r = await merchant.call(path, body);
      if (r.json.result?.resultCode !== expected || r.status !== 200 || !r.signed) wrong.push(`${what}: HTTP ${r.status} ${r.raw.slice(0, 160)} (expected ${expected})`);
    }
    expect(wrong).toEqual([]);
  });

  it('in the wallet and admin APIs: 404 (or 400) with the not-found error; the sandbox still answers', async () => {
    const wrong: string[] = [];
    for (const [what, method, path, body, status, error] of walletAndAdminCalls(id)) {
      const r = await ask(method, path, body);
      if (r.status !== status || r.error !== error) wrong.push(`${what}: ${r.status} ${JSON.stringify(r.error)} (expected ${status} ${error})`);
    }
    expect(wrong).toEqual([]);
    const state = await fetch(`${sandbox.url}${SANDBOX_API.state}`);
    expect(state.status).toBe(200);
    const view = (await state.json()) as { payments: Array<{ paymentId: string }>; deliveries: unknown[] };
    expect(view.payments.map((p) => p.paymentId)).toEqual([paymentId]);
    expect(view.deliveries).toEqual([]);
  });
});

it('stops on SIGTERM afterwards, and saved no record under any of those ids', async () => {
  const exit = new Promise<number | null>((resolve) => sandbox.child.once('exit', resolve));
  sandbox.child.kill('SIGTERM');
  expect(await exit).toBe(0);
  const saved = savedWallet(tmp.dir);
  try {
    expect(saved.keys().filter((k) => HOSTILE.includes(k.slice(k.indexOf('.') + 1)))).toEqual([]);
    expect(saved.ids('payments')).toEqual([paymentId]);
  } finally {
    saved.close();
  }
});
