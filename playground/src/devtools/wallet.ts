/**
 * The sandbox wallet panel: the users, payments and notifications of the sandbox wallet the app's
 * emulator plays the phone through (`superqi-devtools --sandbox URL`, or the one `npm start` runs).
 * It reads the sandbox's admin API (`GET /sandbox-api/state`, `GET /sandbox-api/list`) through the
 * devtools server, which forwards it: the admin API answers its own origin only.
 *
 * The sandbox pages its lists (newest first): the panel shows each list's newest page and its total;
 * payments have a search box (the start of an id) and "Older", which adds the next page. The panel is
 * built once and its tables are redrawn only when their data changed, so polling never undoes typing.
 */
import {
  SANDBOX_API,
  SANDBOX_PAGE_DEFAULT,
  SANDBOX_PAGE_MAX,
  type SandboxListInfo,
  type SandboxListResponse,
  type SandboxPayment,
  type SandboxStateView,
} from '../../../src/sandbox/protocol.js';
import { button, h } from '../dom.js';

const POLL_MS = 2000;
/** The admin API under the devtools page's own path (`/devtools/` when `npm start` serves it). */
const STATE = SANDBOX_API.state.slice(1);
const LIST = SANDBOX_API.list.slice(1);

/** Fils (the Open APIs' unit, an integer string) as IQD the way people read it: "995,000 IQD", "1.5 IQD". */
export const iqd = (fils: string): string => {
  const n = Number(fils);
  return Number.isFinite(n) ? `${IQD_FORMAT.format(n / 1000)} IQD` : `${fils} fils`;
};
const IQD_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

const table = (head: readonly string[], rows: readonly (readonly string[])[], empty: string) =>
  rows.length
    ? h('table', { class: 'inspect' }, h('thead', {}, h('tr', {}, ...head.map((c) => h('th', {}, c)))), h('tbody', {}, ...rows.map((r) => h('tr', {}, ...r.map((c) => h('td', {}, c))))))
    : h('p', { class: 'empty' }, empty);

async function read<T>(path: string): Promise<T> {
  const r = await fetch(path, { cache: 'no-store' });
  if (!r.ok) throw new Error(`HTTP ${r.status}`);
  return (await r.json()) as T;
}

/** What the payments list shows: the newest `want` matching `q`. */
interface PaymentsView extends SandboxListInfo {
  q: string;
  want: number;
  items: SandboxPayment[];
}

const paymentsPath = (v: PaymentsView, limit: number, before: string | null): string =>
  `${LIST}?${new URLSearchParams({ name: 'payments', limit: String(limit), ...(v.q ? { q: v.q } : {}), ...(before !== null ? { before } : {}) })}`;

/** The newest `v.want` payments matching `v.q`, a page of at most `SANDBOX_PAGE_MAX` at a time. */
async function newestPayments(v: PaymentsView): Promise<SandboxListInfo & { items: SandboxPayment[] }> {
  const items: SandboxPayment[] = [];
  let next: string | null = null;
  let total = 0;
  do {
    const page: SandboxListResponse<'payments'> = await read(paymentsPath(v, Math.min(SANDBOX_PAGE_MAX, v.want - items.length), next));
    items.push(...page.items);
    ({ next, total } = page);
  } while (next !== null && items.length < v.want);
  return { items, total, next };
}

/** Fills `root` with the wallet at `sandbox` (undefined: says how to start one), following it while shown. */
export function createWalletPanel(root: HTMLElement, sandbox: string | undefined): void {
  if (!sandbox) {
    root.replaceChildren(
      h('p', { class: 'muted' }, 'No sandbox wallet. Start one (npx superqi-sandbox), link the app’s emulator to it (install({ sandbox: URL })), and start the devtools with --sandbox URL.'),
    );
    return;
  }
  const payments: PaymentsView = { q: '', want: SANDBOX_PAGE_DEFAULT, items: [], total: 0, next: null };
  /** What the payments list was asked for: an answer to an older question is dropped. */
  const asked = () => JSON.stringify([payments.q, payments.want]);
  let state: SandboxStateView | undefined;
  let failure = '';

  // built once: the search box keeps its focus and text across polls
  const merchant = h('span');
  const error = h('p', { class: 'error', hidden: true });
  const search = h('input', { type: 'search', 'data-wallet-search': 'payments', placeholder: 'Search payments by id, request id or payer (its start)', 'aria-label': 'Search payments' });
  search.addEventListener('input', () => {
    Object.assign(payments, { q: search.value.trim(), want: SANDBOX_PAGE_DEFAULT });
    void poll();
  });
  const older = button('Older', { class: 'small', 'data-wallet-older': 'payments', hidden: true }, () => void loadOlder());
  const slots = { users: h('div'), payments: h('div'), paymentsCount: h('p', { class: 'muted', 'data-wallet-count': 'payments' }), refunds: h('div'), refundsCount: h('p', { class: 'muted', 'data-wallet-count': 'refunds' }), deliveries: h('div'), deliveriesCount: h('p', { class: 'muted', 'data-wallet-count': 'deliveries' }), messages: h('div'), messagesCount: h('p', { class: 'muted', 'data-wallet-count': 'messages' }) };
  root.replaceChildren(
    h('p', { class: 'muted' }, 'Sandbox wallet at ', h('a', { href: sandbox, target: '_blank', rel: 'noopener' }, sandbox), merchant, '.'),
    error,
    h('h3', {}, 'Users'),
    slots.users,
    h('h3', {}, 'Payments'),
    search,
    slots.paymentsCount,
    slots.payments,
    older,
    h('h3', {}, 'Refunds'),
    slots.refundsCount,
    slots.refunds,
    h('h3', {}, 'Notifications to the merchant'),
    slots.deliveriesCount,
    slots.deliveries,
    h('h3', {}, 'Messages to users'),
    slots.messagesCount,
    slots.messages,
  );

  const drawn = new WeakMap<HTMLElement, string>();
  /** Replaces what `slot` shows when `data` differs from what it shows. */
  const fill = (slot: HTMLElement, data: unknown, draw: () => Node) => {
    const key = JSON.stringify(data);
    if (drawn.get(slot) === key) return;
    drawn.set(slot, key);
    slot.replaceChildren(draw());
  };
  const count = (shown: number, total: number) => `${shown} of ${total}`;

  const render = () => {
    error.hidden = !failure;
    error.textContent = failure && `The sandbox wallet at ${sandbox} did not answer (${failure}).`;
    const s = state;
    if (!s) return;
    merchant.textContent = ` (merchant ${s.clientId})`;
    fill(slots.users, s.users, () => table(['userId', 'role', 'name', 'mobile', 'balance', 'status'], s.users.map((u) => [u.userId, u.role, u.fullName, u.maskedMobile, u.currency === 'IQD' ? iqd(u.balance) : `${u.balance} ${u.currency}`, u.status]), 'No user.'));
    slots.paymentsCount.textContent = count(payments.items.length, payments.total);
    fill(slots.payments, [payments.items, payments.q], () =>
      table(
        ['paymentId', 'status', 'amount', 'refunded', 'description', 'created'],
        payments.items.map((p) => [p.paymentId, p.status + (p.failCode ? ` (${p.failCode})` : ''), iqd(p.amount), p.refunded === '0' ? '' : iqd(p.refunded), p.orderDescription, p.createdAt]),
        payments.q ? 'No payment matches.' : 'No payment yet.',
      ),
    );
    older.hidden = payments.next === null;
    slots.refundsCount.textContent = count(s.refunds.length, s.pages.refunds.total);
    fill(slots.refunds, s.refunds, () => table(['refundId', 'paymentId', 'status', 'amount', 'created'], s.refunds.map((r) => [r.refundId, r.paymentId, r.status, iqd(r.amount), r.createdAt]), 'No refund yet.'));
    slots.deliveriesCount.textContent = count(s.deliveries.length, s.pages.deliveries.total);
    fill(slots.deliveries, s.deliveries, () => table(['paymentId', 'kind', 'status', 'attempts', 'url'], s.deliveries.map((d) => [d.paymentId, d.kind, d.status, String(d.attempts.length), d.url]), 'No notification yet.'));
    slots.messagesCount.textContent = count(s.messages.length, s.pages.messages.total);
    fill(slots.messages, s.messages, () => table(['user', 'channel', 'title', 'content', 'at'], s.messages.map((m) => [m.userId, m.channel, m.title, m.content, m.at]), 'No message yet.'));
  };

  /** Reads the state, and the payments on their own when searched or paged further. */
  async function poll(): Promise<void> {
    const question = asked();
    try {
      const s = await read<SandboxStateView>(STATE);
      // the state holds the first page of payments, unsearched
      const list = payments.q || payments.want > SANDBOX_PAGE_DEFAULT ? await newestPayments(payments) : { items: s.payments, ...s.pages.payments };
      if (asked() === question) Object.assign(payments, list);
      state = s;
      failure = '';
    } catch (e) {
      failure = (e as Error).message;
    }
    render();
  }

  /** "Older": the next page of payments, below the ones shown (later polls keep it). */
  async function loadOlder(): Promise<void> {
    const cursor = payments.next;
    if (cursor === null) return;
    payments.want = payments.items.length + SANDBOX_PAGE_DEFAULT;
    const question = asked();
    try {
      const page = await read<SandboxListResponse<'payments'>>(paymentsPath(payments, SANDBOX_PAGE_DEFAULT, cursor));
      // a poll or a new search since: it has (or will have) what to show
      if (asked() !== question || payments.next !== cursor) return;
      Object.assign(payments, { items: [...payments.items, ...page.items], total: page.total, next: page.next });
    } catch (e) {
      failure = (e as Error).message;
    }
    render();
  }

  const follow = async () => {
    if (!root.hidden && document.visibilityState === 'visible') await poll();
    setTimeout(() => void follow(), POLL_MS);
  };
  void follow();
}
