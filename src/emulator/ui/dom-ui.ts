/**
 * `ui: 'dom'`: the emulator's real user interface. A phone-sized frame (a shadow root, so page CSS
 * cannot reach it) with a title bar and real dialogs, sheets, toasts and a loading overlay.
 * Page strings are rendered as text only; labels come in English and Arabic (right-to-left).
 */
import type { EmulatorUi } from './contract.js';
import { alert, confirm, prompt } from './dialogs.js';
import { localize } from './dom.js';
import { createFrame } from './frame.js';
import { createLayer, type Ctx } from './layer.js';
import { addPhoneContact, createOverlays, makePhoneCall, openLocation } from './misc.js';
import { cashier, consent, signing } from './pay.js';
import { chooseLocation, choosePhoneContact, datePicker, multiLevelSelect } from './pickers.js';
import { actionSheet, share } from './sheets.js';
import { scan } from './scan.js';
import { stringsFor } from './strings.js';
import { withExtras, type Part } from '../lazy.js';

/** Options of `createDomUi`. */
export interface DomUiOptions {
  /** Where the frame goes: it sits in the element's flow. @default document.body (fixed at the top right of the window) */
  container?: HTMLElement;
  /** Label language; `ar` lays the frame out right-to-left. */
  language: 'en' | 'ar';
  /** The miniapp's name (status strip, initial title, cashier). */
  appName: string;
  /** In the devtools' device: no frame of its own, dialogs over the whole page. */
  device?: boolean;
}

/** The DOM UI: an `EmulatorUi` plus live language switching and access to its shadow root. */
export type DomUi = EmulatorUi & {
  setLanguage(language: 'en' | 'ar'): void;
  readonly root: ShadowRoot;
  readonly host: HTMLElement;
};

export function createDomUi(options: DomUiOptions): DomUi {
  const appName = typeof options.appName === 'string' ? options.appName : '';
  const f = createFrame(options.container, appName, options.device);
  let strings = stringsFor(options.language);
  const loc = (node: ParentNode) => localize(node, strings);
  const layer = createLayer(f.root, f.screen, (el) => {
    loc(el);
    f.expand();
  });
  const ctx: Ctx = { appName, open: layer.open, loc, screen: f.screen };
  const overlays = createOverlays(ctx);
  // The image and PDF viewers and the file picker (./media.ts) come with the emulator's extras; what
  // they open belongs to the call that asked, even when they open after the load.
  const later = <T>(use: (x: Part) => Promise<T>): Promise<T> => withExtras(layer.keep(use));

  const setLanguage = (language: 'en' | 'ar') => {
    strings = stringsFor(language);
    f.frame.setAttribute('lang', language === 'ar' ? 'ar' : 'en');
    f.frame.setAttribute('dir', language === 'ar' ? 'rtl' : 'ltr');
    loc(f.root);
  };
  setLanguage(options.language);

  return {
    kind: 'dom',
    root: f.root,
    host: f.host,
    setLanguage,
    alert: (o) => alert(ctx, o),
    confirm: (o) => confirm(ctx, o),
    prompt: (o) => prompt(ctx, o),
    actionSheet: (o) => actionSheet(ctx, o),
    showToast: overlays.showToast,
    hideToast: overlays.hideToast,
    showLoading: overlays.showLoading,
    hideLoading: overlays.hideLoading,
    datePicker: (o) => datePicker(ctx, o),
    multiLevelSelect: (o) => multiLevelSelect(ctx, o),
    choosePhoneContact: (c) => choosePhoneContact(ctx, c),
    addPhoneContact: (o) => addPhoneContact(ctx, o),
    makePhoneCall: (n) => makePhoneCall(ctx, n),
    consent: (o) => consent(ctx, o),
    cashier: (o) => cashier(ctx, o),
    signing: (o) => signing(ctx, o),
    share: (o) => share(ctx, o),
    previewImage: (o) => later((x) => x.previewImage(ctx, o)),
    openDocument: (o) => later((x) => x.openDocument(ctx, o)),
    openLocation: (o) => openLocation(ctx, o),
    chooseLocation: (p) => chooseLocation(ctx, p),
    scan: (o) => scan(ctx, o),
    pickFiles: (o) => later((x) => x.pickFiles(ctx, o)),
    setTitleBar: f.setTitleBar,
    own: layer.own,
    cancel: layer.cancel,
    destroy() {
      layer.destroy();
      overlays.destroy();
      f.remove();
    },
  };
}
