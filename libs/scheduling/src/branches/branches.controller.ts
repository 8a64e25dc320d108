import { ApiPageResponse, ApiProblems, Page, Public, UuidPipe } from '@codeshelf/core';
import { actorOf, CurrentPrincipal, type Principal, Roles } from '@codeshelf/identity';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BranchesService } from './branches.service';
import { BranchDto } from './dto/branch.dto';
import { CreateBranchDto } from './dto/create-branch.dto';
import { ListBranchesQuery } from './dto/list-branches.query';
import { UpdateBranchDto } from './dto/update-branch.dto';

@ApiTags('places')
@Controller('branches')
export class BranchesController {
  constructor(private readonly branches: BranchesService) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Open a branch (audited)' })
  @ApiCreatedResponse({ type: BranchDto })
  @ApiProblems(400)
  create(@Body() dto: CreateBranchDto, @CurrentPrincipal() principal: Principal): Promise<BranchDto> {
    return this.branches.create(dto, actorOf(principal));
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'List branches by name; public, for the catalogue teens browse' })
  @ApiPageResponse(BranchDto)
  @ApiProblems(400)
  list(@Query() query: ListBranchesQuery): Promise<Page<BranchDto>> {
    return this.branches.list(query);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'One branch; public' })
  @ApiOkResponse({ type: BranchDto })
  @ApiProblems(400, 404)
  get(@Param('id', UuidPipe) id: string): Promise<BranchDto> {
    return this.branches.get(id);
  }

  @Patch(':id')
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Change a branch: an admin, or a coordinator of that branch (audited)' })
  @ApiOkResponse({ type: BranchDto })
  @ApiProblems(400, 404)
  update(@Param('id', UuidPipe) id: string, @Body() dto: UpdateBranchDto, @CurrentPrincipal() principal: Principal): Promise<BranchDto> {
    return this.branches.update(principal, id, dto, actorOf(principal));
  }
}
