/**
 * The sandbox wallet panel: the users, payments and notifications of the sandbox wallet the app's
 * emulator plays the phone through (`superqi-devtools --sandbox URL`, or the one `npm start` runs).
 * It reads the sandbox's admin API (`GET /sandbox-api/state`) through the devtools server, which
 * forwards it: the admin API answers its own origin only.
 */
import type { SandboxStateView } from '../../../src/sandbox/protocol.js';
import { h } from '../dom.js';

const POLL_MS = 2000;

const table = (head: readonly string[], rows: readonly (readonly string[])[], empty: string) =>
  rows.length
    ? h('table', { class: 'inspect' }, h('thead', {}, h('tr', {}, ...head.map((c) => h('th', {}, c)))), h('tbody', {}, ...rows.map((r) => h('tr', {}, ...r.map((c) => h('td', {}, c))))))
    : h('p', { class: 'empty' }, empty);

/** Fills `root` with the wallet at `sandbox` (undefined: says how to start one), following it while shown. */
export function createWalletPanel(root: HTMLElement, sandbox: string | undefined): void {
  if (!sandbox) {
    root.replaceChildren(
      h('p', { class: 'muted' }, 'No sandbox wallet. Start one (npx superqi-sandbox), link the app’s emulator to it (install({ sandbox: URL })), and start the devtools with --sandbox URL.'),
    );
    return;
  }
  const render = (s: SandboxStateView) =>
    root.replaceChildren(
      h('p', { class: 'muted' }, 'Sandbox wallet at ', h('a', { href: sandbox, target: '_blank', rel: 'noopener' }, sandbox), ` (merchant ${s.clientId}).`),
      h('h3', {}, 'Users'),
      table(['userId', 'role', 'name', 'mobile', 'balance', 'status'], s.users.map((u) => [u.userId, u.role, u.fullName, u.maskedMobile, `${u.balance} ${u.currency}`, u.status]), 'No user.'),
      h('h3', {}, 'Payments'),
      table(
        ['paymentId', 'status', 'amount', 'description', 'created'],
        [...s.payments].reverse().map((p) => [p.paymentId, p.status + (p.failCode ? ` (${p.failCode})` : ''), p.amount, p.orderDescription, p.createdAt]),
        'No payment yet.',
      ),
      h('h3', {}, 'Notifications to the merchant'),
      table(['paymentId', 'kind', 'status', 'attempts', 'url'], [...s.deliveries].reverse().map((d) => [d.paymentId, d.kind, d.status, String(d.attempts.length), d.url]), 'No notification yet.'),
      h('h3', {}, 'Messages to users'),
      table(['user', 'channel', 'title', 'content', 'at'], [...s.messages].reverse().map((m) => [m.userId, m.channel, m.title, m.content, m.at]), 'No message yet.'),
    );
  const poll = async () => {
    if (!root.hidden && document.visibilityState === 'visible') {
      try {
        const r = await fetch('sandbox-api/state', { cache: 'no-store' });
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        render((await r.json()) as SandboxStateView);
      } catch (e) {
        root.replaceChildren(h('p', { class: 'error' }, `The sandbox wallet at ${sandbox} did not answer (${(e as Error).message}).`));
      }
    }
    setTimeout(() => void poll(), POLL_MS);
  };
  void poll();
}
