import type { ApiRow } from './row.js';
import type { ChooseImageParams, ChooseImageResult, PreviewImageParams, SaveImageParams, GetImageInfoParams, ImageInfo, CompressImageParams, CompressImageResult, ChooseVideoParams, ChooseVideoResult } from '../types/media.js';
import type { HostAck } from '../types/common.js';

/** chooseImage: pick images from the camera or album. */
export const chooseImage: ApiRow<ChooseImageParams, ChooseImageResult> = {
  params: { sizeType: 'a', sourceType: 'a', count: 'n' },
  cancel: [11],
  ui: true,
};

/** previewImage: full-screen preview of http(s) images. */
export const previewImage: ApiRow<PreviewImageParams, HostAck> = {
  params: { urls: 'A', current: 'n' },
  ui: true,
};

/** saveImage: saves an online image to the gallery. */
export const saveImage: ApiRow<SaveImageParams, HostAck> = {
  params: { url: 'S', showActionSheet: 'b' },
  // With `showActionSheet: true` the host shows a save menu and waits for the user.
  ui: 'showActionSheet',
};

/** getImageInfo: width, height, path, orientation and format of an image. */
export const getImageInfo: ApiRow<GetImageInfoParams, ImageInfo> = {
  params: { src: 's' },
};

/** compressImage: re-encodes images at a quality level. */
export const compressImage: ApiRow<CompressImageParams, CompressImageResult> = {
  params: { apFilePaths: 'A', compressLevel: 'n' },
};

/** chooseVideo: shoot or choose a video. */
export const chooseVideo: ApiRow<ChooseVideoParams, ChooseVideoResult> = {
  params: { sourceType: 'a', compressed: 'b', maxDuration: 'n', camera: 's' },
  cancel: [11],
  ui: true,
};
