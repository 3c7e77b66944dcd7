/** Toasts, the loading overlay, the add-contact summary, the dialer and the map. */
import type { AddPhoneContactParams } from '../../types/device.js';
import type { EmulatorUi } from './contract.js';
import { btn, h, lbl, safeImage, str } from './dom.js';
import type { Ctx } from './layer.js';
import { footer, kv, pageTop } from './parts.js';
import type { StringKey } from './strings.js';

const ICONS: Record<string, string> = { success: '✓', fail: '✕', exception: '!' };

/** The toast and the loading overlay (one of each at a time). */
export function createOverlays(ctx: Ctx) {
  let toast: HTMLElement | undefined;
  let loading: HTMLElement | undefined;
  let toastTimer: ReturnType<typeof setTimeout> | undefined;
  let loadTimer: ReturnType<typeof setTimeout> | undefined;
  const hideToast = () => {
    clearTimeout(toastTimer);
    toast?.remove();
    toast = undefined;
  };
  const hideLoading = () => {
    clearTimeout(loadTimer);
    loading?.remove();
    loading = undefined;
  };
  return {
    showToast(o: Parameters<EmulatorUi['showToast']>[0]): Promise<void> {
      hideToast();
      const icon = ICONS[o.type];
      toast = h('div', 'toast', icon && h('span', 'ti', icon), str(o.content));
      toast.dataset.dialog = 'showToast';
      toast.dataset.type = str(o.type);
      toast.setAttribute('role', 'status');
      ctx.screen.append(toast);
      const ms = Number(o.duration);
      toastTimer = setTimeout(hideToast, Number.isFinite(ms) && ms >= 0 ? ms : 2000);
      return Promise.resolve();
    },
    hideToast,
    showLoading(o: Parameters<EmulatorUi['showLoading']>[0]): void {
      hideLoading();
      const show = () => {
        loading = h('div', 'loading', h('div', '', h('div', 'spin'), o.content ? str(o.content) : lbl('span', 'loading')));
        loading.dataset.dialog = 'showLoading';
        loading.setAttribute('role', 'alert');
        loading.setAttribute('aria-busy', 'true');
        ctx.loc(loading);
        ctx.screen.append(loading);
      };
      const ms = Number(o.delay);
      if (ms > 0) loadTimer = setTimeout(show, ms);
      else show();
    },
    hideLoading,
    destroy() {
      hideToast();
      hideLoading();
    },
  };
}

type ContactKey = keyof AddPhoneContactParams;
const ADDRESS = ['Street', 'City', 'State', 'PostalCode', 'Country'];
/** Summary rows: a label and the fields joined into its value. */
const CONTACT_ROWS: [StringKey, ContactKey[], string][] = [
  ['name', ['firstName', 'middleName', 'lastName'], ' '],
  ['nickName', ['nickName'], ''],
  ['mobile', ['mobilePhoneNumber'], ''],
  ['homePhone', ['homePhoneNumber'], ''],
  ['workPhone', ['workPhoneNumber'], ''],
  ['homeFax', ['homeFaxNumber'], ''],
  ['workFax', ['workFaxNumber'], ''],
  ['hostNumber', ['hostNumber'], ''],
  ...(['', 'work', 'home'] as const).map((p): [StringKey, ContactKey[], string] => [
    p ? (`${p}Address` as const) : 'address',
    ADDRESS.map((f) => (p ? `${p}Address${f}` : `address${f}`) as ContactKey),
    ', ',
  ]),
  ['organization', ['organization'], ''],
  ['jobTitle', ['title'], ''],
  ['email', ['email'], ''],
  ['website', ['url'], ''],
  ['remark', ['remark'], ''],
];

export function addPhoneContact(ctx: Ctx, o: AddPhoneContactParams): Promise<boolean> {
  return ctx.open('addPhoneContact', 'sheet', false, (d) => {
    d.el.append(lbl('div', 'addContact', 'hd'));
    if (safeImage(o.photoFilePath)) {
      const img = h('img', 'ph');
      img.alt = '';
      img.src = o.photoFilePath;
      d.el.append(img);
    }
    for (const [key, fields, sep] of CONTACT_ROWS) {
      const value = fields.map((f) => str(o[f]).trim()).filter(Boolean).join(sep);
      if (value) d.el.append(kv(key, value));
    }
    footer(d, btn('cancel', { k: 'cancel' }, '', () => d.done(false)), btn('ok', { k: 'save' }, '', () => d.done(true)));
  });
}

export function makePhoneCall(ctx: Ctx, number: string): Promise<void> {
  return ctx.open<void>('makePhoneCall', 'page', undefined, (d) => {
    const hang = btn('close', { k: 'hangUp' }, 'hang', () => d.done());
    d.primary = hang;
    d.el.classList.add('dial');
    d.el.append(lbl('div', 'calling'), h('div', 'num', str(number)), hang);
  });
}

export function openLocation(ctx: Ctx, o: Parameters<EmulatorUi['openLocation']>[0]): Promise<void> {
  const coord = (n: number) => (Number.isFinite(Number(n)) ? Number(n).toFixed(6) : str(n));
  void ctx.open<void>('openLocation', 'page', undefined, (d) => {
    const pin = h('div', 'pin');
    pin.setAttribute('aria-hidden', 'true');
    d.el.append(pageTop(d, str(o.name) || `${coord(o.latitude)}, ${coord(o.longitude)}`), h('div', 'map', pin));
    if (o.name) d.el.append(kv('name', str(o.name)));
    if (o.address) d.el.append(kv('address', str(o.address)));
    d.el.append(kv('latitude', coord(o.latitude)), kv('longitude', coord(o.longitude)), kv('scale', str(o.scale)));
  });
  return Promise.resolve();
}
