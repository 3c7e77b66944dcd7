// @vitest-environment node
/**
 * The reliability suite's data half, in Chromium with the built script tags and the browser's real
 * localStorage and IndexedDB:
 *
 * - quota exceeded (the browser's own QuotaExceededError, and the 10 MB saved-files limit) keeps the
 *   old value;
 * - a corrupted stored entry (storage envelope, saved file whose bytes are gone) gives an error, not a
 *   crash, and the rest keeps working;
 * - storage and saved files survive a reload.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html, launchChromium, serve } from '../support/browser.js';

/** A miniapp page (appId from `?app=`) whose fixture file for chooseFileFromDisk is `?mb=` MB of bytes. */
const PAGE = `<!doctype html><html><head><meta charset="utf-8">
<script>
  const q = new URLSearchParams(location.search);
  const mb = Number(q.get('mb') || 0);
  const bytes = new Uint8Array(Math.round(mb * 1024 * 1024));
  for (let i = 0; i < bytes.length; i += 4096) bytes[i] = (i / 4096) % 251;
  window.SuperQiEmulatorConfig = {
    ui: 'auto',
    appId: q.get('app') || 'data-app',
    fixtures: mb ? { files: [new File([bytes], 'fixture.bin', { type: 'application/octet-stream' })] } : {},
  };
</script>
<script src="/dist/superqi-emulator.iife.js"></script>
<script src="/dist/superqi-bridge.iife.js"></script>
</head><body></body></html>`;

describe('data in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serve>>;

  beforeAll(async () => {
    server = await serve({ '/data.html': html(PAGE) });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens the page in `context`; records page errors. */
  async function open(context: BrowserContext, query: string): Promise<{ page: Page; errors: string[] }> {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/data.html?${query}`);
    return { page, errors };
  }

  /** Runs `code` (an async function body; `S` is window.SuperQi) in the page. */
  const run = (page: Page, code: string): Promise<unknown> => page.evaluate(`(async () => { const S = window.SuperQi; ${code} })()`);

  /** `S.x(...)` settled as `{ ok, value }` or `{ ok: false, name, code, message }`. */
  const SETTLE = `const settle = (p) => p.then((value) => ({ ok: true, value }), (e) => ({ ok: false, name: e.name, code: e.code, message: e.errorMessage }));`;

  it("the browser's quota refuses a write: the old value stays, the miniapp keeps working", async () => {
    const context = await browser.newContext();
    try {
      const { page, errors } = await open(context, 'app=quota');
      const out = (await run(
        page,
        `${SETTLE}
        await S.setStorage({ key: 'profile', data: { name: 'old' } });
        // fill the origin's localStorage outside the miniapp's namespace, in shrinking chunks, until nothing fits
        let filled = 0;
        for (let size = 1 << 20, i = 0; size >= 1; size >>= 2) {
          for (;;) {
            try { localStorage.setItem('filler-' + i++, 'f'.repeat(size)); filled += size; } catch (e) { if (e.name !== 'QuotaExceededError') throw e; break; }
          }
        }
        const write = await settle(S.setStorage({ key: 'profile', data: { name: 'new', pad: 'p'.repeat(4096) } }));
        const fresh = await settle(S.setStorage({ key: 'other', data: 'x'.repeat(4096) }));
        const read = await S.getStorage({ key: 'profile' });
        const other = await S.getStorage({ key: 'other' });
        for (const k of Object.keys(localStorage)) if (k.startsWith('filler-')) localStorage.removeItem(k);
        const after = await settle(S.setStorage({ key: 'profile', data: { name: 'newer' } }));
        return { filled, write, fresh, read, other, after, now: await S.getStorage({ key: 'profile' }) };`,
      )) as Record<string, { ok?: boolean; code?: unknown; message?: string; data?: unknown } & Record<string, unknown>>;
      expect(out['filled']).toBeGreaterThan(1_000_000);
      expect(out['write']).toMatchObject({ ok: false, name: 'HostError', code: 3 });
      expect(out['write']!.message).toMatch(/refused the write \(QuotaExceededError/);
      expect(out['fresh']).toMatchObject({ ok: false, name: 'HostError', code: 3 });
      expect(out['read']).toEqual({ data: { name: 'old' } });
      expect(out['other']).toEqual({ data: null });
      expect(out['after']).toMatchObject({ ok: true });
      expect(out['now']).toEqual({ data: { name: 'newer' } });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the 10 MB saved-files limit refuses a save and writes nothing; the saved file stays', async () => {
    const context = await browser.newContext();
    try {
      const { page, errors } = await open(context, 'app=files-quota&mb=6');
      const out = (await run(
        page,
        `${SETTLE}
        const first = await S.chooseFileFromDisk();
        const saved = await S.saveFile({ apFilePath: first.apFilePath });
        const second = await S.chooseFileFromDisk();
        const refused = await settle(S.saveFile({ apFilePath: second.apFilePath }));
        const list = await S.getSavedFileList();
        const info = await S.getSavedFileInfo({ apFilePath: saved.apFilePath });
        return { refused, count: list.fileList.length, same: list.fileList[0].apFilePath === saved.apFilePath, size: info.size };`,
      )) as { refused: { ok: boolean; code: unknown; message: string }; count: number; same: boolean; size: number };
      expect(out.refused).toMatchObject({ ok: false, code: 3 });
      expect(out.refused.message).toMatch(/limited to 10485760 bytes/);
      expect(out).toMatchObject({ count: 1, same: true, size: 6 * 1024 * 1024 });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a corrupted stored entry gives an error, not a crash; the other entries and a rewrite still work', async () => {
    const context = await browser.newContext();
    try {
      const { page, errors } = await open(context, 'app=corrupt&mb=0.01');
      const out = (await run(
        page,
        `${SETTLE}
        await S.setStorage({ key: 'good', data: { ok: 1 } });
        const corrupt = {
          'not-json': '{"v":1,"type":"json","data":',
          'wrong-version': JSON.stringify({ v: 2, type: 'json', data: 1 }),
          'type-mismatch': JSON.stringify({ v: 1, type: 'string', data: { not: 'a string' } }),
          'no-data': JSON.stringify({ v: 1, type: 'json' }),
          'null': 'null',
          'bare-string': 'hello',
        };
        for (const [k, v] of Object.entries(corrupt)) localStorage.setItem('superqi:corrupt:' + k, v);
        const reads = {};
        for (const k of Object.keys(corrupt)) reads[k] = await settle(S.getStorage({ key: k }));
        const good = await S.getStorage({ key: 'good' });
        await S.setStorage({ key: 'not-json', data: 'repaired' });
        const repaired = await S.getStorage({ key: 'not-json' });
        await S.removeStorage({ key: 'null' });
        const removed = await S.getStorage({ key: 'null' });

        // a saved file whose bytes are gone from IndexedDB (its metadata is left behind)
        const picked = await S.chooseFileFromDisk();
        const keep = await S.saveFile({ apFilePath: picked.apFilePath });
        const broken = await S.saveFile({ apFilePath: picked.apFilePath });
        const id = broken.apFilePath.match(/#(apml[0-9a-f]{32})/)[1];
        await new Promise((resolve, reject) => {
          const open = indexedDB.open('superqi-bridge-emulator');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('savedFileBytes', 'readwrite');
            tx.objectStore('savedFileBytes').delete('corrupt\\u0000' + id);
            tx.oncomplete = () => { open.result.close(); resolve(); };
            tx.onerror = () => reject(tx.error);
          };
        });
        const brokenInfo = await settle(S.getSavedFileInfo({ apFilePath: broken.apFilePath }));
        const list = await settle(S.getSavedFileList());
        const keepInfo = await settle(S.getSavedFileInfo({ apFilePath: keep.apFilePath }));
        return { reads, good, repaired, removed, brokenInfo, list, keepInfo, keep: keep.apFilePath };`,
      )) as {
        reads: Record<string, { ok: boolean; name?: string; code?: unknown; message?: string }>;
        good: unknown;
        repaired: unknown;
        removed: unknown;
        brokenInfo: { ok: boolean; code?: unknown };
        list: { ok: boolean; value: { fileList: { apFilePath: string }[] } };
        keepInfo: { ok: boolean };
        keep: string;
      };
      expect(Object.keys(out.reads)).toHaveLength(6);
      for (const [k, r] of Object.entries(out.reads)) {
        expect(r, k).toMatchObject({ ok: false, name: 'HostError', code: 3 });
        expect(r.message, k).toMatch(/is corrupted; removeStorage or setStorage replaces it/);
      }
      expect(out.good).toEqual({ data: { ok: 1 } });
      expect(out.repaired).toEqual({ data: 'repaired' });
      expect(out.removed).toEqual({ data: null });
      expect(out.brokenInfo).toMatchObject({ ok: false, code: 2 });
      expect(out.list.ok).toBe(true);
      expect(out.list.value.fileList.map((f) => f.apFilePath)).toEqual([out.keep]);
      expect(out.keepInfo.ok).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('storage and saved files survive a reload (the saved path kept in storage still works)', async () => {
    const context = await browser.newContext();
    try {
      const { page, errors } = await open(context, 'app=reload&mb=0.05');
      const before = (await run(
        page,
        `const picked = await S.chooseFileFromDisk();
        const saved = await S.saveFile({ apFilePath: picked.apFilePath });
        const bytes = new Uint8Array(await (await fetch(saved.apFilePath)).arrayBuffer());
        await S.setStorage({ key: 'state', data: { savedPath: saved.apFilePath, note: 'before reload', n: [1, 2, 3] } });
        await S.setStorage({ key: 'text', data: 'plain string' });
        return { path: saved.apFilePath, size: bytes.length, sum: bytes.reduce((a, b) => (a * 31 + b) >>> 0, 7) };`,
      )) as { path: string; size: number; sum: number };
      expect(before.size).toBe(Math.round(0.05 * 1024 * 1024));

      await page.reload();
      const after = (await run(
        page,
        `const state = (await S.getStorage({ key: 'state' })).data;
        const text = (await S.getStorage({ key: 'text' })).data;
        const list = (await S.getSavedFileList()).fileList;
        const info = await S.getSavedFileInfo({ apFilePath: state.savedPath });
        const digest = await S.getFileInfo({ apFilePath: state.savedPath });
        const bytes = new Uint8Array(await (await fetch(list[0].apFilePath)).arrayBuffer());
        return { state, text, paths: list.map((f) => f.apFilePath), info, digest, size: bytes.length, sum: bytes.reduce((a, b) => (a * 31 + b) >>> 0, 7) };`,
      )) as { state: { savedPath: string; note: string; n: number[] }; text: string; paths: string[]; info: { size: number }; digest: { size: number }; size: number; sum: number };
      expect(after.state).toEqual({ savedPath: before.path, note: 'before reload', n: [1, 2, 3] });
      expect(after.text).toBe('plain string');
      // the saved file is listed under the same id (a new object URL, as a new page load has)
      const id = (p: string) => /#(apml[0-9a-f]{32})/.exec(p)?.[1];
      expect(after.paths.map(id)).toEqual([id(before.path)]);
      expect(after.info.size).toBe(before.size);
      expect(after.digest.size).toBe(before.size);
      expect({ size: after.size, sum: after.sum }).toEqual({ size: before.size, sum: before.sum });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
