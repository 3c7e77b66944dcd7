/**
 * The sandbox page's script. It runs in the browser: `pageScript()` serves this function's source as
 * its own file (strict-CSP friendly: no inline script), so the function must use nothing from outside
 * its body. Every piece of data reaches the DOM through textContent, never as HTML.
 */
export function pageMain(): void {
  type Lang = 'en' | 'ar';
  type Row = Record<string, unknown>;
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
      resend: 'إعادة الإرسال',
      error: 'تعذّر الوصول إلى المحفظة التجريبية',
      userId: 'معرّف المستخدم', role: 'الدور', name: 'الاسم', mobile: 'الهاتف', balance: 'الرصيد (دينار)', status: 'الحالة',
      paymentId: 'معرّف الدفعة', kind: 'النوع', amount: 'المبلغ (دينار)', refunded: 'المسترد (دينار)', order: 'الطلب', created: 'التاريخ',
      refundId: 'معرّف الاسترداد', agreementId: 'معرّف الاتفاقية', contract: 'العقد', deliveryId: 'معرّف الإرسال', url: 'العنوان',
      attempts: 'المحاولات', last: 'آخر محاولة', channel: 'القناة', message: 'الرسالة', at: 'الوقت',
    },
  };
  let lang: Lang = localStorage.getItem('superqi-sandbox-lang') === 'ar' ? 'ar' : 'en';
  let last: Row | null = null;
  // the page renders anew every second: the fail-next choice must outlive that
  let failApi = '';
  let failCode = '';
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

  function table(id: string, heads: string[], rows: Row[], cells: (r: Row) => Array<string | Node>): HTMLElement {
    const section = el('section', undefined, { id });
    section.append(el('h2', t(id)));
    if (!rows.length) {
      section.append(el('p', t('empty'), { class: 'empty' }));
      return section;
    }
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
    section.append(tbl);
    return section;
  }

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
    const parts: Node[] = [header];
    if (!last) {
      parts.push(el('p', t('error'), { id: 'status' }));
      root.replaceChildren(...parts);
      return;
    }
    const s = last;
    const info = el('dl');
    info.append(el('dt', t('gateway')), el('dd', String(s['gatewayUrl'])), el('dt', t('client')), el('dd', String(s['clientId'])));
    parts.push(info);

    const force = el('section', undefined, { id: 'force' });
    force.append(el('h2', t('force')));
    const forced = el('p');
    forced.append(el('span', `${t('forced')}: `), el('strong', s['forced'] ? t(String(s['forced'])) : t('none'), { id: 'forced', 'data-outcome': String(s['forced'] ?? '') }));
    force.append(forced);
    for (const outcome of ['decline', 'pending', 'expire', 'network-error', 'slow', null]) {
      const b = el('button', t(outcome ?? 'clear'), { type: 'button', 'data-force': outcome ?? '' });
      b.addEventListener('click', () => void api('/sandbox-api/force', { outcome }).then(refresh, refresh));
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
    set.addEventListener('click', () => void api('/sandbox-api/fail-next', { api: apiSelect.value, resultCode: codeSelect.value }).then(refresh, refresh));
    const waiting = Object.entries((s['failNext'] as Record<string, string>) ?? {});
    fail.append(el('span', `${t('failNext')}: `), apiSelect, codeSelect, set);
    force.append(fail);
    if (waiting.length) {
      const list = el('ul', undefined, { id: 'fail-waiting', 'aria-label': t('waiting') });
      for (const [name, code] of waiting) {
        const clear = el('button', t('clear'), { type: 'button', 'data-fail-clear': name });
        clear.addEventListener('click', () => void api('/sandbox-api/fail-next', { api: name, resultCode: null }).then(refresh, refresh));
        const item = el('li', `${t('waiting')}: ${name} → ${code} `, { 'data-api': name, 'data-code': code });
        item.append(clear);
        list.append(item);
      }
      force.append(list);
    }
    parts.push(force);

    const list = (k: string) => (s[k] as Row[]) ?? [];
    parts.push(
      table('users', ['userId', 'role', 'name', 'mobile', 'balance', 'status'], list('users'), (u) => [
        String(u['userId']), String(u['role']), String(u['fullName']), String(u['maskedMobile']), iqd(u['balance']), String(u['status']),
      ]),
      table('payments', ['paymentId', 'kind', 'amount', 'refunded', 'status', 'order', 'created'], list('payments'), (p) => [
        String(p['paymentId']), String(p['kind']), iqd(p['amount']), iqd(p['refunded']),
        [p['status'], p['escrowStatus'], p['failCode']].filter(Boolean).join(' · '), String(p['orderDescription']), when(p['createdAt']),
      ]),
      table('refunds', ['refundId', 'paymentId', 'amount', 'status', 'created'], list('refunds'), (r) => [
        String(r['refundId']), String(r['paymentId']), iqd(r['amount']), String(r['status']), when(r['createdAt']),
      ]),
      table('agreements', ['agreementId', 'userId', 'contract', 'created'], list('agreements'), (a) => [
        String(a['agreementId']), String(a['userId']), String(a['contractDesc'] ?? ''), when(a['createdAt']),
      ]),
      table('deliveries', ['deliveryId', 'paymentId', 'url', 'status', 'attempts', 'last', ''], list('deliveries'), (d) => {
        const attempts = (d['attempts'] as Row[]) ?? [];
        const lastAttempt = attempts[attempts.length - 1];
        const resend = el('button', t('resend'), { type: 'button', 'data-resend': String(d['deliveryId']) });
        resend.addEventListener('click', () => void api('/sandbox-api/deliveries/resend', { deliveryId: d['deliveryId'] }).then(refresh, refresh));
        return [
          String(d['deliveryId']), String(d['paymentId']), String(d['url']), String(d['status']), String(attempts.length),
          lastAttempt ? `${when(lastAttempt['at'])} ${String(lastAttempt['outcome'])}` : '', resend,
        ];
      }),
      table('messages', ['channel', 'userId', 'message', 'url', 'at'], list('messages'), (m) => [
        String(m['channel']), String(m['userId']), `${String(m['title'])}: ${String(m['content'])}`, String(m['url']), when(m['at']),
      ]),
      table('openApis', ['api', 'path', 'doc', 'codes'], list('openApis'), (a) => [
        String(a['name']), `POST ${String(a['path'])}`, String(a['doc']), ((a['codes'] as string[]) ?? []).join(', '),
      ]),
    );
    root.replaceChildren(...parts);
  }

  async function refresh(): Promise<void> {
    try {
      last = await api('/sandbox-api/state');
    } catch {
      last = null;
    }
    render();
  }

  render();
  void refresh();
  setInterval(() => void refresh(), 1000);
}
