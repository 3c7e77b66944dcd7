/**
 * The emulator's default answers for the UI APIs, through the library's wrappers (and the raw bridge,
 * with classic names, where a page could call it that way).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  alert,
  choosePhoneContact,
  confirm,
  datePicker,
  hideLoading,
  hideToast,
  HostError,
  InvalidParamsError,
  multiLevelSelect,
  prompt,
  setNavigationBar,
  showActionSheet,
  showLoading,
  showToast,
  UserCancelledError,
} from '../../src/index.js';
import { parsePickerDate } from '../../src/emulator/handlers/date-format.js';
import type { EmulatorOptions } from '../../src/emulator/types.js';
import { createAutoUi, formatDate } from '../../src/emulator/ui/auto-ui.js';
import type { EmulatorUi } from '../../src/emulator/ui/contract.js';
import type { DatePickerFormat } from '../../src/types/ui.js';
import { rawCall as raw, rejection, setupAutoEmulator, teardownEmulator } from '../support/auto-emulator.js';

afterEach(teardownEmulator);

const setup = (changes: Partial<EmulatorUi> = {}, options: EmulatorOptions = {}) =>
  setupAutoEmulator(options, { ...createAutoUi(), ...changes });

describe('alert', () => {
  it('shows the dialog with the default button "OK" and answers {}', async () => {
    const ui = vi.fn(async () => {});
    setup({ alert: ui });
    await expect(alert({ title: 'Tips', content: 'Your bill is out' })).resolves.toEqual({});
    expect(ui).toHaveBeenCalledWith({ title: 'Tips', content: 'Your bill is out', buttonText: 'OK' });
  });

  it('uses buttonText; no title/content is fine', async () => {
    const ui = vi.fn(async () => {});
    setup({ alert: ui });
    await alert({ buttonText: 'Show' });
    await alert();
    expect(ui).toHaveBeenNthCalledWith(1, { buttonText: 'Show' });
    expect(ui).toHaveBeenNthCalledWith(2, { buttonText: 'OK' });
  });

  it('answers only once the user taps', async () => {
    let tap!: () => void;
    setup({ alert: () => new Promise<void>((r) => (tap = r)) });
    const success = vi.fn();
    const done = alert({ content: 'x', success });
    await new Promise((r) => setTimeout(r, 20));
    expect(success).not.toHaveBeenCalled();
    tap();
    await done;
    expect(success).toHaveBeenCalledTimes(1);
  });

  it('accepts the classic alias with message/button', async () => {
    const ui = vi.fn(async () => {});
    const em = setup({ alert: ui });
    await expect(raw(em, 'alert', { message: 'hi', button: 'Go' })).resolves.toEqual({});
    expect(ui).toHaveBeenCalledWith({ content: 'hi', buttonText: 'Go' });
  });

  it('ignores wrong-typed optional texts from a raw call', async () => {
    const ui = vi.fn(async () => {});
    const em = setup({ alert: ui });
    await raw(em, 'alert', { title: 5, content: { a: 1 }, buttonText: '' });
    expect(ui).toHaveBeenCalledWith({ buttonText: 'OK' });
  });
});

describe('confirm', () => {
  it('confirm → { confirm: true }, with the default button texts', async () => {
    const ui = vi.fn(async () => true);
    setup({ confirm: ui });
    await expect(confirm({ title: 'Delete', content: 'Sure?' })).resolves.toEqual({ confirm: true });
    expect(ui).toHaveBeenCalledWith({ title: 'Delete', content: 'Sure?', confirmButtonText: 'OK', cancelButtonText: 'Cancel' });
  });

  it('cancel → { confirm: false } (a success)', async () => {
    setup({ confirm: async () => false });
    await expect(confirm({ content: 'Sure?', confirmButtonText: 'Leave', cancelButtonText: 'Stay' })).resolves.toEqual({ confirm: false });
  });

  it('custom button texts reach the dialog', async () => {
    const ui = vi.fn(async () => true);
    setup({ confirm: ui });
    await confirm({ confirmButtonText: 'Inquire now', cancelButtonText: 'Not needed' });
    expect(ui).toHaveBeenCalledWith({ confirmButtonText: 'Inquire now', cancelButtonText: 'Not needed' });
  });

  it('the classic alias gets `ok` next to `confirm`', async () => {
    const ui = vi.fn(async () => false);
    const em = setup({ confirm: ui });
    await expect(raw(em, 'confirm', { message: 'm', okButton: 'Yes', cancelButton: 'No' })).resolves.toEqual({ confirm: false, ok: false });
    expect(ui).toHaveBeenCalledWith({ content: 'm', confirmButtonText: 'Yes', cancelButtonText: 'No' });
  });
});

describe('prompt', () => {
  it('OK → { ok: true, inputValue }; defaults: center, OK, Cancel', async () => {
    const ui = vi.fn(async () => 'hello');
    setup({ prompt: ui });
    await expect(prompt({ title: 'Name', message: 'Enter your name', placeholder: 'John' })).resolves.toEqual({ ok: true, inputValue: 'hello' });
    expect(ui).toHaveBeenCalledWith({
      title: 'Name',
      message: 'Enter your name',
      placeholder: 'John',
      align: 'center',
      okButtonText: 'OK',
      cancelButtonText: 'Cancel',
    });
  });

  it('auto mode answers OK with an empty entry', async () => {
    setup();
    await expect(prompt({ message: 'm' })).resolves.toEqual({ ok: true, inputValue: '' });
  });

  it('cancel → { ok: false } without inputValue', async () => {
    setup({ prompt: async () => null });
    const res = await prompt({ message: 'm' });
    expect(res).toEqual({ ok: false });
    expect(res).not.toHaveProperty('inputValue');
  });

  it('align left/right pass; anything else is center', async () => {
    const ui = vi.fn(async () => 'x');
    setup({ prompt: ui });
    await prompt({ message: 'm', align: 'left', okButtonText: 'Submit', cancelButtonText: 'Skip' });
    await prompt({ message: 'm', align: 'right' });
    await prompt({ message: 'm', align: 'justify' as never });
    expect(ui.mock.calls.map((c) => (c as unknown[])[0] as { align: string }).map((o) => o.align)).toEqual(['left', 'right', 'center']);
    expect(ui).toHaveBeenNthCalledWith(1, expect.objectContaining({ okButtonText: 'Submit', cancelButtonText: 'Skip' }));
  });

  it('message is required: the library refuses; a raw call without it shows the default text', async () => {
    const ui = vi.fn(async () => 'x');
    const em = setup({ prompt: ui });
    await expect(prompt({} as never)).rejects.toBeInstanceOf(InvalidParamsError);
    await expect(raw(em, 'prompt')).resolves.toEqual({ ok: true, inputValue: 'x' });
    expect(ui).toHaveBeenCalledWith(expect.objectContaining({ message: 'Enter contents here' }));
  });

  it('a raw call with a non-string message gets 2', async () => {
    const em = setup();
    await expect(raw(em, 'prompt', { message: 12 })).resolves.toMatchObject({ error: 2 });
  });
});

const IOS: EmulatorOptions = { profile: { device: { platform: 'iOS', system: '17.4', model: 'iPhone 15', brand: 'Apple' } } };

describe('showActionSheet', () => {
  it('answers the chosen index; the sheet gets the items and "Cancel" by default (iOS)', async () => {
    const ui = vi.fn(async () => 1);
    setup({ actionSheet: ui }, IOS);
    await expect(showActionSheet({ title: 'ActionSheet', items: ['Menu 1', 'Menu 2', 'Menu3'] })).resolves.toEqual({ index: 1 });
    expect(ui).toHaveBeenCalledWith({ title: 'ActionSheet', items: ['Menu 1', 'Menu 2', 'Menu3'], cancelButtonText: 'Cancel' });
  });

  it('auto mode picks the first item', async () => {
    setup();
    await expect(showActionSheet({ items: ['a', 'b'] })).resolves.toEqual({ index: 0 });
  });

  it('cancel → { index: -1 } (a success)', async () => {
    setup({ actionSheet: async () => -1 });
    await expect(showActionSheet({ items: ['a'] })).resolves.toEqual({ index: -1 });
  });

  it('an index the sheet does not have is a cancel', async () => {
    setup({ actionSheet: async () => 7 });
    await expect(showActionSheet({ items: ['a'] })).resolves.toEqual({ index: -1 });
  });

  it('the Android profile (the default) shows no cancel button, whatever cancelButtonText says', async () => {
    const ui = vi.fn(async () => -1);
    setup({ actionSheet: ui });
    await expect(showActionSheet({ items: ['a'], cancelButtonText: 'Close' })).resolves.toEqual({ index: -1 });
    expect(ui).toHaveBeenCalledWith({ items: ['a'], cancelButtonText: '' });
  });

  it('passes cancelButtonText (iOS), destructiveButtonIndex and valid badges', async () => {
    const ui = vi.fn(async () => 2);
    setup({ actionSheet: ui }, IOS);
    await showActionSheet({
      items: ['Edit', 'Share', 'Delete'],
      cancelButtonText: 'Close',
      destructiveButtonIndex: 2,
      badges: [{ index: 0, type: 'num', text: '5' }, { index: 1, type: 'point' }, { index: 'x', type: 'bad' } as never],
    });
    expect(ui).toHaveBeenCalledWith({
      items: ['Edit', 'Share', 'Delete'],
      cancelButtonText: 'Close',
      destructiveButtonIndex: 2,
      badges: [{ index: 0, type: 'num', text: '5' }, { index: 1, type: 'point' }],
    });
  });

  it('drops a destructiveButtonIndex outside the items', async () => {
    const ui = vi.fn(async () => 0);
    setup({ actionSheet: ui });
    await showActionSheet({ items: ['a'], destructiveButtonIndex: 3 });
    expect(ui).toHaveBeenCalledWith({ items: ['a'], cancelButtonText: '' });
  });

  it('items missing: the library refuses; empty or not all strings: the host answers 2', async () => {
    setup();
    await expect(showActionSheet({} as never)).rejects.toBeInstanceOf(InvalidParamsError);
    const empty = await rejection(showActionSheet({ items: [] }));
    expect(empty).toBeInstanceOf(HostError);
    expect(empty.code).toBe(2);
    expect((await rejection(showActionSheet({ items: ['a', 2] as never }))).code).toBe(2);
  });

  it('accepts the classic actionSheet alias with btns/cancelBtn', async () => {
    const ui = vi.fn(async () => 0);
    const em = setup({ actionSheet: ui }, IOS);
    await expect(raw(em, 'actionSheet', { btns: ['x', 'y'], cancelBtn: 'No' })).resolves.toEqual({ index: 0 });
    expect(ui).toHaveBeenCalledWith(expect.objectContaining({ items: ['x', 'y'], cancelButtonText: 'No' }));
  });
});

describe('showToast / hideToast', () => {
  it('shows with type none and 2000 ms by default; answers {}', async () => {
    const ui = vi.fn(async () => {});
    setup({ showToast: ui });
    await expect(showToast({ content: 'Saved' })).resolves.toEqual({});
    expect(ui).toHaveBeenCalledWith({ content: 'Saved', type: 'none', duration: 2000 });
  });

  it.each(['success', 'fail', 'exception', 'none'] as const)('type %s reaches the UI', async (type) => {
    const ui = vi.fn(async () => {});
    setup({ showToast: ui });
    await showToast({ type, content: 'c', duration: 3000 });
    expect(ui).toHaveBeenCalledWith({ type, content: 'c', duration: 3000 });
  });

  it('exception without content is 2', async () => {
    const ui = vi.fn(async () => {});
    setup({ showToast: ui });
    const e = await rejection(showToast({ type: 'exception' }));
    expect(e).toBeInstanceOf(HostError);
    expect(e.code).toBe(2);
    expect(e.errorMessage).toMatch(/content/);
    expect(ui).not.toHaveBeenCalled();
  });

  it('an unknown type shows no icon; a bad duration is the default', async () => {
    const ui = vi.fn(async () => {});
    setup({ showToast: ui });
    await showToast({ type: 'warning' as never, duration: -5 });
    expect(ui).toHaveBeenCalledWith({ type: 'none', duration: 2000 });
  });

  it('accepts the classic toast alias', async () => {
    const ui = vi.fn(async () => {});
    const em = setup({ showToast: ui });
    await expect(raw(em, 'toast', { content: 'hi', type: 'success' })).resolves.toEqual({});
    expect(ui).toHaveBeenCalledWith({ content: 'hi', type: 'success', duration: 2000 });
  });

  it('hideToast hides it and answers {}', async () => {
    const ui = vi.fn();
    setup({ hideToast: ui });
    await expect(hideToast()).resolves.toEqual({});
    expect(ui).toHaveBeenCalledTimes(1);
  });
});

describe('showLoading / hideLoading', () => {
  it('shows with delay 0 by default and answers {} at once', async () => {
    const ui = vi.fn();
    setup({ showLoading: ui });
    await expect(showLoading({ content: 'loading...' })).resolves.toEqual({});
    await showLoading({ delay: 1000 });
    await showLoading();
    expect(ui.mock.calls).toEqual([[{ content: 'loading...', delay: 0 }], [{ delay: 1000 }], [{ delay: 0 }]]);
  });

  it('the classic showLoading text parameter is the content', async () => {
    const ui = vi.fn();
    const em = setup({ showLoading: ui });
    await raw(em, 'showLoading', { text: 'wait' });
    expect(ui).toHaveBeenCalledWith({ content: 'wait', delay: 0 });
  });

  it('hideLoading hides it and answers {}, even with a page instance', async () => {
    const ui = vi.fn();
    setup({ hideLoading: ui });
    await expect(hideLoading()).resolves.toEqual({});
    await expect(hideLoading({ page: { route: 'index' } })).resolves.toEqual({});
    expect(ui).toHaveBeenCalledTimes(2);
  });
});

describe('choosePhoneContact', () => {
  it('answers the chosen contact as { name, mobile }; the picker gets the fixture phone book', async () => {
    const ui = vi.fn(async (c: readonly { name: string; mobile: string }[]) => c[1] ?? null);
    const em = setup({ choosePhoneContact: ui });
    await expect(choosePhoneContact()).resolves.toEqual({ name: 'زينب كريم', mobile: '07801234567' });
    expect(ui).toHaveBeenCalledWith(em.fixtures.contacts);
  });

  it('auto mode picks the first contact', async () => {
    setup();
    await expect(choosePhoneContact()).resolves.toEqual({ name: 'Ali Hassan', mobile: '07701234567' });
  });

  it('cancel → 11 (UserCancelledError)', async () => {
    setup({ choosePhoneContact: async () => null });
    const e = await rejection(choosePhoneContact());
    expect(e).toBeInstanceOf(UserCancelledError);
    expect(e.code).toBe(11);
  });

  it('an empty phone book ends as a cancel too (11)', async () => {
    setupAutoEmulator({ fixtures: { contacts: [] } });
    const e = await rejection(choosePhoneContact());
    expect(e).toBeInstanceOf(UserCancelledError);
    expect(e.code).toBe(11);
  });

  it('uses custom fixtures', async () => {
    setupAutoEmulator({ fixtures: { contacts: [{ name: 'Test', mobile: '0790' }] } });
    await expect(choosePhoneContact()).resolves.toEqual({ name: 'Test', mobile: '0790' });
  });

  it('no permission (10) comes from the permission-denied preset', async () => {
    setupAutoEmulator({ presets: ['permission-denied'] });
    const e = await rejection(choosePhoneContact());
    expect(e).toBeInstanceOf(HostError);
    expect(e).not.toBeInstanceOf(UserCancelledError);
    expect(e.code).toBe(10);
  });
});

describe('datePicker', () => {
  // A fixed "now", so a minute ticking over mid-test cannot change the expected strings.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date(2024, 5, 15, 10, 20, 30) });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const FORMATS: [DatePickerFormat, string][] = [
    ['yyyy-MM-dd', '2024-06-15'],
    ['HH:mm', '10:20'],
    ['yyyy-MM-dd HH:mm', '2024-06-15 10:20'],
    ['yyyy-MM', '2024-06'],
    ['yyyy', '2024'],
  ];

  it('yyyy-MM-dd, on today, by default', async () => {
    const ui = vi.fn(async (o: { current: string }) => o.current);
    setup({ datePicker: ui });
    const today = '2024-06-15';
    await expect(datePicker()).resolves.toEqual({ date: today });
    expect(ui).toHaveBeenCalledWith({ format: 'yyyy-MM-dd', current: today });
  });

  it.each(FORMATS)('format %s: the picker opens on now, in that format (%s)', async (format, now) => {
    const ui = vi.fn(async (o: { current: string }) => o.current);
    setup({ datePicker: ui });
    const { date } = await datePicker({ format });
    expect(date).toBe(now);
    expect(ui).toHaveBeenCalledWith({ format, current: date });
  });

  it('opens on currentDate and answers what the user picks', async () => {
    const ui = vi.fn(async () => '2020-02-29');
    setup({ datePicker: ui });
    await expect(datePicker({ currentDate: '2020-01-15' })).resolves.toEqual({ date: '2020-02-29' });
    expect(ui).toHaveBeenCalledWith({ format: 'yyyy-MM-dd', current: '2020-01-15' });
  });

  it('reads the docs sample (unpadded dates) and passes the bounds in format', async () => {
    const ui = vi.fn(async (o: { current: string }) => o.current);
    setup({ datePicker: ui });
    await expect(datePicker({ format: 'yyyy-MM-dd', currentDate: '2016-10-10', startDate: '2016-10-9', endDate: '2017-10-9' })).resolves.toEqual({
      date: '2016-10-10',
    });
    expect(ui).toHaveBeenCalledWith({ format: 'yyyy-MM-dd', current: '2016-10-10', start: '2016-10-09', end: '2017-10-09' });
  });

  it('moves currentDate into [startDate, endDate]', async () => {
    setup();
    await expect(datePicker({ currentDate: '2015-01-01', startDate: '2016-10-09', endDate: '2017-10-09' })).resolves.toEqual({ date: '2016-10-09' });
    await expect(datePicker({ currentDate: '2019-01-01', startDate: '2016-10-09', endDate: '2017-10-09' })).resolves.toEqual({ date: '2017-10-09' });
    await expect(datePicker({ currentDate: '2019-01-01', endDate: '2017-10-09' })).resolves.toEqual({ date: '2017-10-09' });
    await expect(datePicker({ currentDate: '2010-01-01', startDate: '2016-10-09' })).resolves.toEqual({ date: '2016-10-09' });
  });

  it('today is moved into bounds too when there is no currentDate', async () => {
    setup();
    await expect(datePicker({ endDate: '2001-05-06' })).resolves.toEqual({ date: '2001-05-06' });
    await expect(datePicker({ startDate: '2999-01-02' })).resolves.toEqual({ date: '2999-01-02' });
  });

  it('bounds compare at the format precision', async () => {
    const ui = vi.fn(async (o: { current: string }) => o.current);
    setup({ datePicker: ui });
    await expect(datePicker({ format: 'HH:mm', currentDate: '07:05', startDate: '08:30', endDate: '18:00' })).resolves.toEqual({ date: '08:30' });
    await expect(datePicker({ format: 'yyyy-MM', currentDate: '2020-05-17', startDate: '2020-05-30' })).resolves.toEqual({ date: '2020-05' });
    await expect(datePicker({ format: 'yyyy', currentDate: '2030', endDate: '2025-12-31' })).resolves.toEqual({ date: '2025' });
    await expect(datePicker({ format: 'yyyy-MM-dd HH:mm', currentDate: '2024-03-01 23:59', endDate: '2024-03-01 12:00' })).resolves.toEqual({
      date: '2024-03-01 12:00',
    });
    expect(ui).toHaveBeenLastCalledWith({ format: 'yyyy-MM-dd HH:mm', current: '2024-03-01 12:00', end: '2024-03-01 12:00' });
  });

  it('an unreadable currentDate opens on now; unreadable bounds are ignored', async () => {
    const ui = vi.fn(async (o: { current: string }) => o.current);
    setup({ datePicker: ui });
    await expect(datePicker({ currentDate: 'soon', startDate: 'never', endDate: '2020-13-45' })).resolves.toEqual({
      date: formatDate(new Date(), 'yyyy-MM-dd'),
    });
    expect(ui).toHaveBeenCalledWith({ format: 'yyyy-MM-dd', current: formatDate(new Date(), 'yyyy-MM-dd') });
  });

  it('an unknown format is 2', async () => {
    const ui = vi.fn(async () => 'x');
    setup({ datePicker: ui });
    const e = await rejection(datePicker({ format: 'dd/MM/yyyy' as never }));
    expect(e).toBeInstanceOf(HostError);
    expect(e.code).toBe(2);
    expect(e.errorMessage).toMatch(/format/);
    expect(ui).not.toHaveBeenCalled();
  });

  it('startDate after endDate is 2', async () => {
    setup();
    expect((await rejection(datePicker({ startDate: '2020-01-02', endDate: '2020-01-01' }))).code).toBe(2);
  });

  it('cancel → 11 (UserCancelledError), through fail as the page says', async () => {
    setup({ datePicker: async () => null });
    const fail = vi.fn();
    const e = await rejection(datePicker({ fail }));
    expect(e).toBeInstanceOf(UserCancelledError);
    expect(e.code).toBe(11);
    expect(e.errorMessage).toBe('The user cancels the operation and no action is required.');
    expect(fail).toHaveBeenCalledWith(e);
  });

  it('parses leniently but refuses impossible dates', () => {
    const today = new Date(2024, 5, 15, 10, 20);
    expect(parsePickerDate('2016-10-9', 'yyyy-MM-dd', today)).toEqual(new Date(2016, 9, 9));
    expect(parsePickerDate('2016/1/2 3:04', 'yyyy-MM-dd HH:mm', today)).toEqual(new Date(2016, 0, 2, 3, 4));
    expect(parsePickerDate('2016-01-02', 'yyyy-MM-dd HH:mm', today)).toEqual(new Date(2016, 0, 2, 0, 0));
    expect(parsePickerDate('9:30', 'HH:mm', today)).toEqual(new Date(2024, 5, 15, 9, 30));
    expect(parsePickerDate('2016-10-10 12:30', 'HH:mm', today)).toEqual(new Date(2024, 5, 15, 12, 30));
    expect(parsePickerDate('2016', 'yyyy-MM', today)).toEqual(new Date(2016, 0, 1));
    expect(parsePickerDate('2023-02-29', 'yyyy-MM-dd', today)).toBeUndefined();
    expect(parsePickerDate('2023-04-31', 'yyyy-MM-dd', today)).toBeUndefined();
    expect(parsePickerDate('25:00', 'HH:mm', today)).toBeUndefined();
    expect(parsePickerDate('tomorrow', 'yyyy', today)).toBeUndefined();
    expect(parsePickerDate(20160101, 'yyyy', today)).toBeUndefined();
  });
});

describe('multiLevelSelect', () => {
  const list = [
    {
      name: 'City',
      subList: [
        { name: 'District A', subList: [{ name: 'Street A' }, { name: 'Street B' }] },
        { name: 'District B', subList: [{ name: 'Street C' }, { name: 'Street D' }] },
      ],
    },
  ];

  it('chosen → { success: true, result: [{ name }…] } as the docs example', async () => {
    const ui = vi.fn(createAutoUi().multiLevelSelect);
    setup({ multiLevelSelect: ui });
    await expect(multiLevelSelect({ title: 'Cascade selector', list })).resolves.toEqual({
      success: true,
      result: [{ name: 'City' }, { name: 'District A' }, { name: 'Street A' }],
    });
    expect(ui).toHaveBeenCalledWith({ title: 'Cascade selector', list });
  });

  it('a deeper choice is answered as chosen', async () => {
    setup({ multiLevelSelect: async () => ['City', 'District B', 'Street D'] });
    await expect(multiLevelSelect({ list })).resolves.toEqual({
      success: true,
      result: [{ name: 'City' }, { name: 'District B' }, { name: 'Street D' }],
    });
  });

  it('cancel → success callback with { success: false }, as the page documents', async () => {
    setup({ multiLevelSelect: async () => null });
    const success = vi.fn();
    const fail = vi.fn();
    await expect(multiLevelSelect({ list, success, fail })).resolves.toEqual({ success: false });
    expect(success).toHaveBeenCalledWith({ success: false });
    expect(fail).not.toHaveBeenCalled();
  });

  it('list missing: the library refuses; malformed: the host answers 2', async () => {
    setup();
    await expect(multiLevelSelect({} as never)).rejects.toBeInstanceOf(InvalidParamsError);
    for (const bad of [[], [{}], [{ name: 1 }], ['City'], [{ name: 'a', subList: 'x' }], [{ name: 'a', subList: [{ nom: 'b' }] }]]) {
      const e = await rejection(multiLevelSelect({ list: bad as never }));
      expect(e).toBeInstanceOf(HostError);
      expect(e.code).toBe(2);
    }
    const deep = await rejection(multiLevelSelect({ list: [{ name: 'a', subList: [{ name: 'b' }, { name: '' }] }] }));
    expect(deep.errorMessage).toMatch(/list\[0\]\.subList\[1\]\.name/);
  });
});

describe('setNavigationBar', () => {
  it('sets title and colour, answers {}', async () => {
    const ui = vi.fn();
    setup({ setTitleBar: ui });
    await expect(setNavigationBar({ title: 'hello', backgroundColor: '#108ee9' })).resolves.toEqual({});
    expect(ui).toHaveBeenCalledWith({ title: 'hello', backgroundColor: '#108ee9' });
  });

  it('changes only what it is given; the title starts as the app name', async () => {
    const ui = vi.fn();
    setup({ setTitleBar: ui }, { profile: { appName: 'Qi Shop' } });
    await setNavigationBar({ backgroundColor: '#FFFFFF' });
    await setNavigationBar({ title: 'Payment Confirmation' });
    await setNavigationBar({ image: 'https://example.com/images/header-3x.png', borderBottomColor: '#eee' });
    expect(ui.mock.calls).toEqual([
      [{ title: 'Qi Shop', backgroundColor: '#FFFFFF' }],
      [{ title: 'Payment Confirmation', backgroundColor: '#FFFFFF' }],
      [{ title: 'Payment Confirmation', backgroundColor: '#FFFFFF', image: 'https://example.com/images/header-3x.png', borderBottomColor: '#eee' }],
    ]);
  });

  it('an empty string removes an image or colour', async () => {
    const ui = vi.fn();
    setup({ setTitleBar: ui });
    await setNavigationBar({ title: 't', image: 'https://x/i.png', backgroundColor: '#000' });
    await setNavigationBar({ image: '', backgroundColor: '' });
    expect(ui).toHaveBeenLastCalledWith({ title: 't' });
  });

  it('reset restores the default colours and keeps the title', async () => {
    const ui = vi.fn();
    setup({ setTitleBar: ui });
    await setNavigationBar({ title: 'T', backgroundColor: '#108ee9' });
    await expect(setNavigationBar({ reset: true })).resolves.toEqual({});
    expect(ui).toHaveBeenLastCalledWith('reset');
    await setNavigationBar({ borderBottomColor: '#ccc' });
    expect(ui).toHaveBeenLastCalledWith({ title: 'T', borderBottomColor: '#ccc' });
  });

  it('reset with new values resets first, then applies them', async () => {
    const ui = vi.fn();
    setup({ setTitleBar: ui });
    await setNavigationBar({ title: 'T', backgroundColor: '#108ee9' });
    await setNavigationBar({ reset: true, backgroundColor: '#000000' });
    expect(ui.mock.calls.slice(1)).toEqual([['reset'], [{ title: 'T', backgroundColor: '#000000' }]]);
  });

  it('an empty call changes nothing', async () => {
    const ui = vi.fn();
    setup({ setTitleBar: ui });
    await expect(setNavigationBar()).resolves.toEqual({});
    expect(ui).not.toHaveBeenCalled();
  });

  it.each([
    ['http://example.com/a.png', /https/],
    ['https://example.com/logo.svg', /SVG/],
    ['https://example.com/logo.SVG?v=1', /SVG/],
    ['/images/a.png', /https/],
    ['data:image/png;base64,AAAA', /https/],
  ])('image %s is 2', async (image, message) => {
    const ui = vi.fn();
    setup({ setTitleBar: ui });
    const e = await rejection(setNavigationBar({ image }));
    expect(e).toBeInstanceOf(HostError);
    expect(e.code).toBe(2);
    expect(e.errorMessage).toMatch(message);
    expect(ui).not.toHaveBeenCalled();
  });

  it.each(['red', '#12345', '108ee9', 'rgb(0,0,0)', '#GGGGGG'])('colour %s is 2', async (colour) => {
    setup();
    expect((await rejection(setNavigationBar({ backgroundColor: colour }))).code).toBe(2);
    expect((await rejection(setNavigationBar({ borderBottomColor: colour }))).code).toBe(2);
  });

  it.each(['#fff', '#FFFFFF', '#108ee9', '#108ee9cc'])('colour %s is fine', async (colour) => {
    setup();
    await expect(setNavigationBar({ backgroundColor: colour })).resolves.toEqual({});
  });

  it('title bar state is per emulator', async () => {
    setup();
    await setNavigationBar({ title: 'first' });
    const ui = vi.fn();
    setup({ setTitleBar: ui });
    await setNavigationBar({ backgroundColor: '#000' });
    expect(ui).toHaveBeenCalledWith({ title: 'Emulated Miniapp', backgroundColor: '#000' });
  });
});
