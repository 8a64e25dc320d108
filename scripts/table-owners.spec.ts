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

const check = (sources: Record<string, string>) => {
  const root = tree(sources);
  roots.push(root);
  return violations(survey(root));
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

  it('refuses a rule written out a second time', () => {
    const copy = "export const mine = `SELECT 1 FROM enrollment WHERE status IN ('enrolled', 'completed')`;";
    expect(check({ ...owner, 'libs/enrollment/src/queries/mine.ts': copy })).toEqual([
      '"who holds a seat" is written 2 times: libs/enrollment/src/queries/mine.ts:1, libs/enrollment/src/queries/seat-holders.ts:1',
    ]);
  });
});
