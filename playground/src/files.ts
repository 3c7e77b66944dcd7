/**
 * File paths the playground has seen in answers (chooseImage, downloadFile, saveFile…), so the
 * examples of the APIs that take a path (saveFile, getFileInfo, openDocument, uploadFile…) can use a
 * real one, the way the docs chain them (`my.chooseImage` → `my.saveFile`).
 */

/** What kind of file a path is, as far as its answer or name tells. */
export type FileKind = 'image' | 'video' | 'pdf' | 'file';

interface Seen {
  path: string;
  kind: FileKind;
  saved: boolean;
}

const seen: Seen[] = [];

const kindOf = (path: string, hint?: FileKind): FileKind =>
  hint ?? (/\.pdf(\?|$)/i.test(path) ? 'pdf' : /\.(png|jpe?g|gif|webp|bmp|image)(\?|$)/i.test(path) ? 'image' : /\.(mp4|mov|webm|video)(\?|$)/i.test(path) ? 'video' : 'file');

function remember(path: unknown, saved: boolean, hint?: FileKind): void {
  if (typeof path !== 'string' || !path) return;
  const i = seen.findIndex((s) => s.path === path);
  if (i >= 0) seen.splice(i, 1);
  seen.push({ path, kind: kindOf(path, hint), saved });
  if (seen.length > 50) seen.shift();
}

/** Records the paths an answer of `api` carries. */
export function rememberPaths(api: string, answer: unknown, params?: Record<string, unknown>): void {
  if (!answer || typeof answer !== 'object') return;
  const a = answer as Record<string, unknown>;
  const url = typeof params?.['url'] === 'string' ? params['url'] : '';
  const hint: FileKind | undefined =
    api === 'chooseImage' || api === 'compressImage'
      ? 'image'
      : api === 'chooseVideo'
        ? 'video'
        : api === 'downloadFile'
          ? kindOf(url)
          : undefined;
  if (Array.isArray(a['apFilePaths'])) for (const p of a['apFilePaths']) remember(p, false, hint);
  if (api === 'saveFile') {
    const original = seen.find((s) => s.path === params?.['apFilePath']);
    remember(a['apFilePath'], true, original?.kind);
  } else remember(a['apFilePath'], false, hint);
  remember(a['tempFilePath'], false, 'video');
  if (Array.isArray(a['fileList'])) {
    for (const f of a['fileList']) if (f && typeof f === 'object') remember((f as Record<string, unknown>)['apFilePath'], true);
  }
}

/** Forgets a path (removeSavedFile). */
export function forgetPath(path: unknown): void {
  const i = seen.findIndex((s) => s.path === path);
  if (i >= 0) seen.splice(i, 1);
}

/** The most recent path of `kind` (any kind when omitted), saved ones only with `saved`. */
export function lastPath(kind?: FileKind, saved?: boolean): string | undefined {
  for (let i = seen.length - 1; i >= 0; i--) {
    const s = seen[i]!;
    if ((!kind || s.kind === kind) && (!saved || s.saved)) return s.path;
  }
  return undefined;
}

/** Up to `n` most recent image paths. */
export function lastImages(n: number): string[] {
  return seen.filter((s) => s.kind === 'image').slice(-n).map((s) => s.path);
}
