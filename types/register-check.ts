// Compiled after the build (npm test): a project registers what a newer host has, as the README shows,
// by declaration merging into the package's `Register` — and only then may it use those names.
import { call, getAuthCode, type ApiErrorCode, type TradePayResult } from 'superqi-bridge';
import { answer, fail } from 'superqi-bridge/testing';

declare module 'superqi-bridge' {
  interface Register {
    scopes: 'USER_EMAIL';
    tradePayResultCodes: '9001';
    errorCodes: 4001;
    apis: { launchApp: { params: { appId: string }; result: { launched: boolean } } };
  }
}

export async function registered(): Promise<void> {
  await getAuthCode({ scopes: ['USER_EMAIL', 'auth_base'] });
  // @ts-expect-error still exact: a scope neither documented nor registered
  await getAuthCode({ scopes: ['USER_EMAILS'] });
  const launched: boolean = (await call('launchApp', { appId: 'x' })).launched;
  void launched;
  AlipayJSBridge.call('launchApp', { appId: 'x' });
  // @ts-expect-error an unregistered name
  await call('launchApps');
  const result = {} as TradePayResult;
  if (result.resultCode === '9001') void result;
  // @ts-expect-error an unregistered result code
  if (result.resultCode === '9002') void result;
  const code: ApiErrorCode<'getAuthCode'> = 4001;
  void code;
  fail('getAuthCode', 4001);
  fail('getAuthCode', '1001');
  // @ts-expect-error a code getAuthCode's page does not list, nor registered
  fail('getAuthCode', 9999);
  answer('launchApp', { launched: true });
  // @ts-expect-error the registered result type
  answer('launchApp', { launched: 'yes' });
}
