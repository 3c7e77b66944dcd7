/**
 * A pretend merchant backend for the flows page. In a real miniapp these calls run on YOUR server,
 * which signs requests to the Super Qi Open APIs (03-open-apis) with its private key; the page never
 * sees the keys or the access token. Here they are functions returning what the docs' examples return,
 * so the documented flows can be followed end to end without a server. Nothing is sent anywhere.
 */
import { toPaymentAmount, type PaymentAmount } from '../../src/index.js';

/** An Open API answer's `result`. */
export interface OpenApiResult {
  resultCode: string;
  resultStatus: 'S' | 'F' | 'U' | 'A';
  resultMessage: string;
}

const wait = (ms = 150) => new Promise<void>((r) => setTimeout(r, ms));
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');
const hex = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 16).toString(16)).join('').toUpperCase();
const iso = (ms: number) => new Date(Date.now() + ms).toISOString().replace(/\.\d+Z$/, '+00:00');

/** `POST /v1/authorizations/applyToken` with `grantType: AUTHORIZATION_CODE` (02-applyToken). */
export async function applyToken(authCode: string) {
  const request = { grantType: 'AUTHORIZATION_CODE', authCode };
  await wait();
  if (!authCode) {
    return { request, response: { result: { resultCode: 'INVALID_CODE', resultStatus: 'F', resultMessage: 'Authorization code is illegal.' } satisfies OpenApiResult } };
  }
  return {
    request,
    response: {
      result: { resultCode: 'SUCCESS', resultStatus: 'S', resultMessage: 'success' } satisfies OpenApiResult,
      accessToken: '2810' + hex(40),
      accessTokenExpiryTime: iso(24 * 3600e3),
      refreshToken: '2810' + hex(40),
      refreshTokenExpiryTime: iso(30 * 24 * 3600e3),
      customerId: '2166' + digits(18),
    },
  };
}

/** `POST /v1/payments/pay` in cashier mode (06-pay, 02-Cashier-Payment): answers `A` with the cashier URL. */
export async function payCashier(o: { customerId: string; amountIqd: number; description: string }) {
  const paymentAmount: PaymentAmount = toPaymentAmount(o.amountIqd);
  const paymentRequestId = 'PG-' + hex(24);
  const request = {
    productCode: '51051000101000000011',
    paymentRequestId,
    paymentAmount,
    order: { orderDescription: o.description, buyer: { referenceBuyerId: o.customerId } },
    paymentNotifyUrl: 'https://www.merchant.example/paymentNotify',
    paymentRedirectUrl: 'https://www.merchant.example/order/return',
  };
  await wait();
  const paymentId = '2023' + digits(31);
  const cashier = new URL('https://wallet.example/cashier');
  cashier.searchParams.set('orderId', paymentId);
  cashier.searchParams.set('amount', String(o.amountIqd));
  return {
    request,
    response: {
      result: { resultCode: 'ACCEPT', resultStatus: 'A', resultMessage: 'accept' } satisfies OpenApiResult,
      paymentId,
      redirectActionForm: { redirectionUrl: cashier.href },
    },
  };
}

/** `POST /v1/payments/inquiryPayment` (04-inquiryPayment): the status the cashier left. */
export async function inquiryPayment(o: { paymentId: string; resultCode: string; amount: PaymentAmount }) {
  const request = { paymentId: o.paymentId };
  await wait();
  const status =
    o.resultCode === '9000' ? 'SUCCESS' : o.resultCode === '8000' || o.resultCode === '6004' ? 'PROCESSING' : o.resultCode === '6001' ? 'CANCELLED' : 'FAIL';
  return {
    request,
    response: {
      result: { resultCode: 'SUCCESS', resultStatus: 'S', resultMessage: 'success' } satisfies OpenApiResult,
      paymentId: o.paymentId,
      paymentAmount: o.amount,
      paymentStatus: status,
      ...(status === 'SUCCESS' ? { paymentTime: iso(0) } : {}),
    },
  };
}

/** `POST /v1/authorizations/prepare` (03-prepare): an `authUrl` for qicardSignContract. */
export async function prepare(contractDesc: string, language: 'en-US' | 'ar-IQ') {
  const request = { scopes: 'AGREEMENT_PAY', extendInfo: JSON.stringify({ language, contractDesc }) };
  await wait();
  return {
    request,
    response: {
      result: { resultCode: 'SUCCESS', resultStatus: 'S', resultMessage: 'success' } satisfies OpenApiResult,
      authUrl: `https://wallet.example/authorize?authId=${hex(16)}`,
    },
  };
}

/** `POST /v1/payments/pay` in agreement mode (04-Agreement-Payment): charged at once with the agreement token. */
export async function payAgreement(o: { accessToken: string; amountIqd: number; description: string }) {
  const request = {
    productCode: '51051000101000100031',
    paymentRequestId: 'PG-' + hex(24),
    paymentAuthCode: o.accessToken,
    paymentAmount: toPaymentAmount(o.amountIqd),
    order: { orderDescription: o.description },
    paymentNotifyUrl: 'https://www.merchant.example/paymentNotify',
  };
  await wait();
  return {
    request,
    response: {
      result: { resultStatus: 'S', resultCode: 'SUCCESS', resultMessage: 'Success.' } satisfies OpenApiResult,
      paymentId: '2023' + digits(31),
      paymentTime: iso(0),
    },
  };
}

/** `POST /v1/users/inquiryUserInfo` (12-inquiryUserInfo), for the authentication flow. */
export async function inquiryUserInfo(accessToken: string) {
  const request = { accessToken };
  await wait();
  return {
    request,
    response: {
      result: { resultCode: 'SUCCESS', resultStatus: 'S', resultMessage: 'success' } satisfies OpenApiResult,
      userInfo: {
        userId: '1000' + digits(12),
        loginIdInfos: [{ loginIdType: 'MOBILE_PHONE', maskLoginId: '964*******01' }],
        userName: { fullName: 'Ali Hassan Kareem', firstName: 'Ali', secondName: 'Hassan', lastName: 'Kareem' },
        nationality: 'IRQ',
      },
    },
  };
}
