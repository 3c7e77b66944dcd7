import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fixtureImage, fixtureVideo } from '../../src/emulator/media-fixtures.js';
import { encodeMp4Header, encodePng } from '../support/media-encoders.js';

/** The PNG's rows without their filter bytes (only filters 0 "none" and 1 "sub" appear here). */
function pixels(png: Uint8Array): { width: number; height: number; rgb: Uint8Array } {
  const v = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const width = v.getUint32(16);
  const height = v.getUint32(20);
  const idat: Uint8Array[] = [];
  for (let at = 8; at < png.length; ) {
    const length = v.getUint32(at);
    if (String.fromCharCode(...png.subarray(at + 4, at + 8)) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += length + 12;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 3;
  const rgb = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    expect([0, 1]).toContain(filter);
    for (let x = 0; x < stride; x++) {
      const byte = raw[y * (stride + 1) + 1 + x]!;
      rgb[y * stride + x] = filter === 1 && x >= 3 ? (byte + rgb[y * stride + x - 3]!) & 255 : byte;
    }
  }
  return { width, height, rgb };
}

describe('the emulator fixtures shipped as bytes', () => {
  it('the image is the 64×48 gradient the encoder makes, pixel for pixel', async () => {
    const shipped = pixels(new Uint8Array(await fixtureImage().arrayBuffer()));
    const made = pixels(encodePng(64, 48, (x, y) => [80 + x * 2, 140 + y, 60]));
    expect(shipped.width).toBe(64);
    expect(shipped.height).toBe(48);
    expect(shipped.rgb).toEqual(made.rgb);
  });

  it('the video is the header the encoder makes for 10 s at 640×360', async () => {
    expect(new Uint8Array(await fixtureVideo().arrayBuffer())).toEqual(encodeMp4Header(10, 640, 360));
  });
});
