import { applyDecorators, Type as ClassType } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, isUUID, Max, MaxLength, Min } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ValidationFailedError } from '../errors/problem';

export const MAX_PAGE_SIZE = 200;

/** `limit` and `cursor` of every list; extend it with the list's own filters. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE_SIZE)
  limit: number = 50;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page', maxLength: 512 })
  @IsOptional() @IsString() @MaxLength(512)
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

type SortValue = string | number | Date;

export function encodeCursor(value: SortValue, id: string): string {
  return Buffer.from(JSON.stringify([value instanceof Date ? value.toISOString() : value, id])).toString('base64url');
}

export function decodeCursor(cursor: string): [string | number, string] {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(decoded) && decoded.length === 2 && ['string', 'number'].includes(typeof decoded[0]) && typeof decoded[1] === 'string' && isUUID(decoded[1])) {
      return decoded as [string | number, string];
    }
  } catch {
    // fall through to the validation error
  }
  throw new ValidationFailedError([{ field: 'cursor', code: 'isCursor', message: 'cursor is not a cursor this API handed out' }]);
}

/**
 * Keyset pagination: orders by `sortProperty` then the id, and continues strictly after the cursor, so a
 * page never skips or repeats a row while others are inserted. The cursor keeps the sort value as
 * PostgreSQL prints it: a timestamp keeps its microseconds, which a JavaScript Date would lose.
 */
export async function paginate<E extends ObjectLiteral & { id: string }>(
  qb: SelectQueryBuilder<E>,
  { limit, cursor }: PageQueryDto,
  sortProperty: keyof E & string = 'id',
): Promise<Page<E>> {
  const column = (property: string) => `"${qb.alias}"."${qb.expressionMap.mainAlias!.metadata.findColumnWithPropertyPath(property)!.databaseName}"`;
  const id = column('id');
  const sortBy = column(sortProperty);
  if (cursor) {
    const [value, lastId] = decodeCursor(cursor);
    qb.andWhere(sortBy === id ? `${id} > :lastId` : `(${sortBy}, ${id}) > (:value, :lastId)`, { value, lastId });
  }
  const { entities, raw } = await qb
    .addSelect(`${sortBy}::text`, 'page_sort_value')
    .orderBy(sortBy, 'ASC')
    .addOrderBy(id, 'ASC')
    .limit(limit + 1)
    .getRawAndEntities();
  const rows = entities.map((entity, i) => ({ entity, id: entity.id, page_sort_value: (raw[i] as { page_sort_value: string }).page_sort_value }));
  return pageOfRows(rows, limit, (row) => row.entity);
}

/** The page of rows a `keysetQuery` read, mapped to what the API answers. */
export function pageOfRows<R extends { id: string; page_sort_value: string }, T>(rows: R[], limit: number, map: (row: R) => T): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items: items.map(map), nextCursor: rows.length > limit && last ? encodeCursor(last.page_sort_value, last.id) : null };
}

/** Documents a `{ items, nextCursor }` answer of `model` items. */
export function ApiPageResponse(model: ClassType<unknown>, description = 'One page of results') {
  return applyDecorators(
    ApiExtraModels(model),
    ApiOkResponse({
      description,
      schema: {
        type: 'object',
        required: ['items', 'nextCursor'],
        properties: {
          items: { type: 'array', items: { $ref: getSchemaPath(model) } },
          nextCursor: { type: 'string', nullable: true, description: 'Pass as `cursor` for the next page; null on the last' },
        },
      },
    }),
  );
}
