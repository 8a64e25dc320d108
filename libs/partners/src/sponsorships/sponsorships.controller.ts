import { ApiPageResponse, ApiProblems, type Page, UuidPipe } from '@codeshelf/core';
import { actorOf, ApiKeyAllowed, CurrentPrincipal, type Principal, Roles } from '@codeshelf/identity';
import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateSponsorshipDto, ListSponsorshipsQuery, SponsorshipDto } from './dto/sponsorship.dto';
import { SponsorshipsService } from './sponsorships.service';

@ApiTags('partners')
@Controller('sponsors/:id/sponsorships')
export class SponsorshipsController {
  constructor(private readonly sponsorships: SponsorshipsService) {}

  @Post()
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Record that the sponsor funds a program for a period (admin, or a coordinator of the program’s branch; audited)' })
  @ApiCreatedResponse({ type: SponsorshipDto })
  @ApiProblems(400, 403, 404, 409, 422)
  create(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Body() dto: CreateSponsorshipDto): Promise<SponsorshipDto> {
    return this.sponsorships.create(principal, id, dto, actorOf(principal));
  }

  @Get()
  @Roles('admin', 'coordinator', 'sponsor')
  @ApiKeyAllowed()
  @ApiOperation({ summary: 'The sponsor’s sponsorships, each with its program’s title, branch, dates, capacity and counts (never a roster)' })
  @ApiPageResponse(SponsorshipDto)
  @ApiProblems(400, 404)
  list(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Query() query: ListSponsorshipsQuery): Promise<Page<SponsorshipDto>> {
    return this.sponsorships.list(principal, id, query);
  }
}
