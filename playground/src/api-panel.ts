/**
 * The panel of the selected API: what its row says (group, doc page, parameters with types and
 * defaults, limits, error codes), the parameter editor prefilled with the docs' example and checked
 * as you type, Run, and the snippets.
 */
import type { ApiName } from '../../src/index.js';
import type { ParamCode } from '../../src/index.js';
import { button, byId, copyText, h, pretty } from './dom.js';
import { EXAMPLE_NOTES, exampleFor, type ExampleContext } from './examples.js';
import { runApi } from './runner.js';
import { snippets } from './snippets.js';
import { describeCode, docLabel, errorCodes, meaningOf, rowOf, GROUP_LABELS } from './table-info.js';
import type { Terminal } from './terminal.js';
import { checkParams, choicesOf } from './validate.js';

/** The timeout a run uses when the page gives none and the API is scripted to never answer. */
export const NEVER_TIMEOUT = 3000;

export interface ApiPanelDeps {
  readonly terminal: Terminal;
  readonly exampleContext: ExampleContext;
  /** Whether the scenario makes `api` never answer (then a run without a timeout gets NEVER_TIMEOUT). */
  readonly neverAnswers: (api: ApiName) => boolean;
  /** Called after each run completes (inspectors refresh). */
  readonly afterRun: () => void;
}

export interface ApiPanel {
  show(api: ApiName): void;
  readonly current: ApiName | undefined;
}

export function createApiPanel(root: HTMLElement, deps: ApiPanelDeps): ApiPanel {
  let current: ApiName | undefined;
  let snippetTab: 'esm' | 'my' | 'bridge' = 'esm';

  const title = byId('api-title');
  const meta = byId('api-meta');
  const note = byId('api-note');
  const paramTable = byId('api-params');
  const codes = byId('api-codes');
  const editor = byId<HTMLTextAreaElement>('params');
  const problems = byId('param-problems');
  const runButton = byId<HTMLButtonElement>('run');
  const timeout = byId<HTMLInputElement>('timeout');
  const tabs = byId('snippet-tabs');
  const code = byId('snippet-code');
  const copy = byId<HTMLButtonElement>('snippet-copy');

  const check = () => {
    if (!current) return undefined;
    const checked = checkParams(current, editor.value);
    problems.replaceChildren(
      ...checked.errors.map((f) => h('li', { class: 'error', 'data-param': f.param }, f.message)),
      ...checked.warnings.map((f) => h('li', { class: 'warning', 'data-param': f.param }, f.message)),
    );
    editor.setAttribute('aria-invalid', String(checked.errors.length > 0));
    // Text that is not a JSON object cannot be sent; type problems can (the library refuses them: code 2).
    runButton.disabled = !checked.params;
    runButton.title = checked.params ? '' : 'Fix the JSON first';
    renderSnippets(checked.params ?? {});
    return checked;
  };

  const renderSnippets = (params: Record<string, unknown>) => {
    if (!current) return;
    const list = snippets(current, params);
    if (!list.some((s) => s.id === snippetTab)) snippetTab = 'esm';
    tabs.replaceChildren(
      ...list.map((s) =>
        button(s.label, { class: 'tab', role: 'tab', 'aria-selected': String(s.id === snippetTab), 'data-snippet': s.id }, () => {
          snippetTab = s.id;
          renderSnippets(params);
        }),
      ),
    );
    code.textContent = list.find((s) => s.id === snippetTab)?.code ?? '';
  };

  copy.addEventListener('click', async () => {
    const ok = await copyText(code.textContent ?? '');
    copy.textContent = ok ? 'Copied' : 'Select and copy';
    setTimeout(() => (copy.textContent = 'Copy'), 1200);
  });

  let pending: number | undefined;
  editor.addEventListener('input', () => {
    clearTimeout(pending);
    pending = window.setTimeout(check, 120);
  });
  // Tab inserts two spaces in the editor (Shift+Tab still leaves it).
  editor.addEventListener('keydown', (e) => {
    if (e.key === 'Tab' && !e.shiftKey) {
      e.preventDefault();
      editor.setRangeText('  ', editor.selectionStart, editor.selectionEnd, 'end');
      check();
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      run();
    }
  });

  byId('reset-example').addEventListener('click', () => current && fill(current));
  byId('format-params').addEventListener('click', () => {
    const c = check();
    if (c?.params) {
      editor.value = pretty(c.params);
      check();
    }
  });

  const fill = (api: ApiName) => {
    editor.value = pretty(exampleFor(api, deps.exampleContext));
    check();
  };

  const run = () => {
    if (!current) return;
    const c = check();
    if (!c?.params) return;
    const api = current;
    const typed = timeout.value.trim() === '' ? undefined : Math.max(0, Number(timeout.value));
    let ms = typed !== undefined && Number.isFinite(typed) ? typed : undefined;
    let runNote: string | undefined;
    if (ms === undefined && deps.neverAnswers(api)) {
      ms = NEVER_TIMEOUT;
      runNote = `The scenario makes ${api} never answer: this run times out after ${NEVER_TIMEOUT} ms (set a timeout to change it).`;
    }
    const entry = deps.terminal.start(api, c.params, runNote);
    const controller = new AbortController();
    entry.abortable(() => controller.abort());
    void runApi(api, c.params, { ...(ms !== undefined ? { timeout: ms } : {}), signal: controller.signal }, (e) => entry.report(e)).then(deps.afterRun);
  };
  runButton.addEventListener('click', run);

  const renderMeta = (api: ApiName) => {
    const row = rowOf(api);
    title.textContent = api;
    const badges: (string | undefined)[] = [
      GROUP_LABELS[row.group],
      row.ui ? 'opens UI (no default timeout)' : undefined,
      row.surface === 'bridge' ? 'AlipayJSBridge only' : undefined,
      row.h5 ? 'also AlipayJSBridge.call' : undefined,
      row.native ? `native name: ${row.native}` : undefined,
      row.alias ? `classic alias: ${row.alias.name}` : undefined,
      row.since ? `host ≥ ${row.since}` : undefined,
      row.hostTimeout ? `host timeout ${row.hostTimeout} ms` : undefined,
    ];
    meta.replaceChildren(
      ...badges.filter((b): b is string => !!b).map((b) => h('span', { class: 'badge' }, b)),
      h('span', { class: 'badge doc' }, docLabel(row)),
    );
    const n = EXAMPLE_NOTES[api];
    note.textContent = n ?? 'Prefilled with the example of the API’s docs page.';

    const spec = Object.entries(row.params as Readonly<Record<string, ParamCode>>);
    const defaults = (row.defaults ?? {}) as Readonly<Record<string, unknown>>;
    paramTable.replaceChildren(
      spec.length
        ? h(
            'table',
            {},
            h('thead', {}, h('tr', {}, ...['parameter', 'type', 'required', 'default'].map((t) => h('th', { 'data-i18n': true }, t)))),
            h(
              'tbody',
              {},
              ...spec.map(([name, c]) => {
                const d = describeCode(c);
                const choices = choicesOf(api, name);
                return h(
                  'tr',
                  {},
                  h('td', {}, h('code', {}, name)),
                  // Each documented value stays whole: a line may break between values, never inside one.
                  h('td', { class: 'type' }, h('span', { dir: 'ltr' }, ...(choices ? choices.map((v, i) => h('span', { class: 'choice' }, `${i ? '| ' : ''}${JSON.stringify(v)}`)) : [d.type]))),
                  h('td', { 'data-i18n': true }, d.required ? 'yes' : 'no'),
                  h('td', { class: 'default' }, name in defaults ? h('code', { dir: 'ltr' }, JSON.stringify(defaults[name])) : ''),
                );
              }),
            ),
          )
        : h('p', { class: 'muted', 'data-i18n': true }, 'No parameters.'),
      row.limits ? h('p', { class: 'muted' }, `Limits: ${Object.entries(row.limits).map(([k, v]) => `${k} ${v}`).join(', ')}`) : '',
    );
    const list = errorCodes(api);
    codes.replaceChildren(
      list.length
        ? h('dl', { class: 'codes' }, ...list.flatMap((c) => [h('dt', {}, String(c)), h('dd', { dir: 'auto' }, meaningOf(api, c) ?? '')]))
        : h('p', { class: 'muted' }, 'The page documents no error codes (common codes: 1 not supported, 2 invalid parameter, 3 unknown).'),
    );
  };

  return {
    get current() {
      return current;
    },
    show(api) {
      current = api;
      root.dataset['api'] = api;
      renderMeta(api);
      fill(api);
    },
  };
}
