import { Trim } from '@codeshelf/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import type { RoomEntity } from './room.entity';

export class CreateRoomDto {
  @ApiProperty({ minLength: 1, maxLength: 120, example: 'Maker Lab' })
  @Trim()
  @IsString() @Length(1, 120)
  name: string;

  @ApiProperty({ minimum: 1, maximum: 1000, example: 24 })
  @IsInt() @Min(1) @Max(1000)
  seats: number;
}

/** Only the fields sent change. */
export class UpdateRoomDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 120, example: 'Maker Lab' })
  @Trim()
  @IsOptional() @IsString() @Length(1, 120)
  name?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, example: 30 })
  @IsOptional() @IsInt() @Min(1) @Max(1000)
  seats?: number;
}

export class RoomDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) branchId: string;
  @ApiProperty() name: string;
  @ApiProperty() seats: number;

  static from(r: RoomEntity): RoomDto {
    return { id: r.id, branchId: r.branchId, name: r.name, seats: r.seats };
  }
}
