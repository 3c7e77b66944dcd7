import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, click, dlg, key, mount, texts } from './helpers.js';

afterEach(cleanup);

describe('consent', () => {
  it('lists scopes with the app name; allow → true, deny/Esc → false', async () => {
    const ui = mount();
    const o = { scopes: ['USER_NAME', 'USER_AVATAR'], appName: 'Shop', role: 'customer' as const };
    let p = ui.consent(o);
    const d = dlg(ui, 'consent');
    expect(d.querySelector('.hd')!.textContent).toBe('Shop wants to access');
    expect(texts(d, 'li')).toEqual(['Your name', 'Your profile photo']);
    expect(d.textContent).toContain('Customer');
    click(d, 'allow');
    expect(await p).toBe(true);
    p = ui.consent({ ...o, role: 'business' });
    expect(dlg(ui, 'consent').textContent).toContain('Business');
    click(dlg(ui, 'consent'), 'deny');
    expect(await p).toBe(false);
    p = ui.consent(o);
    key(ui.root, 'Escape');
    expect(await p).toBe(false);
    p = ui.consent(o);
    key(ui.root, 'Enter');
    expect(await p).toBe(true);
  });
});

describe('cashier', () => {
  const o = { paymentUrl: 'https://pay.qi.iq/cashier?orderId=42&amount=1000', orderId: '42', amount: '1,000' };

  it('shows amount, order id, merchant and the URL host', () => {
    const ui = mount('en', 'My Shop');
    void ui.cashier(o);
    const d = dlg(ui, 'cashier');
    expect(d.querySelector('.amt')!.textContent).toBe('1,000 IQD');
    expect(d.textContent).toContain('42');
    expect(d.textContent).toContain('My Shop');
    expect(d.textContent).toContain('pay.qi.iq');
    expect(d.textContent).not.toContain('orderId=42');
  });

  for (const action of ['pay', 'cancel', 'fail', 'pending'] as const) {
    it(`${action} resolves '${action}'`, async () => {
      const ui = mount();
      const p = ui.cashier(o);
      click(dlg(ui, 'cashier'), action);
      expect(await p).toBe(action);
    });
  }

  it('Esc → cancel, Enter → pay; no amount/order shown when absent; a bad URL is shown as text', async () => {
    const ui = mount();
    let p = ui.cashier({ paymentUrl: 'not a url' });
    const d = dlg(ui, 'cashier');
    expect(d.querySelector('.amt')).toBeNull();
    expect(d.textContent).toContain('not a url');
    key(d, 'Escape');
    expect(await p).toBe('cancel');
    p = ui.cashier(o);
    key(ui.root, 'Enter');
    expect(await p).toBe('pay');
  });
});

describe('signing', () => {
  for (const action of ['sign', 'cancel', 'network-error', 'fail'] as const) {
    it(`${action} resolves '${action}'`, async () => {
      const ui = mount();
      const p = ui.signing({ authUrl: 'https://wallet.example.com/sign?contract=1' });
      expect(dlg(ui, 'signing').textContent).toContain('wallet.example.com');
      click(dlg(ui, 'signing'), action);
      expect(await p).toBe(action);
    });
  }

  it('Esc → cancel', async () => {
    const ui = mount();
    const p = ui.signing({ authUrl: 'https://x.example' });
    key(ui.root, 'Escape');
    expect(await p).toBe('cancel');
  });
});
