/**
 * Encoders for test media: a real PNG (stored deflate, so any pixels can be asked for) and an MP4 header
 * that carries a duration and frame size (not playable: it has no media data). The emulator ships
 * their output for its own fixtures as bytes (src/emulator/media-fixtures.ts); tests make any others.
 */

let crcTable: Uint32Array | undefined;

/** CRC-32 (ISO-HDLC), as PNG chunks use it. */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const concat = (parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

const u32 = (...values: number[]): Uint8Array => {
  const out = new Uint8Array(values.length * 4);
  const v = new DataView(out.buffer);
  values.forEach((n, i) => v.setUint32(i * 4, n >>> 0));
  return out;
};

const text = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** A PNG (RGB, 8 bits, stored deflate) of `width`×`height` whose pixels `paint` gives. */
export function encodePng(width: number, height: number, paint: (x: number, y: number) => readonly [number, number, number]): Uint8Array<ArrayBuffer> {
  const raw = new Uint8Array((width * 3 + 1) * height);
  for (let y = 0, at = 0; y < height; y++) {
    raw[at++] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const [r, g, b] = paint(x, y);
      raw[at++] = r;
      raw[at++] = g;
      raw[at++] = b;
    }
  }
  // zlib stream of stored (uncompressed) deflate blocks
  const blocks: Uint8Array[] = [Uint8Array.of(0x78, 0x01)];
  for (let at = 0; at < raw.length || at === 0; at += 0xffff) {
    const part = raw.subarray(at, at + 0xffff);
    const last = at + 0xffff >= raw.length;
    blocks.push(Uint8Array.of(last ? 1 : 0, part.length & 0xff, part.length >> 8, ~part.length & 0xff, (~part.length >> 8) & 0xff), part);
    if (last) break;
  }
  let a = 1;
  let b = 0;
  for (const byte of raw) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  blocks.push(u32(((b << 16) | a) >>> 0));
  const chunk = (type: string, data: Uint8Array) => {
    const body = concat([text(type), data]);
    return concat([u32(data.length), body, u32(crc32(body))]);
  };
  const ihdr = concat([u32(width, height), Uint8Array.of(8, 2, 0, 0, 0)]);
  return concat([Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), chunk('IHDR', ihdr), chunk('IDAT', concat(blocks)), chunk('IEND', new Uint8Array(0))]);
}

/** The header boxes of an MP4 (`ftyp`, and `moov` with `mvhd` and one video `tkhd`): no media data. */
export function encodeMp4Header(seconds: number, width: number, height: number): Uint8Array<ArrayBuffer> {
  const box = (type: string, ...parts: Uint8Array[]) => {
    const body = concat(parts);
    return concat([u32(body.length + 8), text(type), body]);
  };
  const matrix = u32(0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000);
  const timescale = 1000;
  const duration = Math.round(seconds * timescale);
  const mvhd = box('mvhd', u32(0, 0, 0, timescale, duration, 0x10000), Uint8Array.of(1, 0), new Uint8Array(10), matrix, new Uint8Array(24), u32(2));
  const tkhd = box('tkhd', u32(3, 0, 0, 1, 0, duration, 0, 0), u32(0, 0), matrix, u32(width << 16, height << 16));
  const ftyp = box('ftyp', text('isom'), u32(0x200), text('isomiso2mp41'));
  return concat([ftyp, box('moov', mvhd, box('trak', tkhd))]);
}
