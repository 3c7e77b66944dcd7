/**
 * The devtools' Console and Network panels: what the emulator in the device captured of the app's
 * console and requests (devtools-console.ts, devtools-network.ts), polled with the rest of its state.
 * Everything the app sent is set as text (h() makes text nodes), never parsed as HTML.
 */
import type { ConsoleEntry, ConsoleLevel, LogEntry, NetworkEntry } from '../../../src/emulator/devtools-protocol.js';
import { button, h } from '../dom.js';

/** Most entries a panel keeps (across reloads of the app). */
const KEEP = 1000;

/** Forgets the app's entries up to id `upTo` of load `load` (the panel may not have seen later ones yet). */
export type ClearLog = (upTo: number, load: number) => void;

/** A panel fed with entries; `load` counts the app's loads (an entry's id is per load). */
export interface LogPanel {
  update(entries: readonly LogEntry[], load: number): void;
}

/** Entries of one kind by load and id, the oldest dropped past KEEP. */
function keeper<E extends LogEntry>(kind: E['kind']) {
  const all = new Map<string, E>();
  let seen = { load: 0, id: 0 };
  let cleared = { load: 0, id: 0 };
  return {
    all,
    /** Empties the panel; returns the last load and id it had seen (updates of those stay out). */
    clear(): [id: number, load: number] {
      all.clear();
      cleared = seen;
      return [seen.id, seen.load];
    },
    /** Keeps the entries of this kind; whether any came. */
    take(entries: readonly LogEntry[], load: number): boolean {
      let any = false;
      for (const e of entries) {
        if (e.kind !== kind || (load === cleared.load && e.id <= cleared.id)) continue;
        if (load !== seen.load || e.id > seen.id) seen = { load, id: e.id };
        all.set(`${load}:${e.id}`, e as E);
        any = true;
      }
      for (const k of all.keys()) {
        if (all.size <= KEEP) break;
        all.delete(k);
      }
      return any;
    },
  };
}

const toolbar = (...kids: Node[]) => h('div', { class: 'toolbar dt-log-toolbar' }, ...kids);
const filterBox = (label: string, onInput: () => void) => {
  const input = h('input', { type: 'search', placeholder: label, 'aria-label': label, 'data-filter': 'text' });
  input.addEventListener('input', onInput);
  return input;
};
const includes = (text: string, q: string) => !q || text.toLowerCase().includes(q.toLowerCase());

/** The Console panel in `el`; `clear` forgets the app's side too. */
export function createConsolePanel(el: HTMLElement, clear: ClearLog): LogPanel {
  const kept = keeper<ConsoleEntry>('console');
  const level = h('select', { 'aria-label': 'Level', 'data-filter': 'level' }, h('option', { value: '' }, 'All levels'), ...(['error', 'warn', 'info', 'log', 'debug'] satisfies ConsoleLevel[]).map((l) => h('option', { value: l }, l)));
  const text = filterBox('Filter text', () => render());
  level.addEventListener('change', () => render());
  const list = h('ol', { class: 'dt-console', 'aria-live': 'polite' });
  const render = () => {
    const rows = [...kept.all.values()].filter((e) => (!level.value || e.level === level.value) && includes(`${e.text} ${e.source ?? ''}`, text.value));
    list.replaceChildren(
      ...rows.map((e) =>
        h('li', { 'data-level': e.level }, h('span', { class: 'dt-level' }, e.level), h('pre', { class: 'dt-text' }, e.text), h('span', { class: 'dt-source' }, e.source ?? '')),
      ),
    );
    if (!rows.length) list.append(h('li', { class: 'muted' }, kept.all.size ? 'No message matches the filter.' : 'No console messages yet.'));
  };
  const clearButton = button('Clear', { class: 'small', 'data-action': 'clear' }, () => {
    clear(...kept.clear());
    render();
  });
  el.replaceChildren(toolbar(level, text, clearButton), list);
  render();
  return {
    update(entries, load) {
      if (kept.take(entries, load)) render();
    },
  };
}

const size = (n: number | undefined) => (n === undefined ? '' : n < 1024 ? `${n} B` : `${(n / 1024).toFixed(1)} KB`);
const status = (e: NetworkEntry) => (e.state === 'failed' ? `failed: ${e.error ?? ''}` : e.status === undefined ? 'pending' : String(e.status));
const headerTable = (headers: readonly (readonly [string, string])[] | undefined) =>
  headers?.length
    ? h('table', { class: 'inspect' }, h('tbody', {}, ...headers.map(([k, v]) => h('tr', {}, h('th', {}, k), h('td', {}, v)))))
    : h('p', { class: 'muted' }, 'none');

/** The Network panel in `el`: a table of requests, the details of the one clicked below it. */
export function createNetworkPanel(el: HTMLElement, clear: ClearLog): LogPanel {
  const kept = keeper<NetworkEntry>('network');
  let selected: string | undefined;
  const text = filterBox('Filter URL', () => render());
  const body = h('tbody', {});
  const details = h('section', { id: 'network-details', class: 'dt-net-details', 'aria-label': 'Request details' });
  const renderDetails = () => {
    const e = selected === undefined ? undefined : kept.all.get(selected);
    details.hidden = !e;
    if (!e) return details.replaceChildren();
    details.replaceChildren(
      h('h4', {}, `${e.method} ${e.url}`),
      h('p', { 'data-field': 'summary' }, `${e.via} · ${status(e)}${e.duration === undefined ? '' : ` · ${e.duration} ms`}${e.size === undefined ? '' : ` · ${size(e.size)}`}`),
      h('h4', {}, 'Request headers'),
      headerTable(e.requestHeaders),
      h('h4', {}, 'Request body'),
      h('pre', { 'data-field': 'request-body' }, e.requestBody ?? '(none)'),
      h('h4', {}, 'Response headers'),
      headerTable(e.responseHeaders),
      h('h4', {}, 'Response body'),
      h('pre', { 'data-field': 'response-body' }, e.responseBody ?? (e.state === 'pending' ? '(waiting)' : '(none)')),
    );
  };
  const render = () => {
    const rows = [...kept.all].filter(([, e]) => includes(`${e.method} ${e.url} ${e.via}`, text.value));
    body.replaceChildren(
      ...rows.map(([key, e]) => {
        const tr = h(
          'tr',
          { 'data-state': e.state, 'data-via': e.via, 'aria-selected': String(key === selected), tabindex: 0 },
          h('td', {}, e.method, e.via === 'fetch' || e.via === 'xhr' ? '' : h('span', { class: 'muted' }, ` (${e.via})`)),
          h('td', {}, e.url),
          h('td', {}, status(e)),
          h('td', {}, e.duration === undefined ? '' : `${e.duration} ms`),
          h('td', {}, size(e.size)),
        );
        const pick = () => {
          selected = key;
          render();
        };
        tr.addEventListener('click', pick);
        tr.addEventListener('keydown', (k) => k.key === 'Enter' && pick());
        return tr;
      }),
    );
    if (!rows.length) body.append(h('tr', {}, h('td', { colspan: 5, class: 'muted' }, kept.all.size ? 'No request matches the filter.' : 'No requests yet.')));
    renderDetails();
  };
  const clearButton = button('Clear', { class: 'small', 'data-action': 'clear' }, () => {
    selected = undefined;
    clear(...kept.clear());
    render();
  });
  const table = h(
    'table',
    { class: 'inspect dt-network' },
    h('thead', {}, h('tr', {}, ...['Method', 'URL', 'Status', 'Time', 'Size'].map((t) => h('th', {}, t)))),
    body,
  );
  el.replaceChildren(toolbar(text, clearButton), table, details);
  render();
  return {
    update(entries, load) {
      if (kept.take(entries, load)) render();
    },
  };
}
