import { ApiPageResponse, ApiProblems, OutboxService, type Page, PageQueryDto, UuidPipe } from '@codeshelf/core';
import { Roles } from '@codeshelf/identity';
import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

const STATUSES = ['pending', 'sent', 'skipped', 'failed'] as const;

export class OutboxQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional() @IsIn(STATUSES)
  status?: (typeof STATUSES)[number];
}

/** An outbox message as admins see it; the consent link of an undelivered one is not shown. */
export class OutboxMessageDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'enrollment.promoted' }) topic: string;
  @ApiProperty({ enum: STATUSES }) status: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ description: 'Not delivered before this time (the next try)' }) availableAt: Date;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty({ type: Date, nullable: true }) sentAt: Date | null;
  @ApiProperty() createdAt: Date;

  /** The admin's fields of a message OutboxService answers (it has more: the payload, the claim). */
  static from(m: OutboxMessageDto): OutboxMessageDto {
    const { id, topic, status, attempts, availableAt, lastError, sentAt, createdAt } = m;
    return { id, topic, status, attempts, availableAt, lastError, sentAt, createdAt };
  }
}

@ApiTags('notifications')
@Controller('admin/outbox')
export class AdminOutboxController {
  constructor(private readonly outbox: OutboxService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Outbox messages by status (e.g. `failed`: mails that did not go out after every try), oldest first' })
  @ApiPageResponse(OutboxMessageDto)
  @ApiProblems(400)
  async list(@Query() query: OutboxQuery): Promise<Page<OutboxMessageDto>> {
    const page = await this.outbox.list(query.status, query);
    return { items: page.items.map(OutboxMessageDto.from), nextCursor: page.nextCursor };
  }

  @Post(':id/retry')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a failed message again (its tries start over)' })
  @ApiOkResponse({ type: OutboxMessageDto })
  @ApiProblems(400, 404)
  async retry(@Param('id', UuidPipe) id: string): Promise<OutboxMessageDto> {
    return OutboxMessageDto.from(await this.outbox.retry(id));
  }
}
