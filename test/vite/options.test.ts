// @vitest-environment node
/** superqi()'s options as users get the plugin (dist/vite.mjs): each bad one a TypeError naming `superqi({ option })`; dev only. */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPlugin } from './vite-servers.js';

let superqi: Awaited<ReturnType<typeof loadPlugin>>['superqi'];
beforeAll(async () => {
  ({ superqi } = await loadPlugin());
});

/** Calls superqi() with options the types refuse (as a JavaScript config may pass them). */
const call = (options: unknown) => () => superqi(options as Parameters<typeof superqi>[0]);

describe('superqi() options', () => {
  it('takes no options, or the agreed ones, and is also the default export', async () => {
    expect(superqi().name).toBe('superqi-bridge');
    const plugin = superqi({ sandbox: 'http://127.0.0.1:7001', language: 'ar', role: 'business', presets: ['offline'], emulator: { appId: 'shop', latency: 10, profile: { version: '1.29.0' } }, devtools: '/tools' });
    expect(plugin.name).toBe('superqi-bridge');
    expect(superqi({ sandbox: { port: 0, dir: 'x' }, devtools: false }).name).toBe('superqi-bridge');
    expect(superqi({ sandbox: false, devtools: true }).name).toBe('superqi-bridge');
    expect((await loadPlugin()).default).toBe(superqi);
  });

  it.each([
    ['not an object', 'en', /^superqi\(options\): options must be an object/],
    ['an unknown option', { lang: 'ar' }, /^superqi\(\{ lang \}\): unknown option \(the options are sandbox, language/],
    ['a language', { language: 'fr' }, /^superqi\(\{ language \}\): must be 'en' or 'ar', got "fr"/],
    ['a role', { role: 'admin' }, /^superqi\(\{ role \}\): must be 'customer' or 'business'/],
    ['presets not a list', { presets: 'offline' }, /^superqi\(\{ presets \}\): must be an array of the emulator's presets \(user-cancels, offline/],
    ['an unknown preset', { presets: ['offline', 'sunny'] }, /^superqi\(\{ presets \}\)/],
    ['a sandbox URL', { sandbox: 'ftp://127.0.0.1' }, /^superqi\(\{ sandbox \}\): must be a sandbox wallet's http\(s\) URL/],
    ['a sandbox of another type', { sandbox: 7001 }, /^superqi\(\{ sandbox \}\)/],
    ['a sandbox port', { sandbox: { port: 70000 } }, /^superqi\(\{ sandbox \}\): port must be 0–65535/],
    ['a sandbox dir', { sandbox: { dir: '' } }, /^superqi\(\{ sandbox \}\): dir must be a folder's path/],
    ['a sandbox field', { sandbox: { host: '0.0.0.0' } }, /^superqi\(\{ sandbox \}\): unknown field "host"/],
    ['emulator not an object', { emulator: [] }, /^superqi\(\{ emulator \}\): must be an object of install\(\) options/],
    ['a function in emulator', { emulator: { onUnknownApi: () => ({}) } }, /^superqi\(\{ emulator \}\): emulator\.onUnknownApi is a function: only JSON values reach the page/],
    ['an object that is not JSON in emulator', { emulator: { fixtures: { images: [new Map()] } } }, /^superqi\(\{ emulator \}\): emulator\.fixtures\.images\[0\] is not a plain object/],
    ['a number JSON cannot carry', { emulator: { latency: Infinity } }, /^superqi\(\{ emulator \}\): emulator\.latency is Infinity: only JSON values/],
    ['a bigint', { emulator: { latency: 10n } }, /^superqi\(\{ emulator \}\): emulator\.latency is 10: only JSON values/],
    ['the sandbox inside emulator', { emulator: { sandbox: 'http://127.0.0.1:7001' } }, /^superqi\(\{ emulator \}\): pass sandbox as superqi\(\{ sandbox \}\)/],
    ['a profile that is not an object', { emulator: { profile: 'ar' } }, /^superqi\(\{ emulator \}\): emulator\.profile must be an object/],
    ['the devtools at /', { devtools: '/' }, /^superqi\(\{ devtools \}\): must be a path like '\/__superqi\/'/],
    ['a relative devtools path', { devtools: '__superqi' }, /^superqi\(\{ devtools \}\)/],
    ['a devtools path with dot segments', { devtools: '/a/../b/' }, /^superqi\(\{ devtools \}\)/],
    ['a devtools path with a query', { devtools: '/tools?x=1' }, /^superqi\(\{ devtools \}\)/],
    ['a devtools value of another type', { devtools: 1 }, /^superqi\(\{ devtools \}\)/],
  ])('refuses %s with a TypeError naming it', (_what, options, message) => {
    expect(call(options)).toThrow(TypeError);
    expect(call(options)).toThrow(message);
  });

  it('refuses an emulator option that refers to itself', () => {
    const profile: Record<string, unknown> = {};
    profile['self'] = profile;
    expect(call({ emulator: { profile } })).toThrow(/^superqi\(\{ emulator \}\): emulator\.profile\.self refers to itself/);
  });

  it('applies to `vite dev` only: not to builds, `vite preview`, or the server Vitest runs tests in', () => {
    const apply = superqi().apply as (config: object, env: { command: string; mode: string; isPreview?: boolean }) => boolean;
    expect(apply({}, { command: 'serve', mode: 'development' })).toBe(true);
    expect(apply({}, { command: 'build', mode: 'production' })).toBe(false);
    expect(apply({}, { command: 'serve', mode: 'production', isPreview: true })).toBe(false);
    expect(apply({}, { command: 'serve', mode: 'test' })).toBe(false);
  });
});
