/**
 * saveFile, getFileInfo, getSavedFileInfo, getSavedFileList, removeSavedFile, openDocument and
 * chooseFileFromDisk, on the emulator's file store (see ../files.ts).
 *
 * Codes where the docs give none: 2 for a missing/invalid parameter and for a path that names no
 * file of this miniapp (or, for the saved-file APIs, no saved file); 3 when saveFile would pass the
 * 10 MB of saved files (nothing is written) or the store fails; 12 when getFileInfo cannot download
 * an http(s) URL. openDocument uses its documented 4011 (not a file path), 4012 (no such file) and
 * 4013 (not a PDF, by `fileType` or by content).
 */
import type { DefaultHandlers, HandlerContext, HostFailure } from '../types.js';
import { md5, sha1 } from '../digest.js';
import { failLoose } from '../loose.js';
import { filesOf, loadSource, MAX_PICK_BYTES, type StoredFile } from '../files.js';
import { fixtureFile } from '../media-fixtures.js';
import type { FileApis } from './group-apis.js';
import { isFailureAnswer, stringParam } from './values.js';

/** The saved file at the `apFilePath` parameter, or a failure. */
async function savedParam(ctx: HandlerContext): Promise<StoredFile | HostFailure> {
  const path = stringParam(ctx, 'apFilePath');
  if (typeof path !== 'string') return path;
  const file = await filesOf(ctx.emulator).find(path);
  if (!file?.saved) return ctx.fail(2, `${path} is not a saved file of this miniapp (save it with saveFile first)`);
  return file;
}

/** Whether the bytes carry the PDF header (`%PDF-`) in their first KiB, as PDF readers accept it. */
const isPdf = async (blob: Blob): Promise<boolean> =>
  String.fromCharCode(...new Uint8Array(await blob.slice(0, 1024).arrayBuffer())).includes('%PDF-');

export const fileHandlers: Pick<DefaultHandlers, FileApis> = {
  async saveFile(ctx) {
    const path = stringParam(ctx, 'apFilePath');
    if (typeof path !== 'string') return path;
    const outcome = await filesOf(ctx.emulator).save(path);
    if (outcome.ok) return { apFilePath: outcome.file.path };
    return ctx.fail(outcome.reason === 'missing' ? 2 : 3, outcome.message);
  },

  async getFileInfo(ctx) {
    const path = stringParam(ctx, 'apFilePath');
    if (typeof path !== 'string') return path;
    const algorithm = ctx.params.digestAlgorithm ?? 'md5';
    if (algorithm !== 'md5' && algorithm !== 'sha1') return ctx.fail(2, `digestAlgorithm must be 'md5' or 'sha1', got ${JSON.stringify(algorithm)}`);
    const source = await loadSource(filesOf(ctx.emulator), path);
    // 12 (network error), as Alipay-family hosts answer a URL they cannot fetch; the page lists no code for it.
    if (!source.ok) return failLoose(ctx, source.reason === 'network' || source.reason === 'http' ? 12 : 2, source.message);
    const bytes = new Uint8Array(await source.blob.arrayBuffer());
    return { size: bytes.length, digest: algorithm === 'sha1' ? await sha1(bytes) : md5(bytes) };
  },

  async getSavedFileInfo(ctx) {
    const file = await savedParam(ctx);
    if (isFailureAnswer(file)) return file;
    return { size: file.size, createTime: file.createTime };
  },

  async getSavedFileList(ctx) {
    let files;
    try {
      files = await filesOf(ctx.emulator).savedFiles();
    } catch (e) {
      return ctx.fail(3, (e as Error).message);
    }
    return { fileList: files.map((f) => ({ size: f.size, createTime: f.createTime, apFilePath: f.path })) };
  },

  async removeSavedFile(ctx) {
    const file = await savedParam(ctx);
    if (isFailureAnswer(file)) return file;
    await filesOf(ctx.emulator).removeSaved(file.path);
    return {};
  },

  async openDocument(ctx) {
    const path = stringParam(ctx, 'filePath');
    if (typeof path !== 'string') return path;
    const fileType = stringParam(ctx, 'fileType');
    if (typeof fileType !== 'string') return fileType;
    if (fileType.toLowerCase() !== 'pdf') return ctx.fail(4013, `File format is not supported: ${fileType} (only pdf)`);
    const store = filesOf(ctx.emulator);
    if (!store.isStorePath(path)) return ctx.fail(4011, `File path is invalid: ${path} (use the apFilePath of downloadFile, chooseFileFromDisk or saveFile)`);
    const file = await store.find(path);
    if (!file) return ctx.fail(4012);
    if (!(await isPdf(file.blob))) return ctx.fail(4013, `File format is not supported: ${path} is not a PDF`);
    // Typed from the checked fileType, never the file's own type: bytes that pass the `%PDF-` check
    // but are HTML/SVG (a server's text/html download) must not run as a page of this origin.
    const url = typeof URL.createObjectURL === 'function' ? store.pdfUrl(file) : file.hostPath;
    await ctx.ui.openDocument({ url, name: file.name });
    return {};
  },

  async chooseFileFromDisk(ctx) {
    const fixtures = ctx.fixtures.files.length ? ctx.fixtures.files : [fixtureFile()];
    const picked = await ctx.ui.pickFiles({ accept: '*/*', multiple: false, fixtures });
    const file = picked?.[0];
    if (!file) return ctx.fail(15);
    if (file.size > MAX_PICK_BYTES) {
      return ctx.fail(18, `Choosing large file is not supported: ${file.name} has ${file.size} bytes; the limit is ${MAX_PICK_BYTES} (50 MB)`);
    }
    return { apFilePath: filesOf(ctx.emulator).addTemp(file).path };
  },
};
