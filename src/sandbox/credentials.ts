/**
 * Credentials as onboarding hands them out, created on first start in the sandbox's directory and
 * kept across restarts: a client id, the merchant's RSA key pair (the private key is what a backend
 * signs with) and the wallet's RSA key pair (its public key is what a backend verifies with), as PEM
 * files, plus `<dir>/.env` with the variable names of `01-guide/09-Testing-Locally`.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, randomInt, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** File names inside the sandbox directory. */
export const FILES = {
  client: 'client.json',
  merchantPrivateKey: 'merchant-private-key.pem',
  merchantPublicKey: 'merchant-public-key.pem',
  /** The same merchant key as PKCS#1 (`BEGIN RSA PRIVATE KEY`), for clients that load no PKCS#8 (Ant's Python SDK). */
  merchantPrivateKeyPkcs1: 'merchant-private-key-pkcs1.pem',
  walletPrivateKey: 'wallet-private-key.pem',
  walletPublicKey: 'wallet-public-key.pem',
  env: '.env',
  /** The JSON state of versions before the database (migrated once, then renamed `.migrated`). */
  state: 'state.json',
  /** The wallet: an SQLite database (with its `-wal` and `-shm` files beside it while open). */
  database: 'state.db',
} as const;

/** What the gateway needs to verify merchants and sign as the wallet. */
export interface Credentials {
  clientId: string;
  /** Verifies the merchant's requests. */
  merchantPublicKey: KeyObject;
  /** Signs responses and webhooks. */
  walletPrivateKey: KeyObject;
  /** Absolute paths a backend's `.env` points at. */
  merchantPrivateKeyPath: string;
  walletPublicKeyPath: string;
  envPath: string;
}

/** Writes a whole file or none: a temp file, then a rename (a reader never sees half a key). */
function writeAtomic(path: string, text: string, mode = 0o600): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text, { mode });
  renameSync(tmp, path);
}

/**
 * Removes the temp files a killed sandbox left (`state.json.<pid>.tmp`, a key's or `.env`'s). Call it
 * holding the directory's lock: then no other sandbox is writing them.
 */
export function removeLeftoverTemps(dir: string): void {
  const names: readonly string[] = Object.values(FILES);
  for (const name of readdirSync(dir)) {
    const base = /^(.+)\.\d+\.tmp$/.exec(name)?.[1];
    if (base && names.includes(base)) rmSync(join(dir, name), { force: true });
  }
}

/** Reads and parses one of the directory's files; a failure names the file and what to do about it. */
function readOwn<T>(path: string, what: string, remedy: string, parse: (text: string) => T): T {
  try {
    return parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`superqi-sandbox: ${path} is not ${what} (${(e as Error).message}); ${remedy}`);
  }
}

/** A 16-digit client id like onboarding gives (`2021001234567890`-shaped). */
const newClientId = (): string => `2026${String(randomInt(1e6)).padStart(6, '0')}${String(randomInt(1e6)).padStart(6, '0')}`;

/** Loads (making it first if either file is missing) a key pair, checked to be whole PEM and one pair. */
function ensureKeyPair(dir: string, privateName: string, publicName: string): { privateKey: KeyObject; publicKey: KeyObject } {
  const privatePath = join(dir, privateName);
  const publicPath = join(dir, publicName);
  if (!existsSync(privatePath) || !existsSync(publicPath)) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    writeAtomic(privatePath, privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
    writeAtomic(publicPath, publicKey.export({ type: 'spki', format: 'pem' }) as string, 0o644);
  }
  const remedy = `delete ${privateName} and ${publicName} in ${dir} and the next start makes a new pair (the .env paths stay the same)`;
  const privateKey = readOwn(privatePath, 'an RSA private key in PEM', remedy, (text) => createPrivateKey(text));
  const publicKey = readOwn(publicPath, 'an RSA public key in PEM', remedy, (text) => createPublicKey(text));
  const spki = (k: KeyObject) => k.export({ type: 'spki', format: 'der' });
  if (!spki(createPublicKey(privateKey)).equals(spki(publicKey))) {
    throw new Error(`superqi-sandbox: ${privatePath} and ${publicPath} are not one key pair (every signature would fail); ${remedy}`);
  }
  return { privateKey, publicKey };
}

/**
 * Loads the credentials in `dir`, creating whatever is missing (the directory too). Call it holding
 * the directory's lock (lock.ts): two first starts must not both make keys. A file that cannot be
 * read as what it should be is an error naming it and what to do.
 */
export function ensureCredentials(dirInput: string): Credentials {
  const dir = resolve(dirInput);
  mkdirSync(dir, { recursive: true });
  const clientPath = join(dir, FILES.client);
  let clientId: string;
  if (existsSync(clientPath)) {
    clientId = readOwn(clientPath, 'a client file ({"clientId": "…"})', 'fix it, or delete it and the next start makes a new client id (and writes it to .env)', (text) => {
      const saved: unknown = JSON.parse(text);
      const id = saved && typeof saved === 'object' ? (saved as { clientId?: unknown }).clientId : undefined;
      if (typeof id !== 'string' || !id) throw new Error('it has no clientId string');
      return id;
    });
  } else {
    clientId = newClientId();
    writeAtomic(clientPath, `${JSON.stringify({ clientId }, null, 2)}\n`, 0o644);
  }
  const merchant = ensureKeyPair(dir, FILES.merchantPrivateKey, FILES.merchantPublicKey);
  const wallet = ensureKeyPair(dir, FILES.walletPrivateKey, FILES.walletPublicKey);
  return {
    clientId,
    merchantPublicKey: merchant.publicKey,
    walletPrivateKey: wallet.privateKey,
    merchantPrivateKeyPath: join(dir, FILES.merchantPrivateKey),
    walletPublicKeyPath: join(dir, FILES.walletPublicKey),
    envPath: join(dir, FILES.env),
  };
}

/**
 * Writes the merchant private key (PKCS#8, `FILES.merchantPrivateKey`) again as PKCS#1 (`BEGIN RSA
 * PRIVATE KEY`) beside it, when that copy is missing or holds another key; returns its path.
 */
export function writeMerchantKeyPkcs1(dirInput: string): string {
  const dir = resolve(dirInput);
  const path = join(dir, FILES.merchantPrivateKeyPkcs1);
  const pem = createPrivateKey(readFileSync(join(dir, FILES.merchantPrivateKey))).export({ type: 'pkcs1', format: 'pem' }) as string;
  if (!existsSync(path) || readFileSync(path, 'utf8') !== pem) writeAtomic(path, pem);
  return path;
}

/** A `JWT_KEY` for the demo backend's JWE (A256GCM, `dir`): 32 characters, so 32 bytes as it reads it (`Buffer.from`, `[]byte`). */
export const newJwtKey = (): string => randomBytes(24).toString('base64url');

/**
 * Writes `<dir>/.env` for a backend: the five variables of the local-testing guide. An existing file
 * keeps its other lines; only the four ALIPAY_ ones are rewritten, so a new port updates
 * `ALIPAY_GATEWAY_URL` in place, and a `JWT_KEY` is added when there is none (an empty one is filled).
 */
export function writeEnv(credentials: Credentials, gatewayUrl: string): void {
  const values: Record<string, string> = {
    ALIPAY_GATEWAY_URL: gatewayUrl,
    ALIPAY_CLIENT_ID: credentials.clientId,
    ALIPAY_MERCHANT_PRIVATE_KEY_PATH: credentials.merchantPrivateKeyPath,
    ALIPAY_PUBLIC_KEY_PATH: credentials.walletPublicKeyPath,
  };
  const remedy = 'fix it, or delete it and the sandbox writes a new one';
  const existing = existsSync(credentials.envPath)
    ? readOwn(credentials.envPath, 'a readable .env file', remedy, (text) => text.split('\n'))
    : ['# superqi-sandbox: a local Super Qi gateway (superqi-bridge)'];
  const seen = new Set<string>();
  const lines = existing.map((line) => {
    const name = /^\s*([A-Z_][A-Z0-9_]*)\s*=/.exec(line)?.[1];
    if (name && name in values) {
      seen.add(name);
      return `${name}=${values[name]}`;
    }
    return line;
  });
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  for (const [name, value] of Object.entries(values)) if (!seen.has(name)) lines.push(`${name}=${value}`);
  // JWT_KEY (09-Testing-Locally's fifth variable): made once, then kept like the user's own lines
  const jwtKey = lines.findIndex((line) => /^\s*JWT_KEY\s*=/.test(line));
  if (jwtKey < 0) lines.push(`JWT_KEY=${newJwtKey()}`);
  else if (/^\s*JWT_KEY\s*=\s*(["']?)\1\s*$/.test(lines[jwtKey]!)) lines[jwtKey] = `JWT_KEY=${newJwtKey()}`;
  try {
    writeAtomic(credentials.envPath, `${lines.join('\n')}\n`);
  } catch (e) {
    throw new Error(`superqi-sandbox: cannot write ${credentials.envPath} (${(e as Error).message}); ${remedy}`);
  }
}
