import { afterEach, describe, expect, it } from 'vitest';
import { button, cleanup, click, dlg, key, mount } from './helpers.js';

afterEach(cleanup);

describe('alert', () => {
  it('shows title, content and the button; OK resolves and closes', async () => {
    const ui = mount();
    const p = ui.alert({ title: 'Tips', content: 'Line 1\nLine 2', buttonText: 'Show' });
    const d = dlg(ui, 'alert');
    expect(d.textContent).toContain('Tips');
    expect(d.textContent).toContain('Line 1\nLine 2');
    expect(button(d, 'ok').textContent).toBe('Show');
    expect(button(d, 'ok').type).toBe('button');
    click(d, 'ok');
    await expect(p).resolves.toBeUndefined();
    expect(ui.root.querySelector('[data-dialog]')).toBeNull();
  });

  it('Esc and Enter both resolve', async () => {
    const ui = mount();
    const a = ui.alert({ buttonText: 'OK' });
    key(dlg(ui, 'alert'), 'Escape');
    await expect(a).resolves.toBeUndefined();
    const b = ui.alert({ buttonText: 'OK' });
    key(ui.root, 'Enter');
    await expect(b).resolves.toBeUndefined();
  });

  it('focuses the button and gives focus back on close', async () => {
    const ui = mount();
    const outside = document.createElement('button');
    document.body.append(outside);
    outside.focus();
    const p = ui.alert({ buttonText: 'OK' });
    expect(ui.root.activeElement).toBe(button(dlg(ui, 'alert'), 'ok'));
    click(dlg(ui, 'alert'), 'ok');
    await p;
    expect(document.activeElement).toBe(outside);
  });
});

describe('confirm', () => {
  it('confirm → true, cancel → false, Esc → false, Enter → true', async () => {
    const ui = mount();
    const opts = { title: 'T', content: 'C', confirmButtonText: 'Yes', cancelButtonText: 'No' };
    let p = ui.confirm(opts);
    expect(button(dlg(ui, 'confirm'), 'confirm').textContent).toBe('Yes');
    expect(button(dlg(ui, 'confirm'), 'cancel').textContent).toBe('No');
    click(dlg(ui, 'confirm'), 'confirm');
    expect(await p).toBe(true);
    p = ui.confirm(opts);
    click(dlg(ui, 'confirm'), 'cancel');
    expect(await p).toBe(false);
    p = ui.confirm(opts);
    key(dlg(ui, 'confirm'), 'Escape');
    expect(await p).toBe(false);
    p = ui.confirm(opts);
    key(dlg(ui, 'confirm'), 'Enter');
    expect(await p).toBe(true);
  });

  it('Enter on a focused Cancel button presses Cancel, not the primary', async () => {
    const ui = mount();
    const p = ui.confirm({ confirmButtonText: 'Yes', cancelButtonText: 'No' });
    const cancel = button(dlg(ui, 'confirm'), 'cancel');
    cancel.focus();
    key(cancel, 'Enter');
    expect(await p).toBe(false);
  });
});

describe('prompt', () => {
  const base = { title: 'Name', message: 'Enter it', placeholder: 'John', align: 'left' as const, okButtonText: 'Go', cancelButtonText: 'Skip' };

  it('has an input with the placeholder, focused; OK resolves its value', async () => {
    const ui = mount();
    const p = ui.prompt(base);
    const d = dlg(ui, 'prompt');
    const input = d.querySelector('input')!;
    expect(input.placeholder).toBe('John');
    expect(ui.root.activeElement).toBe(input);
    expect(d.querySelector('.tx')!.classList.contains('left')).toBe(true);
    input.value = 'Ali';
    click(d, 'ok');
    expect(await p).toBe('Ali');
  });

  it('Enter in the input confirms; cancel and Esc give null', async () => {
    const ui = mount();
    let p = ui.prompt({ ...base, align: 'center' });
    const input = dlg(ui, 'prompt').querySelector('input')!;
    input.value = 'typed';
    key(input, 'Enter');
    expect(await p).toBe('typed');
    p = ui.prompt(base);
    click(dlg(ui, 'prompt'), 'cancel');
    expect(await p).toBeNull();
    p = ui.prompt(base);
    key(ui.root, 'Escape');
    expect(await p).toBeNull();
  });

  it('right alignment', () => {
    const ui = mount();
    void ui.prompt({ ...base, align: 'right' });
    expect(dlg(ui, 'prompt').querySelector('.tx.right')).not.toBeNull();
  });
});

describe('stacking', () => {
  it('the topmost dialog gets the keyboard; the one below stays until its turn', async () => {
    const ui = mount();
    const first = ui.confirm({ confirmButtonText: 'A', cancelButtonText: 'B' });
    const second = ui.prompt({ message: 'm', align: 'center', okButtonText: 'OK', cancelButtonText: 'C' });
    let firstDone = false;
    void first.then(() => (firstDone = true));
    key(ui.root, 'Escape');
    expect(await second).toBeNull();
    await Promise.resolve();
    expect(firstDone).toBe(false);
    expect(ui.root.activeElement).toBe(button(dlg(ui, 'confirm'), 'confirm'));
    key(ui.root, 'Enter');
    expect(await first).toBe(true);
  });

  it('Tab stays inside the topmost dialog', () => {
    const ui = mount();
    void ui.confirm({ confirmButtonText: 'A', cancelButtonText: 'B' });
    const d = dlg(ui, 'confirm');
    button(d, 'confirm').focus();
    key(button(d, 'confirm'), 'Tab');
    expect(ui.root.activeElement).toBe(button(d, 'cancel'));
    key(button(d, 'cancel'), 'Tab', { shiftKey: true });
    expect(ui.root.activeElement).toBe(button(d, 'confirm'));
  });
});

describe('focus with several dialogs', () => {
  it('closing a lower dialog leaves focus in the one above', async () => {
    const ui = mount();
    const lower = ui.cashier({ paymentUrl: 'https://x' });
    void ui.prompt({ message: 'm', align: 'center', okButtonText: 'OK', cancelButtonText: 'C' });
    const input = dlg(ui, 'prompt').querySelector('input')!;
    expect(ui.root.activeElement).toBe(input);
    click(dlg(ui, 'cashier'), 'pay');
    expect(await lower).toBe('pay');
    expect(ui.root.activeElement).toBe(input);
  });
});
