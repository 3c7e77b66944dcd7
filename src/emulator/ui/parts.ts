/** Pieces several dialogs share: footers, page headers, label/value rows. */
import { btn, h, lbl } from './dom.js';
import type { Dlg } from './layer.js';
import type { StringKey } from './strings.js';

/** A footer row of buttons; the last one is primary (Enter). */
export function footer(d: Pick<Dlg<unknown>, 'el' | 'primary'>, ...buttons: HTMLButtonElement[]): void {
  const last = buttons[buttons.length - 1];
  last?.classList.add('pri');
  d.primary = last;
  d.el.append(h('div', 'ft', ...buttons));
}

/** A Cancel / OK footer (OK primary, labelled `okKey`). */
export function okFooter<T>(d: Dlg<T>, cancel: T, ok: () => void, okKey: StringKey = 'ok'): void {
  footer(d, btn('cancel', { k: 'cancel' }, '', () => d.done(cancel)), btn('ok', { k: okKey }, '', ok));
}

/** A full-screen page's header: a title and a Close button (primary). */
export function pageTop(d: Dlg<void>, title: string | Node, closeKey: StringKey = 'close'): HTMLElement {
  const close = btn('close', { k: closeKey }, '', () => d.done());
  d.primary = close;
  return h('div', 'top', h('span', 't', title), close);
}

/** A label/value row. */
export function kv(key: StringKey, value: string | Node): HTMLElement {
  return h('div', 'kv', lbl('span', key), h('span', '', value));
}
