/**
 * Reads what getImageInfo and chooseVideo report straight from file headers: image format, pixel size
 * and EXIF orientation (PNG, JPEG, GIF, WebP, BMP), and an MP4/MOV's duration and frame size. Header
 * parsing needs no decoder, so it gives the same answers in every browser and in happy-dom.
 */
import type { ImageOrientation } from '../types/media.js';

/** What an image header says. */
export interface ImageHeader {
  /** Format name as getImageInfo reports it: `png`, `jpeg`, `gif`, `webp` or `bmp`. */
  type: string;
  /** Stored pixel size (before EXIF orientation is applied). */
  width: number;
  height: number;
  orientation: ImageOrientation;
}

/** EXIF orientation 1–8 → the docs' names. */
const ORIENTATIONS: readonly ImageOrientation[] = [
  'up', // 1
  'up-mirrored',
  'down',
  'down-mirrored',
  'left-mirrored',
  'right',
  'right-mirrored',
  'left', // 8
];

/** The MIME type of an image format name. */
export const IMAGE_MIME: Record<string, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  bmp: 'image/bmp',
};

const ascii = (b: Uint8Array, at: number, length: number): string => String.fromCharCode(...b.subarray(at, at + length));

/** The header of a PNG, JPEG, GIF, WebP or BMP image, or undefined for anything else. */
export function readImageHeader(bytes: Uint8Array): ImageHeader | undefined {
  const b = bytes;
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const up = (type: string, width: number, height: number): ImageHeader | undefined =>
    width > 0 && height > 0 ? { type, width, height, orientation: 'up' } : undefined;
  if (b.length >= 24 && b[0] === 0x89 && ascii(b, 1, 3) === 'PNG' && ascii(b, 12, 4) === 'IHDR') {
    return up('png', v.getUint32(16), v.getUint32(20));
  }
  if (b.length >= 10 && (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a')) {
    return up('gif', v.getUint16(6, true), v.getUint16(8, true));
  }
  if (b.length >= 26 && ascii(b, 0, 2) === 'BM') {
    return up('bmp', Math.abs(v.getInt32(18, true)), Math.abs(v.getInt32(22, true)));
  }
  if (b.length >= 30 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') {
    const chunk = ascii(b, 12, 4);
    if (chunk === 'VP8 ') return up('webp', v.getUint16(26, true) & 0x3fff, v.getUint16(28, true) & 0x3fff);
    if (chunk === 'VP8L') {
      return up('webp', 1 + (((b[22]! & 0x3f) << 8) | b[21]!), 1 + (((b[24]! & 0x0f) << 10) | (b[23]! << 2) | ((b[22]! & 0xc0) >> 6)));
    }
    if (chunk === 'VP8X') {
      const u24 = (at: number) => b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16);
      return up('webp', 1 + u24(24), 1 + u24(27));
    }
    return undefined;
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) return readJpeg(b, v);
  return undefined;
}

/** Start-of-frame markers carrying the frame size (baseline, progressive, lossless, arithmetic). */
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function readJpeg(b: Uint8Array, v: DataView): ImageHeader | undefined {
  let orientation: ImageOrientation = 'up';
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2; // no length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return undefined; // end of image / start of scan before any frame
    const length = v.getUint16(i + 2);
    if (length < 2) return undefined;
    if (marker === 0xe1 && i + 10 <= b.length && ascii(b, i + 4, 6) === 'Exif\0\0') {
      orientation = exifOrientation(b, v, i + 10, Math.min(b.length, i + 2 + length)) ?? orientation;
    }
    if (SOF.has(marker) && i + 9 <= b.length) {
      const height = v.getUint16(i + 5);
      const width = v.getUint16(i + 7);
      return width > 0 && height > 0 ? { type: 'jpeg', width, height, orientation } : undefined;
    }
    i += 2 + length;
  }
  return undefined;
}

/** The orientation tag (0x0112) of IFD0 of the TIFF structure at `tiff`, if present and valid. */
function exifOrientation(b: Uint8Array, v: DataView, tiff: number, end: number): ImageOrientation | undefined {
  if (tiff + 8 > end) return undefined;
  const order = ascii(b, tiff, 2);
  if (order !== 'II' && order !== 'MM') return undefined;
  const le = order === 'II';
  if (v.getUint16(tiff + 2, le) !== 42) return undefined;
  const ifd = tiff + v.getUint32(tiff + 4, le);
  if (ifd + 2 > end) return undefined;
  const count = v.getUint16(ifd, le);
  for (let n = 0; n < count; n++) {
    const entry = ifd + 2 + n * 12;
    if (entry + 12 > end) return undefined;
    if (v.getUint16(entry, le) === 0x0112) return ORIENTATIONS[v.getUint16(entry + 8, le) - 1];
  }
  return undefined;
}

/** What an MP4/MOV header says. */
export interface VideoHeader {
  /** Seconds. */
  duration: number;
  width: number;
  height: number;
}

/**
 * Reads the `moov` box of an ISO-BMFF file (MP4, MOV, 3GP): duration from `mvhd`, frame size from the
 * first `tkhd` with a non-zero size. Only the box headers and `moov` are read, wherever `moov` sits.
 */
export async function readVideoHeader(blob: Blob): Promise<VideoHeader | undefined> {
  let at = 0;
  for (let guard = 0; at + 8 <= blob.size && guard < 64; guard++) {
    const head = new Uint8Array(await blob.slice(at, at + 16).arrayBuffer());
    const hv = new DataView(head.buffer);
    let size = hv.getUint32(0);
    const type = ascii(head, 4, 4);
    let header = 8;
    if (size === 1 && head.length >= 16) {
      size = hv.getUint32(8) * 2 ** 32 + hv.getUint32(12);
      header = 16;
    } else if (size === 0) size = blob.size - at;
    if (size < header) return undefined;
    if (guard === 0 && type !== 'ftyp' && type !== 'moov' && type !== 'wide' && type !== 'free' && type !== 'mdat') return undefined;
    if (type === 'moov') {
      const moov = new Uint8Array(await blob.slice(at + header, at + size).arrayBuffer());
      return readMoov(moov);
    }
    at += size;
  }
  return undefined;
}

function readMoov(b: Uint8Array): VideoHeader | undefined {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let duration: number | undefined;
  let width = 0;
  let height = 0;
  const walk = (start: number, end: number): void => {
    let i = start;
    while (i + 8 <= end) {
      const size = v.getUint32(i);
      const type = ascii(b, i + 4, 4);
      if (size < 8 || i + size > end) return;
      const body = i + 8;
      if (type === 'mvhd' && body + 32 <= end) {
        const version = b[body]!;
        const timescale = version === 1 ? v.getUint32(body + 20) : v.getUint32(body + 12);
        const units = version === 1 ? v.getUint32(body + 24) * 2 ** 32 + v.getUint32(body + 28) : v.getUint32(body + 16);
        if (timescale > 0) duration = units / timescale;
      } else if (type === 'tkhd' && !width) {
        const at = body + (b[body] === 1 ? 88 : 76);
        if (at + 8 <= i + size) {
          width = v.getUint32(at) >>> 16;
          height = v.getUint32(at + 4) >>> 16;
        }
      } else if (type === 'trak') {
        walk(body, i + size);
      }
      i += size;
    }
  };
  walk(0, b.length);
  return duration === undefined ? undefined : { duration: Math.round(duration * 1000) / 1000, width, height };
}
