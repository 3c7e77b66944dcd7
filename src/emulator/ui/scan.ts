/** The scanner: a viewfinder, a field to type the code, and the album (a file input). */
import type { EmulatorUi } from './contract.js';
import { btn, fileInput, h, input, lbl } from './dom.js';
import type { Ctx } from './layer.js';

export function scan(ctx: Ctx, o: Parameters<EmulatorUi['scan']>[0]): Promise<string | null> {
  return ctx.open<string | null>('scan', 'dialog', null, (d) => {
    const bar = o.type === 'bar';
    const field = input('text', 'typeCode');
    const ok = btn('ok', { k: 'ok' }, 'pri', () => (field.value.trim() ? d.done(field.value.trim()) : field.focus()));
    d.primary = ok;
    d.el.append(lbl('div', bar ? 'scanBar' : 'scanQr', 'hd'), h('div', bar ? 'vf wide' : 'vf'), field);
    if (!o.hideAlbum) {
      const file = fileInput('image/*', false);
      file.addEventListener('change', () => {
        const f = file.files?.[0];
        if (f) d.done(f.name);
      });
      d.el.append(file, h('div', 'acts', btn('album', { k: 'album' }, '', () => file.click())));
    }
    d.el.append(h('div', 'ft', btn('cancel', { k: 'cancel' }, '', () => d.done(null)), ok));
  });
}

