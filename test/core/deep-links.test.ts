/**
 * Deep links (05-utilities/01-deep-links): the qicardwallet:// URI with `_griver_appended_url_part`,
 * the deeplink.qi.iq web form, the parser (round trips, hostile paths) and the landing-page redirect.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  miniappDeepLink,
  miniappWebLink,
  parseDeepLink,
  redirectToMiniapp,
  STORE_URLS,
  type MiniappLink,
  type RedirectOptions,
} from '../../src/index.js';

const APP = '3482020000000001';

describe('building', () => {
  it('the URI encodes path, query and fragment as one _griver_appended_url_part value', () => {
    expect(miniappDeepLink({ appId: APP, path: '/orders/42', query: { tab: 'paid', q: 'a&b c' }, fragment: 'top' })).toBe(
      `qicardwallet://qicard/deeplink.htm?action=miniapp&miniappId=${APP}&_griver_appended_url_part=` +
        encodeURIComponent('/orders/42?tab=paid&q=a%26b+c#top'),
    );
    expect(miniappDeepLink({ appId: APP })).toBe(`qicardwallet://qicard/deeplink.htm?action=miniapp&miniappId=${APP}&_griver_appended_url_part=%2F`);
  });

  it('the web form keeps the mandatory slash after the id', () => {
    expect(miniappWebLink({ appId: APP })).toBe(`https://deeplink.qi.iq/${APP}/`);
    expect(miniappWebLink({ appId: APP, path: 'offers/ramadan', query: { ids: [1, 2] } })).toBe(`https://deeplink.qi.iq/${APP}/offers/ramadan?ids=1&ids=2`);
  });

  it('? # % and spaces inside a path segment stay in the path', () => {
    const link = miniappDeepLink({ appId: APP, path: '/a?b#c/100% off' });
    const part = decodeURIComponent(link.split('_griver_appended_url_part=')[1]!);
    expect(part).toBe('/a%3Fb%23c/100%25%20off');
    expect(parseDeepLink(link)).toMatchObject({ path: '/a?b#c/100% off', query: {}, fragment: '' });
  });

  it.each([
    ['a dot-dot segment', { appId: APP, path: '/a/../admin' }, /path must not contain "\." or "\.\." segments/],
    ['a dot segment', { appId: APP, path: './x' }, /path/],
    ['a control character', { appId: APP, path: '/a\r\nLocation: x' }, /path must not contain control characters/],
    ['an appId with a slash', { appId: '12/../34' }, /appId must be letters/],
    ['an appId with &', { appId: '1&action=x' }, /appId must be letters/],
    ['an empty appId', { appId: '' }, /appId/],
    ['a non-string path', { appId: APP, path: 42 as never }, /path must be a string, got number/],
    ['an object query value', { appId: APP, query: { a: {} as never } }, /query\.a must be a string, number or boolean/],
    ['a control character in the fragment', { appId: APP, fragment: 'x\u0000' }, /fragment/],
    ['a lone surrogate', { appId: APP, path: '/a\uD800' }, /path must be well-formed text/],
  ] as const)('refuses %s with a TypeError naming the parameter', (_, link, message) => {
    expect(() => miniappDeepLink(link as MiniappLink)).toThrow(TypeError);
    expect(() => miniappDeepLink(link as MiniappLink)).toThrow(message);
    expect(() => miniappWebLink(link as MiniappLink)).toThrow(TypeError);
  });

  it('collapses repeated slashes (no //host in the appended part)', () => {
    expect(parseDeepLink(miniappDeepLink({ appId: APP, path: '//evil.example/x' }))!.path).toBe('/evil.example/x');
  });
});

describe('parsing', () => {
  it('reads both forms', () => {
    const link = { appId: APP, path: '/orders/42/', query: { tab: 'paid', n: ['1', '2'] }, fragment: 'a b' };
    expect(parseDeepLink(miniappDeepLink(link))).toEqual({ ...link, form: 'uri' });
    expect(parseDeepLink(miniappWebLink(link))).toEqual({ ...link, form: 'web' });
  });

  it.each([
    'https://example.com/',
    'qicardwallet://qicard/deeplink.htm?action=home',
    `qicardwallet://qicard/deeplink.htm?action=miniapp`,
    `qicardwallet://qicard/deeplink.htm?action=miniapp&miniappId=${APP}&_griver_appended_url_part=%2F%E0%A4%A`,
    `qicardwallet://qicard/deeplink.htm?action=miniapp&miniappId=${APP}&_griver_appended_url_part=%2Fa%2F..%2Fb`,
    `qicardwallet://qicard/deeplink.htm?action=miniapp&miniappId=a%2Fb&_griver_appended_url_part=%2F`,
    `https://deeplink.qi.iq/${APP}`,
    `https://deeplink.qi.iq/${APP}?x=1`,
    `https://deeplink.qi.iq/${APP}/%2e%2e/x`,
    `https://deeplink.qi.iq/${APP}/a%0d%0ab`,
    42 as unknown as string,
  ])('%s → undefined, never a throw', (link) => {
    expect(parseDeepLink(link)).toBeUndefined();
  });

  it('a query key named __proto__ stays data', () => {
    const parsed = parseDeepLink(`https://deeplink.qi.iq/${APP}/?__proto__=x&__proto__=y`)!;
    expect(Object.keys(parsed.query)).toEqual(['__proto__']);
    expect(Object.getOwnPropertyDescriptor(parsed.query, '__proto__')!.value).toEqual(['x', 'y']);
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });

  it('round-trips any path, query and fragment through both forms (property)', () => {
    const unit = fc.oneof(fc.constantFrom('/', '?', '#', '%', '&', '=', '+', ' ', '.', '\\', ':', '@', 'é', 'ع', '😀'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }));
    const text = fc.string({ unit }).filter((s) => !/[\u0000-\u001f\u007f]/.test(s));
    const segment = text.filter((s) => !s.includes('/') && s !== '' && s !== '.' && s !== '..');
    const link = fc.record({
      appId: fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/),
      segments: fc.array(segment, { maxLength: 4 }),
      trailing: fc.boolean(),
      query: fc.dictionary(text.filter((k) => k !== ''), fc.oneof(text, fc.array(text, { minLength: 2, maxLength: 3 })), { maxKeys: 3 }),
      fragment: text,
    });
    fc.assert(
      fc.property(link, ({ appId, segments, trailing, query, fragment }) => {
        const path = '/' + segments.join('/') + (trailing && segments.length ? '/' : '');
        const expected = { appId, path, query: { ...query }, fragment };
        expect(parseDeepLink(miniappDeepLink({ appId, path, query, fragment }))).toEqual({ ...expected, form: 'uri' });
        expect(parseDeepLink(miniappWebLink({ appId, path, query, fragment }))).toEqual({ ...expected, form: 'web' });
      }),
      { numRuns: 300 },
    );
  });
});

describe('redirectToMiniapp (the landing page)', () => {
  const fakeWindow = (userAgent: string, visibilityState: DocumentVisibilityState = 'visible') => {
    vi.useFakeTimers();
    const replace = vi.fn();
    const w = {
      location: { replace } as unknown as Location,
      navigator: { userAgent } as Navigator,
      setTimeout: ((fn: () => void, ms: number) => setTimeout(fn, ms)) as unknown as Window['setTimeout'],
      clearTimeout: ((t: number) => clearTimeout(t)) as Window['clearTimeout'],
      document: { visibilityState },
    } satisfies RedirectOptions['window'];
    return { w, replace };
  };

  it.each([
    ['Android', 'Mozilla/5.0 (Linux; Android 15)', STORE_URLS.playStore],
    ['iPhone', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X)', STORE_URLS.appStore],
  ])('%s: the URI at once, the store after 5000 ms', async (_, ua, store) => {
    const { w, replace } = fakeWindow(ua);
    redirectToMiniapp({ appId: APP, path: '/offers' }, { window: w });
    expect(replace).toHaveBeenCalledWith(miniappDeepLink({ appId: APP, path: '/offers' }));
    await vi.advanceTimersByTimeAsync(4999);
    expect(replace).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(replace).toHaveBeenLastCalledWith(store);
    vi.useRealTimers();
  });

  it('a PC goes to desktopUrl (or stays); a hidden page (the app opened) and cancel() stop the fallback', async () => {
    let { w, replace } = fakeWindow('Mozilla/5.0 (X11; Linux x86_64)');
    redirectToMiniapp(miniappWebLink({ appId: APP }), { window: w, timeout: 100, desktopUrl: 'https://shop.iq/qr' });
    await vi.advanceTimersByTimeAsync(100);
    expect(replace).toHaveBeenLastCalledWith('https://shop.iq/qr');

    ({ w, replace } = fakeWindow('Mozilla/5.0 (Linux; Android 15)', 'hidden'));
    redirectToMiniapp({ appId: APP }, { window: w });
    await vi.advanceTimersByTimeAsync(5000);
    expect(replace).toHaveBeenCalledTimes(1);

    ({ w, replace } = fakeWindow('Mozilla/5.0 (Linux; Android 15)'));
    const cancel = redirectToMiniapp({ appId: APP }, { window: w, playStoreUrl: 'https://store.example/app' });
    cancel();
    await vi.advanceTimersByTimeAsync(5000);
    expect(replace).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
  });

  it('refuses a string that is not a miniapp deep link, before navigating', () => {
    const { w, replace } = fakeWindow('Android');
    expect(() => redirectToMiniapp('javascript:alert(1)', { window: w })).toThrow(TypeError);
    expect(replace).not.toHaveBeenCalled();
    vi.useRealTimers();
  });
});
