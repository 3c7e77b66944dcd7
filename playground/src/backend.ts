/**
 * The flows page's merchant backend: the demo backend the dev server (`npm start`) runs under /api/ on
 * this origin (examples/merchant-backend, written from 01-guide/11-Backend). It signs its calls to
 * the sandbox wallet's Open APIs with the key the sandbox generated and verifies every answer and
 * notification with the wallet's public key; the page never sees a key or an access token, only a
 * session token. For the demo it also returns the Open API exchanges it made (`openApi`).
 */

/** One Open API exchange the backend made. */
export interface OpenApiCall {
  readonly path: string;
  readonly request: unknown;
  readonly response: unknown;
}

/** What the backend answers: the Open API's `result` flattened, `success`, the fields of the step. */
export interface BackendAnswer {
  readonly success: boolean;
  readonly resultStatus?: string;
  readonly resultCode?: string;
  readonly resultMessage?: string;
  readonly openApi?: readonly OpenApiCall[];
  readonly [field: string]: unknown;
}

/** The sandbox the dev server runs, or undefined (the static build has no server). */
export async function sandboxConfig(): Promise<{ url: string; clientId: string } | undefined> {
  try {
    const r = await fetch('/__playground/sandbox.json', { cache: 'no-store' });
    return r.ok ? ((await r.json()) as { url: string; clientId: string }) : undefined;
  } catch {
    return undefined;
  }
}

/** `POST /api/<path>` with `body`: the request as sent and the backend's answer. */
export async function post(path: string, body: Record<string, unknown>): Promise<{ request: unknown; response: BackendAnswer }> {
  const request = { endpoint: `POST /api/${path}`, body };
  try {
    const r = await fetch(`/api/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { request, response: (await r.json()) as BackendAnswer };
  } catch (e) {
    return { request, response: { success: false, resultCode: 'BACKEND_UNREACHABLE', resultMessage: `the demo backend did not answer (${(e as Error).message}): is npm start running?` } };
  }
}

/** A payment notification the backend received (its signature checked with the wallet's public key). */
export interface ReceivedNotification {
  readonly verified: boolean;
  readonly body?: { paymentId?: string; paymentResult?: { resultCode: string; resultStatus: string } } & Record<string, unknown>;
}

/** The notifications received for `paymentId`, waiting up to `ms` for the first. */
export async function notificationsFor(paymentId: string, ms = 4000): Promise<readonly ReceivedNotification[]> {
  const until = Date.now() + ms;
  for (;;) {
    const r = await fetch(`/api/notifications?paymentId=${encodeURIComponent(paymentId)}`, { cache: 'no-store' });
    const { notifications } = (await r.json()) as { notifications: ReceivedNotification[] };
    if (notifications.length || Date.now() > until) return notifications;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
