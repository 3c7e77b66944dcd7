// The miniapp: sign in on load, show the user, order, pay in the cashier, show the result, refund.
// Texts are set with textContent: nothing from the backend is ever parsed as HTML.
import { getAuthCode, tradePay } from 'superqi-bridge';
import { createOrder, getOrder, login, refund, type Session } from './api';
import type { Strings } from './strings';

const ITEM = 'coffee';
const PRICE_IQD = 3000; // shown only: the backend charges from its own menu

/** An element with text and a `data-id` the tests find it by. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, id: string, text = ''): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.dataset.id = id;
  node.textContent = text;
  return node;
}

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Renders the app into `root` and signs the user in. Resolves once signed in (or failed to). */
export async function startApp(root: HTMLElement, t: Strings): Promise<void> {
  const status = el('p', 'status', t.signingIn);
  status.setAttribute('role', 'status');
  const hello = el('h2', 'hello');
  const order = el('button', 'order', `${t.order} · ${t.item}, ${t.price(PRICE_IQD)}`);
  const undo = el('button', 'refund', t.refund);
  order.hidden = undo.hidden = true;
  root.replaceChildren(el('h1', 'title', t.title), hello, order, undo, status);

  let session: Session;
  try {
    const { authCode } = await getAuthCode({ scopes: ['auth_base', 'USER_ID', 'USER_NAME'] });
    session = await login(authCode);
  } catch (e) {
    status.textContent = t.error(reason(e));
    return;
  }
  hello.textContent = t.hello(session.user.name || session.user.userId);
  status.textContent = '';
  order.hidden = false;
  let paymentId = '';

  order.addEventListener('click', async () => {
    order.disabled = true;
    status.textContent = t.paying;
    try {
      const created = await createOrder(session.token, ITEM);
      const { status: result } = await tradePay({ paymentUrl: created.paymentUrl });
      // The cashier's answer says what the user saw; the gateway says whether it is paid.
      const paid = result === 'success' && (await getOrder(session.token, created.paymentId)).paymentStatus === 'SUCCESS';
      status.textContent = paid ? t.paid : result === 'cancelled' ? t.cancelled : t.failed;
      if (paid) paymentId = created.paymentId;
      undo.hidden = !paid;
    } catch (e) {
      status.textContent = t.error(reason(e));
    } finally {
      order.disabled = false;
    }
  });

  undo.addEventListener('click', async () => {
    undo.disabled = true;
    try {
      await refund(session.token, paymentId);
      status.textContent = t.refunded;
      undo.hidden = true;
    } catch (e) {
      status.textContent = t.error(reason(e));
    } finally {
      undo.disabled = false;
    }
  });
}
