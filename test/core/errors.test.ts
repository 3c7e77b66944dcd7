/**
 * Every documented error code of every page, as the host may send it, maps to the right error class
 * with `code`, `errorMessage`, `raw` and `api`; the guards compare `name`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  AbortedError,
  getAuthCode,
  getStorage,
  HostError,
  InvalidParamsError,
  isAbortedError,
  isHostError,
  isInvalidParamsError,
  isNotInHostError,
  isSuperQiError,
  isTimeoutError,
  isUnsupportedError,
  isUserCancelledError,
  NotInHostError,
  qicardSignContract,
  SuperQiError,
  TimeoutError,
  UnsupportedError,
  UserCancelledError,
} from '../../src/index.js';
import { CALLABLE, requiredParams, rowOf, wrapperOf } from '../support/apis.js';
import { installFakeBridge, rejection, resetState } from '../support/fake-bridge.js';

afterEach(resetState);

/** [api, code] for every documented code; tradePay's are result codes (see trade-pay.test.ts). */
const DOCUMENTED = CALLABLE.filter((n) => n !== 'tradePay').flatMap((name) =>
  Object.keys(rowOf(name).errors ?? {}).map((code) => [name, code] as const),
);

const classFor = (name: string, code: string) =>
  rowOf(name).cancel?.some((c) => String(c) === code) ? UserCancelledError : code === '1' ? UnsupportedError : HostError;

/** Calls `name` with minimal params against a host that answers `answer`; resolves the rejection. */
async function failWith(name: string, answer: unknown): Promise<HostError> {
  installFakeBridge({ handlers: { '*': () => answer } });
  const outcome = await wrapperOf(name)(requiredParams(name)).then(
    (v) => ({ resolved: v }),
    (e: unknown) => e,
  );
  expect(outcome).toBeInstanceOf(HostError);
  return outcome as HostError;
}

it('the table documents error codes for many pages, and cancel codes are documented codes', () => {
  expect(DOCUMENTED.length).toBeGreaterThan(40);
  for (const name of CALLABLE) {
    for (const c of rowOf(name).cancel ?? []) expect(Object.keys(rowOf(name).errors ?? {})).toContain(String(c));
  }
});

describe.each(DOCUMENTED)('%s error %s', (name, code) => {
  const Kind = classFor(name, code);
  const meaning = rowOf(name).errors![code as unknown as number]!;
  const stringCodes = name === 'qicardSignContract';

  if (!stringCodes) {
    it(`numeric error → ${Kind.name} with the documented meaning`, async () => {
      const raw = { error: Number(code) };
      const e = await failWith(name, raw);
      expect(e).toBeInstanceOf(Kind);
      expect(e.name).toBe(Kind.name);
      if (Kind !== HostError) expect(e).toBeInstanceOf(HostError);
      expect(e).toBeInstanceOf(SuperQiError);
      expect(e).toBeInstanceOf(Error);
      expect(e.code).toBe(Number(code));
      expect(e.error).toBe(Number(code));
      expect(e.errorMessage).toBe(meaning);
      expect(e.message).toBe(`${name}: ${meaning} (${code})`);
      expect(e.raw).toEqual(raw);
      expect(e.api).toBe(name);
    });

    it('numeric-string error becomes a number; errorMessage wins over the meaning', async () => {
      const e = await failWith(name, { error: code, errorMessage: 'from host' });
      expect(e).toBeInstanceOf(Kind);
      expect(e.code).toBe(Number(code));
      expect(e.errorMessage).toBe('from host');
      expect(e.raw).toEqual({ error: code, errorMessage: 'from host' });
    });
  }

  it('string errorCode stays a string, errMessage is read', async () => {
    const e = await failWith(name, { errorCode: code, errMessage: 'err msg' });
    expect(e).toBeInstanceOf(Kind);
    expect(e.code).toBe(code);
    expect(typeof e.code).toBe('string');
    expect(e.errorMessage).toBe('err msg');
  });

  it('message is read when there is no errorMessage/errMessage', async () => {
    const e = await failWith(name, stringCodes ? { errorCode: code, message: 'plain' } : { error: Number(code), message: 'plain' });
    expect(e).toBeInstanceOf(Kind);
    expect(e.errorMessage).toBe('plain');
  });
});

describe('qicardSignContract (string errorCode, as its page documents)', () => {
  it("'6001' is a UserCancelledError with code '6001'", async () => {
    installFakeBridge({ handlers: { qicardSignContract: { errorCode: '6001', errorMessage: 'cancelled' } } });
    const e = (await rejection(qicardSignContract({ authUrl: 'https://w/sign' }))) as UserCancelledError;
    expect(e).toBeInstanceOf(UserCancelledError);
    expect(e.code).toBe('6001');
    expect(e.errorMessage).toBe('cancelled');
    expect(e.api).toBe('qicardSignContract');
    expect(isUserCancelledError(e)).toBe(true);
  });

  it("'6003' without a message gets the documented meaning", async () => {
    installFakeBridge({ handlers: { qicardSignContract: { errorCode: '6003' } } });
    await expect(qicardSignContract({ authUrl: 'u' })).rejects.toMatchObject({
      name: 'HostError',
      code: '6003',
      errorMessage: 'Signing failed due to service error.',
    });
  });
});

describe('getAuthCode', () => {
  it('keeps authErrorScopes on the error', async () => {
    const raw = { error: 2001, errorMessage: 'pending', authErrorScopes: { USER_NAME: '40006' } };
    installFakeBridge({ handlers: { getAuthCode: raw } });
    const e = (await rejection(getAuthCode({ scopes: ['USER_NAME'] }))) as HostError;
    expect(e).toBeInstanceOf(HostError);
    expect(e.authErrorScopes).toEqual({ USER_NAME: '40006' });
    expect(e.raw).toEqual(raw);
  });

  it('1001 is a cancel and keeps authErrorScopes too', async () => {
    installFakeBridge({ handlers: { getAuthCode: { error: 1001, authErrorScopes: { auth_user: '1001' } } } });
    const e = (await rejection(getAuthCode({ scopes: ['auth_user'] }))) as UserCancelledError;
    expect(e).toBeInstanceOf(UserCancelledError);
    expect(e.authErrorScopes).toEqual({ auth_user: '1001' });
  });

  it('errors without authErrorScopes have none', async () => {
    installFakeBridge({ handlers: { getAuthCode: { error: 1002 } } });
    const e = (await rejection(getAuthCode({ scopes: ['auth_base'] }))) as HostError;
    expect(e.authErrorScopes).toBeUndefined();
  });
});

describe('common codes and failure shapes', () => {
  it.each(CALLABLE.filter((n) => n !== 'tradePay'))('%s: error 1 is UnsupportedError', async (name) => {
    const e = await failWith(name, { error: 1, errorMessage: 'not found' });
    expect(e).toBeInstanceOf(UnsupportedError);
    expect(e.code).toBe(1);
    expect(isUnsupportedError(e)).toBe(true);
    expect(isHostError(e)).toBe(true);
  });

  it('an undocumented code is a HostError with a generic message', async () => {
    const e = await failWith('getStorage', { error: 77 });
    expect(e.name).toBe('HostError');
    expect(e.code).toBe(77);
    expect(e.errorMessage).toBe('host failure');
  });

  it('errorMessage alone (no code) is a failure with code 3', async () => {
    const e = await failWith('getStorage', { errorMessage: 'broken' });
    expect(e.code).toBe(3);
    expect(e.errorMessage).toBe('broken');
  });

  it('errMessage alone is a failure too', async () => {
    const e = await failWith('getStorage', { errMessage: 'broken' });
    expect(e.code).toBe(3);
  });

  it('error 0, "0" or "" is not a failure', async () => {
    for (const error of [0, '0', '']) {
      installFakeBridge({ handlers: { getStorage: { error, data: 'x' } } });
      await expect(getStorage({ key: 'k' })).resolves.toEqual({ error, data: 'x' });
    }
  });

  it.each(['toString', 'constructor', 'valueOf'])('code %j does not pick up Object.prototype as a meaning', async (code) => {
    const e = await failWith('getStorage', { errorCode: code });
    expect(e.code).toBe(code);
    expect(e.errorMessage).toBe('host failure');
    const f = await failWith('scan', { errorCode: code });
    expect(f.name).toBe('HostError');
    expect(f.errorMessage).toBe('host failure');
  });

  it('a non-numeric string error is kept as a string', async () => {
    const e = await failWith('getStorage', { error: 'E_BAD' });
    expect(e.code).toBe('E_BAD');
  });

  it('error takes precedence over errorCode', async () => {
    const e = await failWith('chooseImage', { error: 11, errorCode: '9999' });
    expect(e).toBeInstanceOf(UserCancelledError);
    expect(e.code).toBe(11);
  });

  it('a cancel code sent as a numeric string is still a cancel', async () => {
    const e = await failWith('scan', { error: '10' });
    expect(e).toBeInstanceOf(UserCancelledError);
    expect(e.code).toBe(10);
  });

  it('the fail callback receives the error with error/errorMessage like the host payload', async () => {
    installFakeBridge({ handlers: { getStorage: { error: 12, errorMessage: 'boom' } } });
    let got: unknown;
    await getStorage({ key: 'k', fail: (e) => (got = e) }).catch(() => {});
    expect(got).toMatchObject({ error: 12, errorMessage: 'boom', code: 12, api: 'getStorage' });
  });
});

describe('guards compare name', () => {
  const instances = {
    SuperQiError: new SuperQiError('x', 1, 't'),
    HostError: new HostError('x', 3, 't', {}),
    UserCancelledError: new UserCancelledError('x', 11, 't', {}),
    UnsupportedError: new UnsupportedError('x', 1, 't', {}),
    TimeoutError: new TimeoutError('x', 5),
    AbortedError: new AbortedError('x', 'why'),
    NotInHostError: new NotInHostError('x', 10),
    InvalidParamsError: new InvalidParamsError('x', 'p', 'is required'),
  };
  const guards = {
    isSuperQiError: [isSuperQiError, Object.keys(instances)],
    isHostError: [isHostError, ['HostError', 'UserCancelledError', 'UnsupportedError']],
    isUserCancelledError: [isUserCancelledError, ['UserCancelledError']],
    isUnsupportedError: [isUnsupportedError, ['UnsupportedError']],
    isTimeoutError: [isTimeoutError, ['TimeoutError']],
    isAbortedError: [isAbortedError, ['AbortedError']],
    isNotInHostError: [isNotInHostError, ['NotInHostError']],
    isInvalidParamsError: [isInvalidParamsError, ['InvalidParamsError']],
  } as const;

  it.each(Object.entries(guards))('%s', (_, [guard, yes]) => {
    for (const [name, instance] of Object.entries(instances)) {
      const expected = (yes as readonly string[]).includes(name);
      expect(instance.name).toBe(name);
      expect(guard(instance), `${name} instance`).toBe(expected);
      expect(guard({ name }), `plain { name: '${name}' }`).toBe(expected);
      expect(guard(Object.assign(new Error('other realm'), { name })), `Error named ${name}`).toBe(expected);
    }
    for (const other of [null, undefined, 0, '', 'HostError', new Error('x'), { name: 'Other' }, {}]) {
      expect(guard(other)).toBe(false);
    }
  });

  it('error fields', () => {
    expect(instances.TimeoutError).toMatchObject({ code: 'TIMEOUT', timeout: 5, api: 'x' });
    expect(instances.AbortedError).toMatchObject({ code: 'ABORTED', reason: 'why' });
    expect(instances.NotInHostError).toMatchObject({ code: 'NOT_IN_HOST' });
    expect(instances.NotInHostError.message).toContain('10 ms');
    expect(new NotInHostError('x', 0).message).toContain('not inside Super Qi (no window)');
    expect(instances.InvalidParamsError).toMatchObject({ code: 2, error: 2, param: 'p' });
    expect(instances.InvalidParamsError.message).toBe('x: `p` is required (2)');
  });
});
