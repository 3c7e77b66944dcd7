// @vitest-environment node
/**
 * Saved-file records read back from IndexedDB are checked like storage entries (issue 11, item 12), in
 * Chromium: a record another tab, an old version or a hand edit left with the wrong shape
 * (`createTime: "yesterday"`, a foreign id, bytes of another size) makes getSavedFileList answer
 * error 3 — nothing of it reaches the page — and nothing is deleted: the good record and the bad one
 * are both still there, and removing the bad one brings the list back.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html, launchChromium, serve } from '../support/browser.js';

const PAGE = `<!doctype html><html><head><meta charset="utf-8"></head><body>
<script>window.SuperQiEmulatorConfig = { ui: 'auto', appId: 'records' };</script>
<script src="/dist/superqi-emulator.iife.js"></script>
<script src="/dist/superqi-bridge.iife.js"></script>
<script>
  /** Runs fn(store) on one object store of the emulator's database. */
  window.db = (name, mode, fn) => new Promise((resolve, reject) => {
    const open = indexedDB.open('superqi-bridge-emulator');
    open.onsuccess = () => {
      const tx = open.result.transaction(name, mode);
      const req = fn(tx.objectStore(name));
      tx.oncomplete = () => { open.result.close(); resolve(req && req.result); };
      tx.onerror = () => reject(tx.error);
    };
    open.onerror = () => reject(open.error);
  });
</script>
</body></html>`;

const BAD_ID = 'apml' + 'b'.repeat(32);

/** Corrupt records: each one alone must make the list answer 3. */
const CORRUPT: [string, Record<string, unknown>, number][] = [
  ['createTime "yesterday"', { createTime: 'yesterday' }, 3],
  ['a size that is no number', { size: '3' }, 3],
  ['bytes of another size', { size: 99 }, 3],
  ['an id of another shape', { id: 'apml-not-an-id' }, 3],
  ['a suffix with markup', { suffix: '.<svg>' }, 3],
];

describe('corrupt saved-file records', { timeout: 30000 }, () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serve>>;

  beforeAll(async () => {
    server = await serve({ '/page.html': html(PAGE) });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(CORRUPT)('%s: getSavedFileList answers error 3, deletes nothing, and recovers once the record is removed', async (_label, change, code) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/page.html`);
    // A good saved file first.
    const good = await page.evaluate(`(async () => {
      const { apFilePath } = await my.downloadFile({ url: location.origin + '/package.json' });
      return (await my.saveFile({ apFilePath })).apFilePath;
    })()`);
    expect(good).toMatch(/apml/);
    const record = { key: 'records\u0000' + BAD_ID, appId: 'records', id: BAD_ID, suffix: '.pdf', name: 'x.pdf', type: 'application/pdf', size: 3, createTime: 1, ...change };
    await page.evaluate(
      ([r]) => {
        const w = window as unknown as { db(n: string, m: string, f: (s: IDBObjectStore) => unknown): Promise<unknown> };
        return Promise.all([
          w.db('savedFiles', 'readwrite', (s) => s.put(r)),
          w.db('savedFileBytes', 'readwrite', (s) => s.put(new Uint8Array([1, 2, 3]).buffer, (r as { key: string }).key)),
        ]);
      },
      [record],
    );
    const answer = await page.evaluate("my.getSavedFileList().then((r) => ({ ok: r }), (e) => ({ code: e.code, message: e.errorMessage }))");
    expect(answer).toMatchObject({ code });
    expect(await page.evaluate("db('savedFiles', 'readonly', (s) => s.count())")).toBe(2);
    await page.evaluate(`db('savedFiles', 'readwrite', (s) => s.delete(${JSON.stringify(record.key)}))`);
    const list = (await page.evaluate("my.getSavedFileList().then((r) => r.fileList.map((f) => typeof f.createTime))")) as string[];
    expect(list).toEqual(['number']);
    await context.close();
  });
});
