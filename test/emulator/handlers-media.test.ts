/** The emulator's media APIs through the library's wrappers: real bytes, real headers, every error. */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  chooseImage,
  chooseVideo,
  compressImage,
  getImageInfo,
  isUserCancelledError,
  previewImage,
  saveFile,
  saveImage,
} from '../../src/index.js';
import { filesOf, newFileId } from '../../src/emulator/files.js';
import { canDownload, downloadBlob, onWifi, QUALITY } from '../../src/emulator/handlers/media.js';
import { readImageHeader, readVideoHeader } from '../../src/emulator/image-decode.js';
import { crc32, encodeMp4Header, encodePng } from '../support/media-encoders.js';
import type { Emulator } from '../../src/emulator/types.js';
import { createAutoUi } from '../../src/emulator/ui/auto-ui.js';
import type { EmulatorUi } from '../../src/emulator/ui/contract.js';
import { hostRejection as failure, rawCall, setupAutoEmulator, teardownEmulator } from '../support/auto-emulator.js';
import { watchPageConsole } from '../support/page-console.js';
import { closedPort, startLoopbackServer, type LoopbackServer } from '../support/loopback-server.js';

// ── handcrafted images ──────────────────────────────────────────────────────────────────────────

const u16 = (n: number, le: boolean) => (le ? [n & 0xff, n >> 8] : [n >> 8, n & 0xff]);
const u32 = (n: number, le: boolean) => (le ? [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, n >>> 24] : [n >>> 24, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff]);

/** A JPEG skeleton: SOI, APP0 JFIF, optional APP1 Exif with an orientation tag, SOF0 with the size, EOI. */
function jpeg(width: number, height: number, orientation?: number, le = false, sof = 0xc0): Uint8Array<ArrayBuffer> {
  const app0 = [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
  let app1: number[] = [];
  if (orientation !== undefined) {
    const tiff = [
      ...(le ? [0x49, 0x49] : [0x4d, 0x4d]),
      ...u16(42, le),
      ...u32(8, le),
      ...u16(2, le), // two entries: another tag first, then orientation
      ...u16(0x010f, le), ...u16(2, le), ...u32(4, le), ...u32(0, le),
      ...u16(0x0112, le), ...u16(3, le), ...u32(1, le), ...u16(orientation, le), 0, 0,
      ...u32(0, le),
    ];
    const body = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
    app1 = [0xff, 0xe1, ...u16(body.length + 2, false), ...body];
  }
  const sof0 = [0xff, sof, 0x00, 0x11, 0x08, ...u16(height, false), ...u16(width, false), 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  return Uint8Array.from([0xff, 0xd8, ...app0, ...app1, ...sof0, 0xff, 0xd9]);
}

const gif = (w: number, h: number) => Uint8Array.from([...'GIF89a'].map((c) => c.charCodeAt(0)).concat(u16(w, true), u16(h, true), [0, 0, 0, 0x3b]));
const PNG = encodePng(40, 30, (x, y) => [x * 6, y * 8, 128]);
const PHOTO = jpeg(1200, 800, 6);

const pageConsole = watchPageConsole();
let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer({
    '/photo.jpg': () => ({ headers: { 'content-type': 'image/jpeg' }, body: PHOTO }),
    '/img/pic.png': () => ({ headers: { 'content-type': 'image/png' }, body: PNG }),
    '/untyped': () => ({ headers: { 'content-type': 'application/octet-stream' }, body: PNG }),
    '/text': () => ({ headers: { 'content-type': 'text/plain' }, body: 'not an image' }),
    '/missing.png': () => ({ status: 404, body: 'no' }),
  });
});
afterAll(() => server.close());
afterEach(teardownEmulator);

const unique = () => `media-test-${Math.random().toString(36).slice(2)}`;
const withUi = (changes: Partial<EmulatorUi>, options: Parameters<typeof setupAutoEmulator>[0] = {}) =>
  setupAutoEmulator({ appId: unique(), ...options }, { ...createAutoUi(), ...changes });
const temp = (em: Emulator, bytes: Uint8Array | string, name = 'x.bin', type = '') =>
  filesOf(em).addTemp(new File([bytes as Uint8Array<ArrayBuffer>], name, { type })).path;
const bytesAt = async (em: Emulator, path: string) => new Uint8Array(await (await filesOf(em).find(path))!.blob.arrayBuffer());

// ── header reading ──────────────────────────────────────────────────────────────────────────────

describe('image headers', () => {
  it('the generated PNG is valid: IHDR size and chunk CRCs', () => {
    expect(readImageHeader(PNG)).toEqual({ type: 'png', width: 40, height: 30, orientation: 'up' });
    const v = new DataView(PNG.buffer);
    let at = 8;
    while (at < PNG.length) {
      const length = v.getUint32(at);
      expect(v.getUint32(at + 8 + length)).toBe(crc32(PNG.subarray(at + 4, at + 8 + length)));
      at += 12 + length;
    }
    expect(at).toBe(PNG.length);
  });

  it.each([
    [1, 'up'],
    [2, 'up-mirrored'],
    [3, 'down'],
    [4, 'down-mirrored'],
    [5, 'left-mirrored'],
    [6, 'right'],
    [7, 'right-mirrored'],
    [8, 'left'],
  ])('JPEG EXIF orientation %i is %s (big- and little-endian TIFF)', (n, name) => {
    expect(readImageHeader(jpeg(640, 480, n))).toEqual({ type: 'jpeg', width: 640, height: 480, orientation: name });
    expect(readImageHeader(jpeg(640, 480, n, true))).toEqual({ type: 'jpeg', width: 640, height: 480, orientation: name });
  });

  it('JPEG without EXIF is up; progressive frames are read too; an invalid orientation is up', () => {
    expect(readImageHeader(jpeg(3, 2))).toEqual({ type: 'jpeg', width: 3, height: 2, orientation: 'up' });
    expect(readImageHeader(jpeg(300, 200, undefined, false, 0xc2))).toMatchObject({ width: 300, height: 200 });
    expect(readImageHeader(jpeg(30, 20, 9))).toMatchObject({ orientation: 'up' });
  });

  it('GIF, BMP and WebP (VP8, VP8L, VP8X)', () => {
    expect(readImageHeader(gif(17, 9))).toEqual({ type: 'gif', width: 17, height: 9, orientation: 'up' });
    const bmp = new Uint8Array(54);
    bmp.set([0x42, 0x4d]);
    new DataView(bmp.buffer).setInt32(18, 33, true);
    new DataView(bmp.buffer).setInt32(22, -21, true); // top-down
    expect(readImageHeader(bmp)).toMatchObject({ type: 'bmp', width: 33, height: 21 });
    const riff = (chunk: string, payload: number[]) => {
      const b = new Uint8Array(40);
      b.set([...'RIFF'].map((c) => c.charCodeAt(0)));
      b.set([...'WEBP'].map((c) => c.charCodeAt(0)), 8);
      b.set([...chunk].map((c) => c.charCodeAt(0)), 12);
      b.set(payload, 20);
      return b;
    };
    // VP8: frame tag (3) + start code (3) + 14-bit width/height
    expect(readImageHeader(riff('VP8 ', [0, 0, 0, 0x9d, 0x01, 0x2a, ...u16(320, true), ...u16(240, true)]))).toMatchObject({ type: 'webp', width: 320, height: 240 });
    // VP8L: signature 0x2f, then 14 bits width-1, 14 bits height-1
    const w = 99;
    const h = 77;
    const bits = (w - 1) | ((h - 1) << 14);
    expect(readImageHeader(riff('VP8L', [0x2f, bits & 0xff, (bits >> 8) & 0xff, (bits >> 16) & 0xff, (bits >> 24) & 0xff]))).toMatchObject({ width: w, height: h });
    // VP8X: flags (4) then 24-bit width-1 and height-1
    expect(readImageHeader(riff('VP8X', [0x10, 0, 0, 0, 0xff, 0x03, 0, 0xdf, 0x02, 0]))).toMatchObject({ width: 1024, height: 736 });
  });

  it('anything else is undefined', () => {
    for (const b of [new Uint8Array(0), new TextEncoder().encode('hello world, not an image at all'), Uint8Array.of(0xff, 0xd8, 0xff, 0xd9)]) {
      expect(readImageHeader(b)).toBeUndefined();
    }
  });
});

describe('video headers', () => {
  it('reads duration and size from moov, also after mdat; undefined for non-MP4', async () => {
    expect(await readVideoHeader(new Blob([encodeMp4Header(12.5, 1920, 1080)]))).toEqual({ duration: 12.5, width: 1920, height: 1080 });
    const header = encodeMp4Header(3, 320, 240);
    const ftypSize = new DataView(header.buffer).getUint32(0);
    const mdat = new Uint8Array(5000);
    new DataView(mdat.buffer).setUint32(0, mdat.length);
    mdat.set([0x6d, 0x64, 0x61, 0x74], 4);
    const moovLast = new Blob([header.subarray(0, ftypSize), mdat, header.subarray(ftypSize)]);
    expect(await readVideoHeader(moovLast)).toEqual({ duration: 3, width: 320, height: 240 });
    expect(await readVideoHeader(new Blob(['\x1aE\xdf\xa3 webm'.padEnd(64, ' ')]))).toBeUndefined();
    expect(await readVideoHeader(new Blob([]))).toBeUndefined();
  });
});

// ── chooseImage ─────────────────────────────────────────────────────────────────────────────────

describe('chooseImage', () => {
  it('auto mode without fixtures: one generated PNG, { apFilePaths } of .image paths', async () => {
    const em = setupAutoEmulator({ appId: unique() });
    const res = await chooseImage();
    expect(Object.keys(res)).toEqual(['apFilePaths']);
    expect(res.apFilePaths).toHaveLength(1);
    expect(res.apFilePaths[0]).toMatch(/^blob:.+#apml[0-9a-f]{32}\.image$/);
    expect(readImageHeader(await bytesAt(em, res.apFilePaths[0]!))).toEqual({ type: 'png', width: 64, height: 48, orientation: 'up' });
  });

  it('img.src = res.apFilePaths[0] (the docs’ sample) gets a loadable object URL', async () => {
    setupAutoEmulator({ appId: unique() });
    const res = await chooseImage();
    const img = document.createElement('img');
    img.src = res.apFilePaths[0]!;
    expect(img.src.startsWith('blob:')).toBe(true);
  });

  it('asks for several images and answers every fixture', async () => {
    const a = new File([PNG], 'a.png', { type: 'image/png' });
    const b = new File([PHOTO], 'b.jpg', { type: 'image/jpeg' });
    const pickFiles = vi.fn(async () => [a, b]);
    const em = withUi({ pickFiles });
    const res = await chooseImage({ sourceType: ['album'] });
    expect(pickFiles).toHaveBeenCalledWith(expect.objectContaining({ accept: 'image/*', multiple: true }));
    expect(res.apFilePaths).toHaveLength(2);
    expect((await filesOf(em).find(res.apFilePaths[1]!))?.blob).toBe(b);
  });

  it('passes fixtures.images', async () => {
    const mine = new File([PHOTO], 'mine.jpg', { type: 'image/jpeg' });
    const em = setupAutoEmulator({ appId: unique(), fixtures: { images: [mine] } });
    const res = await chooseImage();
    expect((await filesOf(em).find(res.apFilePaths[0]!))?.name).toBe('mine.jpg');
  });

  it('sizeType [compressed] answers compressed copies (byte copies in happy-dom)', async () => {
    const em = setupAutoEmulator({ appId: unique() });
    const res = await chooseImage({ sizeType: ['compressed'] });
    expect(res.apFilePaths).toHaveLength(1);
    expect(readImageHeader(await bytesAt(em, res.apFilePaths[0]!))).toMatchObject({ width: 64, height: 48 });
  });

  it('cancel is 11 (a UserCancelledError)', async () => {
    withUi({ pickFiles: async () => null });
    const e = await failure(chooseImage());
    expect(e.code).toBe(11);
    expect(isUserCancelledError(e)).toBe(true);
    withUi({ pickFiles: async () => [] });
    expect((await failure(chooseImage())).code).toBe(11);
  });
});

// ── getImageInfo ────────────────────────────────────────────────────────────────────────────────

describe('getImageInfo', () => {
  it('{ width, height, path, orientation, type } of a chosen image', async () => {
    setupAutoEmulator({ appId: unique() });
    const { apFilePaths } = await chooseImage();
    const info = await getImageInfo({ src: apFilePaths[0]! });
    expect(info).toEqual({ width: 64, height: 48, path: apFilePaths[0], orientation: 'up', type: 'png' });
  });

  it('reads the EXIF orientation of a JPEG file', async () => {
    const em = setupAutoEmulator({ appId: unique() });
    const path = temp(em, jpeg(4000, 3000, 8), 'p.jpg', 'image/jpeg');
    expect(await getImageInfo({ src: path })).toEqual({ width: 4000, height: 3000, path, orientation: 'left', type: 'jpeg' });
  });

  it('a saved file and the host form of a path', async () => {
    const em = setupAutoEmulator({ appId: unique() });
    const file = filesOf(em).addTemp(new File([PNG], 'p.png', { type: 'image/png' }));
    expect(await getImageInfo({ src: file.hostPath })).toMatchObject({ width: 40, height: 30, path: file.path });
    const saved = await saveFile({ apFilePath: file.path });
    expect(await getImageInfo({ src: saved.apFilePath })).toMatchObject({ width: 40, height: 30, path: saved.apFilePath });
  });

  it('an http URL is downloaded to a temporary file whose local path is answered', async () => {
    const em = setupAutoEmulator({ appId: unique() });
    const info = await getImageInfo({ src: `${server.base}/photo.jpg` });
    expect(info).toMatchObject({ width: 1200, height: 800, orientation: 'right', type: 'jpeg' });
    expect(info.path).toMatch(/#apml[0-9a-f]{32}\.image$/);
    expect(await bytesAt(em, info.path)).toEqual(PHOTO);
    // the format comes from the bytes, not from the content-type
    expect(await getImageInfo({ src: `${server.base}/untyped` })).toMatchObject({ type: 'png', width: 40 });
  });

  it('a data: URL', async () => {
    setupAutoEmulator({ appId: unique() });
    const b64 = btoa(String.fromCharCode(...gif(5, 7)));
    expect(await getImageInfo({ src: `data:image/gif;base64,${b64}` })).toMatchObject({ type: 'gif', width: 5, height: 7 });
  });

  it('a relative path is resolved against the page', async () => {
    const page = location.href;
    (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(`${server.base}/pages/index.html`);
    try {
      setupAutoEmulator({ appId: unique() });
      expect(await getImageInfo({ src: '../img/pic.png' })).toMatchObject({ type: 'png', width: 40, height: 30 });
      expect(server.received.at(-1)?.url).toBe('/img/pic.png');
    } finally {
      (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(page);
    }
  });

  it('src is optional (the page says so): without it, the fixture image, as a temporary file', async () => {
    setupAutoEmulator({ appId: unique() });
    const info = await getImageInfo();
    expect(info).toMatchObject({ width: 64, height: 48, type: 'png', orientation: 'up' });
    expect(info.path).toMatch(/apml[0-9a-f]{32}/);
    expect(await getImageInfo({})).toMatchObject({ width: 64, height: 48 });
  });

  it('an empty src is 2; an unknown path or non-image is 2; an unreachable or failing URL is 12', async () => {
    const em = setupAutoEmulator({ appId: unique() });
    expect((await rawCall(undefined, 'getImageInfo', { src: '' }))['error']).toBe(2);
    expect((await failure(getImageInfo({ src: `https://resource/${newFileId()}.image` }))).code).toBe(2);
    expect((await failure(getImageInfo({ src: temp(em, 'text', 'a.txt', 'text/plain') }))).code).toBe(2);
    expect((await failure(getImageInfo({ src: `${server.base}/text` }))).code).toBe(2);
    expect((await failure(getImageInfo({ src: `${server.base}/missing.png` }))).code).toBe(12);
    expect((await failure(getImageInfo({ src: `http://127.0.0.1:${await closedPort()}/a.png` }))).code).toBe(12);
    pageConsole.expectLines(/^GET \S+\/missing\.png 404/, /ECONNREFUSED/);
  });
});

// ── compressImage ───────────────────────────────────────────────────────────────────────────────

describe('compressImage', () => {
  it('happy-dom has no canvas: each image is copied to a new temporary file', async () => {
    const em = setupAutoEmulator({ appId: unique() });
    const a = temp(em, PNG, 'a.png', 'image/png');
    const b = temp(em, PHOTO, 'b.jpg', 'image/jpeg');
    const res = await compressImage({ apFilePaths: [a, b], compressLevel: 0 });
    expect(Object.keys(res)).toEqual(['apFilePaths']);
    expect(res.apFilePaths).toHaveLength(2);
    expect(res.apFilePaths).not.toContain(a);
    expect(res.apFilePaths[0]).toMatch(/\.image$/);
    expect(await bytesAt(em, res.apFilePaths[0]!)).toEqual(PNG);
    expect(await bytesAt(em, res.apFilePaths[1]!)).toEqual(PHOTO);
  });

  it('default level 4', async () => {
    const em = setupAutoEmulator({ appId: unique() });
    await expect(compressImage({ apFilePaths: [temp(em, PNG, 'a.png', 'image/png')] })).resolves.toHaveProperty('apFilePaths');
  });

  it('every image failing is 2 "Compress failed"; one failing is 2 "Invalid parameter"', async () => {
    const em = setupAutoEmulator({ appId: unique() });
    const good = temp(em, PNG, 'a.png', 'image/png');
    const notImage = temp(em, 'hello', 'a.txt', 'text/plain');
    const unknown = `https://resource/${newFileId()}.image`;
    const all = await failure(compressImage({ apFilePaths: [notImage, unknown] }));
    expect(all.code).toBe(2);
    expect(all.errorMessage).toBe('Compress failed');
    const one = await failure(compressImage({ apFilePaths: [good, unknown] }));
    expect(one.code).toBe(2);
    expect(one.errorMessage).toMatch(/^Invalid parameter/);
    expect(one.errorMessage).toContain(unknown);
  });

  it('missing or empty apFilePaths and an unknown compressLevel are 2', async () => {
    const em = setupAutoEmulator({ appId: unique() });
    expect((await rawCall(undefined, 'compressImage', {}))['error']).toBe(2);
    expect((await rawCall(undefined, 'compressImage', { apFilePaths: [] }))['error']).toBe(2);
    expect((await rawCall(undefined, 'compressImage', { apFilePaths: 'a.png' }))['error']).toBe(2);
    expect((await rawCall(undefined, 'compressImage', { apFilePaths: [temp(em, PNG)], compressLevel: 3 }))['error']).toBe(2);
  });

  describe('with a canvas', () => {
    let qualities: number[];
    const connection = (type: string | undefined) =>
      Object.defineProperty(navigator, 'connection', { value: type === undefined ? undefined : { type }, configurable: true });

    afterEach(() => {
      delete (navigator as unknown as { connection?: unknown }).connection;
    });

    const fakeCanvas = (output: Uint8Array<ArrayBuffer>) => {
      qualities = [];
      const g = { fillStyle: '', fillRect: vi.fn(), drawImage: vi.fn() };
      vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(g as unknown as RenderingContext);
      vi.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation((cb: BlobCallback, type?: string, q?: number) => {
        qualities.push(q!);
        cb(new Blob([output], { type }));
      });
      vi.stubGlobal('createImageBitmap', async (b: Blob) => {
        const h = readImageHeader(new Uint8Array(await b.arrayBuffer()));
        if (!h) throw new Error('undecodable');
        return { width: h.width, height: h.height, close() {} };
      });
      return g;
    };

    it('re-encodes as JPEG at the level’s quality; 4 is high on Wi-Fi, medium otherwise', async () => {
      const small = jpeg(40, 30);
      const g = fakeCanvas(small);
      const em = setupAutoEmulator({ appId: unique() });
      const big = temp(em, new Uint8Array([...PNG, ...new Uint8Array(500)]), 'photo.png', 'image/png');
      const res = await compressImage({ apFilePaths: [big], compressLevel: 0 });
      expect(await bytesAt(em, res.apFilePaths[0]!)).toEqual(small);
      expect((await filesOf(em).find(res.apFilePaths[0]!))?.name).toBe('photo.jpg');
      expect(g.drawImage).toHaveBeenCalled();
      await compressImage({ apFilePaths: [big], compressLevel: 1 });
      await compressImage({ apFilePaths: [big], compressLevel: 2 });
      connection('wifi');
      expect(onWifi()).toBe(true);
      await compressImage({ apFilePaths: [big], compressLevel: 4 });
      connection('cellular');
      expect(onWifi()).toBe(false);
      await compressImage({ apFilePaths: [big] });
      connection(undefined);
      expect(onWifi()).toBe(true);
      expect(qualities).toEqual([QUALITY[0], QUALITY[1], QUALITY[2], QUALITY[2], QUALITY[1]]);
      expect(QUALITY[0]).toBeLessThan(QUALITY[1]);
      expect(QUALITY[1]).toBeLessThan(QUALITY[2]);
    });

    it('keeps the original when the re-encoding is not smaller; fails for what the browser cannot decode', async () => {
      fakeCanvas(new Uint8Array(100_000));
      const em = setupAutoEmulator({ appId: unique() });
      const res = await compressImage({ apFilePaths: [temp(em, PNG, 'a.png', 'image/png')] });
      expect(await bytesAt(em, res.apFilePaths[0]!)).toEqual(PNG);
      expect((await failure(compressImage({ apFilePaths: [temp(em, 'text')] }))).errorMessage).toBe('Compress failed');
    });
  });
});

// ── previewImage ────────────────────────────────────────────────────────────────────────────────

describe('previewImage', () => {
  it('shows http(s) URLs from current (0 by default)', async () => {
    const preview = vi.fn(async () => {});
    withUi({ previewImage: preview });
    const urls = ['https://img.example.com/1.jpg', 'https://img.example.com/2.jpg', 'http://img.example.com/3.jpg'];
    await expect(previewImage({ urls, current: 2 })).resolves.toEqual({});
    await previewImage({ urls });
    expect(preview.mock.calls).toEqual([[{ urls, current: 2 }], [{ urls, current: 0 }]]);
  });

  it('accepts downloadFile/store paths (as object URLs), as downloadFile’s page does', async () => {
    const preview = vi.fn(async (_o: { urls: readonly string[]; current: number }) => {});
    const em = withUi({ previewImage: preview });
    const file = filesOf(em).addTemp(new File([PNG], 'a.png', { type: 'image/png' }));
    await previewImage({ urls: [file.path, file.hostPath, 'https://x.example/a.png'] });
    const shown = preview.mock.calls[0]![0].urls;
    expect(shown[0]).toMatch(/^blob:[^#]+$/);
    expect(shown[1]).toBe(shown[0]);
    expect(shown[2]).toBe('https://x.example/a.png');
  });

  it('clamps an out-of-range current', async () => {
    const preview = vi.fn(async (_o: { urls: readonly string[]; current: number }) => {});
    withUi({ previewImage: preview });
    await previewImage({ urls: ['https://a/1', 'https://a/2'], current: 9 });
    await previewImage({ urls: ['https://a/1', 'https://a/2'], current: -3 });
    await previewImage({ urls: ['https://a/1', 'https://a/2'], current: 1.7 });
    expect(preview.mock.calls.map((c) => c[0].current)).toEqual([1, 0, 1]);
  });

  it('answers the classic imageViewer with images/init', async () => {
    const preview = vi.fn(async (_o: { urls: readonly string[]; current: number }) => {});
    withUi({ previewImage: preview });
    expect(await rawCall(undefined, 'imageViewer', { images: ['https://a/1', 'https://a/2'], init: 1 })).toEqual({});
    expect(preview).toHaveBeenCalledWith({ urls: ['https://a/1', 'https://a/2'], current: 1 });
  });

  it.each([
    [{}],
    [{ urls: [] }],
    [{ urls: 'https://a/1' }],
    [{ urls: ['https://a/1', 5] }],
    [{ urls: ['images/local.png'] }],
    [{ urls: [`https://resource/${'apml' + '0'.repeat(32)}.image`] }],
    [{ urls: ['https://a/1'], current: '1' }],
  ])('invalid %j is 2', async (params) => {
    setupAutoEmulator({ appId: unique() });
    expect((await rawCall(undefined, 'previewImage', params))['error']).toBe(2);
  });
});

// ── saveImage ───────────────────────────────────────────────────────────────────────────────────

describe('saveImage', () => {
  it('fetches the image and answers {}; happy-dom cannot download, so no <a download> is clicked there', async () => {
    setupAutoEmulator({ appId: unique() });
    expect(canDownload()).toBe(false);
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click');
    const before = server.received.length;
    await expect(saveImage({ url: `${server.base}/photo.jpg` })).resolves.toEqual({});
    expect(server.received.slice(before).map((r) => r.url)).toEqual(['/photo.jpg']);
    expect(click).not.toHaveBeenCalled();
    expect(location.href).toBe('http://localhost:3000/');
  });

  it('downloadBlob clicks a hidden <a download> with an object URL and removes it', () => {
    const clicked: { href: string; download: string; inDocument: boolean }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download, inDocument: document.body.contains(this) });
    });
    downloadBlob(new Blob([PNG], { type: 'image/png' }), 'photo.png');
    expect(clicked).toHaveLength(1);
    expect(clicked[0]).toMatchObject({ download: 'photo.png', inDocument: true });
    expect(clicked[0]!.href).toMatch(/^blob:/);
    expect(document.querySelectorAll('a[download]')).toHaveLength(0);
  });

  it('saves store paths too', async () => {
    const em = setupAutoEmulator({ appId: unique() });
    await expect(saveImage({ url: temp(em, PNG, 'a.png', 'image/png') })).resolves.toEqual({});
  });

  it('no url is 2 with the documented message', async () => {
    setupAutoEmulator({ appId: unique() });
    expect(await rawCall(undefined, 'saveImage', {})).toEqual({ error: 2, errorMessage: 'Invalid parameter, no url parameter transferred.' });
  });

  it('network failure, HTTP error, non-image and unknown paths are 17', async () => {
    setupAutoEmulator({ appId: unique() });
    expect((await failure(saveImage({ url: `http://127.0.0.1:${await closedPort()}/a.jpg` }))).code).toBe(17);
    expect((await failure(saveImage({ url: `${server.base}/missing.png` }))).code).toBe(17);
    pageConsole.expectLines(/ECONNREFUSED/, /^GET \S+\/missing\.png 404/);
    expect((await failure(saveImage({ url: `${server.base}/text` }))).code).toBe(17);
    expect((await failure(saveImage({ url: `https://resource/${newFileId()}.image` }))).code).toBe(17);
  });

  it('showActionSheet shows the menu first; closing it is 17', async () => {
    const actionSheet = vi.fn(async () => 0);
    const em = withUi({ actionSheet });
    const path = temp(em, PNG, 'a.png', 'image/png');
    await expect(saveImage({ url: path, showActionSheet: true })).resolves.toEqual({});
    expect(actionSheet).toHaveBeenCalledWith({ items: ['Save image'], cancelButtonText: 'Cancel' });
    actionSheet.mockResolvedValue(-1);
    expect((await failure(saveImage({ url: path, showActionSheet: true }))).code).toBe(17);
    await saveImage({ url: path });
    expect(actionSheet).toHaveBeenCalledTimes(2);
  });
});

// ── chooseVideo ─────────────────────────────────────────────────────────────────────────────────

describe('chooseVideo', () => {
  it('auto mode without fixtures: the generated MP4 with its metadata', async () => {
    const em = setupAutoEmulator({ appId: unique() });
    const res = await chooseVideo();
    expect(Object.keys(res).sort()).toEqual(['duration', 'height', 'size', 'tempFilePath', 'width']);
    expect(res).toMatchObject({ duration: 10, width: 640, height: 360 });
    expect(res.tempFilePath).toMatch(/^blob:.+#apml[0-9a-f]{32}\.video$/);
    expect(res.size).toBe((await filesOf(em).find(res.tempFilePath))!.size);
  });

  it('reads a fixture’s own header; asks for one video', async () => {
    const clip = new File([encodeMp4Header(42.25, 1280, 720)], 'clip.mp4', { type: 'video/mp4' });
    const pickFiles = vi.fn(async () => [clip]);
    withUi({ pickFiles });
    expect(await chooseVideo({ sourceType: ['album'], maxDuration: 30 })).toMatchObject({ duration: 42.25, width: 1280, height: 720, size: clip.size });
    expect(pickFiles).toHaveBeenCalledWith(expect.objectContaining({ accept: 'video/*', multiple: false }));
  });

  it('a video without an MP4 header (WebM) answers zeros where the browser cannot play it (happy-dom)', async () => {
    const webm = new File([Uint8Array.of(0x1a, 0x45, 0xdf, 0xa3, 1, 2, 3, 4)], 'v.webm', { type: 'video/webm' });
    setupAutoEmulator({ appId: unique(), fixtures: { videos: [webm] } });
    expect(await chooseVideo()).toMatchObject({ duration: 0, width: 0, height: 0, size: 8 });
  });

  it('cancel is 11', async () => {
    withUi({ pickFiles: async () => null });
    const e = await failure(chooseVideo());
    expect(e.code).toBe(11);
    expect(isUserCancelledError(e)).toBe(true);
  });
});
