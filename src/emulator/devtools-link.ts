/**
 * The emulator's side of the devtools: when the miniapp is framed, it answers the devtools page
 * around it — only the parent window, only from an allowed origin, replying to that exact origin —
 * with a fixed list of commands (the protocol in devtools-protocol.ts). Kept small: the devtools page
 * does the work (outcome answers, rendering); this side only applies data and reports state.
 */
import { isLoopbackOrigin } from '../loopback.js';
import { DEFAULT_HANDLERS } from './handlers/index.js';
import { storagePrefix } from './handlers/storage.js';
import { filesOf } from './files.js';
import { DEVTOOLS_FRAME_NAME, DEVTOOLS_METHODS, DEVTOOLS_TAG, type DevtoolsCommands, type DevtoolsRequest, type OutcomeData } from './devtools-protocol.js';
import { useLoose } from './loose.js';
import { captureConsole } from './devtools-console.js';
import { DevtoolsLog } from './devtools-log.js';
import type { EarlyFetch } from './devtools-network.js';
import { loadExtras } from './lazy.js';
import type { Emulator, EmulatorOptions, Handler, HandlerContext, LooseAnswer } from './types.js';
import type { TitleBarState } from './ui/contract.js';
import { createAutoUi } from './ui/auto-ui.js';

/** The APIs the emulator answers with a `fetch` of `params.url`. */
const NETWORK_APIS = ['request', 'httpRequest', 'downloadFile', 'uploadFile'];

/** How long calls may wait for the devtools' scenario (a devtools page that never says `ready`). */
const HOLD_MS = 5000;

/** Whether `origin` may steer the emulator under the `devtools` install option (default: loopback pages, any port: `npx superqi-devtools` serves on 127.0.0.1). */
export const devtoolsAllowed = (origin: string, allow: EmulatorOptions['devtools']): boolean =>
  allow === undefined ? isLoopbackOrigin(origin) : allow !== false && ([] as string[]).concat(allow).includes(origin);

/** Throws a TypeError naming the option unless `devtools` is absent, `false`, or one or more `scheme://host[:port]` origins. */
export function checkDevtoolsOption({ devtools }: EmulatorOptions): void {
  if (devtools !== undefined && devtools !== false && !([] as unknown[]).concat(devtools).every((o) => /^https?:\/\/[^/]+$/.test(String(o)))) {
    throw new TypeError(`install: option \`devtools\` must be false or the devtools page's origin(s), like "http://127.0.0.1:4400", got ${JSON.stringify(devtools)}`);
  }
}

/** Whether this page is the devtools' device screen (its iframe carries the devtools' name). */
export const inDevtools = (): boolean => parent !== window && window.name === DEVTOOLS_FRAME_NAME;

/** The handler an outcome's data stands for. */
export const outcomeHandler = (api: string, o: OutcomeData): Handler =>
  ((ctx: HandlerContext) =>
    o.kind === 'answer'
      ? o.answer
      : o.kind === 'delay'
        ? ctx.delay(o.ms).then(ctx.next)
        : o.kind === 'auto'
          ? ((DEFAULT_HANDLERS as unknown as Record<string, Handler>)[api] ?? ctx.next)({ ...ctx, ui: createAutoUi() })
          : new Promise<LooseAnswer>(() => {})) as Handler;

type Own = { [C in Exclude<keyof DevtoolsCommands, (typeof DEVTOOLS_METHODS)[number]>]: (arg: DevtoolsCommands[C][0]) => DevtoolsCommands[C][1] | Promise<DevtoolsCommands[C][1]> };

/** Answers the devtools around a framed page; returns the function that stops. */
export function linkDevtools(emulator: Emulator, allow: EmulatorOptions['devtools']): () => void {
  const ui = emulator.ui;
  const setTitleBar = ui.setTitleBar;
  let bar: TitleBarState | undefined;
  ui.setTitleBar = (state) => {
    setTitleBar.call(ui, state);
    bar = state === 'reset' ? bar && { title: bar.title } : state;
  };
  const overrides = new Map<number, () => void>();
  // In the device, calls wait until the devtools has replayed its scenario (`ready`), HOLD_MS at most:
  // the scenario reaches the calls a freshly (re)loaded app makes at once, however slow the machine.
  let release = (): void => {};
  if (inDevtools()) {
    (emulator as Emulator & { holdCalls(until: Promise<unknown>): void }).holdCalls(
      new Promise<void>((resolve) => {
        const timer = setTimeout((release = () => (clearTimeout(timer), resolve())), HOLD_MS);
      }),
    );
  }
  // The app's console and network for the panels: captured while linked (from the start in the
  // device, so what the app does on load is kept; elsewhere once an allowed devtools asks).
  const log = new DevtoolsLog();
  // The emulator's own fetch for an open my.request/downloadFile/uploadFile is shown as that call: the
  // URL each such call was made with (the log fills a call's params only when it answers).
  const urls = new Map<number, string>();
  const bridge = emulator.bridge;
  const call = bridge.call;
  bridge.call = function (this: unknown, name, params, callback) {
    const handle = call.call(this, name, params, callback);
    const c = emulator.calls[emulator.calls.length - 1];
    try {
      const url: unknown = (params as { url?: unknown } | undefined)?.url;
      if (c && NETWORK_APIS.includes(c.api) && typeof url === 'string') urls.set(c.id, new URL(url, location.href).href);
    } catch {
      // a URL the handler refuses: no fetch to claim
    }
    return handle;
  };
  const path = (u: string) => u.replace(/[?#].*/s, '');
  const claim = (url: string): string | undefined => {
    for (const [id, u] of urls) {
      const c = emulator.calls.find((x) => x.id === id);
      if (c?.answeredAt !== undefined || !c) urls.delete(id);
      else if (path(u) === path(url)) return urls.delete(id), c.api;
    }
    return undefined;
  };
  let uncapture: (() => void) | undefined;
  const capture = () => {
    if (uncapture) return;
    const unconsole = captureConsole(log);
    // The network capture is in the lazily loaded part: until it is here, a small stand-in notes the
    // page's fetches (XHRs made before then are not seen).
    const original = globalThis.fetch;
    const early: EarlyFetch[] = [];
    const stub = function (this: unknown, input: RequestInfo | URL, init?: RequestInit) {
      const promise = original.call(globalThis, input, init);
      early.push({ input, init, promise, t0: performance.now(), at: Date.now() });
      return promise;
    } as typeof fetch;
    if (typeof original === 'function') globalThis.fetch = stub;
    let unnetwork: (() => void) | undefined;
    let stopped = false;
    const putBack = () => {
      if (globalThis.fetch === stub) globalThis.fetch = original;
    };
    loadExtras().then(
      (x) => {
        putBack();
        if (!stopped) unnetwork = x.captureNetwork(log, claim, early.splice(0));
      },
      putBack,
    );
    uncapture = () => {
      stopped = true;
      unconsole();
      putBack();
      unnetwork?.();
    };
  };
  if (inDevtools()) capture();
  const s = emulator.storage;
  const prefix = storagePrefix(emulator.appId);
  const files = filesOf(emulator);

  const commands: Own = {
    ready() {
      release();
    },
    async get(q) {
      const keys: string[] = [];
      for (let i = 0; q.storage && i < s.length; i++) if (s.key(i)?.startsWith(prefix)) keys.push(s.key(i)!);
      return {
        appId: emulator.appId,
        profile: emulator.profile,
        bar,
        calls: emulator.calls.filter((c) => c.id >= q.since),
        active: [...overrides.keys()],
        ...(q.storage && { storage: keys.map((k) => [k, s.getItem(k) ?? ''] as const) }),
        ...(q.files && { files: await files.savedFiles() }),
        ...(typeof q.log === 'number' && { log: log.since(q.log) }),
      };
    },
    use({ id, api, outcome, once }) {
      const handler = outcomeHandler(api, outcome);
      overrides.set(
        id,
        useLoose(emulator, api, (ctx) => (once && overrides.delete(id), handler(ctx as HandlerContext)), { once }),
      );
    },
    unuse(id) {
      overrides.get(id)?.();
      overrides.delete(id);
    },
    storage({ key, value }) {
      if (key.startsWith(prefix)) value === null ? s.removeItem(key) : s.setItem(key, value);
    },
    unsave: (path) => files.removeSaved(path),
    clearLog: ({ kind, upTo }) => log.clear(kind, upTo),
  };

  const onMessage = async (e: MessageEvent) => {
    const m = e.data as DevtoolsRequest | undefined;
    if (e.source !== parent || !devtoolsAllowed(e.origin, allow) || m?.tag !== DEVTOOLS_TAG) return;
    const method = (DEVTOOLS_METHODS as readonly string[]).includes(m.cmd);
    if (!method && !{}.hasOwnProperty.call(commands, m.cmd)) return;
    capture();
    let reply;
    try {
      reply = {
        value: method
          ? (emulator[m.cmd as 'emit'] as (...a: unknown[]) => unknown)(...(m.arg as unknown[]))
          : await (commands[m.cmd as 'get'] as (arg: unknown) => unknown)(m.arg),
      };
    } catch (x) {
      reply = { error: String(x) };
    }
    parent.postMessage({ tag: DEVTOOLS_TAG, re: m.id, ...reply }, e.origin);
  };
  addEventListener('message', onMessage);
  return () => {
    removeEventListener('message', onMessage);
    uncapture?.();
    if (bridge.call !== call) bridge.call = call;
  };
}
