import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { es } from './es';

export const languages = ['en', 'es'] as const;
export type Language = (typeof languages)[number];
const storageKey = 'codeshelf.language';

/** The remembered choice (not a secret), else the browser's first language we speak, else English. */
export function initialLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(storageKey);
  if (stored === 'en' || stored === 'es') return stored;
  for (const tag of globalThis.navigator?.languages ?? [globalThis.navigator?.language ?? 'en']) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'en' || base === 'es') return base;
  }
  return 'en';
}

export function rememberLanguage(language: Language) {
  globalThis.localStorage?.setItem(storageKey, language);
  void i18next.changeLanguage(language);
}

export const resources = { en: { translation: en }, es: { translation: es } };

void i18next.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

i18next.on('languageChanged', (lng) => {
  if (globalThis.document) document.documentElement.lang = lng;
});
if (globalThis.document) document.documentElement.lang = i18next.language;

export const i18n = i18next;

/**
 * Adds a staff console's words under its key prefix (`coordinator.…`): they load with the console's pages, so the
 * catalogue's first load does not carry them.
 */
export function addWords(prefix: string, words: { en: object; es: object }): void {
  i18next.addResourceBundle('en', 'translation', { [prefix]: words.en }, true, true);
  i18next.addResourceBundle('es', 'translation', { [prefix]: words.es }, true, true);
}
