/** What the page's script is given by the server: the admin API's paths and page sizes. */
export interface PageConfig {
  /** `SANDBOX_API`. */
  api: { state: string; list: string; force: string; resend: string; failNext: string };
  /** `SANDBOX_PAGE_DEFAULT`: records per page. */
  page: number;
  /** `SANDBOX_PAGE_MAX`: the largest page the admin API answers. */
  max: number;
}

/**
 * The sandbox page's script. It runs in the browser: `pageScript()` serves this function's source as
 * its own file (strict-CSP friendly: no inline script), so the function must use nothing from outside
 * its body but `config`. Every piece of data reaches the DOM through textContent, never as HTML.
 *
 * The page is built once (and again when the language changes); the state is read every second and
 * only the parts showing data are redrawn, and only when their data changed: the search boxes and
 * selects stay as the user left them. Each list shows its newest page ("N of TOTAL"); "Older" adds the
 * next one (the list endpoint with `before`), and later refreshes keep every page the user loaded.
 */
export function pageMain(config: PageConfig): void {
  type Lang = 'en' | 'ar';
  type Row = Record<string, unknown>;
  type ListName = 'payments' | 'refunds' | 'agreements' | 'deliveries' | 'messages';
  const T: Record<Lang, Record<string, string>> = {
    en: {
      title: 'Super Qi sandbox wallet',
      gateway: 'Gateway URL',
      client: 'Client id',
      lang: 'العربية',
      force: 'Force the next outcome',
      forced: 'Forced next',
      none: 'none',
      clear: 'Clear',
      decline: 'Decline',
      pending: 'Pending',
      expire: 'Expire',
      'network-error': 'Network error',
      slow: 'Slow',
      failNext: 'Fail the next call of an Open API with one of its codes',
      failSet: 'Set',
      waiting: 'Waiting',
      users: 'Users and balances',
      payments: 'Payments',
      refunds: 'Refunds',
      agreements: 'Agreements',
      deliveries: 'Notification deliveries',
      messages: 'Inbox and push messages',
      openApis: 'Open APIs served',
      api: 'API', path: 'Path', doc: 'Doc page', codes: 'Error codes',
      empty: 'Nothing yet.',
      noMatch: 'Nothing matches.',
      search: 'Search by id (its start)',
      allStatuses: 'Any status',
      of: 'of',
      older: 'Older',
      resend: 'Resend',
      error: 'Cannot reach the sandbox',
      userId: 'User id', role: 'Role', name: 'Name', mobile: 'Mobile', balance: 'Balance (IQD)', status: 'Status',
      paymentId: 'Payment id', kind: 'Kind', amount: 'Amount (IQD)', refunded: 'Refunded (IQD)', order: 'Order', created: 'Created',
      refundId: 'Refund id', agreementId: 'Agreement id', contract: 'Contract', deliveryId: 'Delivery id', url: 'URL',
      attempts: 'Attempts', last: 'Last attempt', channel: 'Channel', message: 'Message', at: 'At',
    },
    ar: {
      title: 'محفظة Super Qi التجريبية',
      gateway: 'عنوان البوابة',
      client: 'معرّف العميل',
      lang: 'English',
      force: 'فرض النتيجة التالية',
      forced: 'النتيجة المفروضة',
      none: 'لا شيء',
      clear: 'إلغاء',
      decline: 'رفض',
      pending: 'قيد المعالجة',
      expire: 'انتهاء الصلاحية',
      'network-error': 'خطأ في الشبكة',
      slow: 'بطء',
      failNext: 'إفشال الاستدعاء التالي لواجهة Open API بأحد رموزها',
      failSet: 'تعيين',
      waiting: 'بالانتظار',
      users: 'المستخدمون والأرصدة',
      payments: 'المدفوعات',
      refunds: 'المبالغ المستردة',
      agreements: 'الاتفاقيات',
      deliveries: 'إرسال الإشعارات',
      messages: 'رسائل البريد والإشعارات',
      openApis: 'واجهات Open API المتاحة',
      api: 'الواجهة', path: 'المسار', doc: 'صفحة التوثيق', codes: 'رموز الأخطاء',
      empty: 'لا شيء بعد.',
      noMatch: 'لا توجد نتائج مطابقة.',
      search: 'البحث بالمعرّف (بدايته)',
      allStatuses: 'كل الحالات',
      of: 'من',
      older: 'الأقدم',
      resend: 'إعادة الإرسال',
      error: 'تعذّر الوصول إلى المحفظة التجريبية',
      userId: 'معرّف المستخدم', role: 'الدور', name: 'الاسم', mobile: 'الهاتف', balance: 'الرصيد (دينار)', status: 'الحالة',
      paymentId: 'معرّف الدفعة', kind: 'النوع', amount: 'المبلغ (دينار)', refunded: 'المسترد (دينار)', order: 'الطلب', created: 'التاريخ',
      refundId: 'معرّف الاسترداد', agreementId: 'معرّف الاتفاقية', contract: 'العقد', deliveryId: 'معرّف الإرسال', url: 'العنوان',
      attempts: 'المحاولات', last: 'آخر محاولة', channel: 'القناة', message: 'الرسالة', at: 'الوقت',
    },
  };
  const LISTS: readonly ListName[] = ['payments', 'refunds', 'agreements', 'deliveries', 'messages'];
  /** The statuses a list can be filtered by (the admin API filters these three). */
  const STATUSES: Partial<Record<ListName, string[]>> = {
    payments: ['PROCESSING', 'SUCCESS', 'FAIL', 'CLOSED', 'CANCELLED'],
    refunds: ['PROCESSING', 'SUCCESS', 'FAIL'],
    deliveries: ['PENDING', 'DELIVERED', 'FAILED'],
  };
  /** One list as the user asked for it (`q`, `status`, `want` records) and what it shows. */
  interface View {
    q: string;
    status: string;
    want: number;
    items: Row[];
    total: number;
    next: string | null;
  }
  const views = Object.fromEntries(LISTS.map((name) => [name, { q: '', status: '', want: config.page, items: [], total: 0, next: null }])) as unknown as Record<ListName, View>;
  /** What a list was asked for: an answer to an older question is dropped. */
  const asked = (v: View): string => JSON.stringify([v.q, v.status, v.want]);

  let lang: Lang = localStorage.getItem('superqi-sandbox-lang') === 'ar' ? 'ar' : 'en';
  let last: Row | null = null;
  let reachable = true;
  let failApi = '';
  let failCode = '';
  /** The parts that show data, redrawn by `update()`; set by `render()`. */
  let slots: Record<string, HTMLElement> = {};
  /** What each slot shows now: it is redrawn only when this changes. */
  const drawn = new WeakMap<HTMLElement, string>();

  const t = (key: string): string => T[lang][key] ?? key;
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attrs: Record<string, string> = {}): HTMLElementTagNameMap[K] => {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    return node;
  };
  const iqd = (fils: unknown): string => (Number(fils) / 1000).toLocaleString(lang === 'ar' ? 'ar-IQ' : 'en-US', { maximumFractionDigits: 3 });
  const when = (iso: unknown): string => (typeof iso === 'string' ? new Date(iso).toLocaleString(lang === 'ar' ? 'ar-IQ' : 'en-GB') : '');
  const api = async (path: string, body?: unknown): Promise<Row> => {
    const res = await fetch(path, body === undefined ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`${res.status}`);
    return (await res.json()) as Row;
  };
  const post = (path: string, body: unknown) => void api(path, body).then(refresh, refresh);

  // ── reading the lists ──────────────────────────────────────────────────────────────────────────
  const listPath = (name: ListName, v: View, limit: number, before: string | null): string => {
    const query = new URLSearchParams({ name, limit: String(limit) });
    if (v.q) query.set('q', v.q);
    if (v.status) query.set('status', v.status);
    if (before !== null) query.set('before', before);
    return `${config.api.list}?${query}`;
  };
  /** The newest `v.want` records of a list matching its search, a page of at most `config.max` at a time. */
  async function newest(name: ListName, v: View): Promise<Pick<View, 'items' | 'total' | 'next'>> {
    const items: Row[] = [];
    let next: string | null = null;
    let total = 0;
    do {
      const page = await api(listPath(name, v, Math.min(config.max, v.want - items.length), next));
      items.push(...(page['items'] as Row[]));
      next = page['next'] as string | null;
      total = page['total'] as number;
    } while (next !== null && items.length < v.want);
    return { items, total, next };
  }

  /** Reads the state, and each list the user searched or paged further on its own; then redraws. */
  async function refresh(): Promise<void> {
    const questions = LISTS.map((name) => asked(views[name]));
    try {
      const s = await api(config.api.state);
      const pages = s['pages'] as Record<ListName, { total: number; next: string | null }>;
      const lists = await Promise.all(
        LISTS.map((name) => {
          const v = views[name];
          // the state holds each list's first page, unfiltered
          return v.q || v.status || v.want > config.page ? newest(name, v) : { items: s[name] as Row[], ...pages[name] };
        }),
      );
      LISTS.forEach((name, i) => {
        if (asked(views[name]) === questions[i]) Object.assign(views[name], lists[i]);
      });
      last = s;
      reachable = true;
    } catch {
      reachable = false;
    }
    if (last && !slots['users']) render();
    else update();
  }

  /** "Older": the next page of a list, added below the ones shown (kept by later refreshes). */
  async function older(name: ListName): Promise<void> {
    const v = views[name];
    const cursor = v.next;
    if (cursor === null) return;
    v.want = v.items.length + config.page;
    const question = asked(v);
    try {
      const page = await api(listPath(name, v, config.page, cursor));
      // a refresh or a new search since: it has (or will have) what to show
      if (asked(v) !== question || v.next !== cursor) return;
      v.items = [...v.items, ...(page['items'] as Row[])];
      v.total = page['total'] as number;
      v.next = page['next'] as string | null;
    } catch {
      reachable = false;
    }
    update();
  }

  /** A new search or status for a list: its first page again. */
  function ask(name: ListName, change: Partial<Pick<View, 'q' | 'status'>>): void {
    Object.assign(views[name], change, { want: config.page });
    void refresh();
  }

  // ── drawing ────────────────────────────────────────────────────────────────────────────────────
  /** Replaces what `slot` shows when `data` differs from what it shows. */
  function fill(slot: HTMLElement | undefined, data: unknown, draw: () => Node[]): void {
    const key = JSON.stringify([lang, data]);
    if (!slot || drawn.get(slot) === key) return;
    drawn.set(slot, key);
    slot.replaceChildren(...draw());
  }

  /** Text that reads left to right in an Arabic page too (a masked phone number: 964******10). */
  function ltr(text: string): Node {
    const span = el('span', text, { class: 'ltr', dir: 'ltr' });
    return span;
  }

  function table(heads: string[], rows: Row[], cells: (r: Row) => Array<string | Node>, empty = t('empty')): Node {
    if (!rows.length) return el('p', empty, { class: 'empty' });
    const tbl = el('table');
    const head = el('tr');
    for (const h of heads) head.append(el('th', t(h)));
    tbl.append(el('thead'), el('tbody'));
    tbl.tHead!.append(head);
    for (const r of rows) {
      const tr = el('tr');
      for (const c of cells(r)) {
        const td = el('td');
        if (typeof c === 'string') td.textContent = c;
        else td.append(c);
        tr.append(td);
      }
      tbl.tBodies[0]!.append(tr);
    }
    // Words and ids stay whole; a table wider than the window scrolls rather than breaking them.
    const box = el('div', '', { class: 'scroll' });
    box.append(tbl);
    return box;
  }

  /** Each list's columns. */
  const COLUMNS: Record<ListName, [string[], (r: Row) => Array<string | Node>]> = {
    payments: [['paymentId', 'kind', 'amount', 'refunded', 'status', 'order', 'created'], (p) => [
      String(p['paymentId']), String(p['kind']), iqd(p['amount']), iqd(p['refunded']),
      [p['status'], p['escrowStatus'], p['failCode']].filter(Boolean).join(' · '), String(p['orderDescription']), when(p['createdAt']),
    ]],
    refunds: [['refundId', 'paymentId', 'amount', 'status', 'created'], (r) => [
      String(r['refundId']), String(r['paymentId']), iqd(r['amount']), String(r['status']), when(r['createdAt']),
    ]],
    agreements: [['agreementId', 'userId', 'contract', 'created'], (a) => [
      String(a['agreementId']), String(a['userId']), String(a['contractDesc'] ?? ''), when(a['createdAt']),
    ]],
    deliveries: [['deliveryId', 'paymentId', 'url', 'status', 'attempts', 'last', ''], (d) => {
      const attempts = (d['attempts'] as Row[]) ?? [];
      const lastAttempt = attempts[attempts.length - 1];
      const resend = el('button', t('resend'), { type: 'button', 'data-resend': String(d['deliveryId']) });
      resend.addEventListener('click', () => post(config.api.resend, { deliveryId: d['deliveryId'] }));
      return [
        String(d['deliveryId']), String(d['paymentId']), String(d['url']), String(d['status']), String(attempts.length),
        lastAttempt ? `${when(lastAttempt['at'])} ${String(lastAttempt['outcome'])}` : '', resend,
      ];
    }],
    messages: [['channel', 'userId', 'message', 'url', 'at'], (m) => [
      String(m['channel']), String(m['userId']), `${String(m['title'])}: ${String(m['content'])}`, String(m['url']), when(m['at']),
    ]],
  };

  /** A list's section: its search box and status filter (built once), its count, rows and "Older". */
  function listSection(name: ListName): HTMLElement {
    const v = views[name];
    const section = el('section', undefined, { id: name });
    const search = el('input', undefined, { type: 'search', 'data-search': name, 'aria-label': t('search'), placeholder: t('search') });
    search.value = v.q;
    search.addEventListener('input', () => ask(name, { q: search.value.trim() }));
    const controls = el('p', undefined, { class: 'controls' });
    controls.append(search);
    const statuses = STATUSES[name];
    if (statuses) {
      const select = el('select', undefined, { 'data-status': name, 'aria-label': t('status') });
      select.append(el('option', t('allStatuses'), { value: '' }), ...statuses.map((s) => el('option', s, { value: s })));
      select.value = v.status;
      select.addEventListener('change', () => ask(name, { status: select.value }));
      controls.append(select);
    }
    const more = el('button', t('older'), { type: 'button', 'data-older': name });
    more.addEventListener('click', () => void older(name));
    const count = (slots[`${name}-count`] = el('p', undefined, { class: 'count', 'data-count': name }));
    section.append(el('h2', t(name)), controls, count, (slots[name] = el('div')), (slots[`${name}-older`] = more));
    return section;
  }

  /** Builds the page (first data, or a new language). */
  function render(): void {
    document.documentElement.lang = lang;
    document.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';
    document.title = t('title');
    const root = document.getElementById('app')!;
    const header = el('header');
    const langButton = el('button', t('lang'), { id: 'lang', type: 'button' });
    langButton.addEventListener('click', () => {
      lang = lang === 'en' ? 'ar' : 'en';
      localStorage.setItem('superqi-sandbox-lang', lang);
      render();
    });
    header.append(el('h1', t('title')), langButton);
    const status = el('p', t('error'), { id: 'status' });
    slots = { status };
    const s = last;
    if (!s) {
      root.replaceChildren(header, status);
      return;
    }
    const info = (slots['info'] = el('dl'));

    const force = el('section', undefined, { id: 'force' });
    force.append(el('h2', t('force')));
    force.append((slots['forced'] = el('p')));
    for (const outcome of ['decline', 'pending', 'expire', 'network-error', 'slow', null]) {
      const b = el('button', t(outcome ?? 'clear'), { type: 'button', 'data-force': outcome ?? '' });
      b.addEventListener('click', () => post(config.api.force, { outcome }));
      force.append(b);
    }
    // a scripted answer for the next call of one Open API: any code its page documents
    const fail = el('p', undefined, { id: 'fail-next' });
    const apis = (s['openApis'] as Row[]) ?? [];
    const apiSelect = el('select', undefined, { id: 'fail-api', 'aria-label': t('api') });
    const codeSelect = el('select', undefined, { id: 'fail-code', 'aria-label': t('codes') });
    const fillCodes = () => {
      const row = apis.find((a) => a['name'] === apiSelect.value);
      codeSelect.replaceChildren(...((row?.['codes'] as string[]) ?? []).map((c) => el('option', c, { value: c })));
      if (failCode) codeSelect.value = failCode;
      failCode = codeSelect.value;
    };
    apiSelect.append(...apis.map((a) => el('option', String(a['name']), { value: String(a['name']) })));
    if (failApi) apiSelect.value = failApi;
    failApi = apiSelect.value;
    apiSelect.addEventListener('change', () => {
      failApi = apiSelect.value;
      failCode = '';
      fillCodes();
    });
    codeSelect.addEventListener('change', () => void (failCode = codeSelect.value));
    fillCodes();
    const set = el('button', t('failSet'), { type: 'button', id: 'fail-set' });
    set.addEventListener('click', () => post(config.api.failNext, { api: apiSelect.value, resultCode: codeSelect.value }));
    fail.append(el('span', `${t('failNext')}: `), apiSelect, codeSelect, set);
    force.append(fail, (slots['waiting'] = el('div')));

    const section = (id: string): HTMLElement => {
      const node = el('section', undefined, { id });
      node.append(el('h2', t(id)), (slots[id] = el('div')));
      return node;
    };
    root.replaceChildren(header, status, info, force, section('users'), ...LISTS.map(listSection), section('openApis'));
    update();
  }

  /** Redraws the parts whose data changed. */
  function update(): void {
    const status = slots['status'];
    if (status) status.hidden = reachable && last !== null;
    const s = last;
    if (!s) return;
    fill(slots['info'], [s['gatewayUrl'], s['clientId']], () => [el('dt', t('gateway')), el('dd', String(s['gatewayUrl'])), el('dt', t('client')), el('dd', String(s['clientId']))]);
    fill(slots['forced'], s['forced'], () => [el('span', `${t('forced')}: `), el('strong', s['forced'] ? t(String(s['forced'])) : t('none'), { id: 'forced', 'data-outcome': String(s['forced'] ?? '') })]);
    const waiting = Object.entries((s['failNext'] as Record<string, string>) ?? {});
    fill(slots['waiting'], waiting, () => {
      if (!waiting.length) return [];
      const list = el('ul', undefined, { id: 'fail-waiting', 'aria-label': t('waiting') });
      for (const [name, code] of waiting) {
        const clear = el('button', t('clear'), { type: 'button', 'data-fail-clear': name });
        clear.addEventListener('click', () => post(config.api.failNext, { api: name, resultCode: null }));
        const item = el('li', `${t('waiting')}: ${name} → ${code} `, { 'data-api': name, 'data-code': code });
        item.append(clear);
        list.append(item);
      }
      return [list];
    });
    const users = (s['users'] as Row[]) ?? [];
    fill(slots['users'], users, () => [
      table(['userId', 'role', 'name', 'mobile', 'balance', 'status'], users, (u) => [
        String(u['userId']), String(u['role']), String(u['fullName']), ltr(String(u['maskedMobile'])), iqd(u['balance']), String(u['status']),
      ]),
    ]);
    for (const name of LISTS) {
      const v = views[name];
      const [heads, cells] = COLUMNS[name];
      fill(slots[name], [v.items, v.q || v.status], () => [table(heads, v.items, cells, v.q || v.status ? t('noMatch') : t('empty'))]);
      fill(slots[`${name}-count`], [v.items.length, v.total], () => [document.createTextNode(`${v.items.length} ${t('of')} ${v.total}`)]);
      const more = slots[`${name}-older`];
      if (more) more.hidden = v.next === null;
    }
    const apis = (s['openApis'] as Row[]) ?? [];
    fill(slots['openApis'], apis, () => [
      table(['api', 'path', 'doc', 'codes'], apis, (a) => [String(a['name']), `POST ${String(a['path'])}`, String(a['doc']), ((a['codes'] as string[]) ?? []).join(', ')]),
    ]);
  }

  render();
  void refresh();
  setInterval(() => void refresh(), 1000);
}
