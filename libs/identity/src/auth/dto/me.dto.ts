import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Principal, type Role } from '../../principal';

export class MeDto {
  @ApiProperty({ enum: ['user', 'api-key'] }) kind: 'user' | 'api-key';
  @ApiProperty({ format: 'uuid', description: 'The user id, or the API key id' }) id: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: [String], format: 'uuid' }) branchIds: string[];
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) sponsorId: string | null;

  static from(p: Principal): MeDto {
    return { kind: p.kind, id: p.id, role: p.role, displayName: p.displayName, branchIds: p.branchIds, sponsorId: p.sponsorId };
  }
}
