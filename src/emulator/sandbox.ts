/**
 * The emulator linked to a sandbox wallet (`install({ sandbox: url })`). The wallet side
 * (sandbox-wallet.ts) comes with the emulator's extras, loaded at install when `sandbox` is given; the
 * handlers in handlers/essential.ts wait for the link.
 */
import type { WalletUser } from '../sandbox/protocol.js';
import { withExtras } from './lazy.js';
import type { SandboxLink } from './sandbox-wallet.js';
import type { Emulator, EmulatorOptions } from './types.js';

const links = new WeakMap<Emulator, () => Promise<SandboxLink>>();

/**
 * The sandbox link of `emulator`, if it is linked: resolves once the extras are there (rejects when
 * they cannot load; the next call tries again).
 */
export const sandboxOf = (emulator: Emulator): Promise<SandboxLink> | undefined => links.get(emulator)?.();

/** Throws a TypeError naming the option when `sandbox` is not an http(s) URL (`sandboxUser` is checked by the wallet). */
export function checkSandboxOptions({ sandbox }: EmulatorOptions): void {
  if (sandbox !== undefined && !/^https?:\/\/[^/]/i.test(String(sandbox))) {
    throw new TypeError(`install: option \`sandbox\` must be the sandbox wallet's http(s) URL, got ${JSON.stringify(sandbox)}`);
  }
}

/** Links `emulator` to the sandbox at `url`; `onUser` gets the emulated user once known. Starts loading the link and the session lookup now. */
export function linkSandbox(emulator: Emulator, url: string, userId: string | undefined, onUser: (user: WalletUser) => void): void {
  let link: Promise<SandboxLink> | undefined;
  const get = () =>
    (link ??= Promise.resolve(withExtras((x) => x.walletLink(url, userId, onUser))).catch((e: unknown) => {
      link = undefined;
      throw e;
    }));
  links.set(emulator, get);
  get().catch(() => {}); // reported by the first call that needs the link
}
