/** The emulator's file APIs through the library's wrappers: payload shapes, digests, limits, every error. */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  chooseFileFromDisk,
  chooseImage,
  getFileInfo,
  getSavedFileInfo,
  getSavedFileList,
  isUserCancelledError,
  openDocument,
  removeSavedFile,
  saveFile,
} from '../../src/index.js';
import { filesOf, newFileId } from '../../src/emulator/files.js';
import type { Emulator } from '../../src/emulator/types.js';
import { createAutoUi } from '../../src/emulator/ui/auto-ui.js';
import { hostRejection as failure, rawCall, setupAutoEmulator, teardownEmulator } from '../support/auto-emulator.js';
import { watchPageConsole } from '../support/page-console.js';
import { closedPort, nodeDigest, startLoopbackServer, type LoopbackServer } from '../support/loopback-server.js';

const pageConsole = watchPageConsole();
let server: LoopbackServer;
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const BINARY = Uint8Array.from({ length: 4096 }, (_, i) => (i * 31 + 7) & 0xff);

beforeAll(async () => {
  server = await startLoopbackServer({
    '/doc.pdf': () => ({ headers: { 'content-type': 'application/pdf' }, body: PDF }),
    '/binary': () => ({ headers: { 'content-type': 'application/octet-stream' }, body: BINARY }),
    '/missing': () => ({ status: 404, body: 'no' }),
  });
});
afterAll(() => server.close());
afterEach(teardownEmulator);

const unique = () => `file-test-${Math.random().toString(36).slice(2)}`;
/** An emulator whose picker answers `files` (or cancels with null). */
const withPicker = (files: File[] | null, options: Parameters<typeof setupAutoEmulator>[0] = {}) => {
  const ui = createAutoUi();
  const pickFiles = vi.fn(async () => files);
  const openDoc = vi.fn(async () => {});
  const em = setupAutoEmulator({ appId: unique(), ...options }, { ...ui, pickFiles, openDocument: openDoc });
  return { em, pickFiles, openDoc };
};

const tempPath = (em: Emulator, bytes: Uint8Array | string, name = 'f.bin', type = '') =>
  filesOf(em).addTemp(new File([bytes as Uint8Array<ArrayBuffer>], name, { type })).path;

describe('chooseFileFromDisk', () => {
  it('auto mode without fixtures picks a generated text file: { apFilePath } of a temporary file', async () => {
    const em = setupAutoEmulator({ appId: unique() });
    const res = await chooseFileFromDisk();
    expect(Object.keys(res)).toEqual(['apFilePath']);
    expect(res.apFilePath).toMatch(/^blob:.+#apml[0-9a-f]{32}\.txt$/);
    const file = await filesOf(em).find(res.apFilePath);
    expect(file?.name).toBe('emulator-file.txt');
    expect(await file!.blob.text()).toMatch(/emulator/);
  });

  it('asks the picker for any single file and answers the fixture', async () => {
    const pdf = new File([PDF], 'contract.pdf', { type: 'application/pdf' });
    const { em, pickFiles } = withPicker([pdf]);
    const res = await chooseFileFromDisk();
    expect(pickFiles).toHaveBeenCalledWith(expect.objectContaining({ accept: '*/*', multiple: false }));
    expect(res.apFilePath).toMatch(/\.pdf$/);
    expect((await filesOf(em).find(res.apFilePath))?.blob).toBe(pdf);
  });

  it('passes fixtures.files to the picker', async () => {
    const mine = new File(['a,b\n1,2\n'], 'data.csv', { type: 'text/csv' });
    const em = setupAutoEmulator({ appId: unique(), fixtures: { files: [mine] } });
    const res = await chooseFileFromDisk();
    expect((await filesOf(em).find(res.apFilePath))?.name).toBe('data.csv');
  });

  it('cancel is 15 (a UserCancelledError)', async () => {
    withPicker(null);
    const e = await failure(chooseFileFromDisk());
    expect(e.code).toBe(15);
    expect(isUserCancelledError(e)).toBe(true);
  });

  it('a file over 50 MB is 18; exactly 50 MB is fine', async () => {
    const big = new File(['x'], 'movie.mkv');
    Object.defineProperty(big, 'size', { value: 50 * 1024 * 1024 + 1 });
    withPicker([big]);
    const e = await failure(chooseFileFromDisk());
    expect(e.code).toBe(18);
    const limit = new File(['x'], 'ok.bin');
    Object.defineProperty(limit, 'size', { value: 50 * 1024 * 1024 });
    withPicker([limit]);
    await expect(chooseFileFromDisk()).resolves.toHaveProperty('apFilePath');
  });

  it('answers the H5+ bridge form', async () => {
    setupAutoEmulator({ appId: unique() });
    const r = await rawCall(undefined, 'chooseFileFromDisk', {});
    expect(typeof r['apFilePath']).toBe('string');
  });
});

describe('saveFile, getSavedFileInfo, getSavedFileList, removeSavedFile', () => {
  it('the documented flow: chooseImage → saveFile → getSavedFileInfo → list → remove', async () => {
    setupAutoEmulator({ appId: unique() });
    const { apFilePaths } = await chooseImage();
    const before = Date.now();
    const saved = await saveFile({ apFilePath: apFilePaths[0]! });
    expect(Object.keys(saved)).toEqual(['apFilePath']);
    expect(saved.apFilePath).toMatch(/#apml[0-9a-f]{32}\.image$/);
    expect(saved.apFilePath).not.toBe(apFilePaths[0]);

    const info = await getSavedFileInfo({ apFilePath: saved.apFilePath });
    expect(Object.keys(info).sort()).toEqual(['createTime', 'size']);
    expect(typeof info.size).toBe('number');
    expect(info.size).toBeGreaterThan(0);
    expect(typeof info.createTime).toBe('number');
    expect(info.createTime).toBeGreaterThanOrEqual(before);
    expect(info.createTime).toBeLessThanOrEqual(Date.now());

    const list = await getSavedFileList();
    expect(list).toEqual({ fileList: [{ size: info.size, createTime: info.createTime, apFilePath: saved.apFilePath }] });

    await expect(removeSavedFile({ apFilePath: saved.apFilePath })).resolves.toEqual({});
    expect(await getSavedFileList()).toEqual({ fileList: [] });
    expect((await failure(getSavedFileInfo({ apFilePath: saved.apFilePath }))).code).toBe(2);
  });

  it('saved files outlive the emulator (same miniapp id); temporary files do not', async () => {
    const appId = unique();
    const em = setupAutoEmulator({ appId });
    const temp = tempPath(em, 'keep me', 'keep.txt', 'text/plain');
    const { apFilePath } = await saveFile({ apFilePath: temp });
    const hostForm = 'https://resource/' + apFilePath.split('#')[1];
    setupAutoEmulator({ appId });
    expect((await getSavedFileList()).fileList.map((f) => f.apFilePath)).toEqual([apFilePath]);
    await expect(getSavedFileInfo({ apFilePath: hostForm })).resolves.toMatchObject({ size: 7 });
    expect((await failure(saveFile({ apFilePath: temp }))).code).toBe(2);
    // and another miniapp does not see them
    setupAutoEmulator({ appId: unique() });
    expect(await getSavedFileList()).toEqual({ fileList: [] });
    expect((await failure(getSavedFileInfo({ apFilePath }))).code).toBe(2);
  });

  it('lists every saved file, oldest first', async () => {
    const em = setupAutoEmulator({ appId: unique() });
    const a = await saveFile({ apFilePath: tempPath(em, 'a') });
    await new Promise((r) => setTimeout(r, 5));
    const b = await saveFile({ apFilePath: tempPath(em, 'bb') });
    const { fileList } = await getSavedFileList();
    expect(fileList.map((f) => [f.apFilePath, f.size])).toEqual([
      [a.apFilePath, 1],
      [b.apFilePath, 2],
    ]);
  });

  it('the 10 MB total: a save past it fails with 3 and writes nothing; removeSavedFile frees space', async () => {
    const em = setupAutoEmulator({ appId: unique() });
    const seven = await saveFile({ apFilePath: tempPath(em, new Uint8Array(7 * 1024 * 1024)) });
    const four = tempPath(em, new Uint8Array(4 * 1024 * 1024));
    const e = await failure(saveFile({ apFilePath: four }));
    expect(e.code).toBe(3);
    expect(e.errorMessage).toMatch(/10 MB/);
    expect((await getSavedFileList()).fileList).toHaveLength(1);
    await removeSavedFile({ apFilePath: seven.apFilePath });
    await expect(saveFile({ apFilePath: four })).resolves.toHaveProperty('apFilePath');
  });

  it('unknown paths are 2; temporary files are no saved files', async () => {
    const em = setupAutoEmulator({ appId: unique() });
    const unknown = `https://resource/${newFileId()}.image`;
    const temp = tempPath(em, 'x');
    expect((await failure(saveFile({ apFilePath: unknown }))).code).toBe(2);
    expect((await failure(saveFile({ apFilePath: 'not/a/path.png' }))).code).toBe(2);
    expect((await failure(getSavedFileInfo({ apFilePath: unknown }))).code).toBe(2);
    expect((await failure(getSavedFileInfo({ apFilePath: temp }))).code).toBe(2);
    expect((await failure(removeSavedFile({ apFilePath: unknown }))).code).toBe(2);
    expect((await failure(removeSavedFile({ apFilePath: temp }))).code).toBe(2);
  });

  it.each(['saveFile', 'getSavedFileInfo', 'removeSavedFile', 'getFileInfo'])('%s without apFilePath is 2', async (name) => {
    setupAutoEmulator({ appId: unique() });
    expect((await rawCall(undefined, name, {}))['error']).toBe(2);
    expect((await rawCall(undefined, name, { apFilePath: 42 }))['error']).toBe(2);
  });
});

describe('getFileInfo', () => {
  it('{ size, digest }: a real md5 by default and sha1 on request, for temporary and saved files', async () => {
    const em = setupAutoEmulator({ appId: unique() });
    const path = tempPath(em, BINARY);
    const md5 = await nodeDigest('md5', BINARY);
    const sha1 = await nodeDigest('sha1', BINARY);
    expect(await getFileInfo({ apFilePath: path })).toEqual({ size: BINARY.length, digest: md5 });
    expect(await getFileInfo({ apFilePath: path, digestAlgorithm: 'md5' })).toEqual({ size: BINARY.length, digest: md5 });
    expect(await getFileInfo({ apFilePath: path, digestAlgorithm: 'sha1' })).toEqual({ size: BINARY.length, digest: sha1 });
    const saved = await saveFile({ apFilePath: path });
    expect(await getFileInfo({ apFilePath: saved.apFilePath, digestAlgorithm: 'sha1' })).toEqual({ size: BINARY.length, digest: sha1 });
  });

  it('an empty file', async () => {
    const em = setupAutoEmulator({ appId: unique() });
    expect(await getFileInfo({ apFilePath: tempPath(em, '') })).toEqual({ size: 0, digest: 'd41d8cd98f00b204e9800998ecf8427e' });
  });

  it('an http(s) URL is downloaded and digested', async () => {
    setupAutoEmulator({ appId: unique() });
    expect(await getFileInfo({ apFilePath: `${server.base}/binary`, digestAlgorithm: 'sha1' })).toEqual({
      size: BINARY.length,
      digest: await nodeDigest('sha1', BINARY),
    });
  });

  it('an unknown digestAlgorithm is 2', async () => {
    const em = setupAutoEmulator({ appId: unique() });
    const r = await rawCall(undefined, 'getFileInfo', { apFilePath: tempPath(em, 'x'), digestAlgorithm: 'sha256' });
    expect(r['error']).toBe(2);
  });

  it('an unknown path is 2; an unreachable URL or HTTP error is 12', async () => {
    setupAutoEmulator({ appId: unique() });
    expect((await failure(getFileInfo({ apFilePath: `https://resource/${newFileId()}.video` }))).code).toBe(2);
    expect((await failure(getFileInfo({ apFilePath: 'ftp://example.com/a' }))).code).toBe(2);
    expect((await failure(getFileInfo({ apFilePath: `${server.base}/missing` }))).code).toBe(12);
    expect((await failure(getFileInfo({ apFilePath: `http://127.0.0.1:${await closedPort()}/x` }))).code).toBe(12);
    pageConsole.expectLines(/^GET \S+\/missing 404/, /ECONNREFUSED/);
  });
});

describe('openDocument', () => {
  it('opens a downloaded PDF in the viewer with an object URL and the file name', async () => {
    const { em, openDoc } = withPicker(null);
    const path = filesOf(em).addTemp(new File([PDF], 'invoice.pdf', { type: 'application/pdf' })).path;
    await expect(openDocument({ filePath: path, fileType: 'pdf' })).resolves.toEqual({});
    expect(openDoc).toHaveBeenCalledTimes(1);
    const arg = (openDoc.mock.calls[0] as unknown as [{ url: string; name: string }])[0];
    expect(arg.name).toBe('invoice.pdf');
    expect(arg.url).toMatch(/^blob:[^#]+$/);
    expect(await filesOf(em).find(arg.url)).toBeDefined();
  });

  it('works with saved files and the host form of a path', async () => {
    const { em, openDoc } = withPicker(null);
    const temp = filesOf(em).addTemp(new File([PDF], 'a.pdf', { type: 'application/pdf' }));
    await openDocument({ filePath: temp.hostPath, fileType: 'pdf' });
    const saved = await saveFile({ apFilePath: temp.path });
    await openDocument({ filePath: saved.apFilePath, fileType: 'pdf' });
    expect(openDoc).toHaveBeenCalledTimes(2);
  });

  it('missing filePath or fileType is 2', async () => {
    setupAutoEmulator({ appId: unique() });
    expect((await rawCall(undefined, 'openDocument', { fileType: 'pdf' }))['error']).toBe(2);
    expect((await rawCall(undefined, 'openDocument', { filePath: 'https://resource/x.pdf' }))['error']).toBe(2);
  });

  it('a fileType other than pdf is 4013', async () => {
    const em = setupAutoEmulator({ appId: unique() });
    const path = filesOf(em).addTemp(new File([PDF], 'a.pdf')).path;
    const e = await failure(openDocument({ filePath: path, fileType: 'docx' as 'pdf' }));
    expect(e.code).toBe(4013);
  });

  it('a path that is no file path is 4011; a file that does not exist is 4012', async () => {
    setupAutoEmulator({ appId: unique() });
    const invalid = await failure(openDocument({ filePath: '/sdcard/Download/a.pdf', fileType: 'pdf' }));
    expect(invalid.code).toBe(4011);
    expect(invalid.errorMessage).toMatch(/invalid/i);
    expect((await failure(openDocument({ filePath: 'https://example.com/a.pdf', fileType: 'pdf' }))).code).toBe(4011);
    const missing = await failure(openDocument({ filePath: `https://resource/${newFileId()}.pdf`, fileType: 'pdf' }));
    expect(missing.code).toBe(4012);
    expect(missing.errorMessage).toBe('Preview files do not exist.');
  });

  it('a file that is not a PDF is 4013', async () => {
    const { em, openDoc } = withPicker(null);
    const path = tempPath(em, 'plain text', 'a.pdf', 'application/pdf');
    expect((await failure(openDocument({ filePath: path, fileType: 'pdf' }))).code).toBe(4013);
    expect(openDoc).not.toHaveBeenCalled();
  });
});
