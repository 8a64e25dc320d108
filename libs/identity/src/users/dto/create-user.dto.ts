import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import type { Role } from '../../principal';

export const STAFF_ROLES = ['admin', 'coordinator', 'mentor', 'sponsor'] as const;

export class CreateUserDto {
  @ApiProperty({ format: 'email', maxLength: 254 })
  @IsEmail() @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 12, maxLength: 256 })
  @IsString() @Length(12, 256)
  password: string;

  @ApiProperty({ enum: STAFF_ROLES, description: 'Teens sign up themselves (POST /v1/auth/signup)' })
  @IsIn(STAFF_ROLES)
  role: Exclude<Role, 'participant'>;

  @ApiProperty({ maxLength: 120 })
  @IsString() @Length(1, 120)
  displayName: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 100, description: 'Coordinators only' })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsUUID('all', { each: true })
  branchIds?: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for, and only for, sponsor users' })
  @IsOptional() @IsUUID()
  sponsorId?: string;
}
