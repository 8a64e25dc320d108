import { ApiPageResponse, ApiProblems, type Page, UuidPipe } from '@codeshelf/core';
import { actorOf, CurrentPrincipal, type Principal, Roles } from '@codeshelf/identity';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreatedWebhookDto, CreateWebhookDto, ListDeliveriesQuery, WebhookDeliveryDto, WebhookDto } from './dto/webhook.dto';
import { WebhooksService } from './webhooks.service';

@ApiTags('partners')
@Controller('sponsors/:id/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @Roles('admin', 'sponsor')
  @ApiOperation({
    summary: 'Register a webhook endpoint for the sponsor’s events; the signing secret is in this answer only',
    description:
      'Each delivery is a POST of `{ id, event, createdAt, data }` with `Codeshelf-Event`, `Codeshelf-Delivery` (the same on retries) and ' +
      '`Codeshelf-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" with the secret>`. Any 2xx is success; anything ' +
      'else is retried with backoff. In production the URL must be https and resolve to public addresses only.',
  })
  @ApiCreatedResponse({ type: CreatedWebhookDto })
  @ApiProblems(400, 404)
  create(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Body() dto: CreateWebhookDto): Promise<CreatedWebhookDto> {
    return this.webhooks.create(principal, id, dto, actorOf(principal));
  }

  @Get()
  @Roles('admin', 'sponsor')
  @ApiOperation({ summary: 'The sponsor’s webhook endpoints (never their secrets)' })
  @ApiOkResponse({ type: [WebhookDto] })
  @ApiProblems(400, 404)
  list(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<WebhookDto[]> {
    return this.webhooks.list(principal, id);
  }

  @Delete(':webhookId')
  @Roles('admin', 'sponsor')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove an endpoint: nothing more is sent to it' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiProblems(400, 404)
  async remove(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Param('webhookId', UuidPipe) webhookId: string): Promise<void> {
    await this.webhooks.remove(principal, id, webhookId, actorOf(principal));
  }

  @Post(':webhookId/rotate-secret')
  @Roles('admin', 'sponsor')
  @ApiOperation({
    summary: 'Give the endpoint a new signing secret, in this answer only: deliveries from now on are signed with it, not the old one',
  })
  @ApiCreatedResponse({ type: CreatedWebhookDto })
  @ApiProblems(400, 404)
  rotateSecret(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Param('webhookId', UuidPipe) webhookId: string,
  ): Promise<CreatedWebhookDto> {
    return this.webhooks.rotateSecret(principal, id, webhookId, actorOf(principal));
  }

  @Get(':webhookId/deliveries')
  @Roles('admin', 'sponsor')
  @ApiOperation({ summary: 'The endpoint’s delivery log: every attempt, with the answer it got' })
  @ApiPageResponse(WebhookDeliveryDto)
  @ApiProblems(400, 404)
  deliveries(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Param('webhookId', UuidPipe) webhookId: string,
    @Query() query: ListDeliveriesQuery,
  ): Promise<Page<WebhookDeliveryDto>> {
    return this.webhooks.deliveriesOf(principal, id, webhookId, query);
  }
}
