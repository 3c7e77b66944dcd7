/** The callbacks real pages embed in `AlipayJSBridge.call(name, { …, success, fail, complete })`. */
import { isFailure } from './normalise.js';
import { ownValue } from './own.js';

/**
 * The one callback such params stand for, or undefined when they hold no callback of their own (an
 * inherited `success`, from a polluted Object.prototype, is none; a non-function is none). It calls
 * `fail` for an answer that reports a failure (or throws when read), else `success`, then `complete`:
 * once, however often the host answers. Reading params that throw (a getter, a revoked Proxy) throws.
 */
export function embeddedCallback(params: unknown): ((result: unknown) => void) | undefined {
  const pick = (k: string) => {
    const f = ownValue(params, k);
    return typeof f === 'function' ? (f as (r: unknown) => void) : undefined;
  };
  const success = pick('success');
  const fail = pick('fail');
  const complete = pick('complete');
  if (!success && !fail && !complete) return undefined;
  let answered = false;
  return (result) => {
    if (answered) return;
    answered = true;
    let failed = true;
    try {
      failed = !!result && typeof result === 'object' && isFailure(result as Record<string, unknown>);
    } catch {
      // an answer that throws when read is no success
    }
    (failed ? fail : success)?.(result);
    complete?.(result);
  };
}
