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
