// Languages of the app: Kazakh (Cyrillic), Russian, English. The choice is remembered in
// localStorage (the only thing the app ever keeps in browser storage).
import en from './en.json';
import ru from './ru.json';
import kk from './kk.json';

export const LOCALES = [
  { code: 'kk', name: 'Қазақша' },
  { code: 'ru', name: 'Русский' },
  { code: 'en', name: 'English' },
] as const;

export type Locale = (typeof LOCALES)[number]['code'];

export const MESSAGES: Record<Locale, Record<string, string>> = { en, ru, kk };

const KEY = 'zhusan.language';

export function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(KEY);
    if (saved && saved in MESSAGES) return saved as Locale;
  } catch {
    /* storage unavailable */
  }
  const nav = (navigator.language || 'kk').slice(0, 2);
  return (nav in MESSAGES ? nav : 'kk') as Locale;
}

export function rememberLocale(l: Locale): void {
  try {
    localStorage.setItem(KEY, l);
  } catch {
    /* storage unavailable: the choice lasts for this page */
  }
}

/**
 * Dates as people in each language write them: 02.12.2026 in Kazakh and Russian, ISO-like 2026-12-02
 * in English. Browsers' own Kazakh data gives 2026-12-02, hence the explicit locale per language.
 */
const DAY_LOCALE: Record<Locale, string> = { kk: 'ru-KZ', ru: 'ru-RU', en: 'en-CA' };

export function formatDay(locale: Locale, value: string | number | Date): string {
  const d = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00`) : new Date(value);
  return new Intl.DateTimeFormat(DAY_LOCALE[locale], { day: '2-digit', month: '2-digit', year: 'numeric' }).format(d);
}
