/**
 * Every API of the table, through its exported wrapper, against a fake host: the native name and
 * params the host receives, callbacks kept out of the host call, the caller's object untouched, and
 * the host's success payload delivered as the result.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { API_NAMES, CLASSIC_NATIVES, call, configure, confirm, httpRequest, showToast } from '../../src/index.js';
import { CALLABLE, fullParams, renamed, requiredParams, rowOf, wrapperOf } from '../support/apis.js';
import { installFakeBridge, resetState } from '../support/fake-bridge.js';
import { PAYLOADS } from '../support/payloads.js';

afterEach(resetState);

const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const noFunctions = (o: Record<string, unknown>) => Object.values(o).every((v) => typeof v !== 'function');

describe.each(CALLABLE)('%s', (name) => {
  const row = rowOf(name);
  const payload = PAYLOADS[name];

  it('round-trips with the documented name and minimal params', async () => {
    const fake = installFakeBridge({ handlers: { '*': () => copy(payload) } });
    const success = vi.fn();
    const fail = vi.fn();
    const complete = vi.fn();
    const params = { ...requiredParams(name), success, fail, complete };
    const before = { ...params };
    const keysBefore = Object.keys(params);

    const result = await wrapperOf(name)(params);

    expect(fake.calls).toHaveLength(1);
    const sent = fake.calls[0]!;
    expect(sent.name).toBe(row.native ?? name);
    expect(typeof sent.callback).toBe('function');
    expect(sent.params).toEqual(requiredParams(name));
    expect(sent.params).not.toHaveProperty('success');
    expect(sent.params).not.toHaveProperty('fail');
    expect(sent.params).not.toHaveProperty('complete');
    expect(noFunctions(sent.params)).toBe(true);
    expect(sent.params).not.toBe(params);
    // the caller's object is as it was
    expect(Object.keys(params)).toEqual(keysBefore);
    for (const k of keysBefore) expect(params[k as keyof typeof params]).toBe(before[k as keyof typeof before]);

    expect(result).toEqual(payload);
    expect(success).toHaveBeenCalledTimes(1);
    expect(success).toHaveBeenCalledWith(result);
    expect(fail).not.toHaveBeenCalled();
    expect(complete).toHaveBeenCalledTimes(1);
    expect(complete).toHaveBeenCalledWith(result);
  });

  it('sends every documented parameter unchanged by default', async () => {
    const fake = installFakeBridge({ handlers: { '*': () => copy(payload) } });
    const params = fullParams(name);
    const before = copy(params);
    await expect(wrapperOf(name)(params)).resolves.toEqual(payload);
    expect(fake.calls[0]!.name).toBe(row.native ?? name);
    expect(fake.calls[0]!.params).toEqual(before);
    expect(params).toEqual(before);
  });

  it('sends the classic alias and its renames with configure({ natives: CLASSIC_NATIVES })', async () => {
    configure({ natives: CLASSIC_NATIVES });
    const fake = installFakeBridge({ handlers: { '*': () => copy(payload) } });
    const params = fullParams(name);
    const before = copy(params);
    await expect(wrapperOf(name)(params)).resolves.toEqual(payload);
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]!.name).toBe(row.alias?.name ?? row.native ?? name);
    expect(fake.calls[0]!.params).toEqual(renamed(before, row.alias?.params));
    expect(params).toEqual(before);
  });
});

describe('native names', () => {
  it("CLASSIC_NATIVES is exactly the rows' aliases", () => {
    const withAlias = API_NAMES.filter((n) => rowOf(n).alias);
    expect(Object.keys(CLASSIC_NATIVES).sort()).toEqual([...withAlias].sort());
    for (const n of withAlias) expect(CLASSIC_NATIVES[n]).toBe(rowOf(n).alias);
  });

  it('the table has classic aliases that differ from the documented names', () => {
    // guards the classic test above against a table where it would prove nothing
    const differing = CALLABLE.filter((n) => rowOf(n).alias && rowOf(n).alias!.name !== n);
    expect(differing).toEqual(expect.arrayContaining(['showToast', 'showActionSheet', 'previewImage', 'setStorage']));
    const renaming = CALLABLE.filter((n) => rowOf(n).alias?.params);
    expect(renaming).toEqual(expect.arrayContaining(['getAuthCode', 'request', 'alert']));
  });

  it('classic showActionSheet is actionSheet with btns/cancelBtn', async () => {
    configure({ natives: CLASSIC_NATIVES });
    const fake = installFakeBridge({ handlers: { actionSheet: { index: 0 } } });
    await expect(
      wrapperOf('showActionSheet')({ items: ['a', 'b'], cancelButtonText: 'No', title: 't' }),
    ).resolves.toEqual({ index: 0 });
    expect(fake.calls).toEqual([
      { name: 'actionSheet', params: { btns: ['a', 'b'], cancelBtn: 'No', title: 't' }, callback: expect.any(Function) },
    ]);
  });

  it('classic request is httpRequest with responseType; httpRequest keeps its native name by default', async () => {
    configure({ natives: CLASSIC_NATIVES });
    const fake = installFakeBridge();
    await wrapperOf('request')({ url: 'https://a.iq', dataType: 'text' });
    expect(fake.calls[0]).toMatchObject({ name: 'httpRequest', params: { url: 'https://a.iq', responseType: 'text' } });
    expect(fake.calls[0]!.params).not.toHaveProperty('dataType');
    configure({ natives: {} });
    await httpRequest({ url: 'https://a.iq', dataType: 'text' });
    expect(fake.calls[1]).toMatchObject({ name: 'httpRequest', params: { url: 'https://a.iq', dataType: 'text' } });
  });

  it('configure({ natives }) overrides one API, alone or over CLASSIC_NATIVES', async () => {
    const fake = installFakeBridge();
    const nativeToast = { name: 'nativeToast', params: { content: 'text' } };
    configure({ natives: { showToast: nativeToast } });
    await showToast({ content: 'hi', duration: 5 });
    await confirm({ content: 'sure?' });
    configure({ natives: { ...CLASSIC_NATIVES, showToast: nativeToast } });
    await showToast({ content: 'hi' });
    await confirm({ content: 'sure?' });
    expect(fake.calls.map((c) => [c.name, c.params])).toEqual([
      ['nativeToast', { text: 'hi', duration: 5 }],
      ['confirm', { content: 'sure?' }],
      ['nativeToast', { text: 'hi' }],
      ['confirm', { message: 'sure?' }],
    ]);
  });

  it("an inherited key of the natives object is no override ('toString', 'constructor')", async () => {
    const fake = installFakeBridge();
    configure({ natives: { showToast: { name: 'toast' } } });
    await call.unknown('toString');
    await call.unknown('constructor', {});
    expect(fake.calls.map((c) => c.name)).toEqual(['toString', 'constructor']);
  });

  it('configure() applies to calls made after it only', async () => {
    const fake = installFakeBridge();
    const first = showToast({ content: 'a' });
    configure({ natives: CLASSIC_NATIVES });
    await first;
    await showToast({ content: 'b' });
    expect(fake.calls.map((c) => c.name)).toEqual(['showToast', 'toast']);
  });
});

describe('result renames', () => {
  it('confirm: a host answering { ok } resolves { confirm }', async () => {
    installFakeBridge({ handlers: { confirm: { ok: true } } });
    const yes = await confirm({ content: 'sure?' });
    expect(yes.confirm).toBe(true);
    expect(yes).toEqual({ ok: true, confirm: true });
  });

  it('confirm: { ok: false } resolves { confirm: false }, also under classic names', async () => {
    configure({ natives: CLASSIC_NATIVES });
    const fake = installFakeBridge({ handlers: { confirm: { ok: false } } });
    const no = await confirm({ content: 'sure?', confirmButtonText: 'Y', cancelButtonText: 'N' });
    expect(no.confirm).toBe(false);
    expect(fake.calls[0]!.params).toEqual({ message: 'sure?', okButton: 'Y', cancelButton: 'N' });
  });

  it('the documented field wins when both are there, and the host object is not mutated', async () => {
    const answer = { ok: true, confirm: false };
    installFakeBridge({ handlers: { confirm: () => answer } });
    await expect(confirm()).resolves.toEqual({ ok: true, confirm: false });
    expect(answer).toEqual({ ok: true, confirm: false });
  });

  it('an answer without the native field gets no documented field invented', async () => {
    installFakeBridge({ handlers: { confirm: {} } });
    const r = await confirm();
    expect(r).toEqual({});
    expect('confirm' in r).toBe(false);
  });
});
