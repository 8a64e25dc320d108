import { flattenValidationErrors } from '@codeshelf/core';
import { CreateParticipantDto, type GuardianLanguage } from '@codeshelf/people';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CsvError, parse } from 'csv-parse/sync';

/** A problem with one cell or one row of a roster: `row` is the line in the file, the header being row 1. */
export interface RosterProblem {
  row: number;
  field: string;
  code: string;
  message: string;
}

/** A row that passed every check, as the teen it describes. */
export interface RosterTeenRow {
  row: number;
  firstName: string;
  lastName: string;
  birthDate: string;
  /** As written; matched to a partner school by `checkRoster`. */
  school: string | null;
  grade: number | null;
  guardianName: string;
  guardianEmail: string;
  guardianLanguage: GuardianLanguage;
}

/** The columns a roster has, by the name it is given in the file; headers match whatever their case, spaces or punctuation. */
export const ROSTER_COLUMNS = {
  first_name: 'firstName',
  last_name: 'lastName',
  birth_date: 'birthDate',
  school: 'school',
  grade: 'grade',
  guardian_name: 'guardianName',
  guardian_email: 'guardianEmail',
  language: 'guardianLanguage',
} as const;
type Column = keyof typeof ROSTER_COLUMNS;
const REQUIRED: Column[] = ['first_name', 'last_name', 'birth_date', 'guardian_name', 'guardian_email'];
const COLUMN_OF = new Map<string, Column>(
  (Object.keys(ROSTER_COLUMNS) as Column[]).flatMap((c) => [[squash(c), c] as [string, Column], [squash(ROSTER_COLUMNS[c]), c] as [string, Column]]),
);
const FIELD_TO_COLUMN = new Map<string, Column>((Object.keys(ROSTER_COLUMNS) as Column[]).map((c) => [ROSTER_COLUMNS[c], c]));
const LANGUAGES: Record<string, GuardianLanguage> = { en: 'en', english: 'en', inglés: 'en', ingles: 'en', es: 'es', spanish: 'es', español: 'es', espanol: 'es' };

function squash(header: string): string {
  return header.toLowerCase().replace(/[^a-z]/g, '');
}

/** A roster that cannot be read as a table at all: what is wrong, and where. */
export class UnreadableRoster extends Error {
  constructor(readonly problems: RosterProblem[]) {
    super(problems.map((p) => p.message).join('; '));
  }
}

export interface CheckedRoster {
  rows: number;
  good: RosterTeenRow[];
  problems: RosterProblem[];
}

/**
 * Reads a roster CSV and checks every row by the rules a coordinator's new teen is checked by
 * (CreateParticipantDto), each problem named by row and column. `schoolRequired` is false when the import
 * names the school for every row. Throws UnreadableRoster when the file is not a roster at all (no header,
 * a column missing or unknown, broken quoting, more than `maxRows` rows).
 */
export function checkRoster(text: string, { maxRows, schoolRequired }: { maxRows: number; schoolRequired: boolean }): CheckedRoster {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, info: true, trim: true }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError) throw new UnreadableRoster([{ row: (error as CsvError & { lines?: number }).lines ?? 1, field: 'csv', code: 'isCsv', message: `the file is not readable CSV: ${error.message}` }]);
    throw error;
  }
  if (!records.length) throw new UnreadableRoster([{ row: 1, field: 'csv', code: 'isNotEmpty', message: 'the file is empty: it needs a header row and a row per teen' }]);
  const header = records[0].record.map((h) => COLUMN_OF.get(squash(h)));
  const problems: RosterProblem[] = [];
  records[0].record.forEach((h, i) => {
    if (!header[i]) problems.push({ row: 1, field: h || `column ${i + 1}`, code: 'isRosterColumn', message: `"${h}" is not a roster column (${Object.keys(ROSTER_COLUMNS).join(', ')})` });
  });
  const missing = [...REQUIRED, ...(schoolRequired ? (['school'] as Column[]) : [])].filter((c) => !header.includes(c));
  for (const c of missing) problems.push({ row: 1, field: c, code: 'isDefined', message: `the header has no ${c} column` });
  if (problems.length) throw new UnreadableRoster(problems);
  const body = records.slice(1);
  if (body.length > maxRows) throw new UnreadableRoster([{ row: 1, field: 'csv', code: 'maxRows', message: `the file has ${body.length} rows; one import takes at most ${maxRows}` }]);

  const good: RosterTeenRow[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of body) {
    const row = info.lines;
    if (record.length !== header.length) {
      problems.push({ row, field: 'row', code: 'columnCount', message: `row ${row} has ${record.length} cells where the header has ${header.length}` });
      continue;
    }
    const cell = (c: Column) => {
      const i = header.indexOf(c);
      return i < 0 || record[i] === '' ? undefined : record[i];
    };
    const grade = cell('grade');
    const language = cell('language');
    const plain = {
      firstName: cell('first_name') ?? '',
      lastName: cell('last_name') ?? '',
      birthDate: cell('birth_date') ?? '',
      school: cell('school'),
      // "K" is kindergarten (grade 0); anything else not a whole number is left for IsInt to refuse.
      grade: grade === undefined ? undefined : /^k$/i.test(grade) ? 0 : /^\d+$/.test(grade) ? Number(grade) : grade,
      guardianName: cell('guardian_name') ?? '',
      guardianEmail: cell('guardian_email') ?? '',
      guardianLanguage: language === undefined ? undefined : (LANGUAGES[language.toLowerCase()] ?? language),
    };
    const teen = plainToInstance(CreateParticipantDto, plain);
    const errors = flattenValidationErrors(validateSync(teen));
    if (schoolRequired && !plain.school) errors.push({ field: 'school', code: 'isDefined', message: 'school should not be empty' });
    if (errors.length) {
      // One problem per cell: "seventh" is not a whole number, and saying it is also not ≥ 0 helps nobody.
      for (const e of errors.filter((e, i) => errors.findIndex((o) => o.field === e.field) === i)) {
        const column = FIELD_TO_COLUMN.get(e.field) ?? e.field;
        problems.push({ row, field: column, code: e.code, message: e.message.replace(e.field, column) });
      }
      continue;
    }
    // The same teen twice in one file would be created twice: the second row is refused, naming the first.
    const keys = [`n:${teen.firstName}|${teen.lastName}|${teen.birthDate}`, `g:${teen.firstName}|${teen.lastName}|${teen.guardianEmail}`].map((k) => k.toLowerCase());
    const first = keys.map((k) => seen.get(k)).find((r) => r !== undefined);
    if (first !== undefined) {
      problems.push({ row, field: 'row', code: 'isUniqueInRoster', message: `row ${row} is the same teen as row ${first}` });
      continue;
    }
    for (const k of keys) seen.set(k, row);
    good.push({
      row,
      firstName: teen.firstName,
      lastName: teen.lastName,
      birthDate: teen.birthDate,
      school: teen.school ?? null,
      grade: teen.grade ?? null,
      guardianName: teen.guardianName,
      guardianEmail: teen.guardianEmail,
      guardianLanguage: teen.guardianLanguage ?? 'en',
    });
  }
  return { rows: body.length, good, problems };
}
