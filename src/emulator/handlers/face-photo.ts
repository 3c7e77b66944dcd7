/**
 * getFacePhotoData's default answer, in the shape Qi's own published page reads: `{ status: 'success',
 * photo }`, photo a base64 JPEG (no `data:` prefix; the page takes either). The photo is bytes, so this
 * handler loads with the emulator's extras on first call; `emulator.use('getFacePhotoData', …)` replaces it.
 */
import { FACE_PHOTO_JPEG } from '../media-fixtures.js';
import type { DefaultHandlers } from '../types.js';

export const facePhotoHandlers: Pick<DefaultHandlers, 'getFacePhotoData'> = {
  /** A 60×80 placeholder portrait (a grey silhouette), whatever the `scene`. */
  getFacePhotoData: () => ({ status: 'success', photo: FACE_PHOTO_JPEG }),
};
