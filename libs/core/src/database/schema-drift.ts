import type { DataSource } from 'typeorm';

// Constraints and indexes that migrations add by hand (foreign keys between features, checks,
// exclusions, expression indexes) carry snake_case names; TypeORM's own carry PK_/FK_/IDX_… hashes.
const HAND_WRITTEN = /DROP (CONSTRAINT|INDEX) "(public"\.")?[a-z][a-z0-9_]*"/;

/**
 * The SQL that would bring the database to what the entities describe, less the drops of the rules
 * that only the migrations declare. Empty when the entities and the migrations agree.
 */
export async function schemaDrift(dataSource: DataSource): Promise<{ up: string[]; down: string[] }> {
  const { upQueries, downQueries } = await dataSource.driver.createSchemaBuilder().log();
  const up = upQueries.map((q) => q.query).filter((q) => !HAND_WRITTEN.test(q));
  const down = downQueries.map((q) => q.query).filter((q) => !/ADD CONSTRAINT "[a-z][a-z0-9_]*"|CREATE (UNIQUE )?INDEX "[a-z][a-z0-9_]*"/.test(q));
  return { up, down };
}
