/**
 * How the call log labels an answer: the same way the library routes it to `success` or `fail`, so
 * the log and the terminal never disagree. Most APIs fail when the answer carries an error; tradePay
 * answers with a result code, and the library's own classification (`finishTradePay`: the status of
 * the code) decides — 4000 failed, 6001 cancelled and 6002 network-error go to `fail`.
 */
import type { CallRecord } from '../../src/emulator/index.js';
import { finishTradePay } from '../../src/core/trade-pay.js';
import type { Settler } from '../../src/core/invoke.js';
import type { Spec } from '../../src/core/spec.js';
import type { TradePayResult } from '../../src/types/essential.js';

/** A call's label in the log: `ok` undefined while pending; `detail` is e.g. tradePay's status. */
export interface CallOutcome {
  readonly ok: boolean | undefined;
  readonly label: string;
  readonly detail?: string;
}

/** What a finisher settled with. */
type Settled = { ok: boolean; value: unknown; viaFail?: boolean | undefined };

/** The outcome of one logged call, classified as the wrappers classify it. */
export function callOutcome(call: Pick<CallRecord, 'api' | 'ok' | 'answer'>): CallOutcome {
  if (call.ok === undefined || !call.answer) return { ok: undefined, label: 'pending' };
  if (call.api === 'tradePay') {
    let routed: Settled | undefined;
    // A stand-in for the call: finishers read only the API's name off the spec, and settle it.
    const settler: Settler = { spec: { api: 'tradePay' } as Spec, settle: (ok, value, viaFail) => void (routed = { ok, value, viaFail }) };
    finishTradePay(call.answer, !call.ok, settler);
    if (routed?.ok) {
      const ok = !routed.viaFail;
      const { status, resultCode } = routed.value as TradePayResult;
      return { ok, label: ok ? 'success' : 'fail', detail: `${status} (${resultCode})` };
    }
  }
  return { ok: call.ok, label: call.ok ? 'success' : 'fail' };
}
