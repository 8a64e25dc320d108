import { ApiProblems, UuidPipe } from '@codeshelf/core';
import { actorOf, CurrentPrincipal, type Principal, Roles } from '@codeshelf/identity';
import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateSchoolDto, SchoolDto, UpdateSchoolDto } from './school.dto';
import { SchoolsService } from './schools.service';

@ApiTags('places')
@Controller('branches/:id/schools')
export class SchoolsController {
  constructor(private readonly schools: SchoolsService) {}

  @Get()
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'The partner schools of a branch you run, by name, with their contacts' })
  @ApiOkResponse({ type: [SchoolDto] })
  @ApiProblems(400, 403, 404)
  list(@Param('id', UuidPipe) branchId: string, @CurrentPrincipal() principal: Principal): Promise<SchoolDto[]> {
    return this.schools.list(principal, branchId);
  }

  @Post()
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Add a partner school to a branch you run (audited); names are unique per branch' })
  @ApiCreatedResponse({ type: SchoolDto })
  @ApiProblems(400, 403, 404, 409)
  create(@Param('id', UuidPipe) branchId: string, @Body() dto: CreateSchoolDto, @CurrentPrincipal() principal: Principal): Promise<SchoolDto> {
    return this.schools.create(principal, branchId, dto, actorOf(principal));
  }

  @Patch(':schoolId')
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Rename a partner school of a branch you run or change its contact (audited; null clears a contact field)' })
  @ApiOkResponse({ type: SchoolDto })
  @ApiProblems(400, 403, 404, 409)
  update(
    @Param('id', UuidPipe) branchId: string,
    @Param('schoolId', UuidPipe) schoolId: string,
    @Body() dto: UpdateSchoolDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SchoolDto> {
    return this.schools.update(principal, branchId, schoolId, dto, actorOf(principal));
  }
}
