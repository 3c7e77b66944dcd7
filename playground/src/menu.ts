/**
 * The API menu, generated from the table: one section per docs group (essential, UI, media, storage,
 * file, location, network, device…), one button per API in the docs' order. A new row appears here
 * without touching the page.
 */
import type { ApiName } from '../../src/index.js';
import { button, h } from './dom.js';
import { docLabel, groups, rowOf } from './table-info.js';

export interface Menu {
  /** Marks `api` as the selected one. */
  select(api: ApiName): void;
}

export function createMenu(nav: HTMLElement, onSelect: (api: ApiName) => void): Menu {
  const buttons = new Map<ApiName, HTMLButtonElement>();
  const filter = h('input', { type: 'search', placeholder: 'Filter APIs', 'data-i18n-ph': true, 'aria-label': 'Filter APIs', id: 'api-filter' });
  const sections: { el: HTMLElement; apis: ApiName[] }[] = [];
  const body = h('div', { class: 'menu-groups' });

  for (const { group, label, apis } of groups()) {
    const list = h('ul', {});
    for (const api of apis) {
      const row = rowOf(api);
      const b = button(
        [api, row.surface === 'bridge' ? ' ⇄' : ''].join(''),
        { class: 'api', 'data-api': api, title: `${api} — ${docLabel(row)}${row.surface === 'bridge' ? ' (AlipayJSBridge only)' : ''}` },
        () => onSelect(api),
      );
      buttons.set(api, b);
      list.append(h('li', {}, b));
    }
    const el = h('section', { class: 'menu-group', 'data-group': group }, h('h2', {}, label, h('span', { class: 'count' }, String(apis.length))), list);
    sections.push({ el, apis });
    body.append(el);
  }

  filter.addEventListener('input', () => {
    const q = filter.value.trim().toLowerCase();
    for (const [api, b] of buttons) b.parentElement!.hidden = !!q && !api.toLowerCase().includes(q);
    for (const s of sections) s.el.hidden = !!q && s.apis.every((a) => !a.toLowerCase().includes(q));
  });

  nav.replaceChildren(filter, body);
  return {
    select(api) {
      for (const [name, b] of buttons) {
        b.classList.toggle('selected', name === api);
        if (name === api) b.setAttribute('aria-current', 'true');
        else b.removeAttribute('aria-current');
      }
    },
  };
}
