import { ApiPageResponse, ApiProblems, type Page, UuidPipe } from '@codeshelf/core';
import { actorOf, ApiKeyAllowed, CurrentPrincipal, type Principal, Roles } from '@codeshelf/identity';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateInternshipDto, InternshipDto, ListInternshipsQuery, UpdateInternshipDto } from './dto/internship.dto';
import { InternshipsService } from './internships.service';

@ApiTags('partners')
@Controller('internships')
export class InternshipsController {
  constructor(private readonly internships: InternshipsService) {}

  @Post()
  @Roles('admin', 'coordinator', 'sponsor')
  @ApiOperation({ summary: 'Post an internship (a draft): a sponsor user for its own company, staff naming `sponsorId` (audited)' })
  @ApiCreatedResponse({ type: InternshipDto })
  @ApiProblems(400, 404)
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateInternshipDto): Promise<InternshipDto> {
    return this.internships.create(principal, dto, actorOf(principal));
  }

  @Get()
  @Roles('admin', 'coordinator', 'sponsor', 'participant')
  @ApiKeyAllowed()
  @ApiOperation({ summary: 'Internships: staff see all, a sponsor its own, a teen the open ones, each with `eligibility` (and the reasons when not)' })
  @ApiPageResponse(InternshipDto)
  @ApiProblems(400)
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListInternshipsQuery): Promise<Page<InternshipDto>> {
    return this.internships.list(principal, query);
  }

  @Get(':id')
  @Roles('admin', 'coordinator', 'sponsor', 'participant')
  @ApiKeyAllowed()
  @ApiOperation({ summary: 'One internship (another sponsor’s, or one not open to a teen, is a 404)' })
  @ApiOkResponse({ type: InternshipDto })
  @ApiProblems(400, 404)
  get(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<InternshipDto> {
    return this.internships.get(principal, id);
  }

  @Patch(':id')
  @Roles('admin', 'coordinator', 'sponsor')
  @ApiOperation({ summary: 'Change a draft or open internship (its sponsor or staff; audited); slots never below the offers made' })
  @ApiOkResponse({ type: InternshipDto })
  @ApiProblems(400, 404, 409)
  update(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Body() dto: UpdateInternshipDto): Promise<InternshipDto> {
    return this.internships.update(principal, id, dto, actorOf(principal));
  }

  @Post(':id/open')
  @Roles('admin', 'coordinator', 'sponsor')
  @HttpCode(200)
  @ApiOperation({ summary: 'draft → open: teens see it and may apply between opensAt and closesAt' })
  @ApiOkResponse({ type: InternshipDto })
  @ApiProblems(400, 404, 409)
  open(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<InternshipDto> {
    return this.internships.step(principal, id, 'open', actorOf(principal));
  }

  @Post(':id/close')
  @Roles('admin', 'coordinator', 'sponsor')
  @HttpCode(200)
  @ApiOperation({ summary: 'draft or open → closed: no more applications' })
  @ApiOkResponse({ type: InternshipDto })
  @ApiProblems(400, 404, 409)
  close(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<InternshipDto> {
    return this.internships.step(principal, id, 'close', actorOf(principal));
  }
}
