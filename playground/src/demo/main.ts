/**
 * Qi Coffee: a small miniapp written the way a developer writes one — the typed wrappers, host events,
 * storage, and the demo merchant backend of `npm start` for sign-in and payment — on the emulator
 * (linked to the sandbox wallet when the dev server runs one). `npm start` shows it in the devtools.
 */
import { install } from '../../../src/emulator/index.js';
import {
  clearStorage,
  getAuthCode,
  getStorage,
  on,
  setNavigationBar,
  setStorage,
  showActionSheet,
  showToast,
  tradePay,
  type AuthScope,
} from '../../../src/index.js';
import { post, sandboxConfig } from '../backend.js';
import { byId } from '../dom.js';

const APP_ID = 'qi-coffee';

async function start(): Promise<void> {
  const sandbox = await sandboxConfig();
  // Dev only: the app's own emulator (a real host brings its bridge). The devtools around it steer it.
  install({ appId: APP_ID, profile: { appName: 'Qi Coffee' }, ...(sandbox ? { sandbox: sandbox.url } : {}) });

  const status = byId('status');
  const say = (text: string) => (status.textContent = text);
  let token: string | undefined;
  let paying = false;
  let orderedHere = false;

  const signIn = async (scopes: AuthScope[]) => {
    const { authCode } = await getAuthCode({ scopes });
    const { response } = await post('auth/apply-token', { authCode });
    if (!response.success) throw new Error(response.resultMessage ?? 'sign-in failed');
    token = String(response['token']);
    const info = response['userInfo'] as { userName?: { fullName?: string } } | undefined;
    byId('greeting').textContent = `Welcome${info?.userName?.fullName ? `, ${info.userName.fullName}` : ''}!`;
  };

  byId('sign-in').addEventListener('click', () => {
    signIn(['auth_user', 'USER_NAME']).then(
      () => say('Signed in.'),
      (e: unknown) => say(`Not signed in: ${(e as Error).message}`),
    );
  });

  for (const b of Array.from(document.querySelectorAll<HTMLButtonElement>('[data-item]'))) {
    b.addEventListener('click', async () => {
      const item = b.dataset['item'] ?? 'Coffee';
      paying = true;
      try {
        if (!token) await signIn(['USER_ID']);
        say(`Ordering a ${item}…`);
        const { response } = await post('payment/create', { token, amount: Number(b.dataset['amount']), description: item });
        if (!response.success) throw new Error(response.resultMessage ?? 'the order was refused');
        const paid = await tradePay({ paymentUrl: String(response['paymentUrl']) });
        say(`${item}: ${paid.status} (${paid.resultCode}).`);
        const at = new Date().toLocaleTimeString();
        await setStorage({ key: 'lastOrder', data: { item, at } });
        byId('last-order').textContent = `${item} (${at})`;
        orderedHere = true;
      } catch (e) {
        const err = e as { resultCode?: string; status?: string; message?: string };
        say(err.resultCode ? `${item}: ${err.status ?? 'failed'} (${err.resultCode}).` : `${item}: ${err.message ?? String(e)}`);
      } finally {
        paying = false;
      }
    });
  }

  // The host's back button: stay while a payment is under way.
  on('back', (e) => {
    if (!paying) return;
    e.preventDefault();
    void showToast({ content: 'Your payment is still under way', type: 'none' });
  });
  // The ⋯ option menu.
  on('optionMenu', async () => {
    const { index } = await showActionSheet({ items: ['Clear my data'], cancelButtonText: 'Cancel' });
    if (index !== 0) return;
    await clearStorage();
    token = undefined;
    byId('greeting').textContent = 'Welcome!';
    byId('last-order').textContent = 'none';
    say('Your data is cleared.');
  });

  // Buttons and host events are bound above, before the first await: a tap while these answer works.
  await setNavigationBar({ title: 'Qi Coffee', backgroundColor: '#6f4e37' });
  const last = await getStorage<{ item: string; at: string }>({ key: 'lastOrder' }).catch(() => ({ data: null }));
  // An order paid meanwhile has already shown itself.
  if (!orderedHere) byId('last-order').textContent = last.data ? `${last.data.item} (${last.data.at})` : 'none';
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void start(), { once: true });
else void start();
