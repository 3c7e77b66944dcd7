/** The API table itself: docs order, groups, and rows that are well-formed data. */
import { describe, expect, it } from 'vitest';
import { API_NAMES, TABLE } from '../../src/index.js';
import type { TableRow } from '../../src/table/row.js';
import { NAMES } from '../../src/table/names.js';
import { SINCE } from '../../src/table/since.js';

const rows = TABLE as unknown as Record<string, TableRow>;
const page = (name: string) => Number(rows[name]!.doc.slice(0, 2));

describe('the API table', () => {
  it('lists the APIs in the order of the doc pages (API_NAMES too)', () => {
    const own = API_NAMES.filter((n) => n !== 'httpRequest' && n !== 'canIUse' && rows[n]!.group !== 'undocumented'); // no page of their own
    const pages = own.map(page);
    expect(pages).toEqual([...pages].sort((a, b) => a - b));
    expect(API_NAMES.slice(0, 3)).toEqual(['getAuthCode', 'qicardSignContract', 'tradePay']);
    expect(API_NAMES.indexOf('showLoading')).toBe(API_NAMES.indexOf('hideLoading') - 1);
    expect(API_NAMES.indexOf('request')).toBe(API_NAMES.indexOf('httpRequest') - 1);
    expect(API_NAMES.filter((n) => rows[n]!.group !== 'undocumented').at(-1)).toBe('canIUse');
  });

  it('covers every doc page 02–50 of 04-jsapi', () => {
    const covered = new Set(API_NAMES.map(page));
    for (let n = 2; n <= 50; n++) expect(covered.has(n), `page ${n}`).toBe(true);
  });

  it('rows are well-formed: type codes, cancel codes documented, aliases named, UI flags boolean', () => {
    for (const name of API_NAMES) {
      const row = rows[name]!;
      for (const code of Object.values(row.params)) expect('snbaoxSNBAOX').toContain(code);
      for (const c of row.cancel ?? []) expect(row.errors?.[c], `${name} cancel ${c}`).toBeTruthy();
      if (row.alias) expect(row.alias.name).toMatch(/^[a-zA-Z]+$/);
      // true, or the parameter whose `true` opens UI (saveImage's showActionSheet, a boolean parameter).
      if (typeof row.ui === 'string') expect((row.params as Record<string, string>)[row.ui], `${name}.ui`).toBe('b');
      else expect([undefined, true]).toContain(row.ui);
      expect(['essential', 'ui', 'media', 'storage', 'file', 'location', 'network', 'device', 'framework', 'undocumented']).toContain(row.group);
      if (row.defaults) for (const k of Object.keys(row.defaults)) expect(Object.keys(row.params), `${name}.${k}`).toContain(k);
    }
  });

  it("canIUse's copy (src/table/since.ts) is exactly the table's names, in order, and since values", () => {
    expect(NAMES).toEqual([...API_NAMES]);
    const since = Object.fromEntries(API_NAMES.filter((n) => rows[n]!.since !== undefined).map((n) => [n, rows[n]!.since]));
    expect({ ...SINCE }).toEqual(since);
  });
});
