import { ApiProblems, Public, UuidPipe } from '@codeshelf/core';
import { actorOf, CurrentPrincipal, type Principal, Roles } from '@codeshelf/identity';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClosureDto, CreateClosureDto, ListClosuresQuery } from './closure.dto';
import { ClosuresService } from './closures.service';

@ApiTags('places')
@Controller('branches/:id/closures')
export class ClosuresController {
  constructor(private readonly closures: ClosuresService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Days the branch is closed, in date order (filters from, to)' })
  @ApiOkResponse({ type: [ClosureDto] })
  @ApiProblems(400, 404)
  list(@Param('id', UuidPipe) branchId: string, @Query() query: ListClosuresQuery): Promise<ClosureDto[]> {
    return this.closures.list(branchId, query);
  }

  @Post()
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Close a branch you run on a date (audited); a date already closed is a 409' })
  @ApiCreatedResponse({ type: ClosureDto })
  @ApiProblems(400, 404, 409)
  create(@Param('id', UuidPipe) branchId: string, @Body() dto: CreateClosureDto, @CurrentPrincipal() principal: Principal): Promise<ClosureDto> {
    return this.closures.create(principal, branchId, dto, actorOf(principal));
  }

  @Delete(':closureId')
  @HttpCode(204)
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Reopen the branch on that date (audited)' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiProblems(400, 404)
  remove(
    @Param('id', UuidPipe) branchId: string,
    @Param('closureId', UuidPipe) closureId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    return this.closures.remove(principal, branchId, closureId, actorOf(principal));
  }
}
