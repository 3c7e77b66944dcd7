/**
 * The header controls every playground page shares: the UI language (English / Arabic, right-to-left),
 * the colour theme (the system's, or light / dark by choice), and a link to the API reference. The
 * choices are kept in localStorage; `?lang=ar` and `?theme=dark` pick them for one visit (tests, links).
 */
import { button, h } from './dom.js';
import { applyLanguage, followRenders, initialLanguage, type UiLanguage } from './i18n.js';

/** `system` follows prefers-color-scheme. */
export type Theme = 'system' | 'light' | 'dark';

const LANG_KEY = 'superqi-playground-lang';
const THEME_KEY = 'superqi-playground-theme';
const THEMES: readonly Theme[] = ['system', 'light', 'dark'];
const THEME_LABELS: Readonly<Record<Theme, string>> = { system: '◐ system', light: '☀ light', dark: '☾ dark' };

/** Web storage that may be missing or refuse (private modes, sandboxed frames). */
const saved = (key: string): string | null => {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
};
const save = (key: string, value: string): void => {
  try {
    localStorage.setItem(key, value);
  } catch {
    // the choice just does not survive a reload
  }
};

/** The theme `?theme=` or the saved choice asks for. */
export function initialTheme(search: string, stored: string | null): Theme {
  const asked = new URLSearchParams(search).get('theme') ?? stored;
  return THEMES.includes(asked as Theme) ? (asked as Theme) : 'system';
}

/** Applies a theme: `data-theme` on <html> (the stylesheet's light-dark() colours follow it). */
export function applyTheme(theme: Theme): void {
  if (theme === 'system') delete document.documentElement.dataset['theme'];
  else document.documentElement.dataset['theme'] = theme;
}

/** Adds the language and theme toggles and the API reference link to the page's header. */
export function startChrome(): void {
  let lang: UiLanguage = initialLanguage(location.search, saved(LANG_KEY));
  let theme = initialTheme(location.search, saved(THEME_KEY));

  const langButton = button('', { id: 'ui-language', class: 'small toggle', 'aria-label': 'Interface language / لغة الواجهة' }, () => {
    lang = lang === 'ar' ? 'en' : 'ar';
    save(LANG_KEY, lang);
    show();
  });
  const themeButton = button('', { id: 'ui-theme', class: 'small toggle', 'aria-label': 'Colour theme' }, () => {
    theme = THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length]!;
    save(THEME_KEY, theme);
    show();
  });
  const show = () => {
    applyLanguage(lang);
    applyTheme(theme);
    // Each button names the other language in that language, and the theme in use.
    langButton.textContent = lang === 'ar' ? 'English' : 'العربية';
    langButton.setAttribute('lang', lang === 'ar' ? 'en' : 'ar');
    themeButton.textContent = THEME_LABELS[theme];
    themeButton.dataset['theme'] = theme;
  };

  const top = document.querySelector('header.top');
  top?.append(
    h(
      'div',
      { class: 'chrome' },
      // Not under api/: npm start serves the demo merchant backend there.
      h('a', { href: 'reference/index.html', id: 'api-reference', 'data-i18n': '' }, 'API reference'),
      langButton,
      themeButton,
    ),
  );
  show();
  followRenders();
}
