import { PageQueryDto, Trim } from '@codeshelf/core';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

export class ListBranchesQuery extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of the branch name, any case', maxLength: 100 })
  @Trim()
  @IsOptional() @IsString() @Length(1, 100)
  q?: string;
}
