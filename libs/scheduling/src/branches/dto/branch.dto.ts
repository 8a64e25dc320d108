import { ApiProperty } from '@nestjs/swagger';
import type { BranchEntity } from '../branch.entity';

/** A library branch, as anyone may see it. */
export class BranchDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) address: string | null;
  @ApiProperty({ example: 'America/Chicago', description: 'IANA time zone of the branch' }) timezone: string;
  @ApiProperty() createdAt: Date;

  static from(branch: BranchEntity): BranchDto {
    return { id: branch.id, name: branch.name, address: branch.address, timezone: branch.timezone, createdAt: branch.createdAt };
  }
}
