/**
 * flows.html: the documented flows (02-flows), run end to end on the emulator — the miniapp's JSAPI
 * calls through the ESM wrappers, the merchant backend's Open API calls pretended in `backend.ts`:
 *
 * - Cashier payment: getAuthCode → applyToken → pay (cashier) → tradePay → inquiryPayment
 * - Agreement payment: prepare → qicardSignContract → applyToken → pay (agreement)
 * - Authentication with consent: getAuthCode (consent scopes) → applyToken → inquiryUserInfo
 */
import { getAuthCode, qicardSignContract, tradePay, type ApiName, type PaymentAmount } from '../../src/index.js';
import * as backend from './backend.js';
import { button, byId, h, pretty } from './dom.js';
import { markReady, modeFromUrl, startHost } from './host.js';
import { jsLiteral } from './snippets.js';
import { meaningOf } from './table-info.js';

type State = Record<string, unknown>;

interface StepResult {
  readonly request: unknown;
  readonly response: unknown;
  /** false stops the flow. */
  readonly ok: boolean;
  /** A one-line summary. */
  readonly summary: string;
}

interface Step {
  readonly who: 'miniapp' | 'backend';
  readonly title: string;
  /** What the step calls, as code. */
  readonly code: (s: State) => string;
  readonly run: (s: State) => Promise<StepResult>;
}

interface Flow {
  readonly id: string;
  readonly title: string;
  readonly doc: string;
  readonly intro: string;
  readonly steps: readonly Step[];
  /** The outcome once the steps ran (or stopped). */
  readonly result: (s: State, stoppedAt: number | undefined) => { code: string; text: string; ok: boolean };
}

/** A JSAPI failure as a step answer: the error's fields and the documented meaning. */
function failure(api: ApiName, request: unknown, e: unknown): StepResult {
  const err = e as { name?: string; code?: string | number; errorMessage?: string; authErrorScopes?: unknown };
  const meaning = meaningOf(api, err.code);
  return {
    request,
    response: { name: err.name, code: err.code, errorMessage: err.errorMessage, ...(err.authErrorScopes ? { authErrorScopes: err.authErrorScopes } : {}) },
    ok: false,
    summary: `${api} failed: ${String(err.code)}${meaning ? ` — ${meaning}` : ''}`,
  };
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

const applyTokenStep: Step = {
  who: 'backend',
  title: 'applyToken: exchange the authCode for an access token',
  code: (s) => `POST /v1/authorizations/applyToken ${jsLiteral({ grantType: 'AUTHORIZATION_CODE', authCode: str(s['authCode']) })}`,
  async run(s) {
    const { request, response } = await backend.applyToken(str(s['authCode']));
    const ok = response.result.resultStatus === 'S';
    if ('customerId' in response) {
      s['customerId'] = response.customerId;
      s['accessToken'] = response.accessToken;
    }
    return { request, response, ok, summary: ok ? `customerId ${str(s['customerId'])}` : response.result.resultCode };
  },
};

function cashierFlow(amount: () => number): Flow {
  return {
    id: 'cashier',
    title: 'Cashier payment',
    doc: '02-flows/02-Cashier-Payment.md',
    intro: 'The user pays an order in the wallet’s cashier: authorize (silently, USER_ID), create the order on the backend, open the cashier with tradePay, then check the payment on the backend.',
    steps: [
      {
        who: 'miniapp',
        title: 'getAuthCode: silent authorization',
        code: () => `await getAuthCode({ scopes: ['USER_ID'] })`,
        async run(s) {
          const request = { scopes: ['USER_ID'] };
          try {
            const r = await getAuthCode(request);
            s['authCode'] = r.authCode;
            return { request, response: r, ok: true, summary: `authCode ${r.authCode}` };
          } catch (e) {
            return failure('getAuthCode', request, e);
          }
        },
      },
      applyTokenStep,
      {
        who: 'backend',
        title: 'pay (cashier mode): create the payment',
        code: (s) => `POST /v1/payments/pay { productCode: '51051000101000000011', paymentAmount: ${jsLiteral({ currency: 'IQD', value: String(amount() * 1000) })}, order: { buyer: { referenceBuyerId: '${str(s['customerId'])}' } }, … }`,
        async run(s) {
          const { request, response } = await backend.payCashier({ customerId: str(s['customerId']), amountIqd: amount(), description: 'Playground order' });
          s['paymentId'] = response.paymentId;
          s['paymentUrl'] = response.redirectActionForm.redirectionUrl;
          s['amount'] = request.paymentAmount;
          return { request, response, ok: response.result.resultStatus === 'A', summary: `redirectionUrl ${response.redirectActionForm.redirectionUrl}` };
        },
      },
      {
        who: 'miniapp',
        title: 'tradePay: the user pays in the cashier',
        code: (s) => `await tradePay({ paymentUrl: '${str(s['paymentUrl'])}' })`,
        async run(s) {
          const request = { paymentUrl: str(s['paymentUrl']) };
          try {
            const r = await tradePay(request);
            s['resultCode'] = r.resultCode;
            return { request, response: r, ok: true, summary: `resultCode ${r.resultCode} (${r.status}) — ${meaningOf('tradePay', r.resultCode) ?? ''}` };
          } catch (e) {
            return failure('tradePay', request, e);
          }
        },
      },
      {
        who: 'backend',
        title: 'inquiryPayment: the backend confirms the final status',
        code: (s) => `POST /v1/payments/inquiryPayment { paymentId: '${str(s['paymentId'])}' }`,
        async run(s) {
          const { request, response } = await backend.inquiryPayment({
            paymentId: str(s['paymentId']),
            resultCode: str(s['resultCode']),
            amount: s['amount'] as PaymentAmount,
          });
          s['paymentStatus'] = response.paymentStatus;
          return { request, response, ok: true, summary: `paymentStatus ${response.paymentStatus}` };
        },
      },
    ],
    result(s) {
      const code = str(s['resultCode']);
      if (!code) return { code: 'stopped', text: 'The flow stopped before the cashier.', ok: false };
      return { code, text: `tradePay ${code}: ${meaningOf('tradePay', code) ?? 'unknown'} The backend sees ${str(s['paymentStatus']) || '…'}.`, ok: code === '9000' };
    },
  };
}

function agreementFlow(amount: () => number): Flow {
  return {
    id: 'agreement',
    title: 'Agreement payment',
    doc: '02-flows/04-Agreement-Payment.md',
    intro: 'The user signs an auto-debit agreement once (qicardSignContract); the backend then charges without asking again.',
    steps: [
      {
        who: 'backend',
        title: 'prepare: get the signing page’s authUrl',
        code: () => `POST /v1/authorizations/prepare { scopes: 'AGREEMENT_PAY', extendInfo: '{"language":"en-US","contractDesc":"…"}' }`,
        async run(s) {
          const { request, response } = await backend.prepare('Monthly subscription, 5000 IQD', 'en-US');
          s['authUrl'] = response.authUrl;
          return { request, response, ok: true, summary: `authUrl ${response.authUrl}` };
        },
      },
      {
        who: 'miniapp',
        title: 'qicardSignContract: the user signs',
        code: (s) => `await qicardSignContract({ authUrl: '${str(s['authUrl'])}' })  // AlipayJSBridge.call('qicardSignContract', …)`,
        async run(s) {
          const request = { authUrl: str(s['authUrl']) };
          try {
            const r = await qicardSignContract(request);
            s['authCode'] = r.authCode;
            s['signed'] = true;
            return { request, response: r, ok: true, summary: `authCode ${r.authCode}` };
          } catch (e) {
            const f = failure('qicardSignContract', request, e);
            s['signError'] = (e as { code?: unknown }).code;
            return f;
          }
        },
      },
      applyTokenStep,
      {
        who: 'backend',
        title: 'pay (agreement mode): charge with the agreement token',
        code: () => `POST /v1/payments/pay { productCode: '51051000101000100031', paymentAuthCode: <accessToken>, paymentAmount: ${jsLiteral({ currency: 'IQD', value: String(amount() * 1000) })}, … }`,
        async run(s) {
          const { request, response } = await backend.payAgreement({ accessToken: str(s['accessToken']), amountIqd: amount(), description: 'Monthly subscription payment' });
          s['payStatus'] = response.result.resultStatus;
          return { request, response, ok: response.result.resultStatus === 'S', summary: `${response.result.resultStatus} ${response.result.resultCode}` };
        },
      },
    ],
    result(s) {
      if (s['signError'] !== undefined) {
        const code = String(s['signError']);
        return { code, text: `qicardSignContract ${code}: ${meaningOf('qicardSignContract', code) ?? ''}`, ok: false };
      }
      if (s['payStatus'] === 'S') return { code: 'S', text: 'Agreement signed; the backend charged it without asking the user again (resultStatus S).', ok: true };
      return { code: 'stopped', text: 'The flow stopped.', ok: false };
    },
  };
}

function authFlow(): Flow {
  const scopes = ['auth_user', 'USER_NAME'];
  return {
    id: 'auth',
    title: 'Authentication with consent',
    doc: '02-flows/03-Authentication.md',
    intro: 'Scopes that are not silent show the consent sheet: Allow gives an authCode, Deny fails with 1001 (ERROR_CODE_USER_CANCEL).',
    steps: [
      {
        who: 'miniapp',
        title: 'getAuthCode: the user consents',
        code: () => `await getAuthCode({ scopes: ${jsLiteral(scopes)} })`,
        async run(s) {
          const request = { scopes };
          try {
            const r = await getAuthCode(request);
            s['authCode'] = r.authCode;
            return { request, response: r, ok: true, summary: `authCode ${r.authCode}` };
          } catch (e) {
            s['authError'] = (e as { code?: unknown }).code;
            return failure('getAuthCode', request, e);
          }
        },
      },
      applyTokenStep,
      {
        who: 'backend',
        title: 'inquiryUserInfo: read the profile the user shared',
        code: () => `POST /v1/users/inquiryUserInfo { accessToken: <accessToken> }`,
        async run(s) {
          const { request, response } = await backend.inquiryUserInfo(str(s['accessToken']));
          s['userName'] = response.userInfo.userName.fullName;
          return { request, response, ok: true, summary: `userName ${response.userInfo.userName.fullName}` };
        },
      },
    ],
    result(s) {
      if (s['authError'] !== undefined) {
        const code = String(s['authError']);
        return { code, text: `getAuthCode ${code}: ${meaningOf('getAuthCode', code) ?? ''}`, ok: false };
      }
      if (s['userName']) return { code: 'S', text: `Signed in as ${str(s['userName'])}.`, ok: true };
      return { code: 'stopped', text: 'The flow stopped.', ok: false };
    },
  };
}

function renderFlow(flow: Flow): HTMLElement {
  const steps = flow.steps.map((step, i) =>
    h(
      'li',
      { class: 'step', 'data-step': i, 'data-state': 'waiting', 'data-who': step.who },
      h('div', { class: 'step-head' }, h('span', { class: `who ${step.who}` }, step.who === 'miniapp' ? 'miniapp (JSAPI)' : 'merchant backend (pretend)'), h('strong', {}, step.title)),
      h('pre', { class: 'step-code' }, ''),
      h('div', { class: 'step-summary' }, ''),
      h('details', {}, h('summary', {}, 'request / response'), h('pre', { class: 'step-io' }, '')),
    ),
  );
  const result = h('div', { class: 'flow-result', 'data-result': '', 'data-state': 'idle' }, 'Not run yet.');
  const run = button('Run flow', { class: 'primary', 'data-run': flow.id }, async () => {
    run.disabled = true;
    const state: State = {};
    steps.forEach((li) => {
      li.dataset['state'] = 'waiting';
      li.querySelector('.step-summary')!.textContent = '';
      li.querySelector('.step-io')!.textContent = '';
      li.querySelector('.step-code')!.textContent = '';
    });
    result.dataset['state'] = 'running';
    result.dataset['result'] = '';
    result.textContent = 'Running… answer the host in the phone frame when it asks.';
    let stoppedAt: number | undefined;
    for (let i = 0; i < flow.steps.length; i++) {
      const step = flow.steps[i]!;
      const li = steps[i]!;
      li.dataset['state'] = 'running';
      li.querySelector('.step-code')!.textContent = step.code(state);
      const r = await step.run(state);
      li.dataset['state'] = r.ok ? 'done' : 'failed';
      li.querySelector('.step-summary')!.textContent = r.summary;
      li.querySelector('.step-io')!.textContent = `request ${pretty(r.request)}\nresponse ${pretty(r.response)}`;
      if (!r.ok) {
        stoppedAt = i;
        break;
      }
    }
    const out = flow.result(state, stoppedAt);
    result.dataset['state'] = out.ok ? 'ok' : 'failed';
    result.dataset['result'] = out.code;
    result.textContent = out.text;
    run.disabled = false;
  });
  return h(
    'section',
    { class: 'card flow', 'data-flow': flow.id },
    h('header', {}, h('h2', {}, flow.title), h('span', { class: 'badge doc' }, `docs: ${flow.doc}`)),
    h('p', {}, flow.intro),
    h('ol', { class: 'steps' }, ...steps),
    h('div', { class: 'row' }, run),
    result,
  );
}

export function startFlows(): void {
  startHost(byId('phone'), modeFromUrl());
  const amountInput = byId<HTMLInputElement>('amount');
  const amount = () => Math.max(1, Math.round(Number(amountInput.value) || 100));
  byId('flows').replaceChildren(renderFlow(cashierFlow(amount)), renderFlow(agreementFlow(amount)), renderFlow(authFlow()));
  markReady();
}
