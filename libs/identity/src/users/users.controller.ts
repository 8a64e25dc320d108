import { ApiPageResponse, ApiProblems, Page, UuidPipe } from '@codeshelf/core';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { actorOf, CurrentPrincipal, type Principal } from '../principal';
import { Roles } from '../roles.decorator';
import { CreateUserDto } from './dto/create-user.dto';
import { ListUsersQuery } from './dto/list-users.query';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('identity')
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiOperation({ summary: 'Create a staff account: admin, coordinator (with branches), mentor or sponsor user' })
  @ApiCreatedResponse({ type: UserDto })
  @ApiProblems(400, 409, 422)
  create(@Body() dto: CreateUserDto, @CurrentPrincipal() principal: Principal): Promise<UserDto> {
    return this.users.create(dto, actorOf(principal));
  }

  @Get()
  @ApiOperation({ summary: 'List accounts, oldest first (filters role, and q: part of the e-mail or name)' })
  @ApiPageResponse(UserDto)
  @ApiProblems(400)
  list(@Query() query: ListUsersQuery): Promise<Page<UserDto>> {
    return this.users.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One account' })
  @ApiOkResponse({ type: UserDto })
  @ApiProblems(400, 404)
  get(@Param('id', UuidPipe) id: string): Promise<UserDto> {
    return this.users.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change role, branches, sponsor, name, or disable (audited)' })
  @ApiOkResponse({ type: UserDto })
  @ApiProblems(400, 404, 422)
  update(@Param('id', UuidPipe) id: string, @Body() dto: UpdateUserDto, @CurrentPrincipal() principal: Principal): Promise<UserDto> {
    return this.users.update(id, dto, actorOf(principal));
  }
}
