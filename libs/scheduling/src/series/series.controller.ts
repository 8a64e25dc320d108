import { ApiProblems, Idempotent, UuidPipe } from '@codeshelf/core';
import { actorOf, CurrentPrincipal, type Principal, Roles } from '@codeshelf/identity';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateSeriesDto, SeriesPreviewDto, SeriesResultDto } from './dto/create-series.dto';
import { SeriesService } from './series.service';

@ApiTags('programs')
@Controller('programs/:id/series')
export class SeriesController {
  constructor(private readonly series: SeriesService) {}

  @Post()
  @Roles('admin', 'coordinator')
  @Idempotent()
  @ApiOperation({
    summary: 'Make a program’s sessions from a weekly or daily rule',
    description: 'Expanded in the branch’s time zone: 16:00 stays 16:00 local across daylight-saving changes. Dates outside the program, closed dates and dates whose room is taken are skipped and listed.',
  })
  @ApiCreatedResponse({ type: SeriesResultDto })
  @ApiProblems(400, 404, 409, 422)
  create(@Param('id', UuidPipe) programId: string, @Body() dto: CreateSeriesDto, @CurrentPrincipal() principal: Principal): Promise<SeriesResultDto> {
    return this.series.create(principal, programId, dto, actorOf(principal));
  }

  @Post('preview')
  @HttpCode(200)
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary: 'The sessions a series would make, and the dates it would skip, without saving anything',
    description: 'Runs the same writes as creating the series and rolls them back, so closures and taken rooms are skipped exactly as the save would skip them.',
  })
  @ApiOkResponse({ type: SeriesPreviewDto })
  @ApiProblems(400, 404, 409, 422)
  preview(@Param('id', UuidPipe) programId: string, @Body() dto: CreateSeriesDto, @CurrentPrincipal() principal: Principal): Promise<SeriesPreviewDto> {
    return this.series.preview(principal, programId, dto);
  }
}
