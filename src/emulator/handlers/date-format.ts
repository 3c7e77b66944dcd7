/**
 * datePicker's formats: which ones exist, reading a page's date strings leniently (the docs' own sample
 * passes `'2016-10-9'`, unpadded), and comparing dates at the format's precision.
 */
import type { DatePickerFormat } from '../../types/ui.js';

/** The five documented formats, default first. */
export const DATE_FORMATS: readonly DatePickerFormat[] = ['yyyy-MM-dd', 'HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy-MM', 'yyyy'];

/** Whether `v` is one of the documented formats. */
export const isDateFormat = (v: unknown): v is DatePickerFormat => DATE_FORMATS.includes(v as DatePickerFormat);

const DATE_PART = /^\s*(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?/;
const TIME_PART = /(?:^|[\sT])(\d{1,2}):(\d{1,2})(?::\d{1,2})?\s*$/;

/**
 * Reads `text` as a date for `format`, down to the format's precision (`yyyy-MM` ignores the day…).
 * Accepts unpadded numbers and `-`, `/` or `.` as separators; missing parts default to the start
 * (month 1, day 1, 00:00). For `HH:mm` the date is `today`'s. Returns undefined for text it cannot read
 * or an impossible date (month 13, 31 April, 25:00).
 */
export function parsePickerDate(text: unknown, format: DatePickerFormat, today: Date = new Date()): Date | undefined {
  if (typeof text !== 'string' || !text.trim()) return undefined;
  const wantsDate = format !== 'HH:mm';
  const wantsMonth = format !== 'yyyy';
  const wantsDay = format === 'yyyy-MM-dd' || format === 'yyyy-MM-dd HH:mm';
  const wantsTime = format === 'HH:mm' || format === 'yyyy-MM-dd HH:mm';

  let y = today.getFullYear();
  let M = today.getMonth() + 1;
  let d = today.getDate();
  if (wantsDate) {
    const m = DATE_PART.exec(text);
    if (!m) return undefined;
    y = Number(m[1]);
    M = wantsMonth && m[2] ? Number(m[2]) : 1;
    d = wantsDay && m[3] ? Number(m[3]) : 1;
  }
  let H = 0;
  let min = 0;
  if (wantsTime) {
    const t = TIME_PART.exec(text);
    if (t) {
      H = Number(t[1]);
      min = Number(t[2]);
    } else if (!wantsDate) {
      return undefined;
    }
  }
  if (M < 1 || M > 12 || d < 1 || d > 31 || H > 23 || min > 59) return undefined;
  const out = new Date(y, M - 1, d, H, min, 0, 0);
  // Date rolls 31 April over to 1 May: such a date does not exist.
  if (out.getFullYear() !== y || out.getMonth() !== M - 1 || out.getDate() !== d) return undefined;
  return out;
}

/** `date` cut down to `format`'s precision (seconds dropped; `yyyy` keeps the year only…). */
export function truncateToFormat(date: Date, format: DatePickerFormat): Date {
  switch (format) {
    case 'yyyy':
      return new Date(date.getFullYear(), 0, 1);
    case 'yyyy-MM':
      return new Date(date.getFullYear(), date.getMonth(), 1);
    case 'yyyy-MM-dd':
      return new Date(date.getFullYear(), date.getMonth(), date.getDate());
    default:
      return new Date(date.getFullYear(), date.getMonth(), date.getDate(), date.getHours(), date.getMinutes());
  }
}

/** `value` moved into [`start`, `end`] (either may be absent). */
export function clampDate(value: Date, start?: Date, end?: Date): Date {
  if (start && value.getTime() < start.getTime()) return start;
  if (end && value.getTime() > end.getTime()) return end;
  return value;
}
