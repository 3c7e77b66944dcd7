/**
 * The script tag's wrappers (src/wrapper-set-script-tag.ts: made from the table's rows by name) behave
 * as the package's (src/wrappers.ts), API by API: same names, same post-processing of answers (result
 * checks, tradePay's codes and callback routing, confirm's renames), same RequestTask `abort()`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { WRAPPERS as PACKAGE } from '../../src/wrapper-set.js';
import { WRAPPERS as SCRIPT_TAG } from '../../src/wrapper-set-script-tag.js';
import { CALLABLE, requiredParams, type AnyWrapper } from '../support/apis.js';
import { installFakeBridge, resetState } from '../support/fake-bridge.js';

afterEach(resetState);

const wrapper = (set: object, name: string) => (set as Record<string, AnyWrapper>)[name]!;

/** Answers that take each post-processing path: none, a result field, a result code, a rename, a failure. */
const ANSWERS: readonly object[] = [
  {},
  { authCode: 'code-1' },
  { resultCode: '9000' },
  { resultCode: '4000' },
  { error: '6001', errorMessage: 'cancelled' },
  { ok: true },
  { error: 11, errorMessage: 'user cancelled' },
  { error: 1, errorMessage: 'not found' },
];

/** How a call ended, and which callback the page's `success`/`fail` routing picked. */
async function outcome(fn: AnyWrapper, name: string, answer: object) {
  installFakeBridge({ handlers: { '*': answer }, answer: 'microtask' });
  let routed = '';
  const promise = fn({ ...requiredParams(name), success: () => (routed = 'success'), fail: () => (routed = 'fail') });
  const abortable = typeof (promise as Promise<unknown> & { abort?: unknown }).abort;
  const settled = await promise.then(
    (value) => ({ ok: true, value }),
    (e: { name: string; code: unknown; errorMessage: string }) => ({ ok: false, error: [e.name, e.code, e.errorMessage] }),
  );
  await Promise.resolve();
  resetState();
  return { settled, routed, abortable };
}

describe('the script tag builds the same wrappers as the package', () => {
  it('has exactly the package wrappers, without a prototype', () => {
    expect(Object.keys(SCRIPT_TAG).sort()).toEqual(Object.keys(PACKAGE).sort());
    expect(Object.keys(SCRIPT_TAG).sort()).toEqual([...CALLABLE].sort());
    expect('toString' in SCRIPT_TAG).toBe(false);
  });

  it.each(CALLABLE)('%s answers every kind of host answer as the package wrapper does', async (name) => {
    for (const answer of ANSWERS) {
      const ours = await outcome(wrapper(SCRIPT_TAG, name), name, answer);
      const theirs = await outcome(wrapper(PACKAGE, name), name, answer);
      expect(ours, JSON.stringify(answer)).toEqual(theirs);
    }
  });
});
