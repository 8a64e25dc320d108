import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import type { ApiKeyEntity } from '../api-key.entity';

export class CreateApiKeyDto {
  @ApiProperty({ maxLength: 100, example: 'reporting dashboard' })
  @IsString() @Length(1, 100)
  name: string;
}

export class ApiKeyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) sponsorId: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Public part of the key, to tell keys apart' }) prefix: string;
  @ApiProperty() createdAt: Date;
  @ApiPropertyOptional({ type: Date, nullable: true }) lastUsedAt: Date | null;
  @ApiPropertyOptional({ type: Date, nullable: true }) revokedAt: Date | null;

  static from(k: ApiKeyEntity): ApiKeyDto {
    return { id: k.id, sponsorId: k.sponsorId, name: k.name, prefix: k.prefix, createdAt: k.createdAt, lastUsedAt: k.lastUsedAt, revokedAt: k.revokedAt };
  }
}

export class CreatedApiKeyDto extends ApiKeyDto {
  @ApiProperty({ description: 'The key itself, shown this once: send it as X-API-Key' })
  key: string;
}
