/**
 * The emulator's file store. Files get host-like ids (`apml` + 32 hex digits) and a type suffix
 * (`.image`, `.video`, else the file's own extension, else `.file`), as the host's
 * `https://resource/apml….image` paths have.
 *
 * - Temporary files (chooseImage, chooseVideo, chooseFileFromDisk, downloadFile, compressImage,
 *   getImageInfo of a URL) live in memory, one store per emulator.
 * - Saved files (saveFile) persist in IndexedDB (database `superqi-bridge-emulator`), namespaced by the
 *   miniapp id; where IndexedDB is missing or refuses to open, in memory for the page's lifetime
 *   (shared by every emulator of the page with the same miniapp id). At most 10 MB each miniapp.
 *
 * The paths pages get are loadable: a real host serves its `https://resource/…` paths to `<img src>`,
 * which a page cannot do, so the emulator answers `blob:<object URL>#apml….image` — an object URL with
 * the host-like id as its fragment. `img.src = apFilePath`, `<video src>`, `<a href>` and `fetch` work
 * on it in browsers, and every file API recognises it by the id, also in the host's own form
 * `https://resource/apml….image`. A saved file's object URL changes with each page load, but its id
 * does not, so a saved path kept from an earlier load (in storage, say) still works with the file APIs.
 * Without `URL.createObjectURL` the paths are the host form.
 */
import { bare, ownValue } from '../core/own.js';
import { HOST_TABLE as TABLE } from '../table/index.js';
import { hexOf } from './digest.js';

/** One file of the store. */
export interface StoredFile {
  /** `apml` + 32 hex digits. */
  readonly id: string;
  /** `.image`, `.video`, `.pdf`…, with the dot. */
  readonly suffix: string;
  /** The path the page gets (see the module comment). */
  readonly path: string;
  /** The host's form of the path: `https://resource/<id><suffix>`. */
  readonly hostPath: string;
  readonly blob: Blob;
  /** The original file name (for uploads, downloads, the document viewer). */
  readonly name: string;
  readonly size: number;
  /** ms since the epoch. */
  readonly createTime: number;
  /** Saved with saveFile (else temporary). */
  readonly saved: boolean;
}

/** How saveFile went. */
export type SaveOutcome = { ok: true; file: StoredFile } | { ok: false; reason: 'missing' | 'full' | 'failed'; message: string };

/** The file store of one emulator. */
export interface FileStore {
  /** The miniapp id saved files are kept under. */
  readonly appId: string;
  /** Adds a temporary file; `name` defaults to the File's name. */
  addTemp(blob: Blob, name?: string): StoredFile;
  /** Whether `path` has the shape of a store path (it may still not exist). */
  isStorePath(path: string): boolean;
  /** The temporary or saved file at `path`. */
  find(path: string): Promise<StoredFile | undefined>;
  /** Copies a temporary or saved file into the saved files; refuses past the 10 MB total. */
  save(path: string): Promise<SaveOutcome>;
  /** Every saved file of this miniapp, oldest first. */
  savedFiles(): Promise<StoredFile[]>;
  /** Deletes a saved file; false when `path` is no saved file of this miniapp. */
  removeSaved(path: string): Promise<boolean>;
  /** A URL a page element can load `path` from (an object URL), or undefined when `path` is not in the store. */
  pathToUrl(path: string): Promise<string | undefined>;
  /**
   * An object URL of `file`'s bytes typed `application/pdf` (whatever type the file came with), for the
   * document viewer: a file that starts with `%PDF-` but is HTML/SVG never renders as a page there.
   */
  pdfUrl(file: StoredFile): string;
  /** Drops the temporary files and revokes their object URLs (their emulator is going away). */
  releaseTemp(): void;
}

/** chooseFileFromDisk's limit, from the table. */
export const MAX_PICK_BYTES: number = TABLE.chooseFileFromDisk.limits?.['maxFileBytes'] ?? 50 * 1024 * 1024;

/** The saved-files limit, from the table. */
export const SAVED_FILES_LIMIT: number = TABLE.saveFile.limits?.['maxTotalBytes'] ?? 10 * 1024 * 1024;

const HOST_PREFIX = 'https://resource/';
const HOST_PATH = /^https:\/\/resource\/(apml[0-9a-f]{32})(\.[a-z0-9]{1,10})$/i;
const FRAGMENT = /^blob:[^#]*#(apml[0-9a-f]{32})(\.[a-z0-9]{1,10})$/i;

/** A new host-like id. */
export function newFileId(): string {
  const bytes = new Uint8Array(16);
  if (globalThis.crypto?.getRandomValues) globalThis.crypto.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return 'apml' + hexOf(bytes);
}

/** The type suffix for a file: `.image`, `.video`, else its extension (by name, then by type), else `.file`. */
export function suffixFor(type: string, name = ''): string {
  if (type.startsWith('image/')) return '.image';
  if (type.startsWith('video/')) return '.video';
  const ext = /\.([a-z0-9]{1,10})$/i.exec(name)?.[1];
  if (ext) return '.' + ext.toLowerCase();
  if (type === 'application/pdf') return '.pdf';
  if (type.startsWith('text/')) return '.txt';
  return '.file';
}

const canObjectUrl = (): boolean => typeof URL !== 'undefined' && typeof URL.createObjectURL === 'function';

/** Object URLs the store made, by id (saved files: one per page load), and back. */
const urlById = new Map<string, string>();
const idByUrl = new Map<string, string>();
/** The document viewer's `application/pdf` object URLs, by id. */
const pdfById = new Map<string, string>();

const pathFor = (id: string, suffix: string, blob: Blob): string => {
  if (!canObjectUrl()) return HOST_PREFIX + id + suffix;
  let url = urlById.get(id);
  if (!url) {
    url = URL.createObjectURL(blob);
    urlById.set(id, url);
    idByUrl.set(url, id);
  }
  return `${url}#${id}${suffix}`;
};

const forgetUrl = (id: string): void => {
  const pdf = pdfById.get(id);
  if (pdf) {
    URL.revokeObjectURL(pdf);
    idByUrl.delete(pdf);
    pdfById.delete(id);
  }
  const url = urlById.get(id);
  if (!url) return;
  urlById.delete(id);
  idByUrl.delete(url);
  try {
    URL.revokeObjectURL(url);
  } catch {
    // nothing to free
  }
};

/** The id a store path names, or undefined. */
export function fileIdOf(path: string): string | undefined {
  if (typeof path !== 'string') return undefined;
  const m = HOST_PATH.exec(path) ?? FRAGMENT.exec(path);
  if (m) return m[1]!.toLowerCase();
  return idByUrl.get(path);
}

// ── saved files: IndexedDB, else memory ─────────────────────────────────────────────────────────

interface SavedMeta {
  /** `<appId>\u0000<id>` */
  key: string;
  appId: string;
  id: string;
  suffix: string;
  name: string;
  type: string;
  size: number;
  createTime: number;
}

interface SavedBackend {
  readonly kind: 'indexeddb' | 'memory';
  list(appId: string): Promise<SavedMeta[]>;
  bytes(key: string): Promise<ArrayBuffer | undefined>;
  /** Adds `meta` + `bytes` unless the miniapp's total would pass `limit`; atomic. */
  add(meta: SavedMeta, bytes: ArrayBuffer, limit: number): Promise<boolean>;
  remove(key: string): Promise<boolean>;
}

const keyOf = (appId: string, id: string) => `${appId}\u0000${id}`;

/** Whether a record read back from the saved-files store has the shape saveFile wrote (another tab, an old version, a hand edit may differ). */
function isSavedMeta(m: unknown, appId: string): m is SavedMeta {
  const r = m as Partial<SavedMeta> | null;
  return (
    !!r &&
    typeof r === 'object' &&
    r.appId === appId &&
    typeof r.id === 'string' &&
    /^apml[0-9a-f]{32}$/.test(r.id) &&
    r.key === keyOf(appId, r.id) &&
    typeof r.suffix === 'string' &&
    /^\.[a-z0-9]{1,10}$/i.test(r.suffix) &&
    typeof r.name === 'string' &&
    typeof r.type === 'string' &&
    Number.isSafeInteger(r.size) &&
    r.size! >= 0 &&
    Number.isFinite(r.createTime)
  );
}

/** A saved-file record is not what saveFile wrote: the saved-file APIs answer error 3 and delete nothing. */
export class CorruptSavedFileError extends Error {
  constructor(record: unknown) {
    let id = '';
    try {
      id = String((record as { id?: unknown } | null)?.id ?? '');
    } catch {
      // unreadable
    }
    super(`a saved file record${id ? ` (${id.slice(0, 40)})` : ''} is corrupted; removeSavedFile it or clear the site's IndexedDB`);
    this.name = 'CorruptSavedFileError';
  }
}

const memory = new Map<string, { meta: SavedMeta; bytes: ArrayBuffer }>();

const memoryList = (appId: string): SavedMeta[] => [...memory.values()].map((e) => e.meta).filter((m) => m.appId === appId);

const memoryBackend: SavedBackend = {
  kind: 'memory',
  list: async (appId) => memoryList(appId),
  bytes: async (key) => memory.get(key)?.bytes,
  async add(meta, bytes, limit) {
    // check and write in one synchronous step, so concurrent saves cannot both pass the limit
    const used = memoryList(meta.appId).reduce((n, m) => n + m.size, 0);
    if (used + meta.size > limit) return false;
    memory.set(meta.key, { meta, bytes });
    return true;
  },
  remove: async (key) => memory.delete(key),
};

const DB_NAME = 'superqi-bridge-emulator';
const META = 'savedFiles';
const BYTES = 'savedFileBytes';

const done = <T>(request: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

const finished = (tx: IDBTransaction): Promise<void> =>
  new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });

function indexedDbBackend(db: IDBDatabase): SavedBackend {
  return {
    kind: 'indexeddb',
    list: (appId) => done(db.transaction(META, 'readonly').objectStore(META).index('appId').getAll(appId) as IDBRequest<SavedMeta[]>),
    bytes: (key) => done(db.transaction(BYTES, 'readonly').objectStore(BYTES).get(key) as IDBRequest<ArrayBuffer | undefined>),
    async add(meta, bytes, limit) {
      // One readwrite transaction: IndexedDB runs overlapping ones one after the other, so two
      // concurrent saves cannot both pass the limit, and a refused save writes nothing.
      const tx = db.transaction([META, BYTES], 'readwrite');
      const end = finished(tx);
      const metas = await done(tx.objectStore(META).index('appId').getAll(meta.appId) as IDBRequest<SavedMeta[]>);
      const used = metas.reduce((n, m) => n + m.size, 0);
      if (used + meta.size > limit) {
        tx.abort();
        await end.catch(() => undefined);
        return false;
      }
      tx.objectStore(BYTES).put(bytes, meta.key);
      tx.objectStore(META).put(meta);
      await end;
      return true;
    },
    async remove(key) {
      const tx = db.transaction([META, BYTES], 'readwrite');
      const end = finished(tx);
      const found = (await done(tx.objectStore(META).count(key))) > 0;
      tx.objectStore(META).delete(key);
      tx.objectStore(BYTES).delete(key);
      await end;
      return found;
    },
  };
}

let backendPromise: Promise<SavedBackend> | undefined;

/** Opens the IndexedDB database once per page; memory when IndexedDB is missing, refuses or hangs. */
function savedBackend(): Promise<SavedBackend> {
  backendPromise ??= new Promise<SavedBackend>((resolve) => {
    let idb: IDBFactory | undefined;
    try {
      idb = globalThis.indexedDB;
    } catch {
      idb = undefined; // access denied (sandboxed iframe)
    }
    if (!idb) return resolve(memoryBackend);
    const fallback = (why: unknown) => {
      console.warn(`[superqi-bridge emulator] saved files stay in memory: IndexedDB is unavailable (${String(why)})`);
      resolve(memoryBackend);
    };
    const timer = setTimeout(() => fallback('opening timed out'), 5000);
    try {
      const open = idb.open(DB_NAME, 1);
      open.onupgradeneeded = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains(META)) db.createObjectStore(META, { keyPath: 'key' }).createIndex('appId', 'appId');
        if (!db.objectStoreNames.contains(BYTES)) db.createObjectStore(BYTES);
      };
      open.onsuccess = () => {
        clearTimeout(timer);
        resolve(indexedDbBackend(open.result));
      };
      open.onerror = () => {
        clearTimeout(timer);
        fallback(open.error);
      };
    } catch (e) {
      clearTimeout(timer);
      fallback(e);
    }
  });
  return backendPromise;
}

/** Where saved files are kept on this page: `'indexeddb'` or `'memory'`. */
export const savedFilesBackend = async (): Promise<'indexeddb' | 'memory'> => (await savedBackend()).kind;

// ── the store ───────────────────────────────────────────────────────────────────────────────────

const stores = new WeakMap<object, FileStore>();

/** The file store of `emulator` (made on first use). */
export function filesOf(emulator: { readonly appId: string }): FileStore {
  let store = stores.get(emulator);
  if (!store) {
    store = createFileStore(emulator.appId);
    stores.set(emulator, store);
  }
  return store;
}

/**
 * Frees what `emulator`'s store holds for the page: its temporary files and their object URLs. Saved
 * files keep theirs (a path kept by the page still loads; a later emulator of the miniapp reads them).
 */
export function releaseFilesOf(emulator: { readonly appId: string }): void {
  stores.get(emulator)?.releaseTemp();
  stores.delete(emulator);
}

/** A file store for miniapp `appId`: its own temporary files, the miniapp's saved files. */
export function createFileStore(appId: string): FileStore {
  const temp = new Map<string, StoredFile>();

  const make = (id: string, suffix: string, blob: Blob, name: string, createTime: number, saved: boolean): StoredFile => ({
    id,
    suffix,
    path: pathFor(id, suffix, blob),
    hostPath: HOST_PREFIX + id + suffix,
    blob,
    name,
    size: blob.size,
    createTime,
    saved,
  });

  const fromMeta = async (backend: SavedBackend, meta: SavedMeta): Promise<StoredFile | undefined> => {
    if (!isSavedMeta(meta, appId)) throw new CorruptSavedFileError(meta);
    const bytes = await backend.bytes(meta.key);
    if (!bytes) return undefined;
    if (Object.prototype.toString.call(bytes) !== '[object ArrayBuffer]' || bytes.byteLength !== meta.size) throw new CorruptSavedFileError(meta);
    return make(meta.id, meta.suffix, new Blob([bytes], { type: meta.type }), meta.name, meta.createTime, true);
  };

  const findSaved = async (id: string): Promise<StoredFile | undefined> => {
    const backend = await savedBackend();
    const meta = (await backend.list(appId)).find((m) => m.id === id);
    return meta && fromMeta(backend, meta);
  };

  const store: FileStore = {
    appId,
    addTemp(blob, name) {
      const fileName = name ?? (blob as File).name ?? '';
      const id = newFileId();
      const file = make(id, suffixFor(blob.type, fileName), blob, fileName || id, Date.now(), false);
      temp.set(id, file);
      return file;
    },
    isStorePath: (path) => fileIdOf(path) !== undefined,
    async find(path) {
      const id = fileIdOf(path);
      if (!id) return undefined;
      return temp.get(id) ?? findSaved(id);
    },
    async save(path) {
      const source = await store.find(path);
      if (!source) return { ok: false, reason: 'missing', message: `no file at ${String(path)}` };
      const backend = await savedBackend();
      const id = newFileId();
      const meta: SavedMeta = {
        key: keyOf(appId, id),
        appId,
        id,
        suffix: source.suffix,
        name: source.name,
        type: source.blob.type,
        size: source.size,
        createTime: Date.now(),
      };
      let added: boolean;
      try {
        added = await backend.add(meta, await source.blob.arrayBuffer(), SAVED_FILES_LIMIT);
      } catch (e) {
        return { ok: false, reason: 'failed', message: `the file could not be written: ${(e as Error)?.message ?? String(e)}` };
      }
      if (!added) {
        const used = (await backend.list(appId)).reduce((n, m) => n + m.size, 0);
        return {
          ok: false,
          reason: 'full',
          message: `saved files are limited to ${SAVED_FILES_LIMIT} bytes (10 MB) in total: ${used} bytes are used and this file has ${source.size}`,
        };
      }
      return { ok: true, file: make(id, meta.suffix, source.blob, meta.name, meta.createTime, true) };
    },
    async savedFiles() {
      const backend = await savedBackend();
      const metas = (await backend.list(appId)).sort((a, b) => a.createTime - b.createTime);
      const files = await Promise.all(metas.map((m) => fromMeta(backend, m)));
      return files.filter((f): f is StoredFile => !!f);
    },
    async removeSaved(path) {
      const id = fileIdOf(path);
      if (!id) return false;
      const removed = await (await savedBackend()).remove(keyOf(appId, id));
      if (removed) forgetUrl(id);
      return removed;
    },
    async pathToUrl(path) {
      const file = await store.find(path);
      if (!file) return undefined;
      return canObjectUrl() ? file.path.replace(/#.*$/, '') : file.path;
    },
    pdfUrl(file) {
      let url = pdfById.get(file.id);
      if (!url) {
        url = URL.createObjectURL(new Blob([file.blob], { type: 'application/pdf' }));
        pdfById.set(file.id, url);
        idByUrl.set(url, file.id); // the file APIs recognise it too
      }
      return url;
    },
    releaseTemp() {
      for (const id of temp.keys()) forgetUrl(id);
      temp.clear();
    },
  };
  return store;
}

/** Why `loadSource` could not read a source. */
export type LoadFailure = { ok: false; reason: 'missing' | 'network' | 'http' | 'invalid'; message: string; status?: number };

/**
 * Reads a source the way getImageInfo/getFileInfo/saveImage take one: a store path, or a URL —
 * http(s), data:, blob:, or a relative path resolved against the page — fetched for real.
 * `relative: false` refuses relative paths.
 */
export async function loadSource(
  store: FileStore,
  src: string,
  options: { relative?: boolean; headers?: Record<string, string> } = {},
): Promise<{ ok: true; blob: Blob; file?: StoredFile; url?: string } | LoadFailure> {
  if (store.isStorePath(src)) {
    const file = await store.find(src);
    return file ? { ok: true, blob: file.blob, file } : { ok: false, reason: 'missing', message: `no file at ${src} (temporary files last until the page reloads; saved files until removed)` };
  }
  let url: URL;
  try {
    url = ownValue(options, 'relative') === false ? new URL(src) : new URL(src, globalThis.location?.href);
  } catch {
    return { ok: false, reason: 'invalid', message: `${src} is neither a file path nor a URL` };
  }
  if (!/^(https?|data|blob):$/.test(url.protocol)) return { ok: false, reason: 'invalid', message: `${src}: only http(s), data: and blob: URLs can be read` };
  let response: Response;
  try {
    // No prototype: a page's Object.prototype.signal (or mode, credentials…) is no part of the request.
    response = await fetch(url.href, bare({ headers: options.headers }));
  } catch (e) {
    return { ok: false, reason: 'network', message: `fetching ${url.href} failed: ${(e as Error)?.message ?? String(e)}` };
  }
  if (!response.ok && url.protocol.startsWith('http')) {
    return { ok: false, reason: 'http', status: response.status, message: `fetching ${url.href} answered HTTP ${response.status}` };
  }
  try {
    return { ok: true, blob: await response.blob(), url: url.href };
  } catch (e) {
    return { ok: false, reason: 'network', message: `reading ${url.href} failed: ${(e as Error)?.message ?? String(e)}` };
  }
}

/** A file name for what `url` points at: its last path segment, else `fallback`. */
export function nameFromUrl(url: string, fallback: string): string {
  try {
    const last = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
    return last || fallback;
  } catch {
    return fallback;
  }
}
