import { ApiPageResponse, ApiProblems, Page, Public, UuidPipe } from '@codeshelf/core';
import { actorOf, CurrentPrincipal, type Principal, Roles } from '@codeshelf/identity';
import { Body, Controller, Get, Header, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CalendarService } from '../calendar/calendar.service';
import { CreateProgramDto } from './dto/create-program.dto';
import { ListProgramsQuery } from './dto/list-programs.query';
import { CatalogueProgramDto, ProgramDto } from './dto/program.dto';
import { UpdateProgramDto } from './dto/update-program.dto';
import { ProgramsService } from './programs.service';

@ApiTags('programs')
@Controller('programs')
export class ProgramsController {
  constructor(
    private readonly programs: ProgramsService,
    private readonly calendar: CalendarService,
  ) {}

  @Post()
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Create a program (a draft) at a branch you run' })
  @ApiCreatedResponse({ type: ProgramDto })
  @ApiProblems(400, 422)
  create(@Body() dto: CreateProgramDto, @CurrentPrincipal() principal: Principal): Promise<ProgramDto> {
    return this.programs.create(principal, dto, actorOf(principal));
  }

  @Get()
  @Public()
  @ApiOperation({
    summary: 'The catalogue: published programs by start date (public)',
    description:
      'Staff also see the drafts and archived programs of the branches they run. Filters: branchId, status, level, age, from, to, q. ' +
      'Each program carries its next scheduled session (nextSession), so a catalogue needs no request per program to say when it meets.',
  })
  @ApiPageResponse(CatalogueProgramDto)
  @ApiProblems(400)
  list(@Query() query: ListProgramsQuery, @CurrentPrincipal() principal?: Principal): Promise<Page<CatalogueProgramDto>> {
    return this.programs.list(principal, query);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'One program: public once published; a draft only for the staff of its branch' })
  @ApiOkResponse({ type: ProgramDto })
  @ApiProblems(400, 404)
  get(@Param('id', UuidPipe) id: string, @CurrentPrincipal() principal?: Principal): Promise<ProgramDto> {
    return this.programs.get(principal, id);
  }

  @Get(':id/calendar.ics')
  @Public()
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Content-Disposition', 'inline; filename="program.ics"')
  @ApiOperation({ summary: 'The program’s sessions as an RFC 5545 calendar, with local times and a VTIMEZONE (public once published)' })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'iCalendar feed', content: { 'text/calendar': { schema: { type: 'string' } } } })
  @ApiProblems(400, 404)
  feed(@Param('id', UuidPipe) id: string, @CurrentPrincipal() principal?: Principal): Promise<string> {
    return this.calendar.programFeed(principal, id);
  }

  @Patch(':id')
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Change a draft or published program (audited); an archived one is a 409' })
  @ApiOkResponse({ type: ProgramDto })
  @ApiProblems(400, 404, 409)
  update(@Param('id', UuidPipe) id: string, @Body() dto: UpdateProgramDto, @CurrentPrincipal() principal: Principal): Promise<ProgramDto> {
    return this.programs.update(principal, id, dto, actorOf(principal));
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Publish a draft: it joins the public catalogue (audited)' })
  @ApiOkResponse({ type: ProgramDto })
  @ApiProblems(400, 404, 409)
  publish(@Param('id', UuidPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<ProgramDto> {
    return this.programs.step(principal, id, 'publish', actorOf(principal));
  }

  @Post(':id/archive')
  @HttpCode(200)
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Archive a program: it leaves the catalogue and can no longer change (audited)' })
  @ApiOkResponse({ type: ProgramDto })
  @ApiProblems(400, 404, 409)
  archive(@Param('id', UuidPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<ProgramDto> {
    return this.programs.step(principal, id, 'archive', actorOf(principal));
  }
}
