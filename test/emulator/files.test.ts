/** The emulator's file store and its helpers: paths, temporary and saved files, the limit, digests. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { install, uninstall } from '../../src/emulator/index.js';
import { md5, sha1, sha1Sync, toBase64 } from '../../src/emulator/digest.js';
import {
  createFileStore,
  releaseFilesOf,
  fileIdOf,
  filesOf,
  newFileId,
  SAVED_FILES_LIMIT,
  savedFilesBackend,
  suffixFor,
} from '../../src/emulator/files.js';
import { nodeDigest } from '../support/loopback-server.js';

const bytesOf = async (b: Blob) => new Uint8Array(await b.arrayBuffer());
const uniqueApp = () => `files-test-${Math.random().toString(36).slice(2)}`;

describe('paths', () => {
  it('ids are apml + 32 hex digits, and differ', () => {
    const a = newFileId();
    expect(a).toMatch(/^apml[0-9a-f]{32}$/);
    expect(newFileId()).not.toBe(a);
  });

  it.each([
    ['image/png', 'a.png', '.image'],
    ['image/jpeg', '', '.image'],
    ['video/mp4', 'clip.mp4', '.video'],
    ['application/pdf', 'Invoice.PDF', '.pdf'],
    ['application/pdf', '', '.pdf'],
    ['text/plain', 'notes', '.txt'],
    ['', 'archive.zip', '.zip'],
    ['application/octet-stream', '', '.file'],
  ])('suffixFor(%j, %j) is %s', (type, name, suffix) => {
    expect(suffixFor(type, name)).toBe(suffix);
  });

  it('temporary paths are loadable object URLs carrying the host-like id and suffix', async () => {
    const store = createFileStore(uniqueApp());
    const file = store.addTemp(new File(['png'], 'x.png', { type: 'image/png' }));
    expect(file.path).toMatch(/^blob:.+#apml[0-9a-f]{32}\.image$/);
    expect(file.hostPath).toBe(`https://resource/${file.id}.image`);
    expect(file.saved).toBe(false);
    expect(file.name).toBe('x.png');
    expect(file.size).toBe(3);
    // every form names the same file
    expect(fileIdOf(file.path)).toBe(file.id);
    expect(fileIdOf(file.hostPath)).toBe(file.id);
    const url = await store.pathToUrl(file.path);
    expect(url).toMatch(/^blob:[^#]+$/);
    expect(fileIdOf(url!)).toBe(file.id);
    for (const p of [file.path, file.hostPath, url!]) expect((await store.find(p))?.blob).toBe(file.blob);
  });

  it('unknown and foreign paths are not store paths', async () => {
    const store = createFileStore(uniqueApp());
    for (const p of ['', 'image/a.png', 'https://example.com/a.png', 'https://resource/apml123.image', 'https://example.com/x#apml' + '0'.repeat(32) + '.image']) {
      expect(store.isStorePath(p)).toBe(false);
      expect(await store.find(p)).toBeUndefined();
    }
    const unknown = `https://resource/${newFileId()}.image`;
    expect(store.isStorePath(unknown)).toBe(true);
    expect(await store.find(unknown)).toBeUndefined();
    expect(await store.pathToUrl(unknown)).toBeUndefined();
  });

  it('temporary files belong to their store (one per emulator)', async () => {
    const a = filesOf({ appId: 'same' });
    const b = filesOf({ appId: 'same' });
    expect(a).not.toBe(b);
    const em = { appId: 'same' };
    expect(filesOf(em)).toBe(filesOf(em));
    const file = a.addTemp(new Blob(['x']));
    expect(await b.find(file.path)).toBeUndefined();
  });
});

describe('saved files', () => {
  it('happy-dom has no IndexedDB: saved files live in memory', async () => {
    expect(typeof (globalThis as { indexedDB?: unknown }).indexedDB).toBe('undefined');
    expect(await savedFilesBackend()).toBe('memory');
  });

  it('save copies a temporary file under a new id; list, find and remove', async () => {
    const store = createFileStore(uniqueApp());
    const temp = store.addTemp(new File(['hello'], 'hello.txt', { type: 'text/plain' }));
    const before = Date.now();
    const out = await store.save(temp.path);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const saved = out.file;
    expect(saved.id).not.toBe(temp.id);
    expect(saved.saved).toBe(true);
    expect(saved.suffix).toBe('.txt');
    expect(saved.name).toBe('hello.txt');
    expect(saved.createTime).toBeGreaterThanOrEqual(before);
    expect(new TextDecoder().decode(await bytesOf((await store.find(saved.path))!.blob))).toBe('hello');
    expect((await store.savedFiles()).map((f) => f.id)).toEqual([saved.id]);
    // the temporary file is still there
    expect(await store.find(temp.path)).toBeDefined();
    // saving a saved file copies it again
    const again = await store.save(saved.hostPath);
    expect(again.ok && again.file.id !== saved.id).toBe(true);
    expect(await store.removeSaved(saved.path)).toBe(true);
    expect(await store.removeSaved(saved.path)).toBe(false);
    expect(await store.find(saved.path)).toBeUndefined();
    expect(await store.removeSaved(temp.path)).toBe(false);
    expect((await store.savedFiles()).length).toBe(1);
  });

  it('saved files are shared by stores of the same miniapp and kept apart from other miniapps', async () => {
    const app = uniqueApp();
    const one = createFileStore(app);
    const out = await one.save(one.addTemp(new Blob(['x'])).path);
    expect(out.ok).toBe(true);
    const path = out.ok ? out.file.hostPath : '';
    const two = createFileStore(app);
    expect((await two.find(path))?.saved).toBe(true);
    const other = createFileStore(uniqueApp());
    expect(await other.find(path)).toBeUndefined();
    expect(await other.savedFiles()).toEqual([]);
    expect(await other.removeSaved(path)).toBe(false);
    expect(await two.find(path)).toBeDefined();
  });

  it('the 10 MB limit refuses a save that would pass it and writes nothing; removing frees space', async () => {
    expect(SAVED_FILES_LIMIT).toBe(10 * 1024 * 1024);
    const store = createFileStore(uniqueApp());
    const six = store.addTemp(new Blob([new Uint8Array(6 * 1024 * 1024)]));
    const five = store.addTemp(new Blob([new Uint8Array(5 * 1024 * 1024)]));
    const first = await store.save(six.path);
    expect(first.ok).toBe(true);
    const refused = await store.save(five.path);
    expect(refused).toMatchObject({ ok: false, reason: 'full' });
    expect((await store.savedFiles()).length).toBe(1);
    // exactly up to the limit is fine
    const rest = store.addTemp(new Blob([new Uint8Array(4 * 1024 * 1024)]));
    expect((await store.save(rest.path)).ok).toBe(true);
    expect((await store.save(store.addTemp(new Blob(['1'])).path)).ok).toBe(false);
    if (first.ok) await store.removeSaved(first.file.path);
    expect((await store.save(five.path)).ok).toBe(true);
  });

  it('concurrent saves cannot pass the limit together', async () => {
    const store = createFileStore(uniqueApp());
    const files = [1, 2, 3].map(() => store.addTemp(new Blob([new Uint8Array(4 * 1024 * 1024)])));
    const outcomes = await Promise.all(files.map((f) => store.save(f.path)));
    expect(outcomes.filter((o) => o.ok).length).toBe(2);
  });

  it('a missing source is reported', async () => {
    const store = createFileStore(uniqueApp());
    expect(await store.save(`https://resource/${newFileId()}.image`)).toMatchObject({ ok: false, reason: 'missing' });
  });
});

describe('digests', () => {
  const samples: [string, Uint8Array][] = [
    ['empty', new Uint8Array(0)],
    ['abc', new TextEncoder().encode('abc')],
    ['55 bytes', new Uint8Array(55).fill(97)],
    ['56 bytes', new Uint8Array(56).fill(98)],
    ['63 bytes', new Uint8Array(63).fill(99)],
    ['64 bytes', new Uint8Array(64).fill(100)],
    ['1000 random bytes', Uint8Array.from({ length: 1000 }, (_, i) => (i * 7919 + 13) & 0xff)],
    ['a subarray', new Uint8Array(300).map((_, i) => i & 0xff).subarray(3, 203)],
  ];

  it.each(samples)('md5 and sha1 of %s match Node’s crypto', async (_name, bytes) => {
    expect(md5(bytes)).toBe(await nodeDigest('md5', bytes));
    expect(sha1Sync(bytes)).toBe(await nodeDigest('sha1', bytes));
    expect(await sha1(bytes)).toBe(await nodeDigest('sha1', bytes));
  });

  it('known vectors', () => {
    const abc = new TextEncoder().encode('The quick brown fox jumps over the lazy dog');
    expect(md5(abc)).toBe('9e107d9d372bb6826bd81d3542a419d6');
    expect(sha1Sync(abc)).toBe('2fd4e1c67a2d28fced849ee1bb76e7391b93eb12');
  });

  it('sha1 falls back to JS without WebCrypto', async () => {
    const subtle = Object.getOwnPropertyDescriptor(globalThis.crypto, 'subtle');
    Object.defineProperty(globalThis.crypto, 'subtle', { value: undefined, configurable: true });
    try {
      expect(await sha1(new TextEncoder().encode('abc'))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    } finally {
      if (subtle) Object.defineProperty(globalThis.crypto, 'subtle', subtle);
      else delete (globalThis.crypto as { subtle?: unknown }).subtle;
    }
  });

  it('base64', () => {
    expect(toBase64(new Uint8Array([0, 1, 2, 250, 255]))).toBe('AAEC+v8=');
    const big = Uint8Array.from({ length: 100_000 }, (_, i) => i & 0xff);
    expect(atob(toBase64(big)).length).toBe(100_000);
  });
});

describe('releasing temporary files', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    uninstall();
  });

  it('releaseTemp revokes the object URLs of the temporary files and forgets them', async () => {
    const store = createFileStore(uniqueApp());
    const a = store.addTemp(new Blob(['a']));
    const b = store.addTemp(new Blob(['b']));
    const revoke = vi.spyOn(URL, 'revokeObjectURL');
    store.releaseTemp();
    expect(revoke.mock.calls.map((c) => c[0]).sort()).toEqual([a.path, b.path].map((p) => p.replace(/#.*$/, '')).sort());
    expect(await store.find(a.path)).toBeUndefined();
    expect(await store.find(b.hostPath)).toBeUndefined();
  });

  it("uninstalling the emulator frees its temporary files but keeps the miniapp's saved files", async () => {
    const em = install({ ui: 'auto', appId: uniqueApp() });
    const temp = filesOf(em).addTemp(new Blob(['temp']));
    const saved = await filesOf(em).save(filesOf(em).addTemp(new Blob(['kept'])).path);
    expect(saved.ok).toBe(true);
    const revoke = vi.spyOn(URL, 'revokeObjectURL');
    uninstall();
    expect(revoke).toHaveBeenCalledWith(temp.path.replace(/#.*$/, ''));
    const again = install({ ui: 'auto', appId: em.appId });
    expect(await filesOf(again).find(temp.path)).toBeUndefined();
    const kept = saved.ok ? await filesOf(again).find(saved.file.path) : undefined;
    expect(kept && new TextDecoder().decode(await kept.blob.arrayBuffer())).toBe('kept');
    releaseFilesOf(again); // a second release is harmless
    releaseFilesOf(again);
  });
});
