// @vitest-environment node
/**
 * An id is only ever a key: in a fresh state's tables (no prototype), in a state.json being migrated
 * (a saved "__proto__" key is a record, not the prototype), and in the database, where records put
 * under hostile ids come back as themselves and nothing else finds them (issue 19, item 4; the HTTP
 * walk is hostile-ids.test.ts).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { initialState, own, TABLE_NAMES, type State } from '../../src/sandbox/state.js';
import { STORED_TABLES } from '../../src/sandbox/schema.js';
import { Store } from '../../src/sandbox/store.js';
import { ALI, tempDir } from './merchant.js';

const HOSTILE = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'isPrototypeOf'];
const CLIENT = '2026000000000001';
const protoNames = Object.getOwnPropertyNames(Object.prototype).sort();

const dirs: Array<{ remove(): void }> = [];
const stores: Store[] = [];
afterEach(() => {
  stores.splice(0).forEach((s) => s.close());
  dirs.splice(0).forEach((d) => d.remove());
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoNames);
});
const open = (dir: string, warnings: string[] = []) => {
  const store = new Store({ dir, clientId: CLIENT, onWarning: (m) => warnings.push(m) });
  stores.push(store);
  return store;
};

const prototypes = (s: State) => TABLE_NAMES.map((t) => Object.getPrototypeOf(s[t]));

it('a fresh state: every table is prototype-free; no hostile id finds anything', () => {
  const s = initialState(CLIENT);
  expect(prototypes(s)).toEqual(TABLE_NAMES.map(() => null));
  for (const t of TABLE_NAMES) for (const id of HOSTILE) expect(s[t][id], `${t}[${id}]`).toBeUndefined();
  expect(own(s.users, ALI)?.userId).toBe(ALI);
  expect(own({ a: 1 } as Record<string, number>, 'toString')).toBeUndefined();
});

it('a fresh database: no hostile id finds anything in any table', () => {
  const tmp = tempDir();
  dirs.push(tmp);
  const store = open(tmp.dir);
  for (const t of STORED_TABLES) for (const id of HOSTILE) expect(store.get(t, id), `${t}[${id}]`).toBeUndefined();
  expect(store.get('users', ALI)?.userId).toBe(ALI);
});

it('a migrated state.json: a saved "__proto__" key is a record, not the prototype', () => {
  const tmp = tempDir();
  dirs.push(tmp);
  const saved = JSON.parse(JSON.stringify(initialState(CLIENT))) as Record<string, Record<string, unknown>>;
  // consents are keyed `${userId} ${clientId}` and hold no id of their own: any key is a valid record
  writeFileSync(join(tmp.dir, 'state.json'), JSON.stringify(saved).replace('"consents":{}', '"consents":{"__proto__":["USER_ID"],"constructor":["USER_NAME"]}'));
  const warnings: string[] = [];
  const store = open(tmp.dir, warnings);
  expect(warnings).toEqual([]);
  expect(store.all('consents')).toEqual([['USER_ID'], ['USER_NAME']]);
  expect(store.transact((tx) => [tx.get('consents', '__proto__'), tx.get('consents', 'constructor'), tx.get('consents', 'toString'), tx.get('users', 'constructor')])).toEqual([
    ['USER_ID'],
    ['USER_NAME'],
    undefined,
    undefined,
  ]);
});

it('records put under hostile ids come back as themselves, after a restart too, and leave every prototype alone', () => {
  const tmp = tempDir();
  dirs.push(tmp);
  const store = open(tmp.dir);
  store.transact((tx) => HOSTILE.forEach((id, i) => tx.put('consents', id, [`S${i}`])));
  expect(HOSTILE.map((id) => store.get('consents', id))).toEqual(HOSTILE.map((_, i) => [`S${i}`]));
  expect(store.transact((tx) => tx.all('consents')).length).toBe(HOSTILE.length);
  store.close();
  const again = open(tmp.dir);
  expect(HOSTILE.map((id) => again.get('consents', id))).toEqual(HOSTILE.map((_, i) => [`S${i}`]));
  expect(again.get('consents', 'hasOwnProperty ')).toBeUndefined();
});
