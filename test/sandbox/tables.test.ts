// @vitest-environment node
/**
 * The store's tables have no prototype — fresh, loaded from disk, and after a transaction puts a
 * record under `__proto__` — so an id is only ever an own key (issue 19, item 4; the HTTP walk is
 * hostile-ids.test.ts).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { initialState, own, TABLE_NAMES, type State } from '../../src/sandbox/state.js';
import { Store } from '../../src/sandbox/store.js';
import { ALI, tempDir } from './merchant.js';

const HOSTILE = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'isPrototypeOf'];
const CLIENT = '2026000000000001';
const protoNames = Object.getOwnPropertyNames(Object.prototype).sort();

const dirs: Array<{ remove(): void }> = [];
afterEach(() => {
  dirs.splice(0).forEach((d) => d.remove());
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoNames);
});

const prototypes = (s: State) => TABLE_NAMES.map((t) => Object.getPrototypeOf(s[t]));

it('a fresh state: every table is prototype-free; no hostile id finds anything', () => {
  const s = initialState(CLIENT);
  expect(prototypes(s)).toEqual(TABLE_NAMES.map(() => null));
  for (const t of TABLE_NAMES) for (const id of HOSTILE) expect(s[t][id], `${t}[${id}]`).toBeUndefined();
  expect(own(s.users, ALI)?.userId).toBe(ALI);
  expect(own({ a: 1 } as Record<string, number>, 'toString')).toBeUndefined();
});

it('a loaded state: prototype-free tables, a saved "__proto__" key an own record, not the prototype', () => {
  const tmp = tempDir();
  dirs.push(tmp);
  const saved = JSON.parse(JSON.stringify(initialState(CLIENT))) as Record<string, Record<string, unknown>>;
  // consents are keyed `${userId} ${clientId}` and hold no id of their own: any key is a valid record
  writeFileSync(join(tmp.dir, 'state.json'), JSON.stringify(saved).replace('"consents":{}', '"consents":{"__proto__":["USER_ID"],"constructor":["USER_NAME"]}'));
  const warnings: string[] = [];
  const store = new Store({ dir: tmp.dir, clientId: CLIENT, onWarning: (m) => warnings.push(m) });
  expect(warnings).toEqual([]);
  expect(prototypes(store.state)).toEqual(TABLE_NAMES.map(() => null));
  expect(Object.keys(store.state.consents)).toEqual(['__proto__', 'constructor']);
  expect(store.transact((tx) => [tx.get('consents', '__proto__'), tx.get('consents', 'toString'), tx.get('users', 'constructor')])).toEqual([['USER_ID'], undefined, undefined]);
});

it('a transaction putting records under hostile ids makes own keys and leaves every prototype alone', async () => {
  const tmp = tempDir();
  dirs.push(tmp);
  const store = new Store({ dir: tmp.dir, clientId: CLIENT });
  store.transact((tx) => HOSTILE.forEach((id, i) => tx.put('consents', id, [`S${i}`])));
  expect(prototypes(store.state)).toEqual(TABLE_NAMES.map(() => null));
  expect(Object.keys(store.state.consents).sort()).toEqual([...HOSTILE].sort());
  expect(store.transact((tx) => tx.all('consents')).length).toBe(HOSTILE.length);
  await store.flush();
  // and they load back as own keys
  const again = new Store({ dir: tmp.dir, clientId: CLIENT });
  expect(Object.keys(again.state.consents).sort()).toEqual([...HOSTILE].sort());
  expect(Object.getPrototypeOf(again.state.consents)).toBeNull();
});
