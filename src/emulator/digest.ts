/**
 * Digests and encodings of file bytes for the emulator: md5 (compact JS, RFC 1321), sha1 (WebCrypto
 * when the page has it — secure contexts only — else compact JS, FIPS 180-4) and base64.
 */

/** Bytes as lowercase hex. */
export const hexOf = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** 32-bit words as hex, each in the given byte order. */
const wordsHex = (words: readonly number[], littleEndian: boolean): string => {
  const view = new DataView(new ArrayBuffer(words.length * 4));
  words.forEach((w, i) => view.setUint32(i * 4, w, littleEndian));
  return hexOf(new Uint8Array(view.buffer));
};

/**
 * Runs `block` over every 64-byte block of `bytes` after Merkle–Damgård padding with the bit length
 * (little- or big-endian), without copying the whole input.
 */
function eachBlock(bytes: Uint8Array, littleEndian: boolean, block: (view: DataView, offset: number) => void): void {
  const n = bytes.length;
  const full = n - (n % 64);
  const source = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let off = 0; off < full; off += 64) block(source, off);
  const tail = new Uint8Array(n % 64 < 56 ? 64 : 128);
  tail.set(bytes.subarray(full));
  tail[n - full] = 0x80;
  const view = new DataView(tail.buffer);
  const low = (n * 8) >>> 0;
  const high = Math.floor(n / 0x20000000);
  if (littleEndian) {
    view.setUint32(tail.length - 8, low, true);
    view.setUint32(tail.length - 4, high, true);
  } else {
    view.setUint32(tail.length - 8, high, false);
    view.setUint32(tail.length - 4, low, false);
  }
  for (let off = 0; off < tail.length; off += 64) block(view, off);
}

const MD5_S = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
const MD5_K = /* @__PURE__ */ Array.from({ length: 64 }, (_, i) => (Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);

/** The md5 of `bytes`, as 32 lower-case hex digits. */
export function md5(bytes: Uint8Array): string {
  let h0 = 0x67452301;
  let h1 = 0xefcdab89;
  let h2 = 0x98badcfe;
  let h3 = 0x10325476;
  const m = new Int32Array(16);
  eachBlock(bytes, true, (view, off) => {
    for (let i = 0; i < 16; i++) m[i] = view.getInt32(off + i * 4, true);
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    for (let i = 0; i < 64; i++) {
      const round = i >> 4;
      let f: number;
      let g: number;
      if (round === 0) {
        f = (b & c) | (~b & d);
        g = i;
      } else if (round === 1) {
        f = (d & b) | (~d & c);
        g = (5 * i + 1) & 15;
      } else if (round === 2) {
        f = b ^ c ^ d;
        g = (3 * i + 5) & 15;
      } else {
        f = c ^ (b | ~d);
        g = (7 * i) & 15;
      }
      const x = (a + f + MD5_K[i]! + m[g]!) | 0;
      const s = MD5_S[(round << 2) | (i & 3)]!;
      a = d;
      d = c;
      c = b;
      b = (b + ((x << s) | (x >>> (32 - s)))) | 0;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
  });
  return wordsHex([h0, h1, h2, h3], true);
}

/** The sha1 of `bytes` in plain JS, as 40 lower-case hex digits. */
export function sha1Sync(bytes: Uint8Array): string {
  const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  const w = new Int32Array(80);
  eachBlock(bytes, false, (view, off) => {
    for (let i = 0; i < 16; i++) w[i] = view.getInt32(off + i * 4, false);
    for (let i = 16; i < 80; i++) {
      const x = w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!;
      w[i] = (x << 1) | (x >>> 31);
    }
    let [a, b, c, d, e] = h as [number, number, number, number, number];
    for (let i = 0; i < 80; i++) {
      const f = i < 20 ? (b & c) | (~b & d) : i < 40 ? b ^ c ^ d : i < 60 ? (b & c) | (b & d) | (c & d) : b ^ c ^ d;
      const k = i < 20 ? 0x5a827999 : i < 40 ? 0x6ed9eba1 : i < 60 ? 0x8f1bbcdc : 0xca62c1d6;
      const t = (((a << 5) | (a >>> 27)) + f + e + k + w[i]!) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = t;
    }
    h[0] = (h[0]! + a) | 0;
    h[1] = (h[1]! + b) | 0;
    h[2] = (h[2]! + c) | 0;
    h[3] = (h[3]! + d) | 0;
    h[4] = (h[4]! + e) | 0;
  });
  return wordsHex(h, false);
}

/** The sha1 of `bytes`: WebCrypto when available (it is missing outside secure contexts), else JS. */
export async function sha1(bytes: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle && typeof subtle.digest === 'function') {
    try {
      const digest = new Uint8Array(await subtle.digest('SHA-1', bytes as Uint8Array<ArrayBuffer>));
      return hexOf(digest);
    } catch {
      // fall through to JS
    }
  }
  return sha1Sync(bytes);
}

/** Base64 of `bytes` (standard alphabet, padded). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
