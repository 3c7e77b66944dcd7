import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDomUi } from '../../../src/emulator/ui/dom-ui.js';
import { button, cleanup, click, dlg, key, mount } from './helpers.js';

afterEach(() => {
  vi.useRealTimers();
  cleanup();
});

describe('frame', () => {
  it('lives in an open shadow root appended to document.body, with an EMULATOR mark and a title bar', () => {
    const ui = mount('en', 'Coffee');
    expect(ui.kind).toBe('dom');
    expect(ui.host.parentElement).toBe(document.body);
    expect(ui.host.shadowRoot).toBe(ui.root);
    expect(ui.root.mode).toBe('open');
    expect(ui.root.querySelector('.mark')!.textContent).toBe('EMULATOR');
    expect(ui.root.querySelector('.bar-title')!.textContent).toBe('Coffee');
    expect(ui.root.querySelector('.frame')!.getAttribute('dir')).toBe('ltr');
  });

  it('goes into a given container, in its flow (the frame is fixed only on document.body)', () => {
    const box = document.createElement('section');
    document.body.append(box);
    const ui = createDomUi({ container: box, language: 'en', appName: 'A' });
    expect(ui.host.parentElement).toBe(box);
    expect(ui.root.querySelector('.frame')!.classList.contains('inline')).toBe(true);
    expect(mount().root.querySelector('.frame')!.classList.contains('inline')).toBe(false);
    ui.destroy();
    expect(box.children).toHaveLength(0);
  });

  it('applies its CSS as an adopted constructable stylesheet (CSP-safe); no style attributes anywhere', () => {
    const ui = mount();
    expect(ui.root.querySelector('style')).toBeNull();
    expect(ui.root.adoptedStyleSheets).toHaveLength(1);
    void ui.confirm({ confirmButtonText: 'a', cancelButtonText: 'b' });
    expect(ui.root.querySelectorAll('[style]')).toHaveLength(0);
  });

  it('falls back to a <style> element when constructable stylesheets fail', () => {
    vi.spyOn(CSSStyleSheet.prototype, 'replaceSync').mockImplementation(() => {
      throw new Error('unsupported');
    });
    const ui = mount();
    expect(ui.root.querySelectorAll('style')).toHaveLength(1);
    expect(ui.root.querySelector('style')!.textContent).toContain('.frame{');
    expect(ui.root.adoptedStyleSheets).toHaveLength(0);
  });

  it('minimizes and expands; a dialog expands it', () => {
    const ui = mount();
    const frame = ui.root.querySelector('.frame')!;
    click(ui.root, 'minimize');
    expect(frame.classList.contains('min')).toBe(true);
    click(ui.root, 'minimize');
    expect(frame.classList.contains('min')).toBe(false);
    click(ui.root, 'minimize');
    void ui.alert({ buttonText: 'OK' });
    expect(frame.classList.contains('min')).toBe(false);
  });
});

describe('setTitleBar', () => {
  const bar = (ui: ReturnType<typeof mount>) => ui.root.querySelector<HTMLElement>('.bar')!;
  const title = (ui: ReturnType<typeof mount>) => ui.root.querySelector<HTMLElement>('.bar-title')!;
  const img = (ui: ReturnType<typeof mount>) => bar(ui).querySelector('img')!;

  it('sets title, background (border follows it) and text contrast', () => {
    const ui = mount();
    ui.setTitleBar({ title: 'Pay', backgroundColor: '#108ee9', borderBottomColor: '#ff0000' });
    expect(title(ui).textContent).toBe('Pay');
    expect(bar(ui).style.getPropertyValue('background-color')).toBe('#108ee9');
    expect(bar(ui).style.getPropertyValue('border-bottom-color')).toBe('#108ee9');
    expect(bar(ui).classList.contains('dark')).toBe(true);
    ui.setTitleBar({ title: 'Pay', backgroundColor: 'white' });
    expect(bar(ui).classList.contains('dark')).toBe(false);
  });

  it('border colour alone; rgb(); an image hides the title', () => {
    const ui = mount();
    ui.setTitleBar({ title: 'T', borderBottomColor: 'rgb(1, 2, 3)' });
    expect(bar(ui).style.getPropertyValue('background-color')).toBe('');
    expect(bar(ui).style.getPropertyValue('border-bottom-color')).toBe('rgb(1, 2, 3)');
    ui.setTitleBar({ title: 'T', image: 'https://example.com/h@3x.png' });
    expect(img(ui).getAttribute('src')).toBe('https://example.com/h@3x.png');
    expect(img(ui).hidden).toBe(false);
    expect(title(ui).hidden).toBe(true);
  });

  it('reset restores default colours and drops the image, keeping the title', () => {
    const ui = mount();
    ui.setTitleBar({ title: 'Kept', image: 'https://e.com/a.png', backgroundColor: '#000', borderBottomColor: '#f00' });
    ui.setTitleBar('reset');
    expect(title(ui).textContent).toBe('Kept');
    expect(title(ui).hidden).toBe(false);
    expect(img(ui).hidden).toBe(true);
    expect(img(ui).hasAttribute('src')).toBe(false);
    expect(bar(ui).style.getPropertyValue('background-color')).toBe('');
    expect(bar(ui).style.getPropertyValue('border-bottom-color')).toBe('');
    expect(bar(ui).classList.contains('dark')).toBe(false);
  });

  it('refuses colours that are not hex / rgb() / plain names, and non-http images', () => {
    const ui = mount();
    ui.setTitleBar({
      title: 'T',
      image: 'javascript:alert(1)',
      backgroundColor: 'red;background-image:url(https://evil.example/x)',
      borderBottomColor: 'url(x)',
    });
    expect(bar(ui).style.getPropertyValue('background-color')).toBe('');
    expect(bar(ui).style.getPropertyValue('background-image')).toBe('');
    expect(bar(ui).style.getPropertyValue('border-bottom-color')).toBe('');
    expect(img(ui).hasAttribute('src')).toBe(false);
    expect(title(ui).hidden).toBe(false);
  });
});

describe('Arabic', () => {
  it('sets dir=rtl and lang=ar and shows Arabic labels', async () => {
    const ui = mount('ar');
    const frame = ui.root.querySelector('.frame')!;
    expect(frame.getAttribute('dir')).toBe('rtl');
    expect(frame.getAttribute('lang')).toBe('ar');
    expect(ui.root.querySelector('.mark')!.textContent).toContain('محاكي');
    const p = ui.consent({ scopes: ['USER_NAME'], appName: 'متجر', role: 'customer' });
    const d = dlg(ui, 'consent');
    expect(button(d, 'allow').textContent).toBe('سماح');
    expect(button(d, 'deny').textContent).toBe('رفض');
    expect(d.textContent).toContain('يطلب الوصول إلى');
    click(d, 'allow');
    expect(await p).toBe(true);
  });

  it('cashier and pickers in Arabic', () => {
    const ui = mount('ar');
    void ui.cashier({ paymentUrl: 'https://p.example', amount: '5000' });
    expect(button(dlg(ui, 'cashier'), 'pay').textContent).toBe('ادفع');
    expect(dlg(ui, 'cashier').querySelector('.amt')!.textContent).toBe('5000 د.ع');
    void ui.scan({ type: 'qr', hideAlbum: false, fixture: 'FX' });
    expect(dlg(ui, 'scan').querySelector('input')!.placeholder).toBe('اكتب الرمز');
    expect(button(dlg(ui, 'scan'), 'album').textContent).toBe('الألبوم');
  });

  it('setLanguage switches live, open dialogs included', () => {
    const ui = mount('en');
    void ui.share({ title: 'x' });
    const d = dlg(ui, 'share');
    expect(button(d, 'share').textContent).toBe('Share');
    ui.setLanguage('ar');
    const frame = ui.root.querySelector('.frame')!;
    expect(frame.getAttribute('dir')).toBe('rtl');
    expect(button(d, 'share').textContent).toBe('مشاركة');
    expect(button(d, 'cancel').textContent).toBe('إلغاء');
    ui.setLanguage('en');
    expect(frame.getAttribute('dir')).toBe('ltr');
    expect(frame.getAttribute('lang')).toBe('en');
    expect(button(d, 'cancel').textContent).toBe('Cancel');
  });
});

describe('destroy', () => {
  it('removes the host, settles open dialogs with their cancel values and stops timers', async () => {
    vi.useFakeTimers();
    const ui = createDomUi({ language: 'en', appName: 'A' });
    const c = ui.confirm({ confirmButtonText: 'a', cancelButtonText: 'b' });
    const s = ui.cashier({ paymentUrl: 'https://x' });
    const m = ui.multiLevelSelect({ list: [{ name: 'a' }] });
    void ui.showToast({ content: 't', type: 'none', duration: 1000 });
    ui.showLoading({ delay: 1000 });
    ui.destroy();
    expect(document.querySelector('superqi-emulator')).toBeNull();
    expect(ui.host.isConnected).toBe(false);
    expect(await c).toBe(false);
    expect(await s).toBe('cancel');
    expect(await m).toBeNull();
    expect(vi.getTimerCount()).toBe(0);
    expect(await ui.confirm({ confirmButtonText: 'a', cancelButtonText: 'b' })).toBe(false);
  });

  it('stops listening to the keyboard', () => {
    const ui = createDomUi({ language: 'en', appName: 'A' });
    const removed = vi.spyOn(ui.root, 'removeEventListener');
    ui.destroy();
    expect(removed).toHaveBeenCalledWith('keydown', expect.any(Function));
    expect(() => key(ui.root, 'Escape')).not.toThrow();
  });
});
