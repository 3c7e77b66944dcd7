/**
 * A client from the variables of `01-guide/09-Testing-Locally` (what Qi's demo backends read from their
 * `.env`, and what the sandbox writes): ALIPAY_GATEWAY_URL, ALIPAY_CLIENT_ID,
 * ALIPAY_MERCHANT_PRIVATE_KEY_PATH, ALIPAY_PUBLIC_KEY_PATH. The keys may also be given as PEM text in
 * ALIPAY_MERCHANT_PRIVATE_KEY / ALIPAY_PUBLIC_KEY (a secret store that holds values, not files).
 */
import { readFileSync } from 'node:fs';
import { createClient, type Client, type ClientOptions } from './client.js';
import { GatewayConfigError } from './errors.js';

/** The variables `clientFromEnv` reads. */
export type SuperQiEnv = Readonly<Record<string, string | undefined>>;

/** Reads a `.env` file: `KEY=value` lines, `#` comments, `export ` prefixes and quotes as dotenv reads them. */
export function readEnvFile(path: string): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new GatewayConfigError('env', `clientFromEnv: cannot read ${path} (${(e as Error).message})`, { cause: e });
  }
  const env: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (m) env[m[1]!] = m[2]!.replace(/^(['"])(.*)\1$/, '$2');
  }
  return env;
}

/**
 * A client configured by environment variables (default `process.env`; with `node --env-file=.env`
 * the sandbox's `.env` works unchanged), or by a `.env` file when given its path. `overrides` sets or
 * replaces options (`timeout`, `retries`, `fetch`…). Throws a `GatewayConfigError` naming the
 * variable that is missing.
 */
export function clientFromEnv(env: SuperQiEnv | string = process.env, overrides: Partial<ClientOptions> = {}): Client {
  const vars: SuperQiEnv = typeof env === 'string' ? readEnvFile(env) : env;
  const from = typeof env === 'string' ? env : 'the environment';
  const need = (...names: string[]): string => {
    for (const name of names) {
      const v = vars[name];
      if (v !== undefined && v.trim() !== '') return v.trim();
    }
    throw new GatewayConfigError(names[0]!, `clientFromEnv: ${names.join(' or ')} is not set in ${from} (01-guide/09-Testing-Locally lists the four variables; the sandbox writes them to its .env)`);
  };
  return createClient({
    gatewayUrl: overrides.gatewayUrl ?? need('ALIPAY_GATEWAY_URL'),
    clientId: overrides.clientId ?? need('ALIPAY_CLIENT_ID'),
    privateKey: overrides.privateKey ?? need('ALIPAY_MERCHANT_PRIVATE_KEY_PATH', 'ALIPAY_MERCHANT_PRIVATE_KEY'),
    walletPublicKey: overrides.walletPublicKey ?? need('ALIPAY_PUBLIC_KEY_PATH', 'ALIPAY_PUBLIC_KEY'),
    ...overrides,
  });
}
