import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, dlg, mount } from './helpers.js';

afterEach(cleanup);

const X = '<img src=x onerror=alert(1)><script>alert(2)</script>';
const A = '"><svg onload=alert(3)>';

/** No element came from page strings: no img/script/svg/iframe anywhere, nothing with on* attributes. */
function expectInert(root: ShadowRoot) {
  expect(root.querySelectorAll('img[src], script, svg, iframe, object, embed')).toHaveLength(0);
  for (const el of Array.from(root.querySelectorAll('*'))) {
    for (const a of Array.from(el.attributes)) expect(a.name.startsWith('on')).toBe(false);
  }
}

describe('hostile page strings are text', () => {
  it('alert / confirm / prompt', () => {
    const ui = mount();
    void ui.alert({ title: X, content: A, buttonText: X });
    void ui.confirm({ title: X, content: X, confirmButtonText: A, cancelButtonText: X });
    void ui.prompt({ title: X, message: X, placeholder: A, align: 'center', okButtonText: X, cancelButtonText: A });
    for (const name of ['alert', 'confirm', 'prompt']) expect(dlg(ui, name).textContent).toContain(X);
    expect(dlg(ui, 'prompt').querySelector('input')!.placeholder).toBe(A);
    expectInert(ui.root);
  });

  it('sheets, pickers and pages', async () => {
    const ui = mount('en', X);
    void ui.actionSheet({ title: X, items: [X, A], cancelButtonText: X, badges: [{ index: 0, type: 'text', text: X }] });
    void ui.multiLevelSelect({ title: X, list: [{ name: X, subList: [{ name: A }] }] });
    void ui.choosePhoneContact([{ name: X, mobile: A }]);
    void ui.chooseLocation([{ name: X, address: A, latitude: 1, longitude: 2 }]);
    void ui.addPhoneContact({ firstName: X, remark: A, url: X, photoFilePath: 'javascript:alert(1)' });
    void ui.makePhoneCall(X);
    void ui.consent({ scopes: [X, A], appName: X, role: 'customer' });
    void ui.cashier({ paymentUrl: X, orderId: X, amount: A });
    void ui.signing({ authUrl: X });
    void ui.share({ title: X, desc: X, path: A, imageUrl: X });
    await ui.previewImage({ urls: [X, A], current: 0 });
    await ui.openDocument({ url: X, name: X });
    await ui.openLocation({ latitude: 1, longitude: 2, name: X, address: A, scale: 15 });
    void ui.scan({ type: 'qr', hideAlbum: false, fixture: 'FX' });
    void ui.pickFiles({ accept: X, multiple: true, fixtures: [] });
    void ui.datePicker({ format: 'yyyy-MM-dd', current: X, start: X, end: A });
    await ui.showToast({ content: X, type: 'none', duration: 1000 });
    ui.showLoading({ content: X, delay: 0 });
    ui.setTitleBar({ title: X, image: X, backgroundColor: X, borderBottomColor: A });
    for (const name of [
      'actionSheet', 'multiLevelSelect', 'choosePhoneContact', 'chooseLocation', 'addPhoneContact', 'makePhoneCall',
      'consent', 'cashier', 'signing', 'share', 'openDocument', 'openLocation', 'pickFiles', 'showToast', 'showLoading',
    ]) {
      expect(dlg(ui, name).textContent, name).toContain(X);
    }
    expect(ui.root.querySelector('.bar-title')!.textContent).toBe(X);
    expect(ui.root.querySelector('.app')!.textContent).toBe(X);
    expectInert(ui.root);
    expect(ui.root.querySelectorAll('[style]')).toHaveLength(0);
    expect(dlg(ui, 'pickFiles').querySelector('input[type=file]')!.getAttribute('accept')).toBe(X);
  });

  it('URL schemes other than http(s), blob: and data:image are never loaded', async () => {
    const ui = mount();
    for (const bad of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', '//evil.example/x.png', 'vbscript:x']) {
      await ui.previewImage({ urls: [bad], current: 0 });
      void ui.share({ title: 't', imageUrl: bad });
      ui.setTitleBar({ title: 't', image: bad });
      await ui.openDocument({ url: bad, name: 'd.pdf' });
      void ui.addPhoneContact({ photoFilePath: bad });
    }
    expectInert(ui.root);
  });
});
