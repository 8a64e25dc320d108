import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as admin from '../admin/messages';
import * as coordinator from '../coordinator/messages';
import * as mentor from '../mentor/messages';
import * as sponsor from '../sponsor/messages';
import { en as appEn } from './en';
import { es as appEs } from './es';

// The app's words and every console's (which load with the console's pages), as i18next holds them once loaded.
const consoles = { coordinator, mentor, sponsor, admin };
const en = { ...appEn, ...Object.fromEntries(Object.entries(consoles).map(([name, words]) => [name, words.en])) };
const es = { ...appEs, ...Object.fromEntries(Object.entries(consoles).map(([name, words]) => [name, words.es])) };

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : keys(value as object, `${prefix}${key}.`)));
}
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('translations', () => {
  const enKeys = keys(en);
  const esKeys = keys(es);

  it('Spanish has every English key and no other', () => {
    expect(esKeys.filter((key) => !enKeys.includes(key))).toEqual([]);
    expect(enKeys.filter((key) => !esKeys.includes(key))).toEqual([]);
  });

  it('no translation is empty', () => {
    const empty = (tree: object) => keys(tree).filter((key) => !key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree));
    expect([...empty(en), ...empty(es)]).toEqual([]);
  });

  it('every key the code uses exists in both languages', () => {
    const known = new Set([...enKeys, ...enKeys.map(base)].filter((key) => esKeys.includes(key) || esKeys.map(base).includes(key)));
    const used = new Set<string>();
    for (const file of sources(join(__dirname, '..'))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([^'$]+)'/g)) used.add(match[1]);
    }
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((key) => !known.has(key))).toEqual([]);
  });

  it('the keys built from API values exist for every value the API can send', () => {
    const has = (key: string) => enKeys.includes(key) && esKeys.includes(key);
    for (const level of ['beginner', 'intermediate', 'advanced']) expect(has(`levels.${level}`)).toBe(true);
    for (const status of ['submitted', 'shortlisted', 'offered', 'accepted', 'declined', 'rejected', 'withdrawn', 'completed'])
      expect(has(`applicationStatus.${status}`)).toBe(true);
    for (const rule of ['min-age', 'min-attendance-rate']) expect(has(`internships.reason.${rule}`)).toBe(true);
    for (const language of ['en', 'es']) expect(has(`languages.${language}`)).toBe(true);
  });

  it('says in words every field error code the app’s forms can get from the API', () => {
    const has = (key: string) => enKeys.includes(key) && esKeys.includes(key);
    // The rules of the bodies the forms send (SignupDto, LoginDto, AnswerConsentDto, ApplyDto) and the API's own on them.
    const codes = {
      signUp: ['isEmail', 'maxLength', 'isString', 'isLength', 'isBirthDate', 'isIn', 'isDefined', 'isNotOwnEmail'],
      signIn: ['isEmail', 'maxLength', 'isString', 'isLength'],
      consent: ['isString', 'isLength', 'isBoolean'],
      apply: ['isString', 'isLength', 'isBoolean'],
      anyBody: ['whitelistValidation', 'isText', 'isNotEmpty', 'matches'],
      // The staff consoles' bodies: programs, series, sessions, clearances, users, branches, rooms, closures, sponsors, postings, webhooks.
      staff: ['isUrl', 'isWebhookUrl', 'isInt', 'isNumberWithDecimals', 'min', 'max', 'minLength', 'isUuid', 'isIso8601', 'isIanaTimeZone', 'isArray'],
      // A roster import's problems, by row and column (the new teen's rules above, and the file's own).
      roster: ['isPartnerSchool', 'isRosterColumn', 'columnCount', 'isUniqueInRoster', 'isCsv', 'maxRows', 'isDefined', 'isNotEmpty', 'isBirthDate', 'isEmail', 'isInt', 'min', 'max', 'isIn'],
      staffRules: ['arrayMinSize', 'arrayMaxSize', 'arrayUnique', 'dateOrder', 'exists', 'isUnique', 'isRrule', 'untilOrCount', 'isMonthStart', 'isMonthEnd'],
    };
    expect(Object.values(codes).flat().filter((code) => !has(`fieldErrors.${code}`))).toEqual([]);
  });
});
