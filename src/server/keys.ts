/**
 * Keys as the merchant has them: PEM text (PKCS#8 `BEGIN PRIVATE KEY` or PKCS#1 `BEGIN RSA PRIVATE
 * KEY`; SPKI `BEGIN PUBLIC KEY` or PKCS#1 `BEGIN RSA PUBLIC KEY`), a path to such a file (what the
 * `.env` of 01-guide/09-Testing-Locally holds), bare base64 DER (what Ant's SDKs take), or a KeyObject.
 */
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { GatewayConfigError } from './errors.js';

/** A key: PEM text, a path to a PEM file, bare base64 DER, or a `KeyObject`. */
export type KeyInput = string | Buffer | KeyObject;

const BASE64 = /^[A-Za-z0-9+/\s]+={0,2}\s*$/;

/** The key's text: PEM or base64 as given, else the content of the file it names. */
function keyText(option: string, input: string | Buffer): string | Buffer {
  if (Buffer.isBuffer(input) || input.includes('-----BEGIN') || (input.length > 200 && BASE64.test(input))) return input;
  try {
    return readFileSync(input);
  } catch (e) {
    throw new GatewayConfigError(option, `${option}: not PEM text and no readable file at ${JSON.stringify(input)} (${(e as Error).message}); give the PEM text or its path`, { cause: e });
  }
}

/** Loads an RSA key: PEM, else base64 DER as PKCS#8 (SPKI) then PKCS#1. */
function load(option: string, input: KeyInput, kind: 'private' | 'public'): KeyObject {
  if (typeof input === 'object' && !Buffer.isBuffer(input)) {
    if (input.type !== kind && !(kind === 'public' && input.type === 'private')) throw new GatewayConfigError(option, `${option}: a ${input.type} key was given where a ${kind} key is needed`);
    return kind === 'public' && input.type === 'private' ? createPublicKey(input) : input;
  }
  const text = keyText(option, input);
  const make = (key: string | { key: Buffer; format: 'der'; type: 'pkcs8' | 'pkcs1' | 'spki' }): KeyObject =>
    kind === 'private' ? createPrivateKey(key as Parameters<typeof createPrivateKey>[0]) : createPublicKey(key as Parameters<typeof createPublicKey>[0]);
  const pem = Buffer.isBuffer(text) ? text.toString('utf8') : text;
  const der = () => Buffer.from(pem.replace(/\s+/g, ''), 'base64');
  const attempts: Array<() => KeyObject> = pem.includes('-----BEGIN')
    ? [() => make(pem)]
    : (kind === 'private' ? (['pkcs8', 'pkcs1'] as const) : (['spki', 'pkcs1'] as const)).map((type) => () => make({ key: der(), format: 'der', type }));
  let last: unknown;
  for (const attempt of attempts) {
    try {
      const key = attempt();
      if (key.asymmetricKeyType !== 'rsa') throw new GatewayConfigError(option, `${option}: a ${key.asymmetricKeyType} key; Super Qi signs with RSA (SHA256withRSA)`);
      return key;
    } catch (e) {
      if (e instanceof GatewayConfigError) throw e;
      last = e;
    }
  }
  throw new GatewayConfigError(option, `${option}: not an RSA ${kind} key in PEM (PKCS#8/PKCS#1${kind === 'public' ? '/SPKI' : ''}) or base64 DER (${(last as Error).message})`, { cause: last });
}

/** The merchant's RSA private key (signs requests). */
export const loadPrivateKey = (option: string, input: KeyInput): KeyObject => load(option, input, 'private');
/** The wallet's RSA public key (verifies answers and notifications). */
export const loadPublicKey = (option: string, input: KeyInput): KeyObject => load(option, input, 'public');
