// The miniapp: sign in on load, show the user, order, pay in the cashier, show the result, refund.
import { useEffect, useState } from 'react';
import { getAuthCode, tradePay } from 'superqi-bridge';
import { createOrder, getOrder, login, refund, type Session } from './api';
import type { Strings } from './strings';

const ITEM = 'coffee';
const PRICE_IQD = 3000; // shown only: the backend charges from its own menu

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The shop page in the language of `t`. */
export function Shop({ t }: { t: Strings }) {
  const [session, setSession] = useState<Session>();
  const [status, setStatus] = useState<string>(t.signingIn);
  const [busy, setBusy] = useState(false);
  const [paymentId, setPaymentId] = useState('');

  useEffect(() => {
    getAuthCode({ scopes: ['auth_base', 'USER_ID', 'USER_NAME'] })
      .then(({ authCode }) => login(authCode))
      .then(
        (s) => {
          setSession(s);
          setStatus('');
        },
        (e: unknown) => setStatus(t.error(reason(e))),
      );
  }, [t]);

  async function order(s: Session) {
    setBusy(true);
    setStatus(t.paying);
    try {
      const created = await createOrder(s.token, ITEM);
      const { status: result } = await tradePay({ paymentUrl: created.paymentUrl });
      // The cashier's answer says what the user saw; the gateway says whether it is paid.
      const paid = result === 'success' && (await getOrder(s.token, created.paymentId)).paymentStatus === 'SUCCESS';
      setStatus(paid ? t.paid : result === 'cancelled' ? t.cancelled : t.failed);
      setPaymentId(paid ? created.paymentId : '');
    } catch (e) {
      setStatus(t.error(reason(e)));
    } finally {
      setBusy(false);
    }
  }

  async function undo(s: Session) {
    setBusy(true);
    try {
      await refund(s.token, paymentId);
      setStatus(t.refunded);
      setPaymentId('');
    } catch (e) {
      setStatus(t.error(reason(e)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h1 data-id="title">{t.title}</h1>
      <h2 data-id="hello">{session ? t.hello(session.user.name || session.user.userId) : ''}</h2>
      <button data-id="order" hidden={!session} disabled={busy} onClick={() => session && void order(session)}>
        {`${t.order} · ${t.item}, ${t.price(PRICE_IQD)}`}
      </button>
      <button data-id="refund" hidden={!paymentId} disabled={busy} onClick={() => session && void undo(session)}>
        {t.refund}
      </button>
      <p data-id="status" role="status">
        {status}
      </p>
    </>
  );
}
