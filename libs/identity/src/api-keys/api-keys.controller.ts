import { ApiProblems, UuidPipe } from '@codeshelf/core';
import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { actorOf, CurrentPrincipal, type Principal } from '../principal';
import { Roles } from '../roles.decorator';
import { ApiKeysPolicy } from './api-keys.policy';
import { ApiKeysService } from './api-keys.service';
import { ApiKeyDto, CreatedApiKeyDto, CreateApiKeyDto } from './dto/api-key.dto';

@ApiTags('partners')
@Roles('admin', 'sponsor')
@Controller('sponsors/:sponsorId/api-keys')
export class ApiKeysController {
  constructor(
    private readonly keys: ApiKeysService,
    private readonly policy: ApiKeysPolicy,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create an API key for a sponsor’s machines; the key is in this answer only' })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  @ApiProblems(400, 404)
  create(
    @Param('sponsorId', UuidPipe) sponsorId: string,
    @Body() dto: CreateApiKeyDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CreatedApiKeyDto> {
    this.policy.assertCanManage(principal, sponsorId);
    return this.keys.create(sponsorId, dto.name, actorOf(principal));
  }

  @Get()
  @ApiOperation({ summary: 'The sponsor’s keys (never the keys themselves)' })
  @ApiOkResponse({ type: [ApiKeyDto] })
  @ApiProblems(400, 404)
  list(@Param('sponsorId', UuidPipe) sponsorId: string, @CurrentPrincipal() principal: Principal): Promise<ApiKeyDto[]> {
    this.policy.assertCanManage(principal, sponsorId);
    return this.keys.list(sponsorId);
  }

  @Post(':keyId/rotate')
  @ApiOperation({
    summary: 'Replace a key by a new one of the same name, in one step: the old key stops at once; the new key is in this answer only',
  })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  @ApiProblems(400, 404)
  rotate(
    @Param('sponsorId', UuidPipe) sponsorId: string,
    @Param('keyId', UuidPipe) keyId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CreatedApiKeyDto> {
    this.policy.assertCanManage(principal, sponsorId);
    return this.keys.rotate(sponsorId, keyId, actorOf(principal));
  }

  @Delete(':keyId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a key at once' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiProblems(400, 404)
  revoke(
    @Param('sponsorId', UuidPipe) sponsorId: string,
    @Param('keyId', UuidPipe) keyId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    this.policy.assertCanManage(principal, sponsorId);
    return this.keys.revoke(sponsorId, keyId, actorOf(principal));
  }
}
