import type { ApiRow } from './row.js';
import type { ChooseImageParams, ChooseImageResult, PreviewImageParams, SaveImageParams, GetImageInfoParams, ImageInfo, CompressImageParams, CompressImageResult, ChooseVideoParams, ChooseVideoResult } from '../types/media.js';
import type { HostAck } from '../types/common.js';

/** chooseImage: pick images from the camera or album. */
export const chooseImage: ApiRow<ChooseImageParams, ChooseImageResult> = {
  group: 'media',
  doc: '18-chooseImage',
  params: { sizeType: 'a', sourceType: 'a', count: 'n' },
  errors: { 11: 'User cancels operation.' },
  cancel: [11],
  defaults: { sizeType: ['original', 'compressed'], sourceType: ['camera', 'album'] },
  ui: true,
};

/** previewImage: full-screen preview of http(s) images. */
export const previewImage: ApiRow<PreviewImageParams, HostAck> = {
  group: 'media',
  doc: '19-previewImage',
  params: { urls: 'A', current: 'n' },
  alias: { name: 'imageViewer', params: { urls: 'images', current: 'init' } },
  defaults: { current: 0 },
  ui: true,
};

/** saveImage: saves an online image to the gallery. */
export const saveImage: ApiRow<SaveImageParams, HostAck> = {
  group: 'media',
  doc: '20-saveImage',
  params: { url: 'S', showActionSheet: 'b' },
  errors: {
    2: 'Invalid parameter, no url parameter transferred.',
    15: 'Album right not enabled (iOS only).',
    16: 'Insufficient album storage on cellphone (iOS only).',
    17: 'Other errors during picture saving.',
  },
  defaults: { showActionSheet: false },
  // With `showActionSheet: true` the host shows a save menu and waits for the user.
  ui: 'showActionSheet',
};

/** getImageInfo: width, height, path, orientation and format of an image. */
export const getImageInfo: ApiRow<GetImageInfoParams, ImageInfo> = {
  group: 'media',
  doc: '21-getImageInfo',
  params: { src: 's' },
};

/** compressImage: re-encodes images at a quality level. */
export const compressImage: ApiRow<CompressImageParams, CompressImageResult> = {
  group: 'media',
  doc: '22-compressImage',
  params: { apFilePaths: 'A', compressLevel: 'n' },
  errors: { 2: 'Compress failed: failed to compress all images (Invalid parameter: failed to compress one of them).' },
  defaults: { compressLevel: 4 },
};

/** chooseVideo: shoot or choose a video. */
export const chooseVideo: ApiRow<ChooseVideoParams, ChooseVideoResult> = {
  group: 'media',
  doc: '23-chooseVideo',
  params: { sourceType: 'a', compressed: 'b', maxDuration: 'n', camera: 's' },
  errors: {
    2: 'Invalid parameters.',
    3: 'An unknown error occurs.',
    11: 'The operation was canceled by the user.',
    12: 'An error occurs in data processing.',
    13: 'The file size exceeds the limit.',
    14: 'No access to camera.',
    15: 'No access to album.',
  },
  cancel: [11],
  defaults: { sourceType: ['album', 'camera'], compressed: true, maxDuration: 60, camera: 'back' },
  ui: true,
};
