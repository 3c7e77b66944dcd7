/**
 * The whole stack in dom mode: page code calls the wrappers, the emulator opens its real dialogs in the
 * shadow root, a "user" clicks, and the page gets the documented answer.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { install, uninstall, type Emulator } from '../../src/emulator/index.js';
import type { DomUi } from '../../src/emulator/ui/dom-ui.js';
import {
  alert,
  confirm,
  prompt,
  showActionSheet,
  datePicker,
  multiLevelSelect,
  choosePhoneContact,
  getAuthCode,
  tradePay,
  qicardSignContract,
  qicardShareAppMessage,
  chooseLocation,
  scan,
  isUserCancelledError,
  resetConfig,
  resetTransport,
  type SuperQiError,
} from '../../src/index.js';
import { memoryStorage } from '../../src/emulator/engine.js';

let em: Emulator;
const root = () => (em.ui as DomUi).root;

/** Waits until the dialog `name` is open, then returns it. */
async function open(name: string): Promise<HTMLElement> {
  for (let i = 0; i < 200; i++) {
    const el = root().querySelector<HTMLElement>(`[data-dialog="${name}"]`);
    if (el) return el;
    await new Promise((r) => setTimeout(r, 1));
  }
  throw new Error(`dialog ${name} never opened`);
}
const click = (el: ParentNode, action: string) => {
  const b = el.querySelector<HTMLButtonElement>(`[data-action="${action}"]`);
  if (!b) throw new Error(`no button ${action}`);
  b.click();
};

function setup(language: 'en' | 'ar' = 'en') {
  em = install({ ui: 'dom', storage: memoryStorage(), profile: { language } });
}

afterEach(() => {
  uninstall();
  resetTransport();
  resetConfig();
  document.body.replaceChildren();
});

describe('dom mode through the wrappers', () => {
  it('alert OK resolves; confirm Cancel → false; prompt types and OKs', async () => {
    setup();
    const a = alert({ title: 'T', content: 'C', buttonText: 'Got it' });
    const dialog = await open('alert');
    expect(dialog.textContent).toContain('Got it');
    click(dialog, 'ok');
    await expect(a).resolves.toBeDefined();

    const c = confirm({ content: 'Sure?' });
    click(await open('confirm'), 'cancel');
    expect(await c).toEqual({ confirm: false });

    const p = prompt({ message: 'Name?', placeholder: 'Ali' });
    const pd = await open('prompt');
    const input = pd.querySelector('input')!;
    expect(input.placeholder).toBe('Ali');
    input.value = 'Zainab';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    click(pd, 'ok');
    expect(await p).toEqual({ ok: true, inputValue: 'Zainab' });
  });

  it('action sheet item 2; cancel → -1', async () => {
    setup();
    const s = showActionSheet({ items: ['Edit', 'Share', 'Delete'], destructiveButtonIndex: 2 });
    click(await open('actionSheet'), 'item-2');
    expect(await s).toEqual({ index: 2 });
    em.setProfile({ device: { ...em.profile.device, platform: 'iOS' } }); // Android shows no cancel button
    const s2 = showActionSheet({ items: ['a'] });
    click(await open('actionSheet'), 'cancel');
    expect(await s2).toEqual({ index: -1 });
  });

  it('datePicker picks the shown date in its format; cancel → error 11 (UserCancelledError)', async () => {
    setup();
    const d = datePicker({ format: 'yyyy-MM-dd', currentDate: '2024-03-15', startDate: '2024-01-01', endDate: '2024-12-31' });
    click(await open('datePicker'), 'ok');
    expect(await d).toEqual({ date: '2024-03-15' });
    const d2 = datePicker({});
    click(await open('datePicker'), 'cancel');
    const e = await d2.catch((x: SuperQiError) => x);
    expect(isUserCancelledError(e) && e.code).toBe(11);
  });

  it('multiLevelSelect drills down to a leaf; cancel answers success:false', async () => {
    setup();
    const list = [{ name: 'Baghdad', subList: [{ name: 'Karkh', subList: [{ name: 'Mansour' }] }, { name: 'Rusafa' }] }];
    const m = multiLevelSelect({ title: 'Area', list });
    const dialog = await open('multiLevelSelect');
    click(dialog, 'pick-0');
    click(dialog, 'pick-0');
    click(dialog, 'pick-0');
    expect(await m).toEqual({ success: true, result: [{ name: 'Baghdad' }, { name: 'Karkh' }, { name: 'Mansour' }] });
    const m2 = multiLevelSelect({ list });
    click(await open('multiLevelSelect'), 'cancel');
    expect(await m2).toEqual({ success: false });
  });

  it('choosePhoneContact picks from the fixture phone book', async () => {
    setup();
    const c = choosePhoneContact();
    click(await open('choosePhoneContact'), 'pick-1');
    expect(await c).toEqual({ name: 'زينب كريم', mobile: '07801234567' });
  });

  it('consent deny → 1001 with authErrorScopes; allow → authCode; silent scopes ask nothing', async () => {
    setup();
    const denied = getAuthCode({ scopes: ['auth_base', 'USER_NAME'] });
    click(await open('consent'), 'deny');
    const e = await denied.catch((x: SuperQiError & { authErrorScopes?: unknown }) => x);
    expect(isUserCancelledError(e) && e.code).toBe(1001);
    expect(e.authErrorScopes).toMatchObject({ USER_NAME: '10001' });

    const allowed = getAuthCode({ scopes: ['USER_NAME'] });
    click(await open('consent'), 'allow');
    expect((await allowed).authCode).toMatch(/^\w{33}$/);

    const silent = await getAuthCode({ scopes: ['auth_base', 'USER_ID'] });
    expect(silent.authCode).toBeTruthy();
    expect(root().querySelector('[data-dialog="consent"]')).toBeNull();
  });

  it('cashier: Pay → 9000 success, Cancel → 6001 cancelled, Fail → 4000, Pending → 8000; order and amount shown', async () => {
    setup();
    const outcomes: [string, string, string][] = [
      ['pay', '9000', 'success'],
      ['cancel', '6001', 'cancelled'],
      ['fail', '4000', 'failed'],
      ['pending', '8000', 'processing'],
    ];
    for (const [action, resultCode, status] of outcomes) {
      const p = tradePay({ paymentUrl: 'https://cashier.example/pay?orderId=ORD-7&amount=25000' });
      const cashier = await open('cashier');
      expect(cashier.textContent).toContain('ORD-7');
      expect(cashier.textContent).toContain('25');
      click(cashier, action);
      expect(await p).toEqual({ resultCode, status });
    }
  });

  it('signing: Sign → authCode; Cancel → 6001', async () => {
    setup();
    const s = qicardSignContract({ authUrl: 'https://wallet.example/sign?contract=1' });
    click(await open('signing'), 'sign');
    expect((await s).authCode).toMatch(/^[0-9A-F]{32}$/);
    const s2 = qicardSignContract({ authUrl: 'https://wallet.example/sign?contract=2' });
    click(await open('signing'), 'cancel');
    const e = await s2.catch((x: SuperQiError) => x);
    expect(isUserCancelledError(e) && e.code).toBe('6001');
  });

  it('share sheet → shareResult; chooseLocation pick; scan typed code; cancel → 10', async () => {
    setup();
    const sh = qicardShareAppMessage({ title: 'Come' });
    click(await open('share'), 'share');
    expect(await sh).toEqual({ shareResult: true });

    const loc = chooseLocation();
    click(await open('chooseLocation'), 'pick-0');
    expect(await loc).toMatchObject({ name: 'Tahrir Square', latitude: 33.3333, longitude: 44.4333 });

    const sc = scan({ type: 'qr' });
    const scanner = await open('scan');
    const input = scanner.querySelector('input:not([type=file])') as HTMLInputElement;
    input.value = 'QR-123';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    click(scanner, 'ok');
    expect(await sc).toMatchObject({ code: 'QR-123', qrCode: 'QR-123' });

    const sc2 = scan();
    click(await open('scan'), 'cancel');
    const e = await sc2.catch((x: SuperQiError) => x);
    expect(isUserCancelledError(e) && e.code).toBe(10);
  });

  it('Esc cancels the open dialog; Arabic profile lays the frame out right-to-left', async () => {
    setup('ar');
    const frame = root().querySelector('[dir]');
    expect(frame?.getAttribute('dir')).toBe('rtl');
    const c = confirm({ content: 'متأكد؟' });
    const dialog = await open('confirm');
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(await c).toEqual({ confirm: false });
  });
});
