/**
 * Answers exactly as the docs say: getAuthCode's documented failure payload has no `error`, only
 * `authErrorScopes`; an answer without the `authCode` the page promises is a failure (qicardSignContract too).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { getAuthCode, HostError, qicardSignContract, UserCancelledError } from '../../src/index.js';
import { installFakeBridge, rejection, resetState } from '../support/fake-bridge.js';

afterEach(resetState);

describe('getAuthCode without authCode', () => {
  it("the docs' failure example rejects with a HostError that keeps authErrorScopes", async () => {
    installFakeBridge({ handlers: { getAuthCode: { authErrorScopes: { auth_user: '10001' } } } });
    const e = (await rejection(getAuthCode({ scopes: ['auth_user'] }))) as HostError;
    expect(e).toBeInstanceOf(HostError);
    expect(e).toMatchObject({ api: 'getAuthCode', code: 3, authErrorScopes: { auth_user: '10001' } });
    expect(e.raw).toEqual({ authErrorScopes: { auth_user: '10001' } });
  });

  it('an empty answer or an empty authCode rejects; fail callbacks get the error', async () => {
    installFakeBridge({ handlers: { getAuthCode: {} } });
    let failed: unknown;
    expect(await rejection(getAuthCode({ scopes: ['auth_base'], fail: (e) => (failed = e) }))).toBeInstanceOf(HostError);
    expect(failed).toBeInstanceOf(HostError);
    installFakeBridge({ handlers: { getAuthCode: { authCode: '' } } });
    expect(await rejection(getAuthCode({ scopes: ['auth_base'] }))).toBeInstanceOf(HostError);
  });

  it('a documented error keeps its own code and class; an authCode resolves', async () => {
    installFakeBridge({ handlers: { getAuthCode: { error: 1001, authErrorScopes: { auth_user: '1001' } } } });
    expect(await rejection(getAuthCode({ scopes: ['auth_user'] }))).toMatchObject({ name: 'UserCancelledError', code: 1001, authErrorScopes: { auth_user: '1001' } });
    installFakeBridge({ handlers: { getAuthCode: { authCode: 'abc', authSuccessScopes: ['auth_base'] } } });
    await expect(getAuthCode({ scopes: ['auth_base'] })).resolves.toEqual({ authCode: 'abc', authSuccessScopes: ['auth_base'] });
  });

  // needs() looks at authCode first and leaves such answers to the default path: it must still fail them.
  it('an answer with an authCode and an error is still a failure', async () => {
    installFakeBridge({ handlers: { getAuthCode: { authCode: 'abc', error: 1001 } } });
    expect(await rejection(getAuthCode({ scopes: ['auth_user'] }))).toMatchObject({ name: 'UserCancelledError', code: 1001 });
    installFakeBridge({ handlers: { getAuthCode: { authCode: 'abc', errorMessage: 'denied' } } });
    expect(await rejection(getAuthCode({ scopes: ['auth_user'] }))).toMatchObject({ name: 'HostError', code: 3, errorMessage: 'denied' });
  });
});

describe('qicardSignContract without authCode', () => {
  it('{} rejects with a HostError; string codes keep their meaning', async () => {
    installFakeBridge({ handlers: { qicardSignContract: {} } });
    expect(await rejection(qicardSignContract({ authUrl: 'https://w.iq/a' }))).toMatchObject({ name: 'HostError', code: 3 });
    installFakeBridge({ handlers: { qicardSignContract: { errorCode: '6001' } } });
    expect(await rejection(qicardSignContract({ authUrl: 'https://w.iq/a' }))).toBeInstanceOf(UserCancelledError);
    installFakeBridge({ handlers: { qicardSignContract: { authCode: 'x'.repeat(32) } } });
    await expect(qicardSignContract({ authUrl: 'https://w.iq/a' })).resolves.toEqual({ authCode: 'x'.repeat(32) });
  });
});
