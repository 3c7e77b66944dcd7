/**
 * The devtools' end of the link to the emulator in the device's iframe: requests over `postMessage`
 * to the app's origin only, answers accepted only from that iframe's window and origin. It says hello
 * until the emulator answers (again after every reload of the app), then replays the scenario the
 * devtools keeps, and polls the emulator's state (calls, title bar, storage, files).
 */
import {
  DEVTOOLS_TAG,
  type DevtoolsCommand,
  type DevtoolsCommands,
  type DevtoolsReply,
  type DevtoolsSnapshot,
} from '../../../src/emulator/devtools-protocol.js';

/** How often the devtools says hello (until answered) and polls (once linked), in ms. */
const HELLO_MS = 200;
const POLL_MS = 300;
/** A request without an answer after this long fails (the app reloaded, or hangs). */
const REQUEST_MS = 5000;

/** What the link reports. */
export interface LinkEvents {
  /** The emulator answered hello (its first snapshot; first load and every reload). Resolves once the scenario is replayed. */
  onHello(hello: DevtoolsSnapshot): Promise<void> | void;
  /** A poll's answer, and the id of the request that asked. */
  onSnapshot(snapshot: DevtoolsSnapshot, askedAt: number): void;
  /** The app is loading (no emulator answering yet). */
  onLoading(): void;
}

export interface Link {
  /** Sends a command; rejects with the emulator's error, or when no answer comes. */
  request<C extends DevtoolsCommand>(cmd: C, arg: DevtoolsCommands[C][0]): Promise<DevtoolsCommands[C][1]>;
  /** The id of the last request sent. */
  readonly sent: number;
  /** Whether the emulator has answered since the app last loaded. */
  readonly linked: boolean;
  /** What the next polls ask for besides calls. */
  want: { storage: boolean; files: boolean };
  /** Stops polling and listening. */
  close(): void;
}

/** Links to the emulator in `frame`, whose app lives at `appOrigin`. */
export function linkFrame(frame: HTMLIFrameElement, appOrigin: string, events: LinkEvents): Link {
  let seq = 0;
  let linked = false;
  let generation = 0;
  let since = 1;
  // console and network entries: revisions from this one on (a freshly loaded app counts from 1)
  let logSince = 1;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void; timer: ReturnType<typeof setTimeout> }>();

  const onMessage = (e: MessageEvent) => {
    // Only the app's window, only from the app's origin: another frame or tab cannot feed the devtools.
    if (e.source !== frame.contentWindow || e.origin !== appOrigin) return;
    const m = e.data as DevtoolsReply | undefined;
    if (m?.tag !== DEVTOOLS_TAG || typeof m.re !== 'number') return;
    const p = pending.get(m.re);
    if (!p) return;
    pending.delete(m.re);
    clearTimeout(p.timer);
    if (m.error === undefined) p.resolve(m.value);
    else p.reject(new Error(m.error));
  };
  window.addEventListener('message', onMessage);

  const request = <C extends DevtoolsCommand>(cmd: C, arg: DevtoolsCommands[C][0], ms = REQUEST_MS): Promise<DevtoolsCommands[C][1]> =>
    new Promise((resolve, reject) => {
      const target = frame.contentWindow;
      if (!target) return reject(new Error('the app is not loaded'));
      const id = ++seq;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`${cmd}: no answer from the app's emulator`));
      }, ms);
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      // The exact origin: if the frame went elsewhere, the browser drops the message.
      target.postMessage({ tag: DEVTOOLS_TAG, id, cmd, arg }, appOrigin);
    });

  const hello = async (gen: number) => {
    while (gen === generation && !linked) {
      try {
        const answer = await request('get', { since: 1 }, HELLO_MS);
        if (gen !== generation) return;
        since = 1;
        logSince = 1;
        await events.onHello(answer);
        linked = true;
        void poll(gen);
        return;
      } catch {
        // not installed yet (or not at all): say it again
      }
    }
  };

  // One loop per load of the app: it ends when the app reloads (the next hello starts the next one).
  const poll = async (gen: number) => {
    while (gen === generation && linked) {
      if (document.visibilityState === 'visible') {
        try {
          const asked = seq + 1;
          const snap = await request('get', { since, log: logSince, ...link.want });
          if (gen !== generation) break;
          const open = snap.calls.find((c) => c.answeredAt === undefined);
          const last = snap.calls[snap.calls.length - 1];
          since = open ? open.id : last ? last.id + 1 : since;
          for (const e of snap.log ?? []) logSince = Math.max(logSince, e.rev + 1);
          events.onSnapshot(snap, asked);
        } catch {
          // a reload in flight: the next load says hello again
        }
      }
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  };

  const restart = () => {
    generation++;
    linked = false;
    events.onLoading();
    void hello(generation);
  };
  // Hello starts with the app's first load (before it, the frame is about:blank of another origin).
  frame.addEventListener('load', restart);
  events.onLoading();

  const link: Link = {
    request: (cmd, arg) => request(cmd, arg),
    get linked() {
      return linked;
    },
    get sent() {
      return seq;
    },
    want: { storage: false, files: false },
    close() {
      generation++;
      window.removeEventListener('message', onMessage);
      frame.removeEventListener('load', restart);
      for (const p of pending.values()) clearTimeout(p.timer);
      pending.clear();
    },
  };
  return link;
}
