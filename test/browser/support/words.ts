import * as admin from '../../../apps/web/src/admin/messages';
import * as coordinator from '../../../apps/web/src/coordinator/messages';
import { en } from '../../../apps/web/src/i18n/en';
import { es } from '../../../apps/web/src/i18n/es';
import * as mentor from '../../../apps/web/src/mentor/messages';
import * as sponsor from '../../../apps/web/src/sponsor/messages';

export type Language = 'en' | 'es';
type Tree = { [key: string]: string | Tree };
// The app's words and each console's (which load with the console's pages).
const consoles = { coordinator, mentor, sponsor, admin };
const withConsoles = (language: Language, app: Tree): Tree => ({ ...app, ...Object.fromEntries(Object.entries(consoles).map(([name, words]) => [name, words[language]])) });
const TRANSLATIONS: Record<Language, Tree> = { en: withConsoles('en', en), es: withConsoles('es', es) };

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function leaf(language: Language, key: string): string {
  const found = key.split('.').reduce<string | Tree | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), TRANSLATIONS[language]);
  if (typeof found !== 'string') throw new Error(`the web app has no ${language} text for ${key}`);
  return found;
}

/**
 * What a person reads in the app for a translation key, as a pattern to find it by (role name, label, text):
 * the app's own en/es texts, so the tests follow its wording, with `{{name}}` filled from `values` (any value not
 * given matches whatever the page shows) and i18next's plural forms chosen by `count`.
 */
export function reads(language: Language) {
  return (key: string, values: Record<string, string | number> = {}, { exact = false } = {}): RegExp => {
    const plural = values.count === undefined ? undefined : `${key}_${new Intl.PluralRules(language).select(Number(values.count))}`;
    let text: string;
    try {
      text = leaf(language, plural ?? key);
    } catch (error) {
      if (!plural) throw error;
      text = leaf(language, key);
    }
    const pattern = text
      .split(/(\{\{\w+\}\})/)
      .map((part) => {
        const name = /^\{\{(\w+)\}\}$/.exec(part)?.[1];
        if (!name) return escape(part);
        return name in values ? escape(String(values[name])) : '.+?';
      })
      .join('');
    return new RegExp(exact ? `^${pattern}$` : pattern);
  };
}
