import { ApiProblems, Public, UuidPipe } from '@codeshelf/core';
import { actorOf, CurrentPrincipal, type Principal, Roles } from '@codeshelf/identity';
import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateRoomDto, RoomDto, UpdateRoomDto } from './room.dto';
import { RoomsService } from './rooms.service';

@ApiTags('places')
@Controller('branches/:id/rooms')
export class RoomsController {
  constructor(private readonly rooms: RoomsService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'The branch’s rooms, by name' })
  @ApiOkResponse({ type: [RoomDto] })
  @ApiProblems(400, 404)
  list(@Param('id', UuidPipe) branchId: string): Promise<RoomDto[]> {
    return this.rooms.list(branchId);
  }

  @Post()
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Add a room to a branch you run (audited); names are unique per branch' })
  @ApiCreatedResponse({ type: RoomDto })
  @ApiProblems(400, 404, 409)
  create(@Param('id', UuidPipe) branchId: string, @Body() dto: CreateRoomDto, @CurrentPrincipal() principal: Principal): Promise<RoomDto> {
    return this.rooms.create(principal, branchId, dto, actorOf(principal));
  }

  @Patch(':roomId')
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Rename a room of a branch you run or change its seats (audited)' })
  @ApiOkResponse({ type: RoomDto })
  @ApiProblems(400, 403, 404, 409)
  update(
    @Param('id', UuidPipe) branchId: string,
    @Param('roomId', UuidPipe) roomId: string,
    @Body() dto: UpdateRoomDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RoomDto> {
    return this.rooms.update(principal, branchId, roomId, dto, actorOf(principal));
  }
}
