/**
 * flows.html: the documented flows (02-flows), run end to end with no phone and no credentials — the
 * miniapp's JSAPI calls through the ESM wrappers on the emulator linked to the sandbox wallet, the
 * merchant backend's part by the demo backend `npm start` serves under /api/ (backend.ts), which calls
 * the sandbox's signed Open APIs:
 *
 * - Cashier payment: getAuthCode → applyToken + inquiryUserInfo → pay (cashier) → tradePay →
 *   the signed notification → inquiryPayment → refund
 * - Agreement payment: prepare → qicardSignContract → applyToken → pay (agreement)
 * - Authentication with consent: getAuthCode (consent scopes) → applyToken → inquiryUserInfo
 * - Escrow payment: getAuthCode → applyToken → pay (escrow) → tradePay → merchantAccept → confirm
 *
 * The static build (dist/playground on a file server) has no server: the page says so and runs nothing.
 */
import { getAuthCode, qicardSignContract, tradePay, type ApiName, type AuthScope } from '../../src/index.js';
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
const outcomeOf = (r: backend.BackendAnswer) => `${r.resultStatus ?? '?'} ${r.resultCode ?? ''}${r.success ? '' : ` — ${r.resultMessage ?? ''}`}`;

/**
 * A step on the demo backend: `body(s)` posted to `/api/<path>`; `after` reads the answer into the
 * state and summarises it. `skip(s)`, when it gives a reason, passes the step without a call.
 */
function backendStep(
  title: string,
  path: string,
  body: (s: State) => Record<string, unknown>,
  after: (r: backend.BackendAnswer, s: State) => string,
  openApi: string,
  skip?: (s: State) => string | undefined,
): Step {
  return {
    who: 'backend',
    title,
    code: (s) => `POST /api/${path} ${jsLiteral(body(s))}   → ${openApi}`,
    async run(s) {
      const skipped = skip?.(s);
      if (skipped) return { request: {}, response: {}, ok: true, summary: `skipped: ${skipped}` };
      const { request, response } = await backend.post(path, body(s));
      return { request, response, ok: response.success, summary: response.success ? after(response, s) : outcomeOf(response) };
    },
  };
}

/** getAuthCode with `scopes`: the authCode goes into the state. */
function authCodeStep(scopes: AuthScope[], title: string): Step {
  return {
    who: 'miniapp',
    title,
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
  };
}

const loginStep = backendStep(
  'applyToken + inquiryUserInfo: the backend exchanges the authCode and reads the user',
  'auth/apply-token',
  (s) => ({ authCode: str(s['authCode']) }),
  (r, s) => {
    const info = r['userInfo'] as { userId: string; userName?: { fullName?: string } };
    s['token'] = r['token'];
    s['userName'] = info.userName?.fullName;
    return `customerId ${str(r['customerId'])}${info.userName?.fullName ? `, ${info.userName.fullName}` : ''}`;
  },
  '/v1/authorizations/applyToken, /v1/users/inquiryUserInfo',
);

/** tradePay on the payment the backend created. */
const tradePayStep: Step = {
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
};

function createPaymentStep(amount: () => number, escrow: boolean): Step {
  return backendStep(
    `pay (${escrow ? 'escrow' : 'cashier'} mode): create the payment`,
    'payment/create',
    (s) => ({ token: str(s['token']), amount: amount(), description: escrow ? 'Playground escrow order' : 'Playground order', ...(escrow ? { escrow: true } : {}) }),
    (r, s) => {
      s['paymentId'] = r['paymentId'];
      s['paymentUrl'] = r['paymentUrl'];
      return `${outcomeOf(r)}: redirectionUrl ${str(r['paymentUrl'])}`;
    },
    '/v1/payments/pay',
  );
}

const inquiryStep = backendStep(
  'inquiryPayment: the backend confirms the final status',
  'payment/inquiry',
  (s) => ({ paymentId: str(s['paymentId']) }),
  (r, s) => {
    s['paymentStatus'] = r['paymentStatus'];
    return `paymentStatus ${str(r['paymentStatus'])}`;
  },
  '/v1/payments/inquiryPayment',
);

function cashierFlow(amount: () => number): Flow {
  return {
    id: 'cashier',
    title: 'Cashier payment',
    doc: '02-flows/02-Cashier-Payment.md',
    intro: 'The user pays an order in the wallet’s cashier: authorize (silently, USER_ID), create the order on the backend, open the cashier with tradePay, receive the wallet’s signed notification, check the payment, refund part of it.',
    steps: [
      authCodeStep(['USER_ID'], 'getAuthCode: silent authorization'),
      loginStep,
      createPaymentStep(amount, false),
      tradePayStep,
      {
        who: 'backend',
        title: 'notification: the wallet posts the result, the backend verifies its signature',
        code: (s) => `POST /api/notify/payment  ← the sandbox wallet, signed (payment ${str(s['paymentId'])})`,
        async run(s) {
          const list = await backend.notificationsFor(str(s['paymentId']), s['resultCode'] === '9000' ? 4000 : 1000);
          const last = list[list.length - 1];
          const request = { paymentId: s['paymentId'] };
          if (!last) return { request, response: list, ok: true, summary: 'no notification (the wallet notifies final states only)' };
          return { request, response: list, ok: last.verified, summary: `${last.verified ? 'verified' : 'SIGNATURE REJECTED'}: ${last.body?.paymentResult?.resultStatus ?? '?'} ${last.body?.paymentResult?.resultCode ?? ''}` };
        },
      },
      inquiryStep,
      backendStep(
        'refund: half the amount back',
        'payment/refund',
        (s) => ({ paymentId: str(s['paymentId']), amount: amount() / 2 }),
        (r, s) => {
          s['refundStatus'] = r['refundStatus'];
          return `refundStatus ${str(r['refundStatus'])}`;
        },
        '/v1/payments/refund',
        (s) => (s['paymentStatus'] === 'SUCCESS' ? undefined : 'nothing was paid'),
      ),
    ],
    result(s) {
      const code = str(s['resultCode']);
      if (!code) return { code: 'stopped', text: 'The flow stopped before the cashier.', ok: false };
      const refund = s['refundStatus'] ? `, refund ${str(s['refundStatus'])}` : '';
      return { code, text: `tradePay ${code}: ${meaningOf('tradePay', code) ?? 'unknown'} The backend sees ${str(s['paymentStatus']) || '…'}${refund}.`, ok: code === '9000' };
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
      backendStep(
        'prepare: get the signing page’s authUrl',
        'agreement/prepare',
        () => ({ contractDesc: `Monthly subscription, ${amount()} IQD`, language: 'en-US' }),
        (r, s) => {
          s['authUrl'] = r['authUrl'];
          return `authUrl ${str(r['authUrl'])}`;
        },
        '/v1/authorizations/prepare',
      ),
      {
        who: 'miniapp',
        title: 'qicardSignContract: the user signs',
        code: (s) => `await qicardSignContract({ authUrl: '${str(s['authUrl'])}' })  // AlipayJSBridge.call('qicardSignContract', …)`,
        async run(s) {
          const request = { authUrl: str(s['authUrl']) };
          try {
            const r = await qicardSignContract(request);
            s['authCode'] = r.authCode;
            return { request, response: r, ok: true, summary: `authCode ${r.authCode}` };
          } catch (e) {
            s['signError'] = (e as { code?: unknown }).code;
            return failure('qicardSignContract', request, e);
          }
        },
      },
      backendStep(
        'applyToken: the agreement token (kept on the backend)',
        'agreement/apply-token',
        (s) => ({ authCode: str(s['authCode']) }),
        (r, s) => {
          s['token'] = r['token'];
          return `customerId ${str(r['customerId'])}`;
        },
        '/v1/authorizations/applyToken',
      ),
      backendStep(
        'pay (agreement mode): charge with the agreement token',
        'agreement/pay',
        (s) => ({ token: str(s['token']), amount: amount(), description: 'Monthly subscription payment' }),
        (r, s) => {
          s['payStatus'] = r.resultStatus;
          return outcomeOf(r);
        },
        '/v1/payments/pay',
      ),
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
  return {
    id: 'auth',
    title: 'Authentication with consent',
    doc: '02-flows/03-Authentication.md',
    intro: 'Scopes that are not silent show the consent sheet: Allow gives an authCode (the wallet records the grant, so inquiryUserInfo returns the name), Deny fails with 1001 (ERROR_CODE_USER_CANCEL).',
    steps: [authCodeStep(['auth_user', 'USER_NAME'], 'getAuthCode: the user consents'), loginStep],
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

function escrowFlow(amount: () => number): Flow {
  const escrowStep = (title: string, path: string, api: string, key: string) =>
    backendStep(title, path, (s) => ({ paymentId: str(s['paymentId']) }), (r, s) => {
      s[key] = true;
      return outcomeOf(r);
    }, api);
  return {
    id: 'escrow',
    title: 'Escrow payment',
    doc: '02-flows/05-Escrow-Payment.md',
    intro: 'The wallet holds the money until the merchant accepts the order and the customer confirms receipt.',
    steps: [
      authCodeStep(['USER_ID'], 'getAuthCode: silent authorization'),
      loginStep,
      createPaymentStep(amount, true),
      tradePayStep,
      escrowStep('merchantAccept: the merchant commits to the order', 'escrow/accept', '/v1/payments/merchantAccept', 'accepted'),
      escrowStep('confirm: receipt confirmed, the money is released', 'escrow/confirm', '/v1/payments/confirm', 'confirmed'),
    ],
    result(s) {
      if (s['confirmed']) return { code: 'S', text: 'Paid into escrow, accepted by the merchant, released on confirmation.', ok: true };
      const code = str(s['resultCode']);
      return { code: code || 'stopped', text: code ? `tradePay ${code}: ${meaningOf('tradePay', code) ?? ''} The flow stopped.` : 'The flow stopped.', ok: false };
    },
  };
}

function renderFlow(flow: Flow): HTMLElement {
  const steps = flow.steps.map((step, i) =>
    h(
      'li',
      { class: 'step', 'data-step': i, 'data-state': 'waiting', 'data-who': step.who },
      h('div', { class: 'step-head' }, h('span', { class: `who ${step.who}` }, step.who === 'miniapp' ? 'miniapp (JSAPI)' : 'merchant backend (demo)'), h('strong', {}, step.title)),
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

export async function startFlows(): Promise<void> {
  const sandbox = await backend.sandboxConfig();
  startHost(byId('phone'), modeFromUrl(), sandbox?.url);
  const amountInput = byId<HTMLInputElement>('amount');
  const amount = () => Math.max(1, Math.round(Number(amountInput.value) || 100));
  const flows = [cashierFlow(amount), agreementFlow(amount), authFlow(), escrowFlow(amount)].map(renderFlow);
  const note = sandbox
    ? h('p', { class: 'card note', id: 'sandbox-note', 'data-sandbox': sandbox.url }, 'Linked to the sandbox wallet at ', h('a', { href: sandbox.url, target: '_blank', rel: 'noopener' }, sandbox.url), ' (its page shows users, balances, payments and notifications). The backend steps run on the demo merchant backend of npm start.')
    : h('p', { class: 'card note', id: 'sandbox-note', 'data-sandbox': '' }, 'These flows need a server: run npm start, which starts the sandbox wallet and a demo merchant backend beside the playground. This static copy has neither, so the flows cannot run here.');
  if (!sandbox) for (const b of flows.flatMap((f) => Array.from(f.querySelectorAll<HTMLButtonElement>('[data-run]')))) b.disabled = true;
  byId('flows').replaceChildren(note, ...flows);
  markReady();
}
