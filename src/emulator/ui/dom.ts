/**
 * Tiny element helpers for the emulator UI. Page strings only ever become text nodes or attribute
 * values here; nothing is parsed as HTML.
 */
import type { StringKey, Strings } from './strings.js';

/** A child: a node, page text (rendered as a text node), or nothing. */
export type Kid = Node | string | number | null | undefined | false;

/** `<tag class="cls">kids</tag>`; strings become text nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, ...kids: Kid[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (cls) el.className = cls;
  for (const k of kids) if (k !== null && k !== undefined && k !== false) el.append(typeof k === 'object' ? k : String(k));
  return el;
}

/** An element whose text is a UI label: `setLanguage` refreshes every `data-k`. */
export function lbl<K extends keyof HTMLElementTagNameMap>(tag: K, key: StringKey, cls?: string): HTMLElementTagNameMap[K] {
  const el = h(tag, cls);
  el.dataset.k = key;
  return el;
}

/** A real `<button type="button" data-action>` showing a UI label (key) or page text. */
export function btn(action: string, label: { k: StringKey } | string, cls = '', onClick?: () => void): HTMLButtonElement {
  const b = h('button', cls);
  b.type = 'button';
  b.dataset.action = action;
  if (typeof label === 'string') b.textContent = label;
  else b.dataset.k = label.k;
  if (onClick) b.addEventListener('click', onClick);
  return b;
}

/** An `<input>`; `ph` is a UI label key for the placeholder. */
export function input(type: string, ph?: StringKey, cls = 'in'): HTMLInputElement {
  const el = h('input', cls);
  el.type = type;
  if (ph) el.dataset.kp = ph;
  return el;
}

/** Page text as a string (page data may not be what its type says). */
export function str(v: unknown): string {
  return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
}

/** Whether `url` may be loaded as an image: http(s), blob: or data:image. */
export function safeImage(url: unknown): url is string {
  return typeof url === 'string' && /^(https?:|blob:|data:image\/)/i.test(url.trim());
}

/** Whether `url` may be shown in a document frame: http(s), blob: or data:application/pdf. */
export function safeDocument(url: unknown): url is string {
  return typeof url === 'string' && /^(https?:|blob:|data:application\/pdf[;,])/i.test(url.trim());
}

/** Whether `c` looks like a CSS colour: hex, rgb()/rgba(), or a name made of letters. */
export function safeColor(c: unknown): c is string {
  return (
    typeof c === 'string' &&
    /^(#([\da-f]{3,4}|[\da-f]{6}|[\da-f]{8})|rgba?\([\d\s.,%/]+\)|[a-z]{3,30})$/i.test(c.trim())
  );
}

/** The host of `url`, or the text itself when it is not a URL. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

/** Fills every UI label under `scope` (text, placeholder, aria-label) from `s`. */
export function localize(scope: ParentNode, s: Strings): void {
  for (const el of Array.from(scope.querySelectorAll<HTMLElement>('[data-k],[data-kp],[data-ka]'))) {
    const { k, kp, ka } = el.dataset;
    if (k) el.textContent = s[k as StringKey] ?? k;
    if (kp) el.setAttribute('placeholder', s[kp as StringKey] ?? kp);
    if (ka) el.setAttribute('aria-label', s[ka as StringKey] ?? ka);
  }
}

/** A hidden `<input type=file>`. */
export function fileInput(accept: string, multiple: boolean): HTMLInputElement {
  const f = h('input');
  f.type = 'file';
  f.hidden = true;
  if (accept) f.accept = accept;
  f.multiple = multiple;
  return f;
}
