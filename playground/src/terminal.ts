/**
 * The terminal: one entry per run (newest first) with the params sent, each callback as it fired
 * (success / fail / complete) with its payload, the error code and its documented meaning, and the
 * time since the call. Host events get entries too. All text is set with textContent.
 */
import type { ApiName } from '../../src/index.js';
import { button, h, pretty } from './dom.js';
import type { RunEvent } from './runner.js';
import { meaningOf } from './table-info.js';

const MAX_ENTRIES = 200;

/** One run's entry, updated as its callbacks fire. */
export interface RunEntry {
  readonly el: HTMLElement;
  /** Adds a callback line. */
  report(e: RunEvent): void;
  /** Shows an Abort button that calls `abort` while the run is pending. */
  abortable(abort: () => void): void;
}

/** The fields of a failure, wherever they are (a SuperQiError, or a raw host answer). */
function failureOf(value: unknown): { code?: string | number; name?: string; message?: string } {
  if (!value || typeof value !== 'object') return { message: String(value) };
  const v = value as Record<string, unknown>;
  const code = (v['code'] ?? v['error'] ?? v['errorCode'] ?? v['resultCode']) as string | number | undefined;
  const message = (v['errorMessage'] ?? v['message']) as string | undefined;
  return { code, name: typeof v['name'] === 'string' ? v['name'] : undefined, message };
}

const clock = () => new Date().toLocaleTimeString(undefined, { hour12: false });

export interface Terminal {
  /** Starts the entry of a run. */
  start(api: ApiName, params: Record<string, unknown>, note?: string): RunEntry;
  /** Logs a host event (and what the page's listener saw). */
  event(name: string, detail: string): void;
  /** Empties the terminal. */
  clear(): void;
}

export function createTerminal(list: HTMLElement): Terminal {
  const add = (el: HTMLElement) => {
    list.prepend(el);
    while (list.childElementCount > MAX_ENTRIES) list.lastElementChild?.remove();
    list.scrollTop = 0;
  };

  return {
    start(api, params, note) {
      const state = h('span', { class: 'state' }, 'pending');
      const time = h('span', { class: 'time' }, '');
      const actions = h('span', { class: 'entry-actions' });
      const el = h(
        'article',
        { class: 'entry', 'data-api': api, 'data-state': 'pending' },
        h('header', {}, h('strong', {}, api), h('span', { class: 'muted' }, clock()), state, time, actions),
        h('div', { class: 'line params' }, h('span', { class: 'tag' }, 'params'), h('pre', {}, pretty(params))),
      );
      if (note) el.append(h('div', { class: 'line note' }, h('span', { class: 'tag' }, 'note'), h('span', {}, note)));
      add(el);
      return {
        el,
        abortable(abort) {
          actions.append(
            button('Abort', { class: 'small', 'data-abort': '' }, () => {
              abort();
            }),
          );
        },
        report(e) {
          if (e.kind === 'complete') {
            el.append(h('div', { class: 'line complete' }, h('span', { class: 'tag' }, 'complete'), h('span', { class: 'muted' }, `${e.at} ms`)));
            time.textContent = `${e.at} ms`;
            el.dataset['ms'] = String(e.at);
            actions.replaceChildren();
            return;
          }
          el.dataset['state'] = e.kind;
          state.textContent = e.kind;
          const line = h('div', { class: `line ${e.kind}` }, h('span', { class: 'tag' }, e.kind), h('span', { class: 'muted' }, `${e.at} ms`));
          if (e.kind === 'fail') {
            const f = failureOf(e.value);
            if (f.code !== undefined) el.dataset['code'] = String(f.code);
            const meaning = meaningOf(api, f.code);
            line.append(
              h(
                'div',
                { class: 'failure' },
                h('span', { class: 'code' }, `code ${f.code ?? '—'}`),
                f.name ? h('span', { class: 'err-name' }, f.name) : null,
                meaning ? h('span', { class: 'meaning', 'data-meaning': '' }, meaning) : null,
              ),
            );
            if (f.message && f.message !== meaning) line.append(h('div', { class: 'message' }, f.message));
          } else {
            const v = e.value as Record<string, unknown> | null;
            const resultCode = v && typeof v === 'object' ? v['resultCode'] : undefined;
            if (resultCode !== undefined) {
              el.dataset['code'] = String(resultCode);
              const meaning = meaningOf(api, String(resultCode));
              line.append(h('div', { class: 'failure' }, h('span', { class: 'code' }, `resultCode ${String(resultCode)}`), meaning ? h('span', { class: 'meaning', 'data-meaning': '' }, meaning) : null));
            }
          }
          line.append(h('pre', { class: 'payload' }, pretty(e.value)));
          el.append(line);
        },
      };
    },
    event(name, detail) {
      add(
        h(
          'article',
          { class: 'entry event', 'data-event': name, 'data-state': 'event' },
          h('header', {}, h('strong', {}, `event: ${name}`), h('span', { class: 'muted' }, clock())),
          h('div', { class: 'line' }, h('span', {}, detail)),
        ),
      );
    },
    clear() {
      list.replaceChildren();
    },
  };
}
