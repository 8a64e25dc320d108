import { escapeLike, keysetQuery, type SqlQuery } from '@codeshelf/core';
import type { EntityManager } from 'typeorm';
import type { ProgramScope } from '../scheduling.policy';
import type { ListProgramsQuery } from '../programs/dto/list-programs.query';
import type { ProgramEntity } from '../programs/program.entity';

/**
 * The catalogue and a program's visibility as SQL text, read without entity hydration (the hot public reads;
 * bench/README.md measured TypeORM as the biggest cost only the API paid there). Columns come back under the
 * entity's property names and types, so `ProgramDto.from` maps a row as it maps an entity. The benchmark's
 * baseline imports these, so it runs exactly the API's statements.
 */
const PROGRAM_COLUMNS = `p.id, p.branch_id AS "branchId", p.title, p.description, p.level, p.min_age AS "minAge", p.max_age AS "maxAge",
  p.capacity, p.starts_on::text AS "startsOn", p.ends_on::text AS "endsOn", p.enrollment_opens_at AS "enrollmentOpensAt",
  p.enrollment_closes_at AS "enrollmentClosesAt", p.waitlist_enabled AS "waitlistEnabled",
  p.completion_threshold::float8 AS "completionThreshold", p.status, p.enrolled_count AS "enrolledCount",
  p.waitlisted_count AS "waitlistedCount", p.published_at AS "publishedAt", p.created_at AS "createdAt", p.updated_at AS "updatedAt"`;

// A card shows when the club meets from its next session; one lateral index probe per row, same statement.
const NEXT_SESSION = `LEFT JOIN LATERAL (
  SELECT ns.starts_at, ns.ends_at FROM session ns
   WHERE ns.program_id = p.id AND ns.status = 'scheduled' AND ns.ends_at > now()
   ORDER BY ns.starts_at LIMIT 1) upcoming ON true`;

export type ProgramRow = ProgramEntity & { nextSessionStartsAt: Date | null; nextSessionEndsAt: Date | null; page_sort_value: string };

/** Published programs, plus any status at the branches the scope names; with the list's filters and each one's next session, by start date. */
export function catalogueQuery(scope: ProgramScope, query: ListProgramsQuery): SqlQuery {
  const values: unknown[] = [];
  const param = (value: unknown) => `$${values.push(value)}`;
  const where: string[] = [];
  if (!scope.all) where.push(scope.anyStatusAt.length ? `(p.status = 'published' OR p.branch_id = ANY(${param(scope.anyStatusAt)}::uuid[]))` : `p.status = 'published'`);
  if (query.branchId) where.push(`p.branch_id = ${param(query.branchId)}`);
  if (query.status) where.push(`p.status = ${param(query.status)}`);
  if (query.level) where.push(`p.level = ${param(query.level)}`);
  if (query.age !== undefined) where.push(`${param(query.age)}::int BETWEEN p.min_age AND p.max_age`);
  if (query.from) where.push(`p.ends_on >= ${param(query.from)}::date`);
  if (query.to) where.push(`p.starts_on <= ${param(query.to)}::date`);
  if (query.q) where.push(`p.title ILIKE ${param(`%${escapeLike(query.q)}%`)}`);
  return keysetQuery(
    {
      select: `${PROGRAM_COLUMNS}, upcoming.starts_at AS "nextSessionStartsAt", upcoming.ends_at AS "nextSessionEndsAt"`,
      from: `program p ${NEXT_SESSION}`,
      where,
      values,
      sortBy: 'p.starts_on',
      idBy: 'p.id',
    },
    query,
  );
}

/** The catalogue's rows of a page (and one more, for the cursor). */
export function catalogue(db: EntityManager, scope: ProgramScope, query: ListProgramsQuery): Promise<ProgramRow[]> {
  const { text, values } = catalogueQuery(scope, query);
  return db.query(text, values);
}

/** What deciding who may see a program needs of it (`SchedulingPolicy.assertCanReadProgram`). */
export type ProgramVisibility = Pick<ProgramEntity, 'id' | 'status' | 'branchId'>;
export const PROGRAM_VISIBILITY = `SELECT id, status, branch_id AS "branchId" FROM program WHERE id = $1`;

export async function programVisibility(db: EntityManager, programId: string): Promise<ProgramVisibility | undefined> {
  const [row] = await db.query<ProgramVisibility[]>(PROGRAM_VISIBILITY, [programId]);
  return row;
}
