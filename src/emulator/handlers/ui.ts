/**
 * Default answers of the "UI APIs" pages: dialogs, sheets, toasts, loading, pickers and the title bar,
 * all through `ctx.ui` with the documented defaults filled in.
 */
import type { ActionSheetBadge, MultiLevelItem, ToastType } from '../../types/ui.js';
import type { DefaultHandlers, Emulator, HandlerContext } from '../types.js';
import { formatDate } from '../ui/auto-ui.js';
import type { TitleBarState } from '../ui/contract.js';
import { clampDate, DATE_FORMATS, isDateFormat, parsePickerDate, truncateToFormat } from './date-format.js';
import type { UiApis } from './group-apis.js';
import { isRecord, text } from './values.js';

/** An optional string parameter: its value when it is a string, else absent (a host reads it as missing). */
/** An optional label: a non-empty string, else the documented default. */
const label = (v: unknown, fallback: string): string => (typeof v === 'string' && v !== '' ? v : fallback);
/** `{ key: value }` when `value` is defined, else `{}` (keeps absent options absent). */
const opt = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

const ALIGNS = ['left', 'center', 'right'] as const;
const TOAST_TYPES: readonly ToastType[] = ['success', 'fail', 'exception', 'none'];
const BADGE_TYPES: readonly ActionSheetBadge['type'][] = ['none', 'point', 'num', 'text'];
const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

/** The problem with a multiLevelSelect list (path to the bad entry), or undefined when it is well formed. */
function listProblem(list: unknown, at: string): string | undefined {
  if (!Array.isArray(list)) return `${at} must be an array of { name, subList? }`;
  for (let i = 0; i < list.length; i++) {
    const item: unknown = list[i];
    const here = `${at}[${i}]`;
    if (!isRecord(item)) return `${here} must be an object { name, subList? }`;
    if (typeof item['name'] !== 'string' || item['name'] === '') return `${here}.name must be a non-empty string`;
    if (item['subList'] != null) {
      const sub = listProblem(item['subList'], `${here}.subList`);
      if (sub) return sub;
    }
  }
  return undefined;
}

/** The title bar as the page last left it, per emulator (setNavigationBar changes only what it is given). */
const titleBars = new WeakMap<Emulator, TitleBarState>();

/** An https image URL that is not an SVG, as the page requires. */
function imageProblem(image: string): string | undefined {
  let url: URL;
  try {
    url = new URL(image);
  } catch {
    return 'must be an absolute https URL';
  }
  if (url.protocol !== 'https:') return 'must be an https URL';
  if (/\.svgz?$/i.test(url.pathname)) return 'SVG images are not supported';
  return undefined;
}

const dateMessage = `must be one of ${DATE_FORMATS.map((f) => `'${f}'`).join(', ')}`;

export const uiHandlers: Pick<DefaultHandlers, UiApis> = {
  /**
   * Merges `title`, `image`, `backgroundColor`, `borderBottomColor` into the title bar; `reset: true`
   * first restores the default colours (keeps the title). image must be https and not SVG, colours hex: else 2.
   */
  setNavigationBar: (ctx) => {
    const p = ctx.params;
    const image = text(p.image);
    const backgroundColor = text(p.backgroundColor);
    const borderBottomColor = text(p.borderBottomColor);
    if (image !== undefined && image !== '') {
      const problem = imageProblem(image);
      if (problem) return ctx.fail(2, `invalid parameter \`image\`: ${problem}`);
    }
    for (const [name, value] of [['backgroundColor', backgroundColor], ['borderBottomColor', borderBottomColor]] as const) {
      if (value !== undefined && value !== '' && !HEX_COLOR.test(value.trim())) {
        return ctx.fail(2, `invalid parameter \`${name}\`: must be a hex colour such as '#108ee9', got '${value}'`);
      }
    }
    let state = titleBars.get(ctx.emulator) ?? { title: ctx.profile.appName };
    if (p.reset === true) {
      state = { title: state.title };
      ctx.ui.setTitleBar('reset');
    }
    // Only what the call gives changes; an empty string removes that image / colour.
    const next: TitleBarState = { ...state };
    let changed = false;
    const title = text(p.title);
    if (title !== undefined) {
      next.title = title;
      changed = true;
    }
    for (const [key, value] of [['image', image], ['backgroundColor', backgroundColor], ['borderBottomColor', borderBottomColor]] as const) {
      if (value === undefined) continue;
      changed = true;
      if (value === '') delete next[key];
      else next[key] = value.trim();
    }
    if (changed) ctx.ui.setTitleBar({ ...next });
    state = next;
    titleBars.set(ctx.emulator, state);
    return {};
  },

  /** list of `{ name, subList? }` required (else 2). Chosen: `{ success: true, result: [{ name }…] }`; cancel: `{ success: false }`. */
  multiLevelSelect: async (ctx) => {
    const list: unknown = ctx.params.list;
    if (!Array.isArray(list) || list.length === 0) {
      return ctx.fail(2, 'invalid parameter `list`: must be a non-empty array of { name, subList? }');
    }
    const problem = listProblem(list, 'list');
    if (problem) return ctx.fail(2, `invalid parameter \`list\`: ${problem}`);
    const path = await ctx.ui.multiLevelSelect({ ...opt('title', text(ctx.params.title)), list: list as MultiLevelItem[] });
    if (!Array.isArray(path)) return { success: false };
    return { success: true, result: path.map((name) => ({ name: String(name) })) };
  },

  /** The alert dialog (button "OK" by default); answers `{}` when tapped. */
  alert: async (ctx) => {
    const p = ctx.params;
    await ctx.ui.alert({ ...opt('title', text(p.title)), ...opt('content', text(p.content)), buttonText: label(p.buttonText, 'OK') });
    return {};
  },

  /** The confirm dialog ("OK" / "Cancel" by default) → `{ confirm }`. */
  confirm: async (ctx) => {
    const p = ctx.params;
    const confirmed = await ctx.ui.confirm({
      ...opt('title', text(p.title)),
      ...opt('content', text(p.content)),
      confirmButtonText: label(p.confirmButtonText, 'OK'),
      cancelButtonText: label(p.cancelButtonText, 'Cancel'),
    });
    return { confirm: confirmed === true };
  },

  /**
   * The prompt dialog → `{ ok: true, inputValue }` or `{ ok: false }`. `message` that is not a string
   * is 2; a missing one shows the page's default text, "Enter contents here". align: center by default.
   */
  prompt: async (ctx) => {
    const p = ctx.params;
    if (p.message != null && typeof p.message !== 'string') return ctx.fail(2, 'invalid parameter `message`: must be a string');
    const align = ALIGNS.find((a) => a === p.align) ?? 'center';
    const value = await ctx.ui.prompt({
      ...opt('title', text(p.title)),
      message: text(p.message) ?? 'Enter contents here',
      ...opt('placeholder', text(p.placeholder)),
      align,
      okButtonText: label(p.okButtonText, 'OK'),
      cancelButtonText: label(p.cancelButtonText, 'Cancel'),
    });
    return typeof value === 'string' ? { ok: true, inputValue: value } : { ok: false };
  },

  /**
   * items: non-empty array of strings (else 2) → `{ index }`, -1 for cancel. Android shows no cancel
   * button (the page: `cancelButtonText` "is invalid for Android"); the sheet still closes with -1.
   */
  showActionSheet: async (ctx) => {
    const p = ctx.params;
    const items: unknown = p.items;
    if (!Array.isArray(items) || items.length === 0 || !items.every((i) => typeof i === 'string')) {
      return ctx.fail(2, 'invalid parameter `items`: must be a non-empty array of strings');
    }
    const d = p.destructiveButtonIndex;
    const destructive = Number.isInteger(d) && (d as number) >= 0 && (d as number) < items.length ? (d as number) : undefined;
    const badges = Array.isArray(p.badges)
      ? (p.badges as unknown[]).filter(
          (b): b is ActionSheetBadge =>
            isRecord(b) && Number.isInteger(b['index']) && BADGE_TYPES.includes(b['type'] as ActionSheetBadge['type']) && (b['text'] == null || typeof b['text'] === 'string'),
        )
      : undefined;
    const index = await ctx.ui.actionSheet({
      ...opt('title', text(p.title)),
      items: items as string[],
      cancelButtonText: ctx.profile.device.platform === 'Android' ? '' : label(p.cancelButtonText, 'Cancel'),
      ...opt('destructiveButtonIndex', destructive),
      ...opt('badges', badges),
    });
    return { index: Number.isInteger(index) && index >= 0 && index < items.length ? index : -1 };
  },

  /** The loading overlay (delay 0 by default); answers `{}` at once. */
  showLoading: (ctx) => {
    const d = ctx.params.delay;
    ctx.ui.showLoading({ ...opt('content', text(ctx.params.content)), delay: Number.isFinite(d) && (d as number) > 0 ? (d as number) : 0 });
    return {};
  },

  hideLoading: (ctx) => {
    ctx.ui.hideLoading();
    return {};
  },

  /** The toast (type none, 2000 ms by default; exception needs content, else 2); answers `{}` once shown. */
  showToast: async (ctx) => {
    const p = ctx.params;
    const type = TOAST_TYPES.find((t) => t === p.type) ?? 'none';
    const content = text(p.content);
    if (type === 'exception' && !content) return ctx.fail(2, 'invalid parameter `content`: is mandatory when `type` is exception');
    const d = p.duration;
    await ctx.ui.showToast({ ...opt('content', content), type, duration: Number.isFinite(d) && (d as number) >= 0 ? (d as number) : 2000 });
    return {};
  },

  hideToast: (ctx) => {
    ctx.ui.hideToast();
    return {};
  },

  /** Picks from `fixtures.contacts` → `{ name, mobile }`; cancel (or an empty phone book) → 11. */
  choosePhoneContact: async (ctx) => {
    const contact = await ctx.ui.choosePhoneContact(ctx.fixtures.contacts);
    if (!contact || typeof contact.name !== 'string' || typeof contact.mobile !== 'string') return ctx.fail(11);
    return { name: contact.name, mobile: contact.mobile };
  },

  /**
   * The picker in `format` (yyyy-MM-dd by default; others → 2), opened on `currentDate` (now by
   * default) moved into [startDate, endDate]; → `{ date }`, cancel → 11.
   */
  datePicker: async (ctx) => datePicker(ctx),
};

async function datePicker(ctx: HandlerContext<'datePicker'>) {
  const p = ctx.params;
  const format = p.format == null ? 'yyyy-MM-dd' : p.format;
  if (!isDateFormat(format)) return ctx.fail(2, `invalid parameter \`format\`: ${dateMessage}, got ${JSON.stringify(format)}`);
  const now = new Date();
  const start = parsePickerDate(p.startDate, format, now);
  const end = parsePickerDate(p.endDate, format, now);
  const s = start && truncateToFormat(start, format);
  const e = end && truncateToFormat(end, format);
  if (s && e && s.getTime() > e.getTime()) {
    return ctx.fail(2, `invalid parameters: startDate (${String(p.startDate)}) is after endDate (${String(p.endDate)})`);
  }
  const current = clampDate(truncateToFormat(parsePickerDate(p.currentDate, format, now) ?? now, format), s, e);
  const chosen = await ctx.ui.datePicker({
    format,
    current: formatDate(current, format),
    ...opt('start', s && formatDate(s, format)),
    ...opt('end', e && formatDate(e, format)),
  });
  if (typeof chosen !== 'string') return ctx.fail(11);
  return { date: chosen };
}
