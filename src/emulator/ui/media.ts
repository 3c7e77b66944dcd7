/** Full-screen viewers and the file picker: image preview, PDF viewer, file picker (loaded with the emulator's extras). */
import type { EmulatorUi } from './contract.js';
import { btn, fileInput, h, lbl, safeDocument, safeImage, str } from './dom.js';
import type { Ctx } from './layer.js';
import { pageTop } from './parts.js';

export function previewImage(ctx: Ctx, o: Parameters<EmulatorUi['previewImage']>[0]): Promise<void> {
  const urls = Array.isArray(o.urls) ? o.urls : [];
  let i = Math.min(Math.max(0, Math.trunc(Number(o.current)) || 0), Math.max(0, urls.length - 1));
  void ctx.open<void>('previewImage', 'page', undefined, (d) => {
    d.el.classList.add('dark');
    const count = h('span');
    const stage = h('div', 'fill');
    const go = (step: number) => {
      const to = i + step;
      if (to < 0 || to >= urls.length) return;
      i = to;
      render();
    };
    const prev = btn('prev', '‹', 'flip', () => go(-1));
    const next = btn('next', '›', 'flip', () => go(1));
    prev.dataset.ka = 'prev';
    next.dataset.ka = 'next';
    const render = () => {
      const u = urls[i];
      count.textContent = urls.length ? `${i + 1} / ${urls.length}` : '';
      if (safeImage(u)) {
        const img = h('img');
        img.alt = count.textContent;
        img.src = u;
        stage.replaceChildren(img);
      } else stage.replaceChildren(lbl('div', u === undefined ? 'noImage' : 'notLoaded'));
      ctx.loc(stage);
      prev.disabled = i <= 0;
      next.disabled = i >= urls.length - 1;
      // Keep focus (and so the keyboard) inside when the focused arrow gets disabled.
      const a = (d.el.getRootNode() as Partial<ShadowRoot>).activeElement;
      if (a instanceof HTMLButtonElement && a.disabled) d.el.focus();
    };
    const rtl = () => !!d.el.closest('[dir=rtl]');
    d.el.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') go((e.key === 'ArrowRight') !== rtl() ? 1 : -1);
    });
    let x0: number | null = null;
    stage.addEventListener('pointerdown', (e) => (x0 = e.clientX));
    stage.addEventListener('pointerup', (e) => {
      const dx = x0 === null ? 0 : e.clientX - x0;
      x0 = null;
      if (Math.abs(dx) > 40) go(dx < 0 !== rtl() ? 1 : -1);
    });
    d.el.append(pageTop(d, count), stage, h('div', 'nav', prev, next));
    render();
  });
  return Promise.resolve();
}

export function openDocument(ctx: Ctx, o: Parameters<EmulatorUi['openDocument']>[0]): Promise<void> {
  void ctx.open<void>('openDocument', 'page', undefined, (d) => {
    d.el.append(pageTop(d, str(o.name)));
    if (safeDocument(o.url)) {
      const frame = h('iframe', 'doc');
      frame.title = str(o.name);
      frame.src = o.url;
      d.el.append(frame);
    } else d.el.append(lbl('div', 'docBlocked', 'fill'));
  });
  return Promise.resolve();
}

export function pickFiles(ctx: Ctx, o: Parameters<EmulatorUi['pickFiles']>[0]): Promise<File[] | null> {
  const file = fileInput(str(o.accept), !!o.multiple);
  const key = o.multiple ? 'chooseFiles' : 'chooseFile';
  const done = ctx.open<File[] | null>('pickFiles', 'dialog', null, (d) => {
    file.addEventListener('change', () => {
      const list = Array.from(file.files ?? []);
      d.done(list.length ? list : null);
    });
    file.addEventListener('cancel', () => d.done(null));
    const choose = btn('choose', { k: key }, 'pri', () => file.click());
    d.primary = choose;
    d.el.append(lbl('div', key, 'hd'));
    if (o.accept) d.el.append(h('div', 'sm', lbl('span', 'accepts'), ': ', str(o.accept)));
    d.el.append(file, h('div', 'acts', choose, btn('cancel', { k: 'cancel' }, '', () => d.done(null))));
  });
  // Opens the browser's picker at once; browsers without a recent user gesture ignore this and the
  // visible button does it instead.
  if (file.isConnected) file.click();
  return done;
}
