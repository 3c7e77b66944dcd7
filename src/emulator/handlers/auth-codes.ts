/**
 * Codes the emulated wallet hands out: `getAuthCode`'s authCode and `qicardSignContract`'s authCode,
 * shaped like the docs' examples and random on every call (a real wallet never repeats one).
 */

const DIGITS = '0123456789';
const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const HEX = '0123456789ABCDEF';

/** `count` random integers below `below`: Web Crypto when present, else Math.random (tests, old engines). */
function randomInts(count: number, below: number): number[] {
  const out: number[] = [];
  const c = (globalThis as { crypto?: Crypto }).crypto;
  if (c && typeof c.getRandomValues === 'function') {
    // Rejection sampling keeps every character equally likely.
    const limit = Math.floor(256 / below) * below;
    while (out.length < count) {
      for (const b of c.getRandomValues(new Uint8Array(count * 2))) {
        if (b < limit && out.length < count) out.push(b % below);
      }
    }
    return out;
  }
  for (let i = 0; i < count; i++) out.push(Math.floor(Math.random() * below));
  return out;
}

const pick = (chars: string, count: number): string => randomInts(count, chars.length).map((i) => chars[i]).join('');

/**
 * A `getAuthCode` authCode like the docs' `0000000001T1dc0W0tv44B0BD00007826`: 33 characters, a ten-digit
 * prefix `0000000001`, fifteen letters and digits, then eight digits.
 */
export function newAuthCode(): string {
  return `0000000001${pick(ALNUM, 15)}${pick(DIGITS, 8)}`;
}

/** A `qicardSignContract` authCode like the docs' `663A8FA9D83648EE8AA11FF682989DC7`: 32 upper-case hex characters. */
export function newSigningAuthCode(): string {
  return pick(HEX, 32);
}

/** The docs' authCode pattern (for tests and the playground). */
export const AUTH_CODE_PATTERN = /^0000000001[0-9A-Za-z]{15}\d{8}$/;
/** The docs' signing authCode pattern. */
export const SIGNING_AUTH_CODE_PATTERN = /^[0-9A-F]{32}$/;
