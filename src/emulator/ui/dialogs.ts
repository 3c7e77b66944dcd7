/** alert, confirm and prompt: centred modal dialogs. */
import type { EmulatorUi } from './contract.js';
import { btn, h, input, str } from './dom.js';
import type { Ctx, Dlg } from './layer.js';
import { footer } from './parts.js';

/** Title and content paragraphs (either may be absent). */
function head(d: Dlg<unknown>, title?: string, content?: string, cls = ''): void {
  if (title) d.el.append(h('div', 'hd', str(title)));
  if (content) d.el.append(h('div', 'tx ' + cls, str(content)));
}

export function alert(ctx: Ctx, o: Parameters<EmulatorUi['alert']>[0]): Promise<void> {
  return ctx.open<void>('alert', 'dialog', undefined, (d) => {
    head(d, o.title, o.content);
    footer(d, btn('ok', str(o.buttonText), '', () => d.done()));
  });
}

export function confirm(ctx: Ctx, o: Parameters<EmulatorUi['confirm']>[0]): Promise<boolean> {
  return ctx.open('confirm', 'dialog', false, (d) => {
    head(d, o.title, o.content);
    footer(
      d,
      btn('cancel', str(o.cancelButtonText), '', () => d.done(false)),
      btn('confirm', str(o.confirmButtonText), '', () => d.done(true)),
    );
  });
}

export function prompt(ctx: Ctx, o: Parameters<EmulatorUi['prompt']>[0]): Promise<string | null> {
  return ctx.open<string | null>('prompt', 'dialog', null, (d) => {
    head(d, o.title, o.message, o.align === 'left' || o.align === 'right' ? o.align : '');
    const field = input('text');
    if (o.placeholder) field.placeholder = str(o.placeholder);
    d.el.append(field);
    footer(
      d,
      btn('cancel', str(o.cancelButtonText), '', () => d.done(null)),
      btn('ok', str(o.okButtonText), '', () => d.done(field.value)),
    );
  });
}
