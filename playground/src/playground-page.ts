/**
 * index.html: the menu of every API, the selected API's panel and the terminal, the phone frame, the
 * scenario panel and the inspectors, wired together.
 */
import { on, type ApiName, type HostEventName } from '../../src/index.js';
import { createApiPanel } from './api-panel.js';
import { byId, pretty, wireTabs } from './dom.js';
import { startHost, markReady, modeFromUrl } from './host.js';
import { createInspectors } from './inspectors.js';
import { createMenu } from './menu.js';
import { createScenario, PANEL_EVENTS, type OutcomeApplier } from './scenario.js';
import { applyOutcome } from './outcomes.js';
import { filesOf } from '../../src/emulator/index.js';
import { echoServed, serveEchoInPage } from './static-echo.js';
import { h } from './dom.js';
import { isApiName } from './table-info.js';
import { createTerminal } from './terminal.js';

export function startPlayground(): void {
  const mode = modeFromUrl();
  const emulator = startHost(byId('phone'), mode);
  const terminal = createTerminal(byId('terminal'));
  byId('terminal-clear').addEventListener('click', () => terminal.clear());

  const received = new Map<HostEventName, unknown>();
  const inspectors = createInspectors(emulator, filesOf(emulator));
  const apply: OutcomeApplier = (api, outcome, once, onUse) => applyOutcome(emulator, api, outcome, once, onUse);
  const scenario = createScenario(byId('scenario'), emulator, apply, (name, data, allowed) => {
    const got = received.has(name);
    const seen = received.get(name);
    received.delete(name);
    terminal.event(
      name,
      `The host dispatched “${name}”${data === undefined ? '' : ` with data ${pretty(data)}`}. ` +
        (got ? `The page’s on('${name}') listener got it${seen === undefined ? '' : ` (data ${pretty(seen)})`}. ` : 'No listener got it. ') +
        (name === 'back' ? (allowed ? 'The host goes back (default).' : 'The page called preventDefault(): the user stays.') : ''),
    );
  });

  // The page's own host-event listeners, as a miniapp subscribes with `on()`.
  const keepOnBack = byId<HTMLInputElement>('keep-on-back');
  for (const name of PANEL_EVENTS) {
    on(name, (e) => {
      received.set(name, e.data);
      if (name === 'back' && keepOnBack.checked) e.preventDefault();
    });
  }

  const panel = createApiPanel(byId('api-panel'), {
    terminal,
    exampleContext: { base: new URL('.', location.href).href },
    neverAnswers: (api) => scenario.neverAnswers(api),
    afterRun: () => inspectors.refresh(),
  });

  const menu = createMenu(byId('menu'), (api) => {
    if (location.hash !== `#${api}`) location.hash = api;
    else select(api);
  });
  const select = (api: ApiName) => {
    menu.select(api);
    panel.show(api);
    scenario.focus(api);
  };
  const fromHash = () => {
    const name = decodeURIComponent(location.hash.slice(1));
    select(isApiName(name) ? name : 'getAuthCode');
  };
  window.addEventListener('hashchange', fromHash);
  fromHash();

  // Tabs of the host card (scenario / storage / files / calls).
  wireTabs(() => inspectors.refresh());
  // The static copy has no echo server: answer the network examples in the page, and say so.
  const base = new URL('.', location.href).href;
  void echoServed(base).then((served) => {
    if (!served) {
      serveEchoInPage(base);
      document.querySelector('header.top')?.after(
        h('p', { class: 'static-note', id: 'static-echo', 'data-i18n': true }, 'Static copy: the echo endpoint is answered inside this page.'),
      );
    }
    markReady();
  });
}
