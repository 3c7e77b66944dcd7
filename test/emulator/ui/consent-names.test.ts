/**
 * The consent sheet names scopes for the person asked, in the UI language, never as raw codes: every
 * scope that needs consent (the getAuthCode page's tables, minus the silent ones) has an English and
 * an Arabic name, the names follow a live language switch, and a code without a name stays readable.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { stringsFor } from '../../../src/emulator/ui/strings.js';
import { BUSINESS_SCOPES, CUSTOMER_SCOPES, SILENT_SCOPES } from '../../../src/table/scopes.js';
import { cleanup, click, dlg, mount, texts } from './helpers.js';

afterEach(cleanup);

const ASKED = [...new Set([...CUSTOMER_SCOPES, ...BUSINESS_SCOPES])].filter((s) => !(SILENT_SCOPES as readonly string[]).includes(s));
const ARABIC = /[\u0600-\u06ff]/;

describe('consent: scope names', () => {
  it('every scope that asks for consent has a name in en and ar (no code shown)', () => {
    expect(ASKED.length).toBeGreaterThanOrEqual(15);
    const en = stringsFor('en') as Record<string, string>;
    const ar = stringsFor('ar') as Record<string, string>;
    for (const scope of ASKED) {
      expect(en[scope], scope).toBeTruthy();
      expect(en[scope], scope).not.toBe(scope);
      expect(en[scope], scope).not.toMatch(/_/);
      expect(ar[scope], scope).toMatch(ARABIC);
    }
  });

  it('the sheet shows them in English, then in Arabic after a language switch', async () => {
    const ui = mount('en');
    const p = ui.consent({ scopes: ['USER_NAME', 'CARD_LIST', 'AGREEMENT_PAY'], appName: 'Shop', role: 'customer' });
    const d = dlg(ui, 'consent');
    expect(texts(d, 'li')).toEqual(['Your name', 'Your linked cards', 'Automatic payments']);
    ui.setLanguage('ar');
    expect(texts(d, 'li')).toEqual(['اسمك', 'بطاقاتك المرتبطة', 'الدفع التلقائي']);
    click(d, 'allow');
    expect(await p).toBe(true);
  });

  it('business scopes in Arabic; a scope without a name shows its code as text', () => {
    const ui = mount('ar');
    void ui.consent({ scopes: ['MERCHANT_NAME', 'NOTIFICATION_WhatsApp', 'NEW_SCOPE<b>'], appName: 'متجر', role: 'business' });
    const d = dlg(ui, 'consent');
    expect(texts(d, 'li')).toEqual(['اسم نشاطك التجاري', 'رسائل واتساب', 'NEW_SCOPE<b>']);
    expect(d.querySelector('li b')).toBeNull();
  });

  it('in Arabic the list is right-to-left (no per-item override back to left-to-right)', () => {
    const ui = mount('ar');
    void ui.consent({ scopes: ['USER_NAME', 'NEW_SCOPE'], appName: 'Shop', role: 'customer' });
    const li = dlg(ui, 'consent').querySelector('li')!;
    expect(li.closest('[dir]')!.getAttribute('dir')).toBe('rtl');
    const sheet = Array.from(ui.root.querySelectorAll('style'), (s) => s.textContent).join('') +
      Array.from((ui.root as ShadowRoot).adoptedStyleSheets ?? [], (s) => Array.from(s.cssRules, (r) => r.cssText).join('')).join('');
    expect(sheet).toContain('.scopes li');
    // `unicode-bidi: plaintext` would let a Latin code flip its line back to left-aligned
    expect(sheet).not.toMatch(/\.scopes li[^{]*\{[^}]*plaintext|\.scopes li,/);
  });
});
