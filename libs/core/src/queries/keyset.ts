import { decodeCursor, type PageQueryDto } from '../pagination/pagination';

/** SQL text and its positional parameters, as `pg` and `EntityManager.query` take them. */
export interface SqlQuery {
  text: string;
  values: unknown[];
}

/** A list read written as SQL: `where` holds conditions over `values` ($1, $2… in their order). */
export interface KeysetSource {
  select: string;
  from: string;
  where: string[];
  values: unknown[];
  /** The sort column as SQL (qualified), then the id column that breaks ties. */
  sortBy: string;
  idBy: string;
}

/**
 * The keyset page of `paginate` as SQL text, for hot reads that skip the ORM: the same order, cursor and
 * `page_sort_value`, so `pageOfRows` hands out cursors `paginate` would take and the other way round.
 */
export function keysetQuery(source: KeysetSource, { limit, cursor }: PageQueryDto): SqlQuery {
  const values = [...source.values];
  const param = (value: unknown) => `$${values.push(value)}`;
  const where = [...source.where];
  if (cursor) {
    const [value, lastId] = decodeCursor(cursor);
    where.push(`(${source.sortBy}, ${source.idBy}) > (${param(value)}, ${param(lastId)})`);
  }
  const text =
    `SELECT ${source.select}, ${source.sortBy}::text AS page_sort_value FROM ${source.from}` +
    (where.length ? ` WHERE ${where.join(' AND ')}` : '') +
    ` ORDER BY ${source.sortBy}, ${source.idBy} LIMIT ${param(limit + 1)}`;
  return { text, values };
}
