/**
 * The emulator's rarely used part, loaded on first use (see lazy.ts): the media and file APIs with
 * their image/video decoding, digests and fixtures, getFacePhotoData's placeholder portrait, the UI's viewers and file picker, the sandbox
 * wallet link (only with `install({ sandbox })`) and the devtools' network capture (only in its device). A page that never calls them never fetches it.
 */
import type { DefaultHandlers } from './types.js';
import type { FileApis, LazyUndocumentedApis, MediaApis } from './handlers/group-apis.js';
import { facePhotoHandlers } from './handlers/face-photo.js';
import { fileHandlers } from './handlers/file.js';
import { mediaHandlers } from './handlers/media.js';

export { openDocument, pickFiles, previewImage } from './ui/media.js';
export { walletLink } from './sandbox-wallet.js';
export { captureNetwork } from './devtools-network.js';

/** The default handlers of the APIs this part answers. */
export const handlers: Pick<DefaultHandlers, MediaApis | FileApis | LazyUndocumentedApis> = { ...mediaHandlers, ...fileHandlers, ...facePhotoHandlers };
