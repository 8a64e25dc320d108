import { PageQueryDto, Trim } from '@codeshelf/core';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { ROLES, type Role } from '../../principal';

export class ListUsersQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional() @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ description: 'Part of the e-mail or display name, any case', maxLength: 100 })
  @Trim()
  @IsOptional() @IsString() @Length(1, 100)
  q?: string;
}
