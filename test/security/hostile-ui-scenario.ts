/**
 * One scenario, run in happy-dom (test/security/hostile-ui.test.ts) and in real Chromium
 * (test/browser/security.test.ts): every API that shows page strings is called through the wrappers
 * with hostile HTML/script payloads, on the emulator in dom mode. For each one the scenario waits for
 * its dialog, records whether the payload is there as literal text (or as the literal attribute value,
 * for URLs) and whether anything was parsed as markup anywhere in the emulator's shadow root, then
 * answers the dialog like a user and records the call's result.
 *
 * `runHostileUiScenario` is self-contained (it uses nothing but its arguments and DOM globals): the
 * browser test sends its source text to the page.
 */
import { expect } from 'vitest';

/** What the scenario needs: the wrappers and the emulator UI's shadow root. */
export interface ScenarioEnv {
  lib: Record<string, (params?: unknown) => Promise<unknown>>;
  root: ShadowRoot;
}

/** The payloads; fixtures (contacts, places) and the app name must carry `text` too. */
export interface ScenarioPayloads {
  /** Markup for text fields. */
  text: string;
  /** A URL carrying markup (image fields): may be loaded, must never be parsed. */
  url: string;
  /** A second such URL. */
  url2: string;
}

/** One API's record. */
export interface ScenarioStep {
  api: string;
  /** The dialog that opened (`data-dialog`), or null when none was expected. */
  dialog: string | null;
  /** The payload appeared as literal text / attribute value where the UI shows it. */
  literal: boolean;
  /** Elements or attributes parsed from page strings (empty when none). */
  injected: string[];
  /** The call's result, or the error's name and code. */
  result?: unknown;
  error?: { name: string; code: unknown; message: string };
}

export const HOSTILE = {
  text: '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>"><svg onload="window.__pwned=3"><iframe srcdoc="<script>parent.__pwned=4</script>"></iframe>&amp;&lt;b&gt;',
  url: 'https://127.0.0.1:1/a.png?q="><img src=x onerror="window.__pwned=5">',
  url2: "https://127.0.0.1:1/b.png#'><script>window.__pwned=6</script>",
} as const satisfies ScenarioPayloads;

export async function runHostileUiScenario(env: ScenarioEnv, P: ScenarioPayloads, only?: readonly string[]): Promise<ScenarioStep[]> {
  const { lib, root } = env;
  const want = (api: string) => !only || only.includes(api);
  const steps: ScenarioStep[] = [];
  const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
  const safeSrc = [P.url, P.url2];

  /** Anything in the shadow root that page strings could have produced as markup. */
  const injected = (): string[] => {
    const found: string[] = [];
    for (const el of Array.from(root.querySelectorAll('*'))) {
      const tag = el.tagName.toLowerCase();
      if (['script', 'svg', 'iframe', 'object', 'embed', 'math', 'frame', 'base', 'link', 'meta'].includes(tag)) found.push(`<${tag}>`);
      if (tag === 'img' && el.hasAttribute('src') && !safeSrc.includes(el.getAttribute('src')!) && !/^(blob:|data:image\/)/.test(el.getAttribute('src')!)) {
        found.push(`<img src=${el.getAttribute('src')}>`);
      }
      for (const a of Array.from(el.attributes)) if (/^on/i.test(a.name)) found.push(`${tag}[${a.name}]`);
    }
    return found;
  };

  const dialog = async (name: string): Promise<HTMLElement> => {
    for (let i = 0; i < 600; i++) {
      const el = root.querySelector<HTMLElement>(`[data-dialog="${name}"]`);
      if (el) return el;
      await sleep(5);
    }
    throw new Error(`no ${name} dialog appeared`);
  };
  const press = (el: ParentNode, action: string) => {
    const b = el.querySelector<HTMLButtonElement>(`[data-action="${action}"]`);
    if (!b) throw new Error(`no button ${action}`);
    b.click();
  };
  const has = (el: Node | null | undefined) => !!el && (el.textContent ?? '').includes(P.text);

  /**
   * Calls `api`; when `name` is given waits for that dialog, checks it with `literal`, answers it with
   * `act`; records everything.
   */
  const step = async (
    api: string,
    params: unknown,
    name: string | null,
    literal: (d: HTMLElement | null) => boolean,
    act?: (d: HTMLElement) => void | Promise<void>,
  ): Promise<void> => {
    if (!want(api)) return;
    const record: ScenarioStep = { api, dialog: name, literal: false, injected: [] };
    steps.push(record);
    const call = lib[api]!(params).then(
      (r) => void (record.result = r),
      (e: { name: string; code: unknown; message: string }) => void (record.error = { name: e.name, code: e.code, message: e.message }),
    );
    let d: HTMLElement | null = null;
    try {
      if (name) d = await dialog(name);
      else await call;
      record.literal = literal(d);
      record.injected = injected();
      if (d && act) await act(d);
    } catch (e) {
      record.error ??= { name: 'ScenarioError', code: 'SCENARIO', message: String(e) };
    }
    await Promise.race([call, sleep(3000)]);
  };

  const T = P.text;

  await step('alert', { title: T, content: T, buttonText: T }, 'alert', (d) => has(d) && d!.querySelector('[data-action="ok"]')!.textContent === T, (d) => press(d, 'ok'));
  await step('confirm', { title: T, content: T, confirmButtonText: T, cancelButtonText: T }, 'confirm', (d) => has(d) && d!.querySelector('[data-action="cancel"]')!.textContent === T, (d) => press(d, 'confirm'));
  await step(
    'prompt',
    { title: T, message: T, placeholder: T, okButtonText: T, cancelButtonText: T },
    'prompt',
    (d) => has(d) && d!.querySelector('input')!.placeholder === T,
    (d) => {
      d.querySelector('input')!.value = T;
      press(d, 'ok');
    },
  );
  await step(
    'showActionSheet',
    { title: T, items: [T, 'plain'], cancelButtonText: T, badges: [{ index: 0, type: 'text', text: T }] },
    'actionSheet',
    (d) => has(d) && d!.querySelector('[data-action="item-0"] > span')!.textContent === T && d!.querySelector('.bt')?.textContent === T,
    (d) => press(d, 'item-0'),
  );
  await step('showToast', { content: T, duration: 60_000 }, 'showToast', (d) => has(d));
  if (want('showToast')) await lib['hideToast']!();
  await step('showLoading', { content: T }, 'showLoading', (d) => has(d));
  if (want('showLoading')) await lib['hideLoading']!();
  // The picker shows dates only: hostile dates are dropped and the field holds a real date.
  await step(
    'datePicker',
    { format: 'yyyy-MM-dd', currentDate: T, startDate: T, endDate: T },
    'datePicker',
    (d) => /^\d{4}-\d\d-\d\d$/.test(d!.querySelector('input')!.value) && !(d!.textContent ?? '').includes('<'),
    (d) => press(d, 'ok'),
  );
  await step('datePicker', { format: T }, null, () => true);
  await step(
    'multiLevelSelect',
    { title: T, list: [{ name: T, subList: [{ name: T + '2' }] }, { name: 'plain' }] },
    'multiLevelSelect',
    (d) => has(d) && d!.querySelector('[data-action="pick-0"]')!.textContent!.includes(T),
    async (d) => {
      press(d, 'pick-0');
      await sleep(0);
      press(d, 'pick-0');
    },
  );
  await step('choosePhoneContact', {}, 'choosePhoneContact', (d) => has(d!.querySelector('[data-action="pick-0"]')), (d) => press(d, 'pick-0'));
  await step('setNavigationBar', { title: T }, null, () => root.querySelector('.bar-title')?.textContent === T);
  await step('getAuthCode', { scopes: [T, 'USER_NAME'] }, 'consent', (d) => has(d) && !(d!.querySelector('.scopes')!.textContent ?? '').includes('<'), (d) => press(d, 'allow'));
  await step(
    'tradePay',
    { paymentUrl: `https://cashier.example/pay?orderId=${encodeURIComponent(T)}&amount=${encodeURIComponent(T)}` },
    'cashier',
    (d) => (d!.textContent ?? '').split(T).length - 1 >= 2,
    (d) => press(d, 'pay'),
  );
  await step('qicardSignContract', { authUrl: T }, 'signing', (d) => has(d), (d) => press(d, 'sign'));
  await step(
    'qicardShareAppMessage',
    { title: T, desc: T, path: T, imageUrl: P.url },
    'share',
    (d) => (d!.textContent ?? '').split(T).length - 1 >= 3 && d!.querySelector('img')?.getAttribute('src') === P.url,
    (d) => press(d, 'share'),
  );
  await step(
    'previewImage',
    { urls: [P.url, P.url2], current: 1 },
    'previewImage',
    (d) => d!.querySelector('img')?.getAttribute('src') === P.url2,
    (d) => press(d, 'close'),
  );
  await step('openLocation', { latitude: '33.3152', longitude: '44.3661', name: T, address: T }, 'openLocation', (d) => has(d), (d) => press(d, 'close'));
  await step('chooseLocation', {}, 'chooseLocation', (d) => has(d!.querySelector('[data-action="pick-0"]')), (d) => press(d, 'pick-0'));
  await step(
    'addPhoneContact',
    { firstName: T, lastName: T, remark: T, url: T, email: T, organization: T, mobilePhoneNumber: T, photoFilePath: 'javascript:window.__pwned=9' },
    'addPhoneContact',
    (d) => has(d) && !d!.querySelector('img'),
    (d) => press(d, 'ok'),
  );
  await step('makePhoneCall', { number: T }, 'makePhoneCall', (d) => d!.querySelector('.num')?.textContent === T, (d) => press(d, 'close'));
  // give error events of any parsed <img src=x> a chance to fire before the caller checks its trap
  await sleep(100);
  return steps;
}

/** What each step must end with (checked by both tests). */
export function expectedResults(P: ScenarioPayloads): Record<string, (s: ScenarioStep) => boolean> {
  const T = P.text;
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  return {
    alert: (s) => same(s.result, {}),
    confirm: (s) => same(s.result, { confirm: true }),
    prompt: (s) => same(s.result, { ok: true, inputValue: T }),
    showActionSheet: (s) => same(s.result, { index: 0 }),
    showToast: (s) => same(s.result, {}),
    showLoading: (s) => same(s.result, {}),
    datePicker: (s) =>
      s.dialog ? /^\d{4}-\d\d-\d\d$/.test((s.result as { date?: string })?.date ?? '') : s.error?.name === 'HostError' && s.error.code === 2,
    multiLevelSelect: (s) => same(s.result, { success: true, result: [{ name: T }, { name: T + '2' }] }),
    choosePhoneContact: (s) => same(s.result, { name: T, mobile: T }),
    setNavigationBar: (s) => same(s.result, {}),
    getAuthCode: (s) => {
      const r = s.result as { authCode?: unknown; authSuccessScopes?: unknown; authErrorScopes?: Record<string, string> } | undefined;
      return typeof r?.authCode === 'string' && same(r.authSuccessScopes, ['USER_NAME']) && r.authErrorScopes?.[T] === '10001';
    },
    tradePay: (s) => (s.result as { resultCode?: string })?.resultCode === '9000',
    qicardSignContract: (s) => /^[0-9A-F]{32}$/i.test((s.result as { authCode?: string })?.authCode ?? ''),
    qicardShareAppMessage: (s) => same(s.result, { shareResult: true }),
    previewImage: (s) => same(s.result, {}),
    openLocation: (s) => same(s.result, {}),
    chooseLocation: (s) => (s.result as { name?: string; address?: string })?.name === T && (s.result as { address?: string }).address === T,
    addPhoneContact: (s) => same(s.result, { success: true }),
    makePhoneCall: (s) => same(s.result, {}),
  };
}

/** The APIs the scenario covers. */
export const APIS = [
  'alert', 'confirm', 'prompt', 'showActionSheet', 'showToast', 'showLoading', 'datePicker', 'multiLevelSelect',
  'choosePhoneContact', 'setNavigationBar', 'getAuthCode', 'tradePay', 'qicardSignContract', 'qicardShareAppMessage',
  'previewImage', 'openLocation', 'chooseLocation', 'addPhoneContact', 'makePhoneCall',
];

/** Asserts one run of the scenario (shared with the Chromium test). */
export function expectInert(steps: ScenarioStep[]): void {
  expect(new Set(steps.map((s) => s.api))).toEqual(new Set(APIS));
  const expected = expectedResults(HOSTILE);
  for (const s of steps) {
    const label = `${s.api}${s.dialog ? ` (${s.dialog})` : ''}: ${JSON.stringify(s.error ?? s.result)}`;
    expect(s.injected, label).toEqual([]);
    expect(s.literal, label).toBe(true);
    expect(expected[s.api]!(s), label).toBe(true);
  }
}

