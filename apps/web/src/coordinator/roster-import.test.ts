import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import '../i18n';
import type { Problem } from '../api/client';
import * as words from './messages';
import { EXAMPLE_CSV, groupByRow, namesByRow, rosterProblemWords, rosterRefusalOf } from './roster-import';

i18next.addResourceBundle('en', 'translation', { coordinator: words.en }, true, true);
i18next.addResourceBundle('es', 'translation', { coordinator: words.es }, true, true);
const inLanguage = (lng: string) => [(key: string, options?: Record<string, unknown>) => i18next.t(key, { lng, ...options }), (key: string) => i18next.exists(key, { lng })] as const;

const problem = (row: number, field: string, code: string, message = `${field} is wrong`) => ({ row, field, code, message });

describe('roster import helpers', () => {
  it('groups the problems by row, rows in file order, keeping each row’s problems in the API’s order', () => {
    const grouped = groupByRow([problem(5, 'grade', 'isInt'), problem(3, 'birth_date', 'isBirthDate'), problem(5, 'guardian_email', 'isEmail')]);
    expect(grouped).toEqual([
      { row: 3, problems: [problem(3, 'birth_date', 'isBirthDate')] },
      { row: 5, problems: [problem(5, 'grade', 'isInt'), problem(5, 'guardian_email', 'isEmail')] },
    ]);
  });

  it('reads a 422 roster-invalid answer’s counts and problems, and is undefined for any other problem', () => {
    const invalid = { type: 'x', title: 'x', status: 422, instance: '/', code: 'roster-invalid', rows: 3, badRows: 1, errors: [problem(2, 'grade', 'isInt')] } as Problem;
    expect(rosterRefusalOf(invalid)).toEqual({ code: 'roster-invalid', rows: 3, badRows: 1, errors: [problem(2, 'grade', 'isInt')] });
    expect(rosterRefusalOf({ ...invalid, code: 'branch-not-yours' })).toBeUndefined();
    expect(rosterRefusalOf(undefined)).toBeUndefined();
  });

  it('names the teen of each row by the file’s line, across blank lines, quoted commas and line breaks', () => {
    const csv = '\uFEFFFirst Name,Last Name,birth_date\r\nAna,Diaz,2012-03-04\r\n\r\n"Mary, Jo","O""Neil\nSmith",2011-01-01\r\nLi,Wu,2010-05-05';
    expect([...namesByRow(csv)]).toEqual([
      [2, 'Ana Diaz'],
      [5, 'Mary, Jo O"Neil\nSmith'],
      [6, 'Li Wu'],
    ]);
    expect([...namesByRow(EXAMPLE_CSV)]).toEqual([
      [2, 'Ana Diaz'],
      [3, 'Sam Lee'],
    ]);
    expect(namesByRow('name,birth_date\nAna,2012-03-04\n').size).toBe(0);
  });

  it('says each new roster code in words in both languages, the header’s missing column by name, and unknown codes as the API wrote them', () => {
    for (const lng of ['en', 'es']) {
      const [t, has] = inLanguage(lng);
      for (const code of ['isPartnerSchool', 'isRosterColumn', 'columnCount', 'isUniqueInRoster', 'isCsv', 'maxRows']) {
        expect(rosterProblemWords(t, has, problem(2, 'x', code, 'API words'))).not.toBe('API words');
      }
    }
    const [t, has] = inLanguage('en');
    expect(rosterProblemWords(t, has, problem(1, 'guardian_email', 'isDefined'))).toMatch(/guardian_email/);
    expect(rosterProblemWords(t, has, problem(1, 'csv', 'isNotEmpty'))).toBe(t('coordinator.rosterImport.words.emptyFile'));
    expect(rosterProblemWords(t, has, problem(4, 'grade', 'isSomethingNew', 'grade is odd'))).toBe('grade is odd');
  });
});
