/**
 * Element helpers. Every string becomes a text node or an attribute value: nothing from params or
 * payloads is ever parsed as HTML (the page runs under a strict CSP with no inline code either).
 */

/** A child: a node, text, or nothing. */
export type Kid = Node | string | number | null | undefined | false;

/** Attributes: `class`, `data-*`, `aria-*` and the like, set with `setAttribute` (never `style`). */
export type Attrs = Record<string, string | number | boolean | undefined>;

/** `<tag attrs>kids</tag>`. `true` sets an empty attribute, `false`/`undefined` leaves it out. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...kids: Kid[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (name === 'style') throw new Error('inline styles are not allowed (strict CSP): use a class');
    el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, ...kids);
  return el;
}

/** Appends kids; strings become text nodes. */
export function append(el: Element, ...kids: Kid[]): void {
  for (const k of kids) if (k !== null && k !== undefined && k !== false) el.append(typeof k === 'object' ? k : String(k));
}

/** A `<button type="button">` with a click handler. */
export function button(label: Kid, attrs: Attrs, onClick: (e: MouseEvent) => void): HTMLButtonElement {
  const b = h('button', { type: 'button', ...attrs }, label);
  b.addEventListener('click', onClick);
  return b;
}

/** The element with `id`, typed; throws when the page lacks it (a broken page should fail loudly). */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`playground: #${id} is missing from the page`);
  return el as T;
}

/** JSON for display: 2-space indented; `undefined` shows as `undefined`. */
export function pretty(value: unknown): string {
  if (value === undefined) return 'undefined';
  try {
    return JSON.stringify(value, replacer, 2) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Errors and other non-plain values, shown as their fields. */
function replacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) {
    const out: Record<string, unknown> = { name: value.name, message: value.message };
    for (const k of Object.keys(value)) out[k] = (value as unknown as Record<string, unknown>)[k];
    return out;
  }
  if (typeof value === 'bigint') return String(value);
  return value;
}

/** Copies text to the clipboard; falls back to a hidden textarea where the Clipboard API is refused. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = h('textarea', { class: 'offscreen', readonly: true });
    area.value = text;
    document.body.append(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    area.remove();
    return ok;
  }
}

/** Offers `text` as a file download (a blob URL, allowed under the CSP). */
export function download(name: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name, class: 'offscreen' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The page's `[data-tab]` buttons: a click shows its panel (the id in `data-tab`), hides the others', then `onSelect(id)`. */
export function wireTabs(onSelect: (panel: string) => void): void {
  const tabs = Array.from(document.querySelectorAll<HTMLButtonElement>('[data-tab]'));
  for (const t of tabs) {
    t.addEventListener('click', () => {
      for (const o of tabs) {
        const on = o === t;
        o.setAttribute('aria-selected', String(on));
        byId(o.dataset['tab']!).hidden = !on;
      }
      onSelect(t.dataset['tab']!);
    });
  }
}
