/**
 * Files the emulator picks in auto mode when the page gave no fixtures: a real PNG, an MP4 header that
 * carries a duration and frame size (not playable: it has no media data), and a small text file; and
 * getFacePhotoData's placeholder portrait (a JPEG).
 * Shipped as bytes (made by test/support/media-encoders.ts, which the tests check them against) rather
 * than encoders: a fraction of the size. Made into files on first use and kept.
 */

/** 64×48 RGB PNG, pixel (x, y) = (80 + 2x, 140 + y, 60): deflated with the "sub" row filter. */
const PNG_64X48 =
  'iVBORw0KGgoAAAANSUhEUgAAAEAAAAAwCAIAAAAuKetIAAAAn0lEQVR42tXPhRGCAAAAQHAuh2AwuwE7QMHuWM45/u4X+DCqVStB4Aqjuh5o6IGmHmjpgbYe6OiBrh7o6YG+HhjogaEeGOmBWA8keiDVA2M9MNEDUz0w0wNzPbDQA0s9sNIDaz2w0QOZHsj1wFYP7PRAoQdKPbDXAwc9cNQDJz1w1gMXPXDVAzc9cNcDDz3w1AMvPfDWAx898NUDPzvwB+VSULnSPywJAAAAAElFTkSuQmCC';
/** `ftyp` + `moov` (`mvhd`, one video `tkhd`): 10 s at timescale 1000, 640×360. */
const MP4_10S_640X360 =
  'AAAAHGZ0eXBpc29tAAACAGlzb21pc28ybXA0MQAAANhtb292AAAAbG12aGQAAAAAAAAAAAAAAAAAAAPoAAAnEAABAAABAAAAAAAAAAAAAAAAAQAAAAAAAAAAAAAAAAAAAAEAAAAAAAAAAAAAAAAAAEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAACAAAAZHRyYWsAAABcdGtoZAAAAAMAAAAAAAAAAAAAAAEAAAAAAAAnEAAAAAAAAAAAAAAAAAAAAAAAAQAAAAAAAAAAAAAAAAAAAAEAAAAAAAAAAAAAAAAAAEAAAAACgAAAAWgAAA==';

/**
 * 60×80 JPEG (595 bytes), base64: a grey head-and-shoulders silhouette on a light ground, getFacePhotoData's
 * placeholder portrait. Drawn on a canvas in Chromium, `toDataURL('image/jpeg', 0.5)`, its ICC segment dropped.
 */
export const FACE_PHOTO_JPEG =
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCABQADwDASIAAhEBAxEB/8QAGgABAQEAAwEAAAAAAAAAAAAAAAUEAgMGAf/EACkQAAICAgAFAwMFAAAAAAAAAAABAgMEEQUSITFBYZHBFFKBM0JRYnH/xAAWAQEBAQAAAAAAAAAAAAAAAAAAAQL/xAAWEQEBAQAAAAAAAAAAAAAAAAAAARH/2gAMAwEAAhEDEQA/APXgA0gAAAAAAAAAAM+ZkrGq5u8n0iiPPKvnLbtn+Ho7uKTcstx8RSXyYyo34fEJxmoXS5oP9z7orHmi/hTdmJXJ99a9ugo7wARQAAReKQccty8SSfwYy9mYyyauXtJdYsj2Yl9ctOqT9UtoqOkv4UHXiVxffW/fqYMPh85TU7o8sV15X3ZVA+gAigBiz8z6ePJD9Rr2A0W31Urdk1H08mZ8VoT6Rm/wiRKUpycpNtvyz4XEW6uI49j1zOD/ALLRqT2trseaNOJmTx5JNuVfmP8AH+DBdBxhJTgpRe01tM5EVwtsVVcpy7RWzz1k5WWSnJ7cntlfis+XE190kvkjFiAAAAAClwm97lTJ+sfkqEDClyZdTX3a9+hfJR//2Q==';

const bytes = (base64: string): Uint8Array<ArrayBuffer> => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

let image: File | undefined;
let video: File | undefined;
let file: File | undefined;

/** A 64×48 PNG: a green-to-gold gradient. */
export function fixtureImage(): File {
  image ??= new File([bytes(PNG_64X48)], 'emulator-image.png', { type: 'image/png', lastModified: 0 });
  return image;
}

/** An MP4 header saying 10 s, 640×360. */
export function fixtureVideo(): File {
  video ??= new File([bytes(MP4_10S_640X360)], 'emulator-video.mp4', { type: 'video/mp4', lastModified: 0 });
  return video;
}

/** A small text file. */
export function fixtureFile(): File {
  file ??= new File(['Hello from the Super Qi emulator.\n'], 'emulator-file.txt', { type: 'text/plain', lastModified: 0 });
  return file;
}
