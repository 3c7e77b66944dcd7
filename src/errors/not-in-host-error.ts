import { SuperQiError } from './superqi-error.js';

/** No Super Qi host: `AlipayJSBridge` did not appear in time (or the code runs in Node/SSR). Code `'NOT_IN_HOST'`. */
export class NotInHostError extends SuperQiError {
  constructor(api: string, waited: number) {
    super(
      api,
      'NOT_IN_HOST',
      // Short on purpose (it ships in every bundle); outside the app, the emulator plays the host.
      `not inside Super Qi (${waited > 0 ? `no AlipayJSBridge in ${waited} ms` : 'no window'})`,
      'NotInHostError',
    );
  }
}

/** True when the call failed because no host was there. */
export const isNotInHostError = (e: unknown): e is NotInHostError => (e as Error | null)?.name === 'NotInHostError';
