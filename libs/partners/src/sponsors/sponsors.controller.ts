import { ApiPageResponse, ApiProblems, Page, UuidPipe } from '@codeshelf/core';
import { actorOf, ApiKeyAllowed, CurrentPrincipal, type Principal, Roles } from '@codeshelf/identity';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateSponsorDto } from './dto/create-sponsor.dto';
import { ListSponsorsQuery } from './dto/list-sponsors.query';
import { SponsorDto } from './dto/sponsor.dto';
import { UpdateSponsorDto } from './dto/update-sponsor.dto';
import { SponsorsPolicy } from './sponsors.policy';
import { SponsorsService } from './sponsors.service';

@ApiTags('partners')
@Controller('sponsors')
export class SponsorsController {
  constructor(
    private readonly sponsors: SponsorsService,
    private readonly policy: SponsorsPolicy,
  ) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Register a sponsoring company (admins; audited)' })
  @ApiCreatedResponse({ type: SponsorDto })
  @ApiProblems(400)
  create(@Body() dto: CreateSponsorDto, @CurrentPrincipal() principal: Principal): Promise<SponsorDto> {
    return this.sponsors.create(dto, actorOf(principal));
  }

  @Get()
  @Roles('admin', 'coordinator', 'sponsor')
  @ApiKeyAllowed()
  @ApiOperation({ summary: 'List sponsors by name; a sponsor (user or API key) sees only itself' })
  @ApiPageResponse(SponsorDto)
  @ApiProblems(400)
  list(@Query() query: ListSponsorsQuery, @CurrentPrincipal() principal: Principal): Promise<Page<SponsorDto>> {
    return this.sponsors.list(this.policy.scopeOf(principal), query);
  }

  @Get(':id')
  @Roles('admin', 'coordinator', 'sponsor')
  @ApiKeyAllowed()
  @ApiOperation({ summary: 'One sponsor; a sponsor (user or API key) reads only itself, any other is a 404' })
  @ApiOkResponse({ type: SponsorDto })
  @ApiProblems(400, 404)
  get(@Param('id', UuidPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<SponsorDto> {
    this.policy.assertCanRead(principal, id);
    return this.sponsors.get(id);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Change a sponsor’s name, website, contact or logo (admins; audited)' })
  @ApiOkResponse({ type: SponsorDto })
  @ApiProblems(400, 404)
  update(@Param('id', UuidPipe) id: string, @Body() dto: UpdateSponsorDto, @CurrentPrincipal() principal: Principal): Promise<SponsorDto> {
    return this.sponsors.update(id, dto, actorOf(principal));
  }
}
