/**
 * The playground's own labels in English or Arabic (right-to-left). An element opts in with
 * `data-i18n` (its text is the English label) or `data-i18n-ph` (its placeholder); switching the
 * language swaps them from the table below, and a MutationObserver translates what the panels
 * render later. API names, JSON, code and payloads are never translated and stay left-to-right.
 */

/** The playground's UI languages. */
export type UiLanguage = 'en' | 'ar';

/** English label → Arabic. A label missing here stays English (the test lists the visible ones). */
export const ARABIC: Readonly<Record<string, string>> = {
  playground: 'ساحة التجربة',
  APIs: 'الواجهات',
  Flows: 'التدفقات',
  'emulator:': 'المحاكي:',
  'phone frame': 'إطار الهاتف',
  auto: 'تلقائي',
  'In the console:': 'في وحدة التحكم:',
  'API reference': 'مرجع الواجهات',
  'Filter APIs': 'تصفية الواجهات',
  'Documented error codes': 'رموز الأخطاء الموثّقة',
  'Parameters (JSON)': 'المعاملات (JSON)',
  'Ctrl/⌘+Enter runs': 'Ctrl/⌘+Enter للتشغيل',
  Run: 'تشغيل',
  timeout: 'المهلة',
  ms: 'مللي ثانية',
  'Docs example': 'مثال التوثيق',
  Format: 'تنسيق',
  Copy: 'نسخ',
  Terminal: 'الطرفية',
  Clear: 'مسح',
  Scenario: 'السيناريو',
  Storage: 'التخزين',
  'Saved files': 'الملفات المحفوظة',
  'Call log': 'سجل الاستدعاءات',
  parameter: 'المعامل',
  type: 'النوع',
  required: 'مطلوب',
  default: 'الافتراضي',
  yes: 'نعم',
  no: 'لا',
  'No parameters.': 'لا توجد معاملات.',
  Presets: 'إعدادات جاهزة',
  'Reset scenario': 'إعادة ضبط السيناريو',
  'Outcome of one API': 'نتيجة واجهة واحدة',
  Apply: 'تطبيق',
  'No override: every API answers as the host would.': 'لا يوجد تجاوز: كل واجهة تُجيب كما يُجيب المضيف.',
  once: 'مرة واحدة',
  'Latency (ms)': 'زمن الاستجابة (مللي ثانية)',
  'every answer waits this long': 'كل إجابة تنتظر هذه المدة',
  Role: 'الدور',
  'getDeviceInfo, scope set of getAuthCode': 'getDeviceInfo ونطاقات getAuthCode',
  Language: 'اللغة',
  'labels; Arabic is right-to-left': 'التسميات؛ العربية من اليمين إلى اليسار',
  'Host version': 'إصدار التطبيق المضيف',
  'APIs newer than it answer error 1': 'الواجهات الأحدث منه تُرجع الخطأ 1',
  'Unsupported APIs': 'واجهات غير مدعومة',
  'this host answers error 1 for them': 'يُرجع المضيف الخطأ 1 لها',
  'Search APIs': 'ابحث في الواجهات',
  selected: 'محددة',
  'Host events': 'أحداث المضيف',
  'Event data (JSON)': 'بيانات الحدث (JSON)',
  'Static copy: the echo endpoint is answered inside this page.': 'نسخة ثابتة: نقطة الصدى تُجاب داخل هذه الصفحة.',
};

/** The language the page shows: `?lang=` first, then the saved choice, else English. */
export function initialLanguage(search: string, saved: string | null): UiLanguage {
  const asked = new URLSearchParams(search).get('lang') ?? saved;
  return asked === 'ar' ? 'ar' : 'en';
}

/** The label for `english` in `lang`. */
export const label = (english: string, lang: UiLanguage): string => (lang === 'ar' ? (ARABIC[english] ?? english) : english);

/** Translates every opted-in element under `root` (remembering its English label the first time). */
export function translate(root: ParentNode, lang: UiLanguage): void {
  const marked = root instanceof Element && root.matches('[data-i18n],[data-i18n-ph]') ? [root] : [];
  for (const e of [...marked, ...Array.from(root.querySelectorAll<HTMLElement>('[data-i18n],[data-i18n-ph]'))] as HTMLElement[]) {
    if (e.hasAttribute('data-i18n')) {
      e.dataset['en'] ??= e.textContent ?? '';
      const text = label(e.dataset['en'], lang);
      if (e.textContent !== text) e.textContent = text;
    }
    if (e.hasAttribute('data-i18n-ph')) {
      e.dataset['enPh'] ??= e.getAttribute('placeholder') ?? '';
      e.setAttribute('placeholder', label(e.dataset['enPh'], lang));
    }
  }
}

/** Sets the page's language and direction, translates it, and keeps later renders translated. */
export function applyLanguage(lang: UiLanguage): void {
  const html = document.documentElement;
  html.lang = lang;
  html.dir = lang === 'ar' ? 'rtl' : 'ltr';
  translate(document.body, lang);
}

let observer: MutationObserver | undefined;

/** Translates what the panels add from now on, in whatever language the page has then. */
export function followRenders(): void {
  observer ??= new MutationObserver((records) => {
    const lang: UiLanguage = document.documentElement.lang === 'ar' ? 'ar' : 'en';
    for (const r of records) for (const n of Array.from(r.addedNodes)) if (n instanceof Element) translate(n, lang);
  });
  observer.observe(document.body, { childList: true, subtree: true });
}
