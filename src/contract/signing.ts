/**
 * Signing and verifying as `03-open-apis/01-overview` and `05-utilities/03-signature-validation`
 * describe: SHA256withRSA (PKCS#1 v1.5) over `POST {path}\n{clientId}.{time}.{body}`, base64 in a
 * `Signature: algorithm=RSA256, keyVersion=1, signature=<base64>` header. Used by the gateway (requests
 * in, responses out), the notifier (webhooks out) and anyone testing a merchant against the sandbox.
 */
import { createHash, createSign, createVerify, type KeyObject } from 'node:crypto';

/** The content both sides sign: `{method} {path}\n{clientId}.{time}.{body}` (body as raw bytes/text). */
export function signContent(method: string, path: string, clientId: string, time: string, body: string | Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${method} ${path}\n${clientId}.${time}.`, 'utf8'), typeof body === 'string' ? Buffer.from(body, 'utf8') : body]);
}

/** Base64 SHA256withRSA signature of `content` with an RSA private key. */
export function sign(content: Buffer | string, privateKey: KeyObject | string): string {
  return createSign('RSA-SHA256').update(content).sign(privateKey, 'base64');
}

/** Whether `signatureBase64` is a SHA256withRSA signature of `content` by the key pair of `publicKey`. */
export function verify(content: Buffer | string, signatureBase64: string, publicKey: KeyObject | string): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(signatureBase64)) return false;
  try {
    return createVerify('RSA-SHA256').update(content).verify(publicKey, signatureBase64, 'base64');
  } catch {
    return false;
  }
}

/**
 * Whether the signature was made over SHA-256(content) hashed once more: what the overview's Node
 * snippet (`crypto.sign("RSA-SHA256", sha256(content))`) produces. The real gateway (Go's
 * `rsa.VerifyPKCS1v15` over one hash) rejects it; the sandbox rejects it too, but says why.
 */
export function isDoubleHashed(content: Buffer | string, signatureBase64: string, publicKey: KeyObject | string): boolean {
  return verify(createHash('sha256').update(content).digest(), signatureBase64, publicKey);
}

/**
 * How the base64 signature is written in a `Signature` header: `plain` (the docs: `signature=<base64>`)
 * or `url-encoded` (`+ / =` as `%2B %2F %3D`: what Ant's gateway SDKs send and expect back).
 */
export type SignatureEncoding = 'plain' | 'url-encoded';

/** The encodings a `Signature` header can use. */
export const SIGNATURE_ENCODINGS: readonly SignatureEncoding[] = ['plain', 'url-encoded'];

/** The parts of a `Signature` header. */
export interface SignatureHeader {
  algorithm: string;
  keyVersion: string;
  /** The base64 signature (URL-decoded if it was sent encoded). */
  signature: string;
  /** How the signature was written: answer in the same encoding. */
  encoding: SignatureEncoding;
}

/**
 * Parses `algorithm=RSA256, keyVersion=1, signature=…` (parts in any order, spaces after commas
 * optional, names case-insensitive). `null` when there is no `signature=` part. A missing algorithm
 * reads as RSA256 and a missing keyVersion as 1 (the overview's defaults).
 */
export function parseSignatureHeader(header: string | undefined): SignatureHeader | null {
  if (!header) return null;
  const parts = new Map<string, string>();
  for (const raw of header.split(',')) {
    const part = raw.trim();
    const eq = part.indexOf('=');
    if (eq > 0) parts.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim());
  }
  const signature = parts.get('signature');
  if (!signature) return null;
  // Some clients URL-encode the value (Ant's SDKs do: `%2B` for `+`); plain base64 never holds a `%`
  // (checked first: every signed answer and notification comes through here)
  let decoded = signature;
  let encoding: SignatureEncoding = 'plain';
  if (signature.includes('%')) {
    try {
      decoded = decodeURIComponent(signature);
    } catch {
      /* keep it as sent */
    }
    if (/%[0-9A-Fa-f]{2}/.test(signature)) encoding = 'url-encoded';
  }
  return { algorithm: parts.get('algorithm') ?? 'RSA256', keyVersion: parts.get('keyversion') ?? '1', signature: decoded, encoding };
}

/** The `Signature` header value for a base64 signature, written in `encoding` (default plain). */
export const signatureHeader = (signatureBase64: string, keyVersion = '1', encoding: SignatureEncoding = 'plain'): string =>
  `algorithm=RSA256, keyVersion=${keyVersion}, signature=${encoding === 'url-encoded' ? encodeURIComponent(signatureBase64) : signatureBase64}`;

/**
 * Headers of a signed message: `client-id`, `request-time` or `response-time`, `signature`. Names are
 * lower-case (HTTP names are case-insensitive; Ant's SDKs look response headers up by exact
 * lower-case name, and Node sends a name in the case it is given).
 */
export function signedHeaders(
  kind: 'Request-Time' | 'Response-Time',
  path: string,
  clientId: string,
  time: string,
  body: string,
  privateKey: KeyObject | string,
  encoding: SignatureEncoding = 'plain',
): Record<string, string> {
  return {
    'client-id': clientId,
    [kind.toLowerCase()]: time,
    signature: signatureHeader(sign(signContent('POST', path, clientId, time, body), privateKey), '1', encoding),
  };
}

/** Baghdad's offset (+03:00, no daylight saving): the zone the gateway writes its times in. */
const OFFSET_MS = 3 * 3600_000;

/** An RFC 3339 / ISO 8601 time with seconds and `+03:00`: `2026-12-01T15:04:05+03:00` (what Go's time parser reads). */
export function formatTime(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000 + OFFSET_MS).toISOString().slice(0, 19)}+03:00`;
}

/**
 * Reads an ISO 8601 date-time (`2026-12-01T12:00:00.123+00:00`, `…-07:00`, `…Z`, with or without
 * fractions); `NaN` for anything else. Date-only or zone-less strings are refused: their instant is
 * ambiguous.
 */
export function parseTime(text: string): number {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i.test(text)) return NaN;
  const normalised = text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2').replace(/(\.\d{3})\d+/, '$1');
  return Date.parse(normalised);
}
