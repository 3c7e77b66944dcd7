/**
 * Per-API outcome overrides for the scenario panel: for one API, answer success at once, the user's
 * cancel, any documented error code, after a delay, or never (the call then times out). Each becomes
 * data (`OutcomeData`) the emulator turns into an `emulator.use()` handler — in this page, or in an
 * app in the devtools' device; the list of outcomes comes from the API's row.
 */
import { CANCEL_ANSWERS, type Emulator, type LooseAnswer } from '../../src/emulator/index.js';
import { outcomeHandler } from '../../src/emulator/devtools-link.js';
import type { OutcomeData } from '../../src/emulator/devtools-protocol.js';
import type { ApiName, ErrorCodeKey } from '../../src/index.js';
import { errorCodes, meaningOf, rowOf } from './table-info.js';

/** An outcome the panel offers. */
export type Outcome =
  | { readonly kind: 'success' }
  | { readonly kind: 'cancel' }
  | { readonly kind: 'error'; readonly code: ErrorCodeKey }
  | { readonly kind: 'delay'; readonly ms: number }
  | { readonly kind: 'never' };

/** How an API reports a failure code: `error` (number, most APIs), `errorCode` (string, Qi APIs), `resultCode` (tradePay). */
const CODE_FIELD: Partial<Record<ApiName, 'errorCode' | 'resultCode'>> = {
  qicardSignContract: 'errorCode',
  tradePay: 'resultCode',
};

/** The answer for failure `code` of `api`, in the field the API uses. */
export function failureAnswer(api: ApiName, code: ErrorCodeKey): LooseAnswer {
  const message = meaningOf(api, code) ?? `${api} failed`;
  switch (CODE_FIELD[api]) {
    case 'resultCode':
      return { resultCode: String(code) };
    case 'errorCode':
      return { errorCode: String(code), errorMessage: message };
    default:
      return { error: typeof code === 'number' ? code : Number(code) || code, errorMessage: message };
  }
}

/** Whether `api` has a way to answer "the user cancelled". */
export const canCancel = (api: ApiName): boolean => !!rowOf(api).cancel?.length || api in CANCEL_ANSWERS;

/** The cancel answer of `api`. */
function cancelAnswer(api: ApiName): LooseAnswer {
  const code = rowOf(api).cancel?.[0];
  if (code !== undefined) return failureAnswer(api, code);
  return CANCEL_ANSWERS[api] ?? { error: 11, errorMessage: 'cancelled' };
}

/** Every outcome `api` can be set to, with a label; `delay` carries a placeholder ms. */
export function outcomesFor(api: ApiName): { value: string; label: string; outcome: Outcome }[] {
  const list: { value: string; label: string; outcome: Outcome }[] = [
    { value: 'success', label: 'success (answer at once, as auto mode)', outcome: { kind: 'success' } },
  ];
  if (canCancel(api)) list.push({ value: 'cancel', label: 'cancel (the user cancels)', outcome: { kind: 'cancel' } });
  for (const code of errorCodes(api)) {
    list.push({ value: `error:${code}`, label: `${code}: ${meaningOf(api, code) ?? ''}`, outcome: { kind: 'error', code } });
  }
  list.push({ value: 'delay', label: 'delay, then the default answer', outcome: { kind: 'delay', ms: 2000 } });
  list.push({ value: 'never', label: 'never answers (the call times out)', outcome: { kind: 'never' } });
  return list;
}

/** A short description of an outcome, for the list of active overrides. */
export function describeOutcome(api: ApiName, o: Outcome): string {
  switch (o.kind) {
    case 'success':
      return 'success at once';
    case 'cancel':
      return 'user cancels';
    case 'error':
      return `${o.code} (${meaningOf(api, o.code) ?? 'error'})`;
    case 'delay':
      return `default answer after ${o.ms} ms`;
    case 'never':
      return 'never answers';
  }
}

/** An outcome as data the emulator applies (also across the devtools link, where no function can go). */
export function outcomeData(api: ApiName, o: Outcome): OutcomeData {
  switch (o.kind) {
    case 'success':
      // The API's default answer with every question answered at once (the auto UI's defaults).
      return { kind: 'auto' };
    case 'cancel':
      return { kind: 'answer', answer: cancelAnswer(api) };
    case 'error':
      return { kind: 'answer', answer: failureAnswer(api, o.code) };
    case 'delay':
    case 'never':
      return o;
  }
}

/** Installs the override; returns the function that removes it. `onUse` hears each call it answers. */
export function applyOutcome(emulator: Emulator, api: ApiName, o: Outcome, once: boolean, onUse?: () => void): () => void {
  const handler = outcomeHandler(api, outcomeData(api, o));
  return emulator.use(
    api,
    (ctx) => {
      onUse?.();
      return handler(ctx);
    },
    { once },
  );
}
