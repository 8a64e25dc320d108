import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import type { Role } from '../../principal';
import { STAFF_ROLES } from './create-user.dto';

export class UpdateUserDto {
  @ApiPropertyOptional({ maxLength: 120 })
  @IsOptional() @IsString() @Length(1, 120)
  displayName?: string;

  @ApiPropertyOptional({ enum: STAFF_ROLES })
  @IsOptional() @IsIn(STAFF_ROLES)
  role?: Exclude<Role, 'participant'>;

  @ApiPropertyOptional({ description: 'A disabled user cannot log in, and their tokens stop working at once' })
  @IsOptional() @IsBoolean()
  disabled?: boolean;

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 100, description: 'Replaces the coordinator’s branches' })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsUUID('all', { each: true })
  branchIds?: string[];

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional() @IsUUID()
  sponsorId?: string;
}
