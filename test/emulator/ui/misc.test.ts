import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, click, dlg, key, mount, texts } from './helpers.js';

afterEach(() => {
  vi.useRealTimers();
  cleanup();
});

const toast = (ui: ReturnType<typeof mount>) => ui.root.querySelector<HTMLElement>('[data-dialog="showToast"]');
const loading = (ui: ReturnType<typeof mount>) => ui.root.querySelector<HTMLElement>('[data-dialog="showLoading"]');

describe('toast', () => {
  it('shows content and the type icon, then hides itself after duration', async () => {
    vi.useFakeTimers();
    const ui = mount();
    await ui.showToast({ content: 'Saved', type: 'success', duration: 1500 });
    expect(toast(ui)!.textContent).toBe('✓Saved');
    vi.advanceTimersByTime(1499);
    expect(toast(ui)).not.toBeNull();
    vi.advanceTimersByTime(1);
    expect(toast(ui)).toBeNull();
  });

  it('icons per type; a new toast replaces the old; hideToast hides', async () => {
    vi.useFakeTimers();
    const ui = mount();
    await ui.showToast({ content: 'x', type: 'fail', duration: 5000 });
    expect(toast(ui)!.querySelector('.ti')!.textContent).toBe('✕');
    await ui.showToast({ content: 'y', type: 'exception', duration: 5000 });
    expect(ui.root.querySelectorAll('[data-dialog="showToast"]')).toHaveLength(1);
    expect(toast(ui)!.querySelector('.ti')!.textContent).toBe('!');
    await ui.showToast({ content: 'z', type: 'none', duration: 5000 });
    expect(toast(ui)!.querySelector('.ti')).toBeNull();
    ui.hideToast();
    expect(toast(ui)).toBeNull();
    vi.advanceTimersByTime(10000);
    expect(toast(ui)).toBeNull();
  });
});

describe('loading', () => {
  it('no delay: shown at once with content, blocks clicks with an overlay, hideLoading hides', () => {
    const ui = mount();
    ui.showLoading({ content: 'Working', delay: 0 });
    const el = loading(ui)!;
    expect(el.classList.contains('loading')).toBe(true);
    expect(el.textContent).toBe('Working');
    ui.hideLoading();
    expect(loading(ui)).toBeNull();
  });

  it('delay: not shown if hideLoading comes first; shown after the delay otherwise', () => {
    vi.useFakeTimers();
    const ui = mount();
    ui.showLoading({ delay: 500 });
    vi.advanceTimersByTime(499);
    expect(loading(ui)).toBeNull();
    ui.hideLoading();
    vi.advanceTimersByTime(1000);
    expect(loading(ui)).toBeNull();
    ui.showLoading({ delay: 500 });
    vi.advanceTimersByTime(500);
    expect(loading(ui)!.textContent).toBe('Loading…');
    ui.showLoading({ content: 'Again', delay: 0 });
    expect(ui.root.querySelectorAll('[data-dialog="showLoading"]')).toHaveLength(1);
    ui.hideLoading();
    expect(loading(ui)).toBeNull();
  });
});

describe('addPhoneContact', () => {
  it('summarises the given fields read-only; save → true, cancel/Esc → false', async () => {
    const ui = mount();
    const o = { firstName: 'Ali', lastName: 'Hassan', mobilePhoneNumber: '0770', addressCity: 'Baghdad', addressCountry: 'Iraq', email: 'a@b.iq', title: 'Engineer' };
    let p = ui.addPhoneContact(o);
    const d = dlg(ui, 'addPhoneContact');
    expect(d.querySelector('input,textarea')).toBeNull();
    expect(texts(d, '.kv')).toEqual(['NameAli Hassan', 'Mobile0770', 'AddressBaghdad, Iraq', 'Job titleEngineer', 'Emaila@b.iq']);
    click(d, 'ok');
    expect(await p).toBe(true);
    p = ui.addPhoneContact(o);
    click(dlg(ui, 'addPhoneContact'), 'cancel');
    expect(await p).toBe(false);
    p = ui.addPhoneContact({});
    key(ui.root, 'Escape');
    expect(await p).toBe(false);
  });
});

describe('makePhoneCall', () => {
  it('shows the number and resolves when closed', async () => {
    const ui = mount();
    let done = false;
    const p = ui.makePhoneCall('+964 770 123 4567').then(() => (done = true));
    const d = dlg(ui, 'makePhoneCall');
    expect(d.textContent).toContain('+964 770 123 4567');
    await Promise.resolve();
    expect(done).toBe(false);
    click(d, 'close');
    await p;
    expect(done).toBe(true);
  });
});

describe('openLocation', () => {
  it('resolves when opened, shows coordinates/name/address, loads nothing', async () => {
    const ui = mount();
    await ui.openLocation({ latitude: 33.3152, longitude: 44.3661, name: 'Tahrir Square', address: 'Baghdad', scale: 15 });
    const d = dlg(ui, 'openLocation');
    for (const t of ['Tahrir Square', 'Baghdad', '33.315200', '44.366100', '15']) expect(d.textContent).toContain(t);
    expect(d.querySelector('img,iframe,object,script')).toBeNull();
    click(d, 'close');
    expect(ui.root.querySelector('[data-dialog]')).toBeNull();
  });
});
