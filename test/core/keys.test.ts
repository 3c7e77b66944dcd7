/** The table, the exported wrappers and the my shim cover the same APIs, in the docs' order. */
import { describe, expect, it } from 'vitest';
import * as lib from '../../src/index.js';
import * as wrappers from '../../src/wrappers.js';
import { API_NAMES, createMy, TABLE } from '../../src/index.js';
import { rowOf } from '../support/apis.js';

const sorted = (xs: Iterable<string>) => [...xs].sort();
const tableKeys = Object.keys(TABLE);

describe('keys', () => {
  it('the table has the documented APIs', () => {
    expect(tableKeys.length).toBeGreaterThanOrEqual(55);
    expect(tableKeys).toEqual(expect.arrayContaining(['getAuthCode', 'tradePay', 'request', 'httpRequest', 'canIUse', 'vibrate']));
    expect(new Set(tableKeys).size).toBe(tableKeys.length);
  });

  it('every TABLE key is exported from the entry point as a function', () => {
    for (const k of tableKeys) expect(typeof (lib as Record<string, unknown>)[k], k).toBe('function');
  });

  it('the wrappers module exports exactly the table minus canIUse (which is canIUse())', () => {
    const exported = Object.keys(wrappers);
    expect(exported.every((k) => typeof (wrappers as Record<string, unknown>)[k] === 'function')).toBe(true);
    expect(sorted([...exported, 'canIUse'])).toEqual(sorted(tableKeys));
    expect(lib.canIUse).toBe(lib.createMy().canIUse);
  });

  it('createMy() has exactly the table keys plus call', () => {
    const my = createMy() as unknown as Record<string, unknown>;
    const keys = Object.keys(my).filter((k) => k !== 'call');
    expect(Object.keys(my)).toContain('call');
    expect(sorted(keys)).toEqual(sorted(tableKeys));
    for (const k of Object.keys(my)) expect(typeof my[k], k).toBe('function');
  });

  it('API_NAMES is TABLE order', () => {
    expect(API_NAMES).toEqual(tableKeys);
  });

  it('the table follows the docs: essential first, in page order, framework last, then the APIs the docs omit', () => {
    expect(API_NAMES.slice(0, 3)).toEqual(['getAuthCode', 'qicardSignContract', 'tradePay']);
    const documented = API_NAMES.filter((n) => rowOf(n).group !== 'undocumented');
    expect(documented.at(-1)).toBe('canIUse');
    expect(API_NAMES.slice(documented.length)).toEqual(['hideKeyboard', 'setKeepScreenOn', 'getSetting', 'openSetting', 'openInBrowser', 'beehiveGetPOI', 'getFacePhotoData']);
    const order = ['essential', 'ui', 'media', 'storage', 'file', 'location', 'network', 'device', 'framework'];
    // Within each group, rows keep page order (the share page, 41, sits among the device pages).
    for (const g of order) {
      // httpRequest points at the overview page (it has none of its own).
      const pages = API_NAMES.filter((n) => rowOf(n).group === g && n !== 'httpRequest').map((n) => rowOf(n).doc);
      expect(pages.length, g).toBeGreaterThan(0);
      expect(pages, g).toEqual([...pages].sort());
    }
  });
});
