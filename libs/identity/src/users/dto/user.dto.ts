import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '../../principal';
import type { UserEntity } from '../user.entity';

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'email' }) email: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty() displayName: string;
  @ApiProperty() disabled: boolean;
  @ApiProperty({ type: [String], format: 'uuid', description: 'Branches a coordinator is assigned to' }) branchIds: string[];
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) sponsorId: string | null;
  @ApiProperty() createdAt: Date;

  static from(user: UserEntity, branchIds: string[]): UserDto {
    return {
      id: user.id,
      email: user.email,
      role: user.role,
      displayName: user.displayName,
      disabled: user.disabled,
      branchIds,
      sponsorId: user.sponsorId,
      createdAt: user.createdAt,
    };
  }
}
