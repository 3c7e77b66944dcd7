/** Parameters of `my.chooseImage`. */
export interface ChooseImageParams {
  /** Original image, compressed image, both by default. */
  sizeType?: readonly ('original' | 'compressed')[];
  /** Camera or album, `['camera','album']` by default. */
  sourceType?: readonly ('camera' | 'album')[];
  /**
   * Not in the Super Qi docs (Qi's own sample pages pass it; Alipay+ hosts take it): the most images
   * the user may pick. Without it the host decides.
   */
  count?: number;
}
/** Success payload of `my.chooseImage`. */
export interface ChooseImageResult {
  /** Paths of the chosen images. */
  apFilePaths: string[];
}

/** Parameters of `my.previewImage`. */
export interface PreviewImageParams {
  /** Http url list of the images to be previewed (local image paths are not supported). */
  urls: readonly string[];
  /** Index of the image displayed first, 0 by default. */
  current?: number;
}

/** Parameters of `my.saveImage`. */
export interface SaveImageParams {
  /** URL of the image to be saved. */
  url: string;
  /** Whether to show the menu when saving image, `false` by default. */
  showActionSheet?: boolean;
}

/** Parameters of `my.getImageInfo`. */
export interface GetImageInfoParams {
  /** Picture path: network picture path, apFilePath path or relative path. */
  src?: string;
}
/** Image orientation values of `getImageInfo`. */
export type ImageOrientation =
  | 'up'
  | 'down'
  | 'left'
  | 'right'
  | 'up-mirrored'
  | 'down-mirrored'
  | 'left-mirrored'
  | 'right-mirrored';
/** Success payload of `my.getImageInfo`. */
export interface ImageInfo {
  /** Picture width (in px). */
  width: number;
  /** Picture height (in px). */
  height: number;
  /** Local path of picture. */
  path: string;
  /** Picture orientation. */
  orientation: ImageOrientation;
  /** Picture format. */
  type: string;
}

/** Parameters of `my.compressImage`. */
export interface CompressImageParams {
  /** The image paths to be compressed. */
  apFilePaths: readonly string[];
  /** 0 low, 1 medium, 2 high quality, 4 by network (high on Wi-Fi, else medium). Default 4. */
  compressLevel?: 0 | 1 | 2 | 4;
}
/** Success payload of `my.compressImage`. */
export interface CompressImageResult {
  /** The local file paths of the compressed images. */
  apFilePaths: string[];
}

/** Parameters of `my.chooseVideo`. */
export interface ChooseVideoParams {
  /** Sources of the video, `['album','camera']` by default. */
  sourceType?: readonly ('album' | 'camera')[];
  /** Whether to compress the selected video file, `true` by default. */
  compressed?: boolean;
  /** Maximum shooting time in seconds, 60 by default. */
  maxDuration?: number;
  /** `back` (default) or `front` camera. */
  camera?: 'back' | 'front';
}
/** Success payload of `my.chooseVideo`. */
export interface ChooseVideoResult {
  /** Temporary file path of the selected video. */
  tempFilePath: string;
  /** Length of the selected video. */
  duration: number;
  /** Size of the selected video. */
  size: number;
  /** Height of the selected video. */
  height: number;
  /** Width of the selected video. */
  width: number;
}
