/** Bottom sheets: the action sheet and the share sheet. */
import type { EmulatorUi } from './contract.js';
import { btn, h, lbl, safeImage, str } from './dom.js';
import type { Ctx } from './layer.js';

type Badge = { type?: unknown; text?: unknown };

/** A badge's element: a dot, a whole number 1–99, red text, or nothing. */
function badge(b: Badge | undefined): HTMLElement | null {
  if (!b) return null;
  if (b.type === 'point') return h('span', 'bd dot');
  const text = str(b.text);
  if (b.type === 'num') return /^\d+$/.test(text) && +text >= 1 && +text <= 99 ? h('span', 'bd', String(+text)) : null;
  if (b.type === 'text' && text) return h('span', 'bt', text);
  return null;
}

export function actionSheet(ctx: Ctx, o: Parameters<EmulatorUi['actionSheet']>[0]): Promise<number> {
  return ctx.open('actionSheet', 'sheet', -1, (d) => {
    if (o.title) d.el.append(h('div', 'sm', str(o.title)));
    const badges = new Map<number, Badge>();
    for (const b of Array.isArray(o.badges) ? o.badges : []) if (b && typeof b.index === 'number') badges.set(b.index, b);
    const items = Array.isArray(o.items) ? o.items : [];
    items.forEach((text, i) => {
      const b = btn('item-' + i, '', 'it c' + (i === o.destructiveButtonIndex ? ' danger' : ''), () => d.done(i));
      b.append(h('span', '', str(text)));
      const mark = badge(badges.get(i));
      if (mark) b.append(mark);
      d.el.append(b);
    });
    // No text: no cancel button (Android); the sheet still closes with -1 (back, Esc, outside).
    if (o.cancelButtonText) d.el.append(h('div', 'gap'), btn('cancel', str(o.cancelButtonText), 'it c', () => d.done(-1)));
  });
}

export function share(ctx: Ctx, o: Parameters<EmulatorUi['share']>[0]): Promise<boolean> {
  return ctx.open('share', 'sheet', false, (d) => {
    d.el.append(lbl('div', 'shareTo', 'hd'));
    const card = h('div', 'card', h('strong', '', str(o.title)));
    if (o.desc) card.append(h('span', '', str(o.desc)));
    if (o.path) card.append(h('small', '', str(o.path)));
    if (safeImage(o.imageUrl)) {
      const img = h('img');
      img.alt = '';
      img.src = o.imageUrl;
      card.prepend(img);
    }
    const ok = btn('share', { k: 'share' }, 'pri', () => d.done(true));
    d.primary = ok;
    d.el.append(card, h('div', 'acts', ok, btn('cancel', { k: 'cancel' }, '', () => d.done(false))));
  });
}
