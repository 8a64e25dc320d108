import type { Problem, Schemas } from '../api/client';

type T = (key: string, options?: Record<string, unknown>) => string;
export type RosterProblem = Schemas['RosterProblemDto'];

/** The columns of a roster, in the order the example file has them (the API's names). */
export const ROSTER_COLUMNS = ['first_name', 'last_name', 'birth_date', 'school', 'grade', 'guardian_name', 'guardian_email', 'language'] as const;

/** A roster to start from: a header row and two teens, one of them with a Spanish-speaking guardian. */
export const EXAMPLE_CSV = `${ROSTER_COLUMNS.join(',')}
Ana,Diaz,2012-03-04,Lincoln Middle School,8,Rosa Diaz,rosa.diaz@example.org,es
Sam,Lee,2011-10-21,Lincoln Middle School,9,Kim Lee,kim.lee@example.org,en
`;

/** The API's refusal of a roster (422 roster-invalid or roster-unreadable), with the problems it names by row and column. */
export interface RosterRefusal {
  code: 'roster-invalid' | 'roster-unreadable';
  /** Rows read and rows with problems (roster-invalid only). */
  rows: number;
  badRows: number;
  errors: RosterProblem[];
}

/** The roster refusal a problem+json answer is, or undefined for any other problem. */
export function rosterRefusalOf(problem: Problem | undefined): RosterRefusal | undefined {
  if (!problem || (problem.code !== 'roster-invalid' && problem.code !== 'roster-unreadable')) return undefined;
  const extra = problem as Problem & { rows?: number; badRows?: number; errors?: RosterProblem[] };
  return { code: problem.code, rows: extra.rows ?? 0, badRows: extra.badRows ?? 0, errors: extra.errors ?? [] };
}

/** The problems of each row, rows in file order and each row's problems in the order the API gave them. */
export function groupByRow(problems: readonly RosterProblem[]): { row: number; problems: RosterProblem[] }[] {
  const rows = new Map<number, RosterProblem[]>();
  for (const p of problems) rows.set(p.row, [...(rows.get(p.row) ?? []), p]);
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([row, problems]) => ({ row, problems }));
}

/**
 * A roster problem in the console's words by its code; the header's problems (row 1) and an empty file have their
 * own sentences, as "fill this in" would not say what to do. The API's English words for a code the app does not know.
 */
export function rosterProblemWords(t: T, has: (key: string) => boolean, problem: RosterProblem): string {
  if (problem.row === 1 && problem.code === 'isDefined') return t('coordinator.rosterImport.words.missingColumn', { column: problem.field });
  if (problem.field === 'csv' && problem.code === 'isNotEmpty') return t('coordinator.rosterImport.words.emptyFile');
  const key = `fieldErrors.${problem.code}`;
  return has(key) ? t(key) : problem.message;
}

const squash = (header: string) => header.toLowerCase().replace(/[^a-z]/g, '');

/**
 * The teen's name on each row of a roster, by the row number the API uses (the file's line; the header is row 1),
 * to show beside the API's answers, which carry no names. Quoted cells (with commas, quotes or line breaks) are read
 * as CSV writes them; a file without first and last name columns gives no names.
 */
export function namesByRow(csv: string): Map<number, string> {
  const records = readCsv(csv.replace(/^\uFEFF/, ''));
  const names = new Map<number, string>();
  const header = records[0]?.cells.map(squash) ?? [];
  const first = header.findIndex((h) => h === 'firstname');
  const last = header.findIndex((h) => h === 'lastname');
  if (first < 0 || last < 0) return names;
  for (const { line, cells } of records.slice(1)) {
    const name = [cells[first], cells[last]].map((c) => c?.trim() ?? '').filter(Boolean).join(' ');
    if (name) names.set(line, name);
  }
  return names;
}

/** RFC 4180 records with the line each ends on (as the API's CSV reader counts rows); blank lines are skipped. */
function readCsv(text: string): { line: number; cells: string[] }[] {
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  const endCell = () => {
    cells.push(cell);
    cell = '';
  };
  const endRecord = () => {
    endCell();
    if (cells.length > 1 || cells[0].trim() !== '') records.push({ line, cells });
    cells = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (quoted || (c !== ',' && c !== '\n' && c !== '\r')) {
      if (c === '\n') line++;
      cell += c;
    } else if (c === ',') {
      endCell();
    } else {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
    }
  }
  if (cell !== '' || cells.length) endRecord();
  return records;
}
