import { createDomUi, type DomUi } from '../../../src/emulator/ui/dom-ui.js';

const made: DomUi[] = [];

/** A fresh DOM UI in document.body (destroyed by `cleanup`). */
export function mount(language: 'en' | 'ar' = 'en', appName = 'Test App'): DomUi {
  const ui = createDomUi({ language, appName });
  made.push(ui);
  return ui;
}

export function cleanup(): void {
  for (const ui of made.splice(0)) ui.destroy();
  document.body.replaceChildren();
}

/** The open dialog `name` (throws when absent). */
export function dlg(ui: DomUi, name: string): HTMLElement {
  const el = ui.root.querySelector<HTMLElement>(`[data-dialog="${name}"]`);
  if (!el) throw new Error(`no dialog ${name}`);
  return el;
}

/** The button with `data-action` in `el` (throws when absent). */
export function button(el: ParentNode, action: string): HTMLButtonElement {
  const b = el.querySelector<HTMLButtonElement>(`[data-action="${action}"]`);
  if (!b) throw new Error(`no button ${action}`);
  return b;
}

export function click(el: ParentNode, action: string): void {
  button(el, action).click();
}

/** Dispatches a keydown of `key` at `target` (bubbling, composed). */
export function key(target: EventTarget, key: string, init: KeyboardEventInit = {}): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...init }));
}

/** Texts of the elements matching `selector` in `el`. */
export function texts(el: ParentNode, selector: string): string[] {
  return Array.from(el.querySelectorAll(selector), (n) => n.textContent ?? '');
}

/** Lets pending promise callbacks run. */
export const flush = () => new Promise<void>((r) => setTimeout(r, 0));
