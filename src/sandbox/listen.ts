/**
 * `superqi-sandbox listen`: the notifications a running sandbox sends and each attempt to deliver
 * them, as they happen. It polls the admin API's deliveries list (`GET /sandbox-api/list`; no event
 * stream: it works with any running sandbox and adds nothing to the server) and reports what is new
 * since the last poll; across a restart of the sandbox (a new URL in `<dir>/.env`) it picks up where it
 * was. The list is paged (newest first): each poll reads pages down to one that holds a delivery
 * already seen, so a burst of any size between two polls is reported whole, plus the deliveries that
 * are pending (their next attempts) or were at the last poll (their last attempt).
 */
import { sendRequest } from './http-request.js';
import { SANDBOX_API, SANDBOX_PAGE_DEFAULT, SANDBOX_PAGE_MAX, type SandboxDelivery, type SandboxListResponse } from './protocol.js';

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

/** One page of the deliveries list. */
async function deliveriesPage(url: string, query: Record<string, string>): Promise<SandboxListResponse<'deliveries'>> {
  const target = new URL(SANDBOX_API.list, url);
  for (const [key, value] of Object.entries({ name: 'deliveries', ...query })) target.searchParams.set(key, value);
  const reply = await sendRequest('GET', target, {}, undefined, 10_000);
  if (reply.status !== 200) throw new Error(`GET ${SANDBOX_API.list}: HTTP ${reply.status}`);
  return JSON.parse(reply.text) as SandboxListResponse<'deliveries'>;
}

/** Every delivery matching `query`, page after page, until `enough` says so after a page (or the last page). */
async function deliveriesUntil(url: string, query: Record<string, string>, enough: (page: SandboxDelivery[]) => boolean): Promise<SandboxDelivery[]> {
  const all: SandboxDelivery[] = [];
  for (let before: string | null = null; ; ) {
    const page = await deliveriesPage(url, { ...query, ...(before !== null ? { before } : {}) });
    all.push(...page.items);
    before = page.next;
    if (before === null || enough(page.items)) return all;
  }
}

/** What a poll found: the deliveries to report on, and which of them are news. */
interface Found {
  deliveries: SandboxDelivery[];
  /** Ids newer than every delivery seen before (the others were seen, or are older than listening). */
  news: Set<string>;
}

/**
 * One poll: every pending delivery, those of `pending` (pending at the last poll) that no longer are,
 * by id, then the newest deliveries down to the first page holding one in `seen` (the first page only
 * when `seen` is null: nothing before listening is news). The newest are read last, so a delivery made
 * during the poll is among them: one found only before is older than everything seen.
 */
async function poll(url: string, seen: ReadonlyMap<string, number> | null, pending: ReadonlySet<string>): Promise<Found> {
  const others = await deliveriesUntil(url, { status: 'PENDING', limit: String(SANDBOX_PAGE_MAX) }, () => false);
  for (const id of pending) {
    if (others.some((d) => d.deliveryId === id)) continue;
    others.push(...(await deliveriesUntil(url, { q: id, limit: String(SANDBOX_PAGE_MAX) }, () => false)).filter((d) => d.deliveryId === id));
  }
  const newest = await deliveriesUntil(url, { limit: String(SANDBOX_PAGE_DEFAULT) }, (page) => seen === null || page.some((d) => seen.has(d.deliveryId)));
  const found = new Map(newest.map((d) => [d.deliveryId, d]));
  for (const d of others) if (!found.has(d.deliveryId)) found.set(d.deliveryId, d);
  return { deliveries: [...found.values()], news: new Set(seen === null ? [] : newest.filter((d) => !seen.has(d.deliveryId)).map((d) => d.deliveryId)) };
}

const parsed = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/**
 * Reports, from a poll, the deliveries that are news and the attempts not seen before (oldest first);
 * a delivery older than listening, seen for the first time (a resent one), counts from what it has now.
 */
function report({ deliveries, news }: Found, seen: Map<string, number>, onEvent: ListenOptions['onEvent']): void {
  for (const d of [...deliveries].reverse()) {
    const isNew = news.has(d.deliveryId);
    const known = isNew ? 0 : (seen.get(d.deliveryId) ?? d.attempts.length);
    if (isNew) onEvent({ event: 'notification', deliveryId: d.deliveryId, kind: d.kind, paymentId: d.paymentId, url: d.url, body: parsed(d.body) });
    // attempts of a resent delivery keep counting from the first ones
    d.attempts.slice(known).forEach((a, i) =>
      onEvent({
        event: 'attempt',
        deliveryId: d.deliveryId,
        kind: d.kind,
        paymentId: d.paymentId,
        attempt: known + i + 1,
        at: a.at,
        ...(a.status !== undefined ? { status: a.status } : {}),
        outcome: a.outcome,
        ms: a.ms,
        deliveryStatus: d.status,
        ...(d.nextAt ? { nextAt: d.nextAt } : {}),
      }),
    );
    seen.set(d.deliveryId, Math.max(known, d.attempts.length));
  }
}

/** The ids of the pending deliveries among `found`. */
const pendingOf = (found: Found): Set<string> => new Set(found.deliveries.filter((d) => d.status === 'PENDING').map((d) => d.deliveryId));

/**
 * Listens until `signal` aborts. Rejects when no sandbox answers at the first poll; later failures
 * (the sandbox stopped or restarting) are reported once and polled through.
 */
export async function listen({ url, onEvent, signal, intervalMs = 250 }: ListenOptions): Promise<void> {
  const first = url();
  if (!first) throw new Error('no gateway URL: start a sandbox on this directory first (superqi-sandbox --dir <dir>)');
  const seen = new Map<string, number>();
  let pending: Set<string>;
  try {
    // what happened before listening started is not news
    const start = await poll(first, null, new Set());
    for (const d of start.deliveries) seen.set(d.deliveryId, d.attempts.length);
    pending = pendingOf(start);
  } catch (e) {
    throw new Error(`no sandbox answers at ${first} (${(e as Error).message}); start one on this directory first`);
  }
  onEvent({ event: 'listening', url: first });
  let connected: string | undefined = first;
  while (!signal.aborted) {
    await new Promise<void>((wake) => {
      const abort = () => (clearTimeout(timer), wake());
      // removed when the timer fires: one listener per poll would pile up on the signal
      const timer = setTimeout(() => (signal.removeEventListener('abort', abort), wake()), intervalMs);
      signal.addEventListener('abort', abort, { once: true });
    });
    if (signal.aborted) break;
    const current = url() ?? first;
    try {
      const found = await poll(current, seen, pending);
      if (connected !== current) onEvent({ event: 'listening', url: current });
      connected = current;
      report(found, seen, onEvent);
      pending = pendingOf(found);
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
