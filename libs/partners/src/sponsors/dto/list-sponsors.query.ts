import { PageQueryDto } from '@codeshelf/core';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length } from 'class-validator';

export class ListSponsorsQuery extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of the sponsor name, any case', maxLength: 100 })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsOptional() @IsString() @Length(1, 100)
  q?: string;
}
