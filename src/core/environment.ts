/** Where the page runs, from combined signals (bridge, UA tokens, an explicit override). */
import { config } from './config.js';
import { ownValue } from './own.js';
import { currentBridge, foreignMy, hostWindow } from './transport.js';

/** Marks a bridge the emulator installed. */
export const EMULATOR_MARK = '__superqiEmulator';

/** What the library sees of its surroundings. */
export interface Environment {
  /**
   * `superqi`: a Super Qi host (or its emulator, see `emulated`); `alipay-family`: an Alipay-family
   * container that does not say it is Super Qi; `browser`: a plain browser; `server`: no window (Node, SSR).
   */
  readonly host: 'superqi' | 'alipay-family' | 'browser' | 'server';
  /** `AlipayJSBridge` is present now. */
  readonly bridge: boolean;
  /** The bridge is the emulator's. */
  readonly emulated: boolean;
  /** `window.my` is present and not this library's shim (the closed SDK or a host's own). */
  readonly foreignMy: boolean;
  /** The host app's version when the user agent carries it. */
  readonly hostVersion: string | undefined;
  /** Set when `configure({ environment })` decided `host`. */
  readonly overridden: boolean;
}

const SUPERQI_UA = /\b(?:SuperQi|QiCard|QiServices)\/?(\d+(?:\.\d+)*)?/i;
const ALIPAY_UA = /AlipayClient|AliApp\(|MiniProgram|Griver/;

/** Whether a user agent names a host app (Super Qi or the Alipay family): the emulator's guard uses the same test. */
export const isHostUserAgent = (ua: string): boolean => SUPERQI_UA.test(ua) || ALIPAY_UA.test(ua);

const userAgent = (w = hostWindow()): string => (w && (w as { navigator?: Navigator }).navigator?.userAgent) || '';

/** The Super Qi version the user agent carries, if any (read now). */
export const hostVersion = (): string | undefined => SUPERQI_UA.exec(userAgent())?.[1];

/** Reads the environment now (cheap; nothing is cached, so late injection is seen). */
export function getEnvironment(): Environment {
  const w = hostWindow();
  const ua = userAgent(w);
  const bridge = currentBridge();
  const emulated = !!ownValue(bridge, EMULATOR_MARK);
  const forced = ownValue<Environment['host']>(config, 'environment');
  const sq = SUPERQI_UA.exec(ua);
  const detected = !w
    ? 'server'
    : sq || emulated
      ? 'superqi'
      : ALIPAY_UA.test(ua)
        ? 'alipay-family'
        : bridge
          ? 'superqi'
          : 'browser';
  return {
    host: forced ?? detected,
    bridge: !!bridge,
    emulated,
    foreignMy: !!foreignMy(),
    hostVersion: sq?.[1],
    overridden: !!forced,
  };
}

/**
 * True inside Super Qi (or the emulator, which plays it), from the bridge and the user agent;
 * `configure({ environment })` overrides it. False in a plain browser and in Node/SSR.
 */
export function isSuperQi(): boolean {
  return getEnvironment().host === 'superqi';
}
