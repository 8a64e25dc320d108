import { PageQueryDto } from '@codeshelf/core';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsString, MaxLength } from 'class-validator';
import { WEBHOOK_EVENTS, type WebhookDeliveryEntity, type WebhookEndpointEntity, type WebhookEvent } from '../webhook.entity';

export class CreateWebhookDto {
  @ApiProperty({ format: 'uri', maxLength: 2000, example: 'https://hooks.acme.example/codeshelf' })
  @IsString() @MaxLength(2000)
  url: string;

  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true, maxItems: WEBHOOK_EVENTS.length, example: ['application.submitted'], description: '`sponsorship.report_ready`: once a month, when last month’s outcome report can be read' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(WEBHOOK_EVENTS.length) @ArrayUnique() @IsIn(WEBHOOK_EVENTS, { each: true })
  events: WebhookEvent[];
}

export class WebhookDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) sponsorId: string;
  @ApiProperty() url: string;
  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true }) events: WebhookEvent[];
  @ApiProperty() createdAt: Date;

  static from(w: WebhookEndpointEntity): WebhookDto {
    const { id, sponsorId, url, events, createdAt } = w;
    return { id, sponsorId, url, events, createdAt };
  }
}

export class CreatedWebhookDto extends WebhookDto {
  @ApiProperty({ description: 'The signing secret: shown this once. Verify each delivery’s Codeshelf-Signature with it.' }) secret: string;
}

export class WebhookDeliveryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'The same on every retry of one event (also in the Codeshelf-Delivery header)' }) messageId: string;
  @ApiProperty() event: string;
  @ApiProperty() ok: boolean;
  @ApiProperty({ type: 'integer', nullable: true }) responseStatus: number | null;
  @ApiProperty({ type: String, nullable: true }) error: string | null;
  @ApiProperty() createdAt: Date;

  static from(d: WebhookDeliveryEntity): WebhookDeliveryDto {
    const { id, messageId, event, ok, responseStatus, error, createdAt } = d;
    return { id, messageId, event, ok, responseStatus, error, createdAt };
  }
}

export class ListDeliveriesQuery extends PageQueryDto {}
