/**
 * chooseImage, previewImage, saveImage, getImageInfo, compressImage and chooseVideo, on real files:
 * the picker (or the fixtures in auto mode), the file store, header parsing, canvas re-encoding and
 * browser downloads.
 *
 * getImageInfo's `src` is optional on its page: without one it describes the fixture image (the one auto
 * mode's chooseImage picks), as a temporary file.
 * Codes where the docs give none: getImageInfo answers 2 for an empty or non-string `src`, a path that names no
 * file, or bytes that are no image it can decode, and 12 when it cannot download a URL. previewImage
 * answers 2 for a missing/empty `urls`, an entry that is neither an http(s)/data:/blob: URL nor a
 * store path, and a `current` that is not a number; an out-of-range `current` is clamped.
 */
import type { ImageOrientation } from '../../types/media.js';
import { filesOf, loadSource, nameFromUrl, type FileStore } from '../files.js';
import { IMAGE_MIME, readImageHeader, readVideoHeader, type ImageHeader, type VideoHeader } from '../image-decode.js';
import { fixtureImage, fixtureVideo } from '../media-fixtures.js';
import { failLoose } from '../loose.js';
import type { DefaultHandlers } from '../types.js';
import type { MediaApis } from './group-apis.js';
import { stringParam } from './values.js';

// ── decoding ────────────────────────────────────────────────────────────────────────────────────

/** Signatures of image formats the header reader does not size: ISO-BMFF images, SVG, ICO, TIFF. */
const OTHER_IMAGE = /^(?:.{4}ftyp(?:avif|avis|heic|heix|mif1|msf1)|\s*<(?:\?xml|svg)|\0\0\x01\0|II\*\0|MM\0\*)/s;

const sniffedType = (head: string): string =>
  /^.{4}ftypavi/s.test(head) ? 'avif' : /^.{4}ftyp/s.test(head) ? 'heic' : head.startsWith('\0\0') ? 'x-icon' : /^(II|MM)/.test(head) ? 'tiff' : 'svg';

/**
 * Decodes with the browser (formats the header reader does not know: AVIF, HEIC, SVG…). Only for
 * blobs typed `image/*` or carrying such a signature: anything else is no image, and asking an `<img>`
 * about it can cost the whole timeout where nothing decodes (happy-dom).
 */
async function browserDecode(blob: Blob): Promise<ImageHeader | undefined> {
  const head = String.fromCharCode(...new Uint8Array(await blob.slice(0, 64).arrayBuffer()));
  if (!blob.type.startsWith('image/') && !OTHER_IMAGE.test(head)) return undefined;
  const type = blob.type.startsWith('image/') ? blob.type.slice(6).replace(/\+xml$/, '') : sniffedType(head);
  if (typeof createImageBitmap === 'function') {
    try {
      const bitmap = await createImageBitmap(blob);
      const { width, height } = bitmap;
      bitmap.close?.();
      if (width > 0 && height > 0) return { type, width, height, orientation: 'up' };
    } catch {
      // not decodable this way
    }
  }
  if (typeof document === 'undefined' || typeof URL.createObjectURL !== 'function') return undefined;
  const url = URL.createObjectURL(blob);
  const img = document.createElement('img');
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    img.src = url;
    // decode() settles once the image is decoded or found undecodable (happy-dom: at once, with no size)
    await Promise.race([img.decode(), new Promise((_, reject) => (timer = setTimeout(reject, 3000)))]);
    const { naturalWidth: width, naturalHeight: height } = img;
    return width > 0 && height > 0 ? { type, width, height, orientation: 'up' } : undefined;
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
    URL.revokeObjectURL(url);
  }
}

/** The image facts of `blob`: header first, the browser's decoder second. */
export async function imageInfoOf(blob: Blob): Promise<ImageHeader | undefined> {
  return readImageHeader(new Uint8Array(await blob.arrayBuffer())) ?? (await browserDecode(blob));
}

/** A `<video>` element's metadata, for files without an MP4/MOV header; undefined when it cannot play them. */
async function mediaElementMetadata(blob: Blob, timeout = 3000): Promise<VideoHeader | undefined> {
  if (typeof document === 'undefined' || typeof URL.createObjectURL !== 'function') return undefined;
  const video = document.createElement('video');
  if (typeof video.canPlayType !== 'function' || video.canPlayType(blob.type || 'video/mp4') === '') return undefined;
  const url = URL.createObjectURL(blob);
  try {
    return await new Promise<VideoHeader | undefined>((resolve) => {
      const timer = setTimeout(() => resolve(undefined), timeout);
      video.onloadedmetadata = () => {
        clearTimeout(timer);
        const duration = Number.isFinite(video.duration) ? Math.round(video.duration * 1000) / 1000 : 0;
        resolve({ duration, width: video.videoWidth, height: video.videoHeight });
      };
      video.onerror = () => (clearTimeout(timer), resolve(undefined));
      video.preload = 'metadata';
      video.muted = true;
      video.src = url;
    });
  } finally {
    video.removeAttribute('src');
    URL.revokeObjectURL(url);
  }
}

/** Duration (s) and frame size of a video: its MP4/MOV header, else a `<video>` element, else zeros. */
export async function videoInfoOf(blob: Blob): Promise<VideoHeader> {
  return (await readVideoHeader(blob).catch(() => undefined)) ?? (await mediaElementMetadata(blob)) ?? { duration: 0, width: 0, height: 0 };
}

// ── compressing ─────────────────────────────────────────────────────────────────────────────────

/** JPEG quality of each compressLevel (4 resolves to 2 or 1 by network). */
export const QUALITY: Readonly<Record<0 | 1 | 2, number>> = { 0: 0.3, 1: 0.6, 2: 0.85 };

/**
 * Whether the page is on Wi-Fi, for compressLevel 4: `navigator.connection.type` when the browser
 * says (`wifi`/`ethernet`: yes; anything else: no); browsers that do not say (desktop, happy-dom) count
 * as Wi-Fi.
 */
export function onWifi(): boolean {
  const type = (globalThis.navigator as { connection?: { type?: string } } | undefined)?.connection?.type;
  return type === undefined || type === 'wifi' || type === 'ethernet';
}

/**
 * Re-encodes an image as JPEG at `quality` on a canvas: the new Blob, `'failed'` when the browser
 * cannot decode it, `'unavailable'` without a working 2D canvas (happy-dom).
 */
async function reencode(blob: Blob, quality: number): Promise<Blob | 'failed' | 'unavailable'> {
  if (typeof document === 'undefined') return 'unavailable';
  const canvas = document.createElement('canvas');
  const g = typeof canvas.getContext === 'function' ? canvas.getContext('2d') : null;
  if (!g || typeof canvas.toBlob !== 'function' || typeof createImageBitmap !== 'function') return 'unavailable';
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob); // applies EXIF orientation: the JPEG comes out upright
  } catch {
    return 'failed';
  }
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  g.fillStyle = '#fff'; // JPEG has no alpha
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.drawImage(bitmap, 0, 0);
  bitmap.close?.();
  const out = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
  return out ?? 'failed';
}

/**
 * Compresses one image: a canvas JPEG at `quality` (the original when that is not smaller); where no
 * canvas works (happy-dom), a copy of the original bytes. Undefined when it is no image.
 */
async function compressOne(blob: Blob, quality: number): Promise<Blob | undefined> {
  const out = await reencode(blob, quality);
  if (out === 'failed') return undefined;
  if (out === 'unavailable') return (await imageInfoOf(blob)) ? blob.slice(0, blob.size, blob.type) : undefined;
  return out.size < blob.size ? out : blob.slice(0, blob.size, blob.type);
}

const compressedName = (name: string, blob: Blob): string =>
  blob.type === 'image/jpeg' && !/\.jpe?g$/i.test(name) ? name.replace(/\.[a-z0-9]+$/i, '') + '.jpg' : name;

/** Compresses store files; per path, the new temporary file's path or undefined when it failed. */
async function compressPaths(store: FileStore, paths: readonly unknown[], quality: number): Promise<(string | undefined)[]> {
  return Promise.all(
    paths.map(async (path) => {
      const file = typeof path === 'string' ? await store.find(path) : undefined;
      const out = file && (await compressOne(file.blob, quality));
      return out ? store.addTemp(out, compressedName(file.name, out)).path : undefined;
    }),
  );
}

// ── downloads ───────────────────────────────────────────────────────────────────────────────────

/**
 * Whether the page can download through `<a download>`. happy-dom cannot: it ignores `download` and
 * navigates the page to the link instead, so the emulator skips the download there.
 */
export const canDownload = (): boolean =>
  typeof document !== 'undefined' && !!document.body && typeof URL.createObjectURL === 'function' && !('happyDOM' in globalThis);

/** Saves `blob` as the file `name` through a temporary `<a download>` (the browser's download). */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  }
}

const withExtension = (name: string, type: string): string => {
  const ext = type === 'jpeg' ? 'jpg' : type;
  return /\.[a-z0-9]{2,5}$/i.test(name) ? name : `${name}.${ext}`;
};

const SAVE_LABELS = {
  en: { save: 'Save image', cancel: 'Cancel' },
  ar: { save: 'حفظ الصورة', cancel: 'إلغاء' },
} as const;

// ── handlers ────────────────────────────────────────────────────────────────────────────────────

export const mediaHandlers: Pick<DefaultHandlers, MediaApis> = {
  async chooseImage(ctx) {
    const fixtures = ctx.fixtures.images.length ? ctx.fixtures.images : [fixtureImage()];
    const count = ctx.params.count;
    const chosen = await ctx.ui.pickFiles({ accept: 'image/*', multiple: count !== 1, fixtures });
    if (!chosen?.length) return ctx.fail(11);
    // `count` (not in the Super Qi docs; Alipay+ hosts take it) caps how many images come back.
    const picked = typeof count === 'number' && count >= 1 ? chosen.slice(0, Math.floor(count)) : chosen;
    const store = filesOf(ctx.emulator);
    const sizeType = ctx.params.sizeType;
    if (Array.isArray(sizeType) && sizeType.includes('compressed') && !sizeType.includes('original')) {
      // Only compressed images asked for: the host compresses them, as compressImage's default level does.
      const originals = picked.map((f) => store.addTemp(f).path);
      const compressed = await compressPaths(store, originals, QUALITY[onWifi() ? 2 : 1]);
      return { apFilePaths: compressed.map((p, i) => p ?? originals[i]!) };
    }
    return { apFilePaths: picked.map((f) => store.addTemp(f).path) };
  },

  async previewImage(ctx) {
    const urls = ctx.params.urls as unknown;
    if (!Array.isArray(urls) || urls.length === 0 || urls.some((u) => typeof u !== 'string' || u === '')) {
      return ctx.fail(2, 'urls is required: a non-empty array of image URLs');
    }
    const current = ctx.params.current ?? 0;
    if (typeof current !== 'number' || !Number.isFinite(current)) return ctx.fail(2, 'current must be a number');
    const store = filesOf(ctx.emulator);
    const resolved: string[] = [];
    for (const url of urls as string[]) {
      if (store.isStorePath(url)) {
        // The docs say local paths are not supported, yet downloadFile's page passes its apFilePath here.
        const local = await store.pathToUrl(url);
        if (!local) return ctx.fail(2, `no file at ${url}`);
        resolved.push(local);
      } else if (/^(https?:|data:image\/|blob:)/i.test(url)) {
        resolved.push(url);
      } else {
        return ctx.fail(2, `${url}: local image paths are not supported; use an http(s) URL (or a downloadFile apFilePath)`);
      }
    }
    const index = Math.min(Math.max(Math.trunc(current), 0), resolved.length - 1);
    await ctx.ui.previewImage({ urls: resolved, current: index });
    return {};
  },

  async saveImage(ctx) {
    const url = ctx.params.url;
    if (typeof url !== 'string' || url === '') return ctx.fail(2);
    if (ctx.params.showActionSheet === true) {
      const labels = SAVE_LABELS[ctx.profile.language] ?? SAVE_LABELS.en;
      const index = await ctx.ui.actionSheet({ items: [labels.save], cancelButtonText: labels.cancel });
      if (index !== 0) return ctx.fail(17, 'The image was not saved: the menu was closed');
    }
    const source = await loadSource(filesOf(ctx.emulator), url);
    if (!source.ok) return ctx.fail(17, source.message);
    const info = await imageInfoOf(source.blob);
    if (!info) return ctx.fail(17, `${url} is not an image`);
    if (canDownload()) {
      const name = withExtension(source.file?.name ?? nameFromUrl(url, 'image'), info.type);
      downloadBlob(source.blob, name);
    }
    return {};
  },

  async getImageInfo(ctx) {
    if (ctx.params.src === undefined) {
      const image = ctx.fixtures.images[0] ?? fixtureImage();
      ctx = { ...ctx, params: { ...ctx.params, src: filesOf(ctx.emulator).addTemp(image).path } };
    }
    const src = stringParam(ctx, 'src');
    if (typeof src !== 'string') return src;
    const store = filesOf(ctx.emulator);
    const source = await loadSource(store, src);
    // 12 (network error), as Alipay-family hosts answer a URL they cannot fetch; the page lists no code for it.
    if (!source.ok) return failLoose(ctx, source.reason === 'network' || source.reason === 'http' ? 12 : 2, source.message);
    const info = await imageInfoOf(source.blob);
    if (!info) return ctx.fail(2, `${src} is not an image this host can decode`);
    // A URL is downloaded to a temporary file, whose local path the answer carries.
    const path =
      source.file?.path ??
      store.addTemp(new Blob([source.blob], { type: IMAGE_MIME[info.type] ?? source.blob.type }), nameFromUrl(source.url ?? src, 'image')).path;
    const orientation: ImageOrientation = info.orientation;
    return { width: info.width, height: info.height, path, orientation, type: info.type };
  },

  async compressImage(ctx) {
    const paths = ctx.params.apFilePaths as unknown;
    if (!Array.isArray(paths) || paths.length === 0) return ctx.fail(2, 'Invalid parameter: apFilePaths is required (a non-empty array of image paths)');
    const level = ctx.params.compressLevel ?? 4;
    if (level !== 0 && level !== 1 && level !== 2 && level !== 4) return ctx.fail(2, 'Invalid parameter: compressLevel must be 0, 1, 2 or 4');
    const quality = QUALITY[level === 4 ? (onWifi() ? 2 : 1) : level];
    const out = await compressPaths(filesOf(ctx.emulator), paths, quality);
    const done = out.filter((p): p is string => p !== undefined);
    if (done.length === 0) return ctx.fail(2, 'Compress failed');
    if (done.length < out.length) {
      const bad = paths.filter((_, i) => out[i] === undefined).map((p) => JSON.stringify(p));
      return ctx.fail(2, `Invalid parameter: failed to compress ${bad.join(', ')}`);
    }
    return { apFilePaths: done };
  },

  async chooseVideo(ctx) {
    const fixtures = ctx.fixtures.videos.length ? ctx.fixtures.videos : [fixtureVideo()];
    const picked = await ctx.ui.pickFiles({ accept: 'video/*', multiple: false, fixtures });
    const file = picked?.[0];
    if (!file) return ctx.fail(11);
    const info = await videoInfoOf(file);
    const stored = filesOf(ctx.emulator).addTemp(file);
    return { tempFilePath: stored.path, duration: info.duration, size: file.size, height: info.height, width: info.width };
  },
};
