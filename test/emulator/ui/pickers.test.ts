import { afterEach, describe, expect, it } from 'vitest';
import type { DatePickerFormat } from '../../../src/types/ui.js';
import { button, cleanup, click, dlg, key, mount, texts } from './helpers.js';

afterEach(cleanup);

describe('datePicker', () => {
  const cases: [DatePickerFormat, string, string, string][] = [
    ['yyyy-MM-dd', 'date', '2024-05-06', '2024-05-06'],
    ['HH:mm', 'time', '09:30', '09:30'],
    ['yyyy-MM-dd HH:mm', 'datetime-local', '2024-05-06 09:30', '2024-05-06T09:30'],
    ['yyyy-MM', 'month', '2024-05', '2024-05'],
    ['yyyy', 'number', '2024', '2024'],
  ];
  for (const [format, type, current, inputValue] of cases) {
    it(`${format}: <input type=${type}>, returns the string in the format`, async () => {
      const ui = mount();
      const p = ui.datePicker({ format, current });
      const input = dlg(ui, 'datePicker').querySelector('input')!;
      expect(input.type).toBe(type);
      expect(input.value).toBe(inputValue);
      expect(ui.root.activeElement).toBe(input);
      click(dlg(ui, 'datePicker'), 'ok');
      expect(await p).toBe(current);
    });
  }

  it('a changed value comes back in the format (seconds dropped)', async () => {
    const ui = mount();
    const p = ui.datePicker({ format: 'yyyy-MM-dd HH:mm', current: '2024-05-06 09:30' });
    const input = dlg(ui, 'datePicker').querySelector('input')!;
    input.value = '2025-01-02T23:59:00';
    key(input, 'Enter');
    expect(await p).toBe('2025-01-02 23:59');
  });

  it('start/end set min/max, clamp the initial value and reject values outside', async () => {
    const ui = mount();
    const p = ui.datePicker({ format: 'yyyy-MM-dd', current: '2019-01-01', start: '2020-01-01', end: '2020-12-31' });
    const d = dlg(ui, 'datePicker');
    const input = d.querySelector('input')!;
    expect(input.min).toBe('2020-01-01');
    expect(input.max).toBe('2020-12-31');
    expect(input.value).toBe('2020-01-01');
    expect(d.textContent).toContain('2020-01-01 – 2020-12-31');
    // An out-of-range value (set past the element's own sanitizing) is refused with a message.
    Object.defineProperty(input, 'value', { value: '2021-06-01', configurable: true });
    click(d, 'ok');
    expect(d.querySelector<HTMLElement>('.err')!.hidden).toBe(false);
    expect(d.querySelector('.err')!.textContent).toBe('Invalid or out of range');
    expect(d.isConnected).toBe(true);
    Object.defineProperty(input, 'value', { value: '2020-06-01', configurable: true });
    click(d, 'ok');
    expect(await p).toBe('2020-06-01');
  });

  it('end clamps too; bounds in a longer form are cut to the format', async () => {
    const ui = mount();
    const p = ui.datePicker({ format: 'yyyy', current: '2030', start: '2000-01-01', end: '2025-12-31 10:00' });
    const input = dlg(ui, 'datePicker').querySelector('input')!;
    expect([input.min, input.max, input.value]).toEqual(['2000', '2025', '2025']);
    input.value = '20245';
    click(dlg(ui, 'datePicker'), 'ok');
    expect(dlg(ui, 'datePicker').querySelector<HTMLElement>('.err')!.hidden).toBe(false);
    input.value = '2001';
    click(dlg(ui, 'datePicker'), 'ok');
    expect(await p).toBe('2001');
  });

  it('HH:mm bounds and an impossible date', async () => {
    const ui = mount();
    let p = ui.datePicker({ format: 'HH:mm', current: '23:00', start: '08:00', end: '18:00' });
    expect(dlg(ui, 'datePicker').querySelector('input')!.value).toBe('18:00');
    click(dlg(ui, 'datePicker'), 'ok');
    expect(await p).toBe('18:00');
    p = ui.datePicker({ format: 'yyyy-MM-dd', current: '2023-02-30' });
    const v = dlg(ui, 'datePicker').querySelector('input')!.value;
    expect(v).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(v).not.toBe('2023-02-30');
    key(ui.root, 'Escape');
    expect(await p).toBeNull();
  });

  it('an unreadable current defaults to now; cancel gives null', async () => {
    const ui = mount();
    const p = ui.datePicker({ format: 'yyyy-MM', current: 'garbage' });
    const now = new Date();
    expect(dlg(ui, 'datePicker').querySelector('input')!.value).toBe(`${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`);
    click(dlg(ui, 'datePicker'), 'cancel');
    expect(await p).toBeNull();
  });
});

describe('multiLevelSelect', () => {
  const list = [
    { name: 'City', subList: [{ name: 'District A', subList: [{ name: 'Street A' }, { name: 'Street B' }] }, { name: 'District B' }] },
    { name: 'Town' },
  ];

  it('drills down, goes back, resolves the full path at a leaf', async () => {
    const ui = mount();
    const p = ui.multiLevelSelect({ title: 'Cascade', list });
    const d = dlg(ui, 'multiLevelSelect');
    expect(d.textContent).toContain('Cascade');
    expect(button(d, 'back').hidden).toBe(true);
    expect(texts(d, '[data-action^="pick-"] > span:first-child')).toEqual(['City', 'Town']);
    click(d, 'pick-0');
    expect(texts(d, '[data-action^="pick-"] > span:first-child')).toEqual(['District A', 'District B']);
    expect(button(d, 'back').hidden).toBe(false);
    click(d, 'pick-0');
    expect(texts(d, '[data-action^="pick-"] > span:first-child')).toEqual(['Street A', 'Street B']);
    expect(d.textContent).toContain('City › District A');
    click(d, 'back');
    expect(texts(d, '[data-action^="pick-"] > span:first-child')).toEqual(['District A', 'District B']);
    expect(ui.root.activeElement).toBe(button(d, 'pick-0'));
    click(d, 'pick-0');
    click(d, 'pick-1');
    expect(await p).toEqual(['City', 'District A', 'Street B']);
  });

  it('a top-level leaf, cancel and Esc', async () => {
    const ui = mount();
    let p = ui.multiLevelSelect({ list });
    expect(dlg(ui, 'multiLevelSelect').querySelector('.hd')!.textContent).toBe('Select');
    click(dlg(ui, 'multiLevelSelect'), 'pick-1');
    expect(await p).toEqual(['Town']);
    p = ui.multiLevelSelect({ list });
    click(dlg(ui, 'multiLevelSelect'), 'cancel');
    expect(await p).toBeNull();
    p = ui.multiLevelSelect({ list });
    click(dlg(ui, 'multiLevelSelect'), 'pick-0');
    key(ui.root, 'Escape');
    expect(await p).toBeNull();
  });

  it('an empty list says so', () => {
    const ui = mount();
    void ui.multiLevelSelect({ list: [] });
    expect(dlg(ui, 'multiLevelSelect').textContent).toContain('Nothing to choose');
  });
});

describe('choosePhoneContact', () => {
  const contacts = [
    { name: 'Ali', mobile: '07701234567' },
    { name: 'Sara', mobile: '07809876543' },
  ];

  it('lists contacts; pick-i resolves it; search filters', async () => {
    const ui = mount();
    const p = ui.choosePhoneContact(contacts);
    const d = dlg(ui, 'choosePhoneContact');
    expect(d.textContent).toContain('07701234567');
    const search = d.querySelector('input')!;
    expect(search.placeholder).toBe('Search');
    search.value = 'sar';
    search.dispatchEvent(new Event('input'));
    expect(button(d, 'pick-0').hidden).toBe(true);
    expect(button(d, 'pick-1').hidden).toBe(false);
    click(d, 'pick-1');
    expect(await p).toEqual({ name: 'Sara', mobile: '07809876543' });
  });

  it('cancel / Esc give null; an empty book says so', async () => {
    const ui = mount();
    let p = ui.choosePhoneContact(contacts);
    click(dlg(ui, 'choosePhoneContact'), 'cancel');
    expect(await p).toBeNull();
    p = ui.choosePhoneContact([]);
    expect(dlg(ui, 'choosePhoneContact').textContent).toContain('Nothing to choose');
    key(ui.root, 'Escape');
    expect(await p).toBeNull();
  });
});

describe('chooseLocation', () => {
  const places = [{ name: 'Baghdad Tower', address: 'Baghdad', latitude: 33.3, longitude: 44.4 }];

  it('pick-i resolves a listed place', async () => {
    const ui = mount();
    const p = ui.chooseLocation(places);
    const d = dlg(ui, 'chooseLocation');
    expect(d.textContent).toContain('Baghdad Tower');
    click(d, 'pick-0');
    expect(await p).toEqual(places[0]);
  });

  it('a typed place is validated and resolved; cancel gives null', async () => {
    const ui = mount();
    let p = ui.chooseLocation(places);
    const d = dlg(ui, 'chooseLocation');
    const [name, address, lat, lng] = Array.from(d.querySelectorAll('input'));
    name!.value = 'Home';
    address!.value = 'Street 1';
    lat!.value = '95';
    lng!.value = '44';
    click(d, 'ok');
    expect(d.querySelector<HTMLElement>('.err')!.hidden).toBe(false);
    lat!.value = '36.19';
    key(lat!, 'Enter');
    expect(await p).toEqual({ name: 'Home', address: 'Street 1', latitude: 36.19, longitude: 44 });
    p = ui.chooseLocation(places);
    click(dlg(ui, 'chooseLocation'), 'cancel');
    expect(await p).toBeNull();
    p = ui.chooseLocation([]);
    key(ui.root, 'Escape');
    expect(await p).toBeNull();
  });
});
