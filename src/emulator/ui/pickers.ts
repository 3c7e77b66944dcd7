/** Pickers: date/time, multi-level select, phone contact and location. */
import type { DatePickerFormat, MultiLevelItem } from '../../types/ui.js';
import type { EmulatorContact, EmulatorPlace, EmulatorUi } from './contract.js';
import { parsePickerDate } from '../handlers/date-format.js';
import { formatDate } from './auto-ui.js';
import { btn, h, input, lbl, str } from './dom.js';
import type { Ctx } from './layer.js';
import { okFooter } from './parts.js';

/** Each format's <input> type. */
const INPUT_TYPES: Record<DatePickerFormat, string> = {
  'yyyy-MM-dd': 'date',
  'HH:mm': 'time',
  'yyyy-MM-dd HH:mm': 'datetime-local',
  'yyyy-MM': 'month',
  yyyy: 'number',
};

/**
 * `v` in `format`, read as the datePicker handler reads a page's dates (a longer form is cut to the
 * format, impossible dates are refused); `strict`: only a value already in the format passes (an
 * <input>'s value, with its `T` and seconds).
 */
function norm(format: DatePickerFormat, v: unknown, strict = false): string | undefined {
  const s = str(v).trim().replace('T', ' ').replace(/(\d\d:\d\d):\d\d(\.\d+)?$/, '$1');
  const date = parsePickerDate(s, format);
  const out = date && formatDate(date, format);
  return strict && out !== s ? undefined : out;
}

/** A list row: name, optional second line, optional "more" chevron. */
function row(action: string, name: string, sub: string | null, onClick: () => void, more = false): HTMLButtonElement {
  const b = btn(action, '', 'it', onClick);
  b.append(h('span', '', name, sub !== null && h('small', '', sub)));
  if (more) b.append(h('span', 'flip', '›'));
  return b;
}

export function datePicker(ctx: Ctx, o: Parameters<EmulatorUi['datePicker']>[0]): Promise<string | null> {
  const format: DatePickerFormat = o.format in INPUT_TYPES ? o.format : 'yyyy-MM-dd';
  const min = norm(format, o.start);
  const max = norm(format, o.end);
  let cur = norm(format, o.current) ?? formatDate(new Date(), format);
  if (min && cur < min) cur = min;
  if (max && cur > max) cur = max;
  const toInput = (s: string) => s.replace(' ', 'T');
  return ctx.open<string | null>('datePicker', 'sheet', null, (d) => {
    const field = input(INPUT_TYPES[format]);
    if (format === 'yyyy') field.step = '1';
    if (min) field.min = toInput(min);
    if (max) field.max = toInput(max);
    field.value = toInput(cur);
    const err = lbl('div', 'invalid', 'err');
    err.hidden = true;
    err.setAttribute('role', 'alert');
    d.el.append(lbl('div', format, 'hd'));
    if (min || max) d.el.append(h('div', 'sm', `${min ?? '…'} – ${max ?? '…'}`));
    d.el.append(field, err);
    okFooter(d, null, () => {
      const v = norm(format, field.value, true);
      if (v && (!min || v >= min) && (!max || v <= max)) d.done(v);
      else err.hidden = false;
    });
  });
}

export function multiLevelSelect(ctx: Ctx, o: Parameters<EmulatorUi['multiLevelSelect']>[0]): Promise<string[] | null> {
  return ctx.open<string[] | null>('multiLevelSelect', 'sheet', null, (d) => {
    const path: MultiLevelItem[] = [];
    const crumb = h('div', 'sm');
    const list = h('div');
    const back = btn('back', { k: 'back' }, 'it c', () => {
      path.pop();
      render(true);
    });
    const render = (focus: boolean) => {
      const level = path.length ? path[path.length - 1]?.subList : o.list;
      crumb.textContent = path.map((p) => str(p.name)).join(' › ');
      crumb.hidden = back.hidden = !path.length;
      list.replaceChildren(
        ...(Array.isArray(level) ? (level as readonly MultiLevelItem[]) : []).map((item, i) => {
          const more = Array.isArray(item?.subList) && item.subList.length > 0;
          return row('pick-' + i, str(item?.name), null, () => {
            if (!more) return d.done([...path, item].map((p) => str(p?.name)));
            path.push(item);
            render(true);
          }, more);
        }),
      );
      if (!list.children.length) list.append(lbl('div', 'empty', 'sm'));
      ctx.loc(list);
      if (focus) (list.querySelector('button') ?? back).focus();
    };
    d.el.append(o.title ? h('div', 'hd', str(o.title)) : lbl('div', 'select', 'hd'), crumb, list, h('div', 'gap'), back);
    d.el.append(btn('cancel', { k: 'cancel' }, 'it c', () => d.done(null)));
    render(false);
  });
}

export function choosePhoneContact(ctx: Ctx, contacts: readonly EmulatorContact[]): Promise<EmulatorContact | null> {
  return ctx.open<EmulatorContact | null>('choosePhoneContact', 'sheet', null, (d) => {
    const search = input('search', 'search');
    const rows = contacts.map((c, i) => row('pick-' + i, str(c.name), str(c.mobile), () => d.done({ name: str(c.name), mobile: str(c.mobile) })));
    const none = lbl('div', 'empty', 'sm');
    none.hidden = rows.length > 0;
    search.addEventListener('input', () => {
      const q = search.value.trim().toLowerCase();
      rows.forEach((r) => (r.hidden = !!q && !(r.textContent ?? '').toLowerCase().includes(q)));
      none.hidden = rows.some((r) => !r.hidden);
    });
    d.el.append(lbl('div', 'chooseContact', 'hd'), search, ...rows, none, h('div', 'gap'));
    d.el.append(btn('cancel', { k: 'cancel' }, 'it c', () => d.done(null)));
  });
}

export function chooseLocation(ctx: Ctx, places: readonly EmulatorPlace[]): Promise<EmulatorPlace | null> {
  return ctx.open<EmulatorPlace | null>('chooseLocation', 'sheet', null, (d) => {
    d.el.append(lbl('div', 'chooseLocation', 'hd'));
    places.forEach((p, i) => d.el.append(row('pick-' + i, str(p.name), str(p.address), () => d.done({ ...p }))));
    const name = input('text', 'name');
    const address = input('text', 'address');
    const lat = input('number', 'latitude');
    const lng = input('number', 'longitude');
    lat.step = lng.step = 'any';
    name.classList.add('w');
    address.classList.add('w');
    const err = lbl('div', 'invalid', 'err');
    err.hidden = true;
    err.setAttribute('role', 'alert');
    d.el.append(lbl('div', 'orEnter', 'sm'), h('div', 'grid', name, address, lat, lng), err);
    okFooter(d, null, () => {
      const la = parseFloat(lat.value);
      const lo = parseFloat(lng.value);
      if (name.value.trim() && Math.abs(la) <= 90 && Math.abs(lo) <= 180) {
        d.done({ name: name.value.trim(), address: address.value.trim(), latitude: la, longitude: lo });
      } else err.hidden = false;
    }, 'usePlace');
  });
}
