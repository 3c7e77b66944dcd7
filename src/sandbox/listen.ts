/**
 * `superqi-sandbox listen`: the notifications a running sandbox sends and each attempt to deliver
 * them, as they happen. It polls the admin API's `GET /sandbox-api/state` (no event stream: it works
 * with any running sandbox and adds nothing to the server) and reports what is new since the last
 * poll; across a restart of the sandbox (a new URL in `<dir>/.env`) it picks up where it was.
 */
import { sendRequest } from './http-request.js';
import { SANDBOX_API, type SandboxDelivery, type SandboxStateView } from './protocol.js';

/** One line of `listen --json`. */
export type ListenEvent =
  | { event: 'listening'; url: string }
  | { event: 'disconnected'; url: string; error: string }
  | { event: 'notification'; deliveryId: string; kind: SandboxDelivery['kind']; paymentId: string; url: string; body: unknown }
  | {
      event: 'attempt';
      deliveryId: string;
      kind: SandboxDelivery['kind'];
      paymentId: string;
      /** 1 for the first attempt. */
      attempt: number;
      at: string;
      status?: number;
      outcome: string;
      ms: number;
      /** Where the delivery stands after it. */
      deliveryStatus: SandboxDelivery['status'];
      nextAt?: string;
    };

export interface ListenOptions {
  /** The gateway URL, read again before each poll (a restarted sandbox may listen elsewhere). */
  url: () => string | undefined;
  /** Each event, as it is seen. */
  onEvent: (event: ListenEvent) => void;
  /** Stops listening. */
  signal: AbortSignal;
  /** @default 250 */
  intervalMs?: number;
}

async function poll(url: string): Promise<SandboxStateView> {
  const reply = await sendRequest('GET', new URL(SANDBOX_API.state, url), {}, undefined, 10_000);
  if (reply.status !== 200) throw new Error(`GET ${SANDBOX_API.state}: HTTP ${reply.status}`);
  return JSON.parse(reply.text) as SandboxStateView;
}

const parsed = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/** Reports, from each poll, the deliveries not seen before and the attempts not seen before. */
function report(state: SandboxStateView, seen: Map<string, number>, onEvent: ListenOptions['onEvent']): void {
  for (const d of [...state.deliveries].reverse()) {
    const known = seen.get(d.deliveryId);
    if (known === undefined) onEvent({ event: 'notification', deliveryId: d.deliveryId, kind: d.kind, paymentId: d.paymentId, url: d.url, body: parsed(d.body) });
    // attempts of a resent delivery keep counting from the first ones
    d.attempts.slice(known ?? 0).forEach((a, i) =>
      onEvent({
        event: 'attempt',
        deliveryId: d.deliveryId,
        kind: d.kind,
        paymentId: d.paymentId,
        attempt: (known ?? 0) + i + 1,
        at: a.at,
        ...(a.status !== undefined ? { status: a.status } : {}),
        outcome: a.outcome,
        ms: a.ms,
        deliveryStatus: d.status,
        ...(d.nextAt ? { nextAt: d.nextAt } : {}),
      }),
    );
    seen.set(d.deliveryId, Math.max(known ?? 0, d.attempts.length));
  }
}

/**
 * Listens until `signal` aborts. Rejects when no sandbox answers at the first poll; later failures
 * (the sandbox stopped or restarting) are reported once and polled through.
 */
export async function listen({ url, onEvent, signal, intervalMs = 250 }: ListenOptions): Promise<void> {
  const first = url();
  if (!first) throw new Error('no gateway URL: start a sandbox on this directory first (superqi-sandbox --dir <dir>)');
  let seen: Map<string, number>;
  try {
    // what happened before listening started is not news
    seen = new Map((await poll(first)).deliveries.map((d) => [d.deliveryId, d.attempts.length]));
  } catch (e) {
    throw new Error(`no sandbox answers at ${first} (${(e as Error).message}); start one on this directory first`);
  }
  onEvent({ event: 'listening', url: first });
  let connected: string | undefined = first;
  while (!signal.aborted) {
    await new Promise<void>((wake) => {
      const timer = setTimeout(wake, intervalMs);
      signal.addEventListener('abort', () => (clearTimeout(timer), wake()), { once: true });
    });
    if (signal.aborted) break;
    const current = url() ?? first;
    try {
      const state = await poll(current);
      if (connected !== current) onEvent({ event: 'listening', url: current });
      connected = current;
      report(state, seen, onEvent);
    } catch (e) {
      if (connected) onEvent({ event: 'disconnected', url: current, error: (e as Error).message });
      connected = undefined;
    }
  }
}

/** A listen event as one line for people. */
export function describeEvent(e: ListenEvent): string {
  switch (e.event) {
    case 'listening':
      return `listening to ${e.url}: notifications and their deliveries as they happen (Ctrl-C stops)`;
    case 'disconnected':
      return `lost ${e.url} (${e.error}); waiting for the sandbox`;
    case 'notification': {
      const b = e.body as { notifyType?: string; paymentResult?: { resultStatus?: string; resultCode?: string }; voidResult?: { resultStatus?: string; resultCode?: string } } | undefined;
      const r = b?.paymentResult ?? b?.voidResult;
      return `${e.kind} notification ${e.deliveryId} (payment ${e.paymentId}): ${b?.notifyType ?? '?'} ${r?.resultStatus ?? '?'} ${r?.resultCode ?? ''} → ${e.url}`;
    }
    case 'attempt':
      return `  attempt ${e.attempt} of ${e.deliveryId}: ${e.outcome}${e.status !== undefined && e.outcome === 'ok' ? ` (HTTP ${e.status})` : ''}, ${e.ms} ms → ${e.deliveryStatus}${e.nextAt ? `, next attempt at ${e.nextAt}` : ''}`;
  }
}
