/**
 * Inspectors of what the emulated host holds: this miniapp's storage (setStorage & co.), its saved
 * files (saveFile), and the call log (every bridge call with params, answer and timing), exportable
 * as JSON. They read the emulator, not the page: what you see is what the host has.
 */
import type { CallRecord, Emulator, FileStore } from '../../src/emulator/index.js';
import { storagePrefix } from '../../src/emulator/handlers/storage.js';
import { callOutcome } from './call-outcome.js';
import { button, byId, download, h, pretty } from './dom.js';

export interface Inspectors {
  /** Re-reads the emulator (after a run, when a tab opens). */
  refresh(): void;
}

const bytes = (n: number) => (n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(2)} MB`);

/** One stored item: the value inside the emulator's envelope, or the raw text. */
function storedValue(raw: string | null): { type: string; value: unknown } {
  if (raw === null) return { type: 'missing', value: null };
  try {
    const e = JSON.parse(raw) as { v?: unknown; type?: unknown; data?: unknown };
    if (e && typeof e === 'object' && e.v === 1 && 'data' in e) return { type: String(e.type), value: e.data };
  } catch {
    // not an envelope
  }
  return { type: 'raw', value: raw };
}

/** The call log as exported: every record, with its duration. */
export function exportCalls(calls: readonly CallRecord[]): string {
  return JSON.stringify(
    calls.map((c) => ({ ...c, ms: c.answeredAt !== undefined ? Math.round((c.answeredAt - c.startedAt) * 10) / 10 : undefined })),
    null,
    2,
  );
}

/** What the inspectors read: the emulator in this page, or (devtools) a mirror of the one in the device's app. */
export type InspectedHost = Pick<Emulator, 'appId' | 'storage' | 'calls' | 'clearCalls'>;

/** The saved files as the inspectors read them. */
export type InspectedFiles = Pick<FileStore, 'savedFiles' | 'removeSaved'>;

export function createInspectors(emulator: InspectedHost, store: InspectedFiles): Inspectors {
  const storageEl = byId('storage-view');
  const filesEl = byId('files-view');
  const callsEl = byId('calls-view');

  // ── storage ────────────────────────────────────────────────────────────────────────────────────
  /** The row being edited: re-renders wait until it is saved or cancelled. */
  let editing: HTMLElement | undefined;
  /** Edits one item's data as JSON, written back in the emulator's envelope as setStorage writes it. */
  const editItem = (row: HTMLElement, full: string, value: unknown) => {
    const area = h('textarea', { class: 'editor', rows: 4, dir: 'ltr', spellcheck: 'false', 'aria-label': 'Data (JSON)' });
    area.value = pretty(value);
    const done = () => {
      editing = undefined;
      renderStorage();
    };
    const save = button('save', { class: 'small primary', 'data-action': 'save' }, () => {
      let data: unknown;
      try {
        data = JSON.parse(area.value);
      } catch {
        area.setAttribute('aria-invalid', 'true');
        return;
      }
      emulator.storage.setItem(full, JSON.stringify({ v: 1, type: typeof data === 'string' ? 'string' : 'json', data }));
      done();
    });
    row.children[2]?.replaceChildren(area);
    row.children[3]?.replaceChildren(save, ' ', button('cancel', { class: 'small', 'data-action': 'cancel' }, done));
    editing = row;
    area.focus();
  };
  const renderStorage = () => {
    if (editing?.isConnected) return;
    // Read each time: the devtools learns the app's id once linked.
    const prefix = storagePrefix(emulator.appId);
    const rows: HTMLElement[] = [];
    let total = 0;
    const s = emulator.storage;
    const keys: string[] = [];
    for (let i = 0; i < s.length; i++) {
      const k = s.key(i);
      if (k !== null && k.startsWith(prefix)) keys.push(k);
    }
    keys.sort();
    for (const full of keys) {
      const raw = s.getItem(full);
      const key = full.slice(prefix.length);
      total += 2 * (key.length + (raw?.length ?? 0));
      const { type, value } = storedValue(raw);
      rows.push(
        h(
          'tr',
          { 'data-key': key },
          h('td', {}, h('code', {}, key)),
          h('td', {}, type),
          h('td', {}, h('pre', {}, pretty(value))),
          h(
            'td',
            {},
            button('remove', { class: 'small', 'data-action': 'remove' }, () => {
              s.removeItem(full);
              renderStorage();
            }),
            ' ',
            button('edit', { class: 'small', 'data-action': 'edit' }, (e) => editItem((e.currentTarget as HTMLElement).closest('tr')!, full, value)),
          ),
        ),
      );
    }
    storageEl.replaceChildren(
      h(
        'p',
        { class: 'muted' },
        `Miniapp “${emulator.appId}”: ${keys.length} item${keys.length === 1 ? '' : 's'}, ${bytes(total)} of 10 MB, kept under “${prefix}…” in `,
        emulator.storage === globalThis.localStorage ? 'localStorage (survives reloads).' : 'memory.',
      ),
      keys.length
        ? h('table', { class: 'inspect' }, h('thead', {}, h('tr', {}, h('th', {}, 'key'), h('th', {}, 'type'), h('th', {}, 'data'), h('th', {}, ''))), h('tbody', {}, ...rows))
        : h('p', { class: 'empty' }, 'Empty. Try setStorage.'),
      keys.length
        ? button('Clear this miniapp’s storage', { class: 'danger small', id: 'storage-clear' }, () => {
            for (const k of keys) s.removeItem(k);
            renderStorage();
          })
        : '',
    );
  };

  // ── saved files ────────────────────────────────────────────────────────────────────────────────
  let filesRun = 0;
  const renderFiles = async () => {
    const run = ++filesRun;
    let files;
    try {
      files = await store.savedFiles();
    } catch (e) {
      filesEl.replaceChildren(h('p', { class: 'error' }, `The file store could not be read: ${(e as Error).message}`));
      return;
    }
    if (run !== filesRun) return;
    const total = files.reduce((n, f) => n + f.size, 0);
    filesEl.replaceChildren(
      h('p', { class: 'muted' }, `${files.length} saved file${files.length === 1 ? '' : 's'}, ${bytes(total)} of 10 MB.`),
      files.length
        ? h(
            'table',
            { class: 'inspect' },
            h('thead', {}, h('tr', {}, h('th', {}, 'apFilePath'), h('th', {}, 'name'), h('th', {}, 'size'), h('th', {}, 'created'), h('th', {}, ''))),
            h(
              'tbody',
              {},
              ...files.map((f) =>
                h(
                  'tr',
                  { 'data-file': f.hostPath },
                  h('td', {}, h('code', { title: f.path }, f.hostPath)),
                  h('td', {}, f.name),
                  h('td', {}, bytes(f.size)),
                  h('td', {}, new Date(f.createTime).toLocaleString()),
                  h(
                    'td',
                    {},
                    h('a', { href: f.path.split('#')[0] ?? f.path, target: '_blank', rel: 'noopener', class: 'small' }, 'open'),
                    ' ',
                    button('remove', { class: 'small' }, async () => {
                      await store.removeSaved(f.path);
                      void renderFiles();
                    }),
                  ),
                ),
              ),
            ),
          )
        : h('p', { class: 'empty' }, 'No saved file. Try chooseImage, then saveFile.'),
      files.length
        ? button('Remove every saved file', { class: 'danger small', id: 'files-clear' }, async () => {
            for (const f of files) await store.removeSaved(f.path);
            void renderFiles();
          })
        : '',
    );
  };

  // ── calls ──────────────────────────────────────────────────────────────────────────────────────
  let shown = '';
  const signature = () => {
    const last = emulator.calls[emulator.calls.length - 1];
    return `${emulator.calls.length}:${last?.id ?? 0}:${last?.answeredAt ?? ''}`;
  };
  // The log's filter: an API name (part of it) and the outcome; kept across renders.
  const filterText = h('input', { id: 'calls-filter', type: 'search', placeholder: 'filter by API', 'aria-label': 'Filter by API' });
  const filterOutcome = h(
    'select',
    { id: 'calls-outcome', 'aria-label': 'Filter by outcome' },
    ...['all', 'success', 'fail', 'pending'].map((o) => h('option', { value: o }, o)),
  );
  const matches = (c: CallRecord) => {
    const text = filterText.value.trim().toLowerCase();
    const ok = callOutcome(c).ok;
    const outcome = ok === undefined ? 'pending' : ok ? 'success' : 'fail';
    return (!text || c.api.toLowerCase().includes(text) || c.name.toLowerCase().includes(text)) && (filterOutcome.value === 'all' || filterOutcome.value === outcome);
  };
  // The header row stays (the filter keeps its focus while typing); the list below is re-rendered.
  const count = h('span', { class: 'muted', id: 'calls-count' });
  const list = h('div', {});
  callsEl.replaceChildren(
    h(
      'div',
      { class: 'row' },
      count,
      filterText,
      filterOutcome,
      button('Export JSON', { id: 'calls-export', class: 'small' }, () => download(`superqi-calls-${Date.now()}.json`, exportCalls(emulator.calls))),
      button('Clear', { id: 'calls-clear', class: 'small' }, () => {
        emulator.clearCalls();
        renderCalls();
      }),
    ),
    list,
  );
  const renderCalls = () => {
    shown = signature();
    const calls = [...emulator.calls].reverse().filter(matches);
    count.textContent = `${emulator.calls.length} call${emulator.calls.length === 1 ? '' : 's'}`;
    list.replaceChildren(
      calls.length
        ? h(
            'table',
            { class: 'inspect calls' },
            h('thead', {}, h('tr', {}, h('th', {}, '#'), h('th', {}, 'api'), h('th', {}, 'result'), h('th', {}, 'ms'), h('th', {}, 'params → answer'))),
            h(
              'tbody',
              {},
              ...calls.slice(0, 200).map((c) => {
                const outcome = callOutcome(c);
                return h(
                  'tr',
                  { 'data-call': c.id, 'data-ok': outcome.ok === undefined ? 'pending' : String(outcome.ok) },
                  h('td', {}, String(c.id)),
                  h('td', {}, h('code', {}, c.api), c.name !== c.api ? h('small', { class: 'muted' }, ` as ${c.name}`) : ''),
                  h('td', {}, outcome.label, outcome.detail ? h('small', { class: 'outcome-detail' }, ` ${outcome.detail}`) : ''),
                  h('td', {}, c.answeredAt !== undefined ? String(Math.round(c.answeredAt - c.startedAt)) : '…'),
                  h(
                    'td',
                    {},
                    h('details', {}, h('summary', {}, summary(c)), h('pre', {}, `params ${pretty(c.params)}\nanswer ${pretty(c.answer)}`)),
                  ),
                );
              }),
            ),
          )
        : h('p', { class: 'empty' }, emulator.calls.length ? 'No call matches the filter.' : 'No call yet.'),
    );
  };
  filterText.addEventListener('input', () => renderCalls());
  filterOutcome.addEventListener('change', () => renderCalls());
  const summary = (c: CallRecord) => {
    const text = c.answer ? JSON.stringify(c.answer) : '…';
    return text.length > 80 ? text.slice(0, 79) + '…' : text;
  };

  const refresh = () => {
    renderStorage();
    void renderFiles();
    renderCalls();
  };
  // Calls also come from the console (`my.*`) and the flows: follow the log while the page is visible.
  setInterval(() => {
    if (document.visibilityState === 'visible' && signature() !== shown) refresh();
  }, 500);
  window.addEventListener('storage', renderStorage);
  refresh();
  return { refresh };
}
