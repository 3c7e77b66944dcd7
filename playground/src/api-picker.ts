/**
 * A searchable list of checkboxes, one per API (55 of them: a native multi-select of that length
 * needs Ctrl-click and cannot be searched). Used for the APIs the emulated host lacks.
 */
import { button, h } from './dom.js';

export interface ApiPicker {
  /** The fieldset to place in the page. */
  readonly el: HTMLElement;
  /** Ticks exactly `names` (does not call `onChange`). */
  set(names: readonly string[]): void;
}

/** A picker with id `id` over `names`; `onChange` gets the ticked names, in `names` order. */
export function createApiPicker(id: string, names: readonly string[], legend: string, onChange: (picked: string[]) => void): ApiPicker {
  const boxes = names.map((name) => h('input', { type: 'checkbox', value: name, 'aria-label': name }));
  const items = boxes.map((box, i) => h('li', { 'data-name': names[i] }, h('label', {}, box, h('code', {}, names[i]))));
  const count = h('span', { class: 'muted picker-count' });
  const filter = h('input', { type: 'search', class: 'picker-filter', placeholder: 'Search APIs', 'data-i18n-ph': true, 'aria-label': `${legend}: search` });
  const picked = () => boxes.filter((b) => b.checked).map((b) => b.value);
  const showCount = () => {
    const n = picked().length;
    count.replaceChildren(String(n), ' ', h('span', { 'data-i18n': true }, 'selected'));
    count.dataset['count'] = String(n);
  };
  const changed = () => {
    showCount();
    onChange(picked());
  };
  for (const b of boxes) b.addEventListener('change', changed);
  filter.addEventListener('input', () => {
    const q = filter.value.trim().toLowerCase();
    items.forEach((li, i) => (li.hidden = !!q && !names[i]!.toLowerCase().includes(q)));
  });
  const clear = button('Clear', { class: 'small', 'data-i18n': true }, () => {
    for (const b of boxes) b.checked = false;
    changed();
  });
  const el = h(
    'fieldset',
    { id, class: 'picker' },
    h('legend', { 'data-i18n': true }, legend),
    filter,
    h('ul', { class: 'picker-list' }, ...items),
    h('div', { class: 'row' }, count, clear),
  );
  showCount();
  return {
    el,
    set(list) {
      for (const b of boxes) b.checked = list.includes(b.value);
      showCount();
    },
  };
}
