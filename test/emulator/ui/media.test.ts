import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadExtras } from '../../../src/emulator/lazy.js';
import { button, cleanup, click, dlg, flush, key, mount } from './helpers.js';

// The viewers and the picker come with the emulator's extras (test/emulator/lazy.test.ts: their first
// use); loaded here first, each test sees its dialog open at once.
beforeAll(() => loadExtras());
afterEach(cleanup);

describe('previewImage', () => {
  const urls = ['https://img.example/1.jpg', 'https://img.example/2.jpg', 'https://img.example/3.jpg'];

  it('resolves when opened, shows the current image, steps with prev/next, closes with close', async () => {
    const ui = mount();
    await ui.previewImage({ urls, current: 1 });
    const d = dlg(ui, 'previewImage');
    const src = () => d.querySelector('img')!.getAttribute('src');
    expect(src()).toBe(urls[1]);
    expect(d.textContent).toContain('2 / 3');
    click(d, 'next');
    expect(src()).toBe(urls[2]);
    expect(button(d, 'next').disabled).toBe(true);
    click(d, 'prev');
    click(d, 'prev');
    expect(src()).toBe(urls[0]);
    expect(button(d, 'prev').disabled).toBe(true);
    key(d, 'ArrowRight');
    expect(src()).toBe(urls[1]);
    click(d, 'close');
    expect(ui.root.querySelector('[data-dialog="previewImage"]')).toBeNull();
  });

  it('clamps current, Esc closes, non-http URLs are not loaded', async () => {
    const ui = mount();
    await ui.previewImage({ urls: ['javascript:alert(1)', 'file:///etc/passwd'], current: 9 });
    const d = dlg(ui, 'previewImage');
    expect(d.textContent).toContain('2 / 2');
    expect(d.querySelector('img')).toBeNull();
    expect(d.textContent).toContain('Image not loaded');
    key(ui.root, 'Escape');
    expect(ui.root.querySelector('[data-dialog]')).toBeNull();
  });

  it('blob: and data:image URLs load', async () => {
    const ui = mount();
    await ui.previewImage({ urls: ['blob:http://localhost/1', 'data:image/png;base64,AAAA'], current: 0 });
    const d = dlg(ui, 'previewImage');
    expect(d.querySelector('img')!.getAttribute('src')).toBe('blob:http://localhost/1');
    click(d, 'next');
    expect(d.querySelector('img')!.getAttribute('src')).toBe('data:image/png;base64,AAAA');
  });
});

describe('openDocument', () => {
  it('resolves when opened and shows the PDF in an iframe; close closes', async () => {
    // happy-dom refuses to load frames and logs that on the Node console it was created with.
    const stderr = (globalThis as unknown as { process: { stderr: { write(s: string): boolean } } }).process.stderr;
    vi.spyOn(stderr, 'write').mockImplementation(() => true);
    const ui = mount();
    await ui.openDocument({ url: 'blob:http://localhost/doc', name: 'report.pdf' });
    const d = dlg(ui, 'openDocument');
    expect(d.textContent).toContain('report.pdf');
    expect(d.querySelector('iframe')!.getAttribute('src')).toBe('blob:http://localhost/doc');
    click(d, 'close');
    expect(ui.root.querySelector('[data-dialog]')).toBeNull();
  });

  it('refuses other URL schemes', async () => {
    const ui = mount();
    await ui.openDocument({ url: 'javascript:alert(1)', name: 'x.pdf' });
    const d = dlg(ui, 'openDocument');
    expect(d.querySelector('iframe,object')).toBeNull();
    expect(d.textContent).toContain('cannot be shown');
  });
});

describe('scan', () => {
  it('typed code resolves on OK / Enter; an empty code keeps it open', async () => {
    const ui = mount();
    let p = ui.scan({ type: 'qr', hideAlbum: false, fixture: 'FX' });
    const d = dlg(ui, 'scan');
    expect(d.textContent).toContain('Scan a QR code');
    const input = d.querySelector<HTMLInputElement>('input:not([type=file])')!;
    expect(input.placeholder).toBe('Type code');
    click(d, 'ok');
    expect(d.isConnected).toBe(true);
    input.value = ' ABC123 ';
    click(d, 'ok');
    expect(await p).toBe('ABC123');
    p = ui.scan({ type: 'bar', hideAlbum: true, fixture: 'FX' });
    expect(dlg(ui, 'scan').textContent).toContain('Scan a barcode');
    dlg(ui, 'scan').querySelector('input')!.value = '978';
    key(ui.root, 'Enter');
    expect(await p).toBe('978');
  });

  it('album picks an image and resolves its name; hideAlbum hides it; cancel → null', async () => {
    const ui = mount();
    let p = ui.scan({ type: 'qr', hideAlbum: false, fixture: 'FX' });
    const d = dlg(ui, 'scan');
    const file = d.querySelector<HTMLInputElement>('input[type=file]')!;
    expect(file.accept).toBe('image/*');
    const clicked = vi.fn();
    file.addEventListener('click', clicked);
    click(d, 'album');
    expect(clicked).toHaveBeenCalled();
    Object.defineProperty(file, 'files', { value: [new File(['x'], 'qr-code.png', { type: 'image/png' })] });
    file.dispatchEvent(new Event('change'));
    expect(await p).toBe('qr-code.png');
    p = ui.scan({ type: 'qr', hideAlbum: true, fixture: 'FX' });
    expect(dlg(ui, 'scan').querySelector('[data-action="album"],input[type=file]')).toBeNull();
    click(dlg(ui, 'scan'), 'cancel');
    expect(await p).toBeNull();
    p = ui.scan({ type: 'qr', hideAlbum: true, fixture: 'FX' });
    key(ui.root, 'Escape');
    expect(await p).toBeNull();
  });
});

describe('pickFiles', () => {
  it('opens a real file input (accept, multiple) and resolves the chosen files', async () => {
    const ui = mount();
    const clicks = vi.spyOn(HTMLInputElement.prototype, 'click');
    const p = ui.pickFiles({ accept: 'image/*', multiple: true, fixtures: [] });
    const d = dlg(ui, 'pickFiles');
    const input = d.querySelector<HTMLInputElement>('input[type=file]')!;
    expect(input.accept).toBe('image/*');
    expect(input.multiple).toBe(true);
    expect(clicks).toHaveBeenCalled();
    const files = [new File(['a'], 'a.png'), new File(['b'], 'b.png')];
    Object.defineProperty(input, 'files', { value: files });
    input.dispatchEvent(new Event('change'));
    expect(await p).toEqual(files);
  });

  it('the cancel button, the input cancel event, Esc and an empty choice give null', async () => {
    const ui = mount();
    let p = ui.pickFiles({ accept: '', multiple: false, fixtures: [] });
    expect(dlg(ui, 'pickFiles').textContent).toContain('Choose a file');
    click(dlg(ui, 'pickFiles'), 'cancel');
    expect(await p).toBeNull();
    p = ui.pickFiles({ accept: '', multiple: false, fixtures: [] });
    dlg(ui, 'pickFiles').querySelector('input')!.dispatchEvent(new Event('cancel'));
    expect(await p).toBeNull();
    p = ui.pickFiles({ accept: '.pdf', multiple: false, fixtures: [] });
    key(ui.root, 'Escape');
    expect(await p).toBeNull();
    p = ui.pickFiles({ accept: '.pdf', multiple: false, fixtures: [] });
    const input = dlg(ui, 'pickFiles').querySelector('input')!;
    Object.defineProperty(input, 'files', { value: [] });
    input.dispatchEvent(new Event('change'));
    expect(await p).toBeNull();
    await flush();
  });
});
