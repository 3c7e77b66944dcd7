import { afterEach, describe, expect, it } from 'vitest';
import { button, cleanup, click, dlg, key, mount, texts } from './helpers.js';

afterEach(cleanup);

describe('actionSheet', () => {
  it('shows title, items, cancel; item-i resolves i', async () => {
    const ui = mount();
    const p = ui.actionSheet({ title: 'Pick', items: ['Edit', 'Share', 'Delete'], cancelButtonText: 'Nope', destructiveButtonIndex: 2 });
    const d = dlg(ui, 'actionSheet');
    expect(d.textContent).toContain('Pick');
    expect(texts(d, '[data-action^="item-"]')).toEqual(['Edit', 'Share', 'Delete']);
    expect(button(d, 'item-2').classList.contains('danger')).toBe(true);
    expect(button(d, 'item-0').classList.contains('danger')).toBe(false);
    expect(button(d, 'cancel').textContent).toBe('Nope');
    click(d, 'item-1');
    expect(await p).toBe(1);
  });

  it('no cancelButtonText (Android): no cancel button; Esc still gives -1', async () => {
    const ui = mount();
    const p = ui.actionSheet({ items: ['a', 'b'], cancelButtonText: '' });
    const d = dlg(ui, 'actionSheet');
    expect(d.querySelector('[data-action="cancel"]')).toBeNull();
    key(d, 'Escape');
    expect(await p).toBe(-1);
  });

  it('cancel, Esc and a backdrop click give -1', async () => {
    const ui = mount();
    const o = { items: ['a'], cancelButtonText: 'Cancel' };
    let p = ui.actionSheet(o);
    click(dlg(ui, 'actionSheet'), 'cancel');
    expect(await p).toBe(-1);
    p = ui.actionSheet(o);
    key(dlg(ui, 'actionSheet'), 'Escape');
    expect(await p).toBe(-1);
    p = ui.actionSheet(o);
    (dlg(ui, 'actionSheet').parentElement as HTMLElement).click();
    expect(await p).toBe(-1);
  });

  it('badges: point, num 1–99 only, text, none', () => {
    const ui = mount();
    void ui.actionSheet({
      items: ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
      cancelButtonText: 'Cancel',
      badges: [
        { index: 0, type: 'point' },
        { index: 1, type: 'num', text: '5' },
        { index: 2, type: 'num', text: '100' },
        { index: 3, type: 'num', text: '1.5' },
        { index: 4, type: 'num', text: '0' },
        { index: 5, type: 'text', text: 'New' },
        { index: 6, type: 'none', text: 'x' },
      ],
    });
    const d = dlg(ui, 'actionSheet');
    expect(button(d, 'item-0').querySelector('.bd.dot')).not.toBeNull();
    expect(button(d, 'item-1').querySelector('.bd')!.textContent).toBe('5');
    for (const i of [2, 3, 4, 6]) expect(button(d, 'item-' + i).querySelector('.bd,.bt')).toBeNull();
    expect(button(d, 'item-5').querySelector('.bt')!.textContent).toBe('New');
  });
});

describe('share', () => {
  it('shows title/desc/path/image; share → true, cancel/Esc → false', async () => {
    const ui = mount();
    const o = { title: 'Hello', desc: 'Desc', path: 'page.html?x=1', imageUrl: 'https://example.com/a.png' };
    let p = ui.share(o);
    const d = dlg(ui, 'share');
    for (const t of ['Hello', 'Desc', 'page.html?x=1']) expect(d.textContent).toContain(t);
    expect(d.querySelector('img')!.getAttribute('src')).toBe('https://example.com/a.png');
    click(d, 'share');
    expect(await p).toBe(true);
    p = ui.share(o);
    click(dlg(ui, 'share'), 'cancel');
    expect(await p).toBe(false);
    p = ui.share(o);
    key(ui.root, 'Escape');
    expect(await p).toBe(false);
    p = ui.share({ title: 'x' });
    key(ui.root, 'Enter');
    expect(await p).toBe(true);
  });
});
