/**
 * The dialog stack: every dialog, sheet and full-screen page opens here, the topmost one gets the
 * keyboard (Esc cancels, Enter confirms, Tab stays inside) and focus returns where it was on close.
 */
import { h } from './dom.js';

/** A centred dialog, a bottom sheet, or a full-screen page. */
export type Kind = 'dialog' | 'sheet' | 'page';

/** An open dialog as its builder sees it. */
export interface Dlg<T> {
  /** The dialog root (`data-dialog`); the builder fills it. */
  readonly el: HTMLElement;
  /** Closes the dialog and resolves its promise with `value` (later calls do nothing). */
  done(value: T): void;
  /** The button Enter presses. */
  primary?: HTMLElement;
}

interface Entry {
  el: HTMLElement;
  /** The call it was opened for (see `Layer.own`). */
  owner?: object;
  cancel(): void;
  primary(): HTMLElement | undefined;
}

const FOCUSABLE = 'button:not([disabled]),input:not([type=file]):not([disabled]),select,textarea,iframe,[tabindex="0"]';

/** The stack of open dialogs inside `screen`. */
export interface Layer {
  open<T>(name: string, kind: Kind, cancel: T, fill: (d: Dlg<T>) => void): Promise<T>;
  /** Whether a dialog is open. */
  readonly size: number;
  /** Runs `open` so the dialogs it opens belong to `owner`. */
  own<T>(owner: object, open: () => T): T;
  /** `open`, run later as the present owner's (what it opens belongs to the call running now). */
  keep<A extends unknown[], T>(open: (...a: A) => T): (...a: A) => T;
  /** Cancels the open dialogs of `owner`. */
  cancel(owner: object): void;
  /** Cancels every open dialog and stops listening. */
  destroy(): void;
}

export function createLayer(root: ShadowRoot, screen: HTMLElement, onOpen: (el: HTMLElement) => void): Layer {
  const stack: Entry[] = [];
  let dead = false;
  let owner: object | undefined;
  /** Owners whose call was given up: what they open later is cancelled at once. */
  const gone = new WeakSet<object>();

  function onKey(e: Event): void {
    const ev = e as KeyboardEvent;
    const top = stack[stack.length - 1];
    if (!top || ev.isComposing) return;
    if (ev.key === 'Escape') {
      ev.preventDefault();
      ev.stopPropagation();
      top.cancel();
    } else if (ev.key === 'Enter') {
      const t = ev.composedPath()[0];
      if (t instanceof HTMLTextAreaElement) return;
      ev.preventDefault();
      // A focused button is pressed; elsewhere Enter presses the primary button.
      if (t instanceof HTMLButtonElement && top.el.contains(t)) t.click();
      else top.primary()?.click();
    } else if (ev.key === 'Tab') {
      const list = Array.from(top.el.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((x) => !x.closest('[hidden]'));
      const first = list[0];
      const last = list[list.length - 1];
      if (!first || !last) return;
      const cur = root.activeElement;
      if (ev.shiftKey ? cur === first || !top.el.contains(cur) : cur === last || !top.el.contains(cur)) {
        ev.preventDefault();
        (ev.shiftKey ? last : first).focus();
      }
    }
  }
  root.addEventListener('keydown', onKey);

  function own<T>(o: object | undefined, open: () => T): T {
    const outer = owner;
    owner = o;
    try {
      return open();
    } finally {
      owner = outer;
    }
  }

  return {
    get size() {
      return stack.length;
    },
    open<T>(name: string, kind: Kind, cancel: T, fill: (d: Dlg<T>) => void): Promise<T> {
      if (dead || (owner && gone.has(owner))) return Promise.resolve(cancel);
      return new Promise<T>((resolve) => {
        const back = h('div', 'back ' + kind);
        const el = h('div', 'box');
        el.dataset.dialog = name;
        el.setAttribute('role', 'dialog');
        el.setAttribute('aria-modal', 'true');
        el.tabIndex = -1;
        back.append(el);
        const prev = (root.activeElement ?? document.activeElement) as HTMLElement | null;
        let closed = false;
        const d: Dlg<T> = {
          el,
          done(value: T) {
            if (closed) return;
            closed = true;
            const i = stack.indexOf(entry);
            const wasTop = i === stack.length - 1;
            if (i >= 0) stack.splice(i, 1);
            back.remove();
            // Focus goes back where it was, unless a dialog above this one still has it.
            if (wasTop) {
              if (prev && prev.isConnected && prev !== document.body) prev.focus?.({ preventScroll: true });
              else stack[stack.length - 1]?.el.focus({ preventScroll: true });
            }
            resolve(value);
          },
        };
        const entry: Entry = { el, owner, cancel: () => d.done(cancel), primary: () => d.primary };
        if (kind === 'sheet') back.addEventListener('click', (e) => e.target === back && entry.cancel());
        fill(d);
        stack.push(entry);
        screen.append(back);
        onOpen(back);
        const first = el.querySelector<HTMLElement>('input:not([type=file]):not([hidden]),textarea,select') ?? d.primary ?? el.querySelector<HTMLElement>('button') ?? el;
        first.focus({ preventScroll: true });
      });
    },
    own,
    keep(open) {
      const o = owner;
      return (...a) => own(o, () => open(...a));
    },
    cancel(o) {
      gone.add(o);
      for (const e of stack.filter((x) => x.owner === o)) e.cancel();
    },
    destroy() {
      dead = true;
      root.removeEventListener('keydown', onKey);
      while (stack.length) stack[stack.length - 1]?.cancel();
    },
  };
}

/** What every builder gets. */
export interface Ctx {
  readonly appName: string;
  readonly open: Layer['open'];
  /** Fills UI labels under `node` in the current language (for content built after opening). */
  loc(node: ParentNode): void;
  /** Where toasts and the loading overlay go. */
  readonly screen: HTMLElement;
}
