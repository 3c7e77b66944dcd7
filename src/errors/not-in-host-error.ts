import { SuperQiError } from './superqi-error.js';

/** No Super Qi host: `AlipayJSBridge` did not appear in time (or the code runs in Node/SSR). Code `'NOT_IN_HOST'`. */
export class NotInHostError extends SuperQiError {
  constructor(api: string, waited: number) {
    super(
      api,
      'NOT_IN_HOST',
      waited > 0
        ? `not inside Super Qi: AlipayJSBridge did not appear within ${waited} ms (install the emulator to run outside the app)`
        : 'not inside Super Qi: no browser window here',
      'NotInHostError',
    );
  }
}

/** True when the call failed because no host was there. */
export const isNotInHostError = (e: unknown): e is NotInHostError => (e as Error | null)?.name === 'NotInHostError';
