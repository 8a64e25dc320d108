import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { survey, violations } from './table-owners';

/** A tree of libraries made of these files. */
function tree(sources: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'table-owners-'));
  for (const [path, text] of Object.entries(sources)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

/** What --check says of this tree, after --write unless `written` is false. */
const check = (sources: Record<string, string>, { written = true } = {}) => {
  const root = tree(sources);
  roots.push(root);
  if (written) for (const [path, text] of survey(root).sqlFiles) writeFileSync(path, text);
  return violations(survey(root), root);
};

const owner = {
  'libs/enrollment/src/enrollment.entity.ts': `@Entity()\nexport class EnrollmentEntity {}`,
  'libs/enrollment/src/queries/seat-holders.ts': "export const seatHolders = () => `(SELECT e.id FROM enrollment e WHERE e.status IN ('enrolled', 'completed'))`;",
};

describe('table-owners', () => {
  it('passes a library that reads another owner’s table through its read model', () => {
    expect(check({ ...owner, 'libs/attendance/src/queries/rates.ts': 'const RATES = `SELECT count(*) FROM ${seatHolders()} e WHERE e.program_id = $1`;' })).toEqual([]);
  });

  it('refuses a statement that names another owner’s table', () => {
    expect(check({ ...owner, 'libs/attendance/src/queries/rates.ts': 'const RATES = `SELECT count(*) FROM enrollment e WHERE e.program_id = $1`;' })).toEqual([
      'libs/attendance/src/queries/rates.ts:1: attendance names enrollment (owned by enrollment)',
    ]);
  });

  it('knows a table named in @Entity, past comments and other decorators', () => {
    const users = { 'libs/identity/src/user.entity.ts': "@Entity('user_account')\n// why\n@Index('k', { synchronize: false })\nexport class UserEntity {}" };
    expect(check({ ...users, 'libs/people/src/queries/names.ts': 'const NAMES = `SELECT email FROM user_account WHERE id = $1`;' })).toEqual([
      'libs/people/src/queries/names.ts:1: people names user_account (owned by identity)',
    ]);
  });

  it('refuses an import of another owner’s entity, even as a type', () => {
    expect(check({ ...owner, 'libs/attendance/src/dto/rates.dto.ts': "import type { EnrollmentEntity } from '@codeshelf/enrollment';" })).toEqual([
      'libs/attendance/src/dto/rates.dto.ts: attendance names EnrollmentEntity (owned by enrollment)',
    ]);
  });

  it('refuses SQL outside the library’s queries folder', () => {
    expect(check({ ...owner, 'libs/enrollment/src/enrollments.service.ts': "const SQL = 'SELECT id FROM enrollment WHERE id = $1';" })).toEqual([
      "libs/enrollment/src/enrollments.service.ts:1: SQL outside its library's src/queries/",
    ]);
  });

  it('writes each queries file’s statements into a .sql beside it, by the name of their declaration', () => {
    const root = tree(owner);
    roots.push(root);
    const [[path, text]] = survey(root).sqlFiles;
    expect(path).toBe(join(root, 'libs/enrollment/src/queries/seat-holders.sql'));
    expect(text).toContain("-- seatHolders\n(SELECT e.id FROM enrollment e WHERE e.status IN ('enrolled', 'completed'))");
  });

  it('refuses a queries file whose .sql is missing or out of date', () => {
    expect(check(owner, { written: false })).toEqual(['libs/enrollment/src/queries/seat-holders.sql: not the SQL of its queries file (npm run lint:tables -- --write)']);
  });

  it('refuses a rule written out a second time', () => {
    const copy = "export const mine = `SELECT 1 FROM enrollment WHERE status IN ('enrolled', 'completed')`;";
    expect(check({ ...owner, 'libs/enrollment/src/queries/mine.ts': copy })).toEqual([
      '"who holds a seat" is written 2 times: libs/enrollment/src/queries/mine.ts:1, libs/enrollment/src/queries/seat-holders.ts:1',
    ]);
  });
});
