/** Sheets that stand for Super Qi's own pages: scope consent, the cashier, agreement signing. */
import type { CashierChoice, EmulatorUi, SigningChoice } from './contract.js';
import { btn, h, hostOf, lbl, str } from './dom.js';
import type { Ctx, Dlg } from './layer.js';
import { kv } from './parts.js';
import type { StringKey } from './strings.js';

/** The action buttons; the first is primary, the rest follow an optional note. */
function actions<T extends string | boolean>(d: Dlg<T>, list: [action: string, key: StringKey, value: T][], note?: StringKey, after = 2): void {
  const box = h('div', 'acts');
  list.forEach(([action, key, value], i) => {
    if (note && i === after) box.append(lbl('div', note, 'sm'));
    const b = btn(action, { k: key }, i ? '' : 'pri', () => d.done(value));
    if (!i) d.primary = b;
    box.append(b);
  });
  d.el.append(box);
}

export function consent(ctx: Ctx, o: Parameters<EmulatorUi['consent']>[0]): Promise<boolean> {
  return ctx.open('consent', 'sheet', false, (d) => {
    const list = h('ul', 'scopes');
    // A scope's name in the UI language (a scope without one shows its code).
    for (const s of Array.isArray(o.scopes) ? o.scopes : []) list.append(lbl('li', str(s) as StringKey));
    d.el.append(
      h('div', 'hd who', h('span', '', str(o.appName)), ' ', lbl('span', 'wantsAccess')),
      list,
      kv('account', lbl('span', o.role === 'business' ? 'business' : 'customer')),
    );
    actions(d, [
      ['allow', 'allow', true],
      ['deny', 'deny', false],
    ]);
  });
}

export function cashier(ctx: Ctx, o: Parameters<EmulatorUi['cashier']>[0]): Promise<CashierChoice> {
  return ctx.open<CashierChoice>('cashier', 'sheet', 'cancel', (d) => {
    d.el.append(lbl('div', 'cashier', 'hd'));
    if (o.amount) d.el.append(h('div', 'amt', str(o.amount), ' ', lbl('span', 'iqd')));
    d.el.append(kv('payTo', str(o.merchantName) || ctx.appName));
    if (o.description) d.el.append(kv('order', str(o.description)));
    if (o.orderId) d.el.append(kv('order', str(o.orderId)));
    d.el.append(h('div', 'sm', hostOf(str(o.paymentUrl))));
    actions(
      d,
      [
        ['pay', 'pay', 'pay'],
        ['cancel', 'cancel', 'cancel'],
        ['fail', 'fail', 'fail'],
        ['pending', 'pending', 'pending'],
      ],
      'simulate',
    );
  });
}

export function signing(ctx: Ctx, o: Parameters<EmulatorUi['signing']>[0]): Promise<SigningChoice> {
  return ctx.open<SigningChoice>('signing', 'sheet', 'cancel', (d) => {
    d.el.append(lbl('div', 'signing', 'hd'));
    if (o.merchantName) d.el.append(kv('payTo', str(o.merchantName)));
    if (o.contractDesc) d.el.append(h('div', 'tx', str(o.contractDesc)));
    d.el.append(lbl('div', 'signWith', 'sm'), h('div', 'tx', hostOf(str(o.authUrl))));
    actions(
      d,
      [
        ['sign', 'sign', 'sign'],
        ['cancel', 'cancel', 'cancel'],
        ['network-error', 'networkError', 'network-error'],
        ['fail', 'fail', 'fail'],
      ],
      'simulate',
    );
  });
}
