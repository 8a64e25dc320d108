import { ApiProblems, Public } from '@codeshelf/core';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ConsentsService } from './consents.service';
import { AnswerConsentDto } from './dto/answer-consent.dto';
import { ConsentAnswerDto } from './dto/consent-answer.dto';
import { ConsentRequestDto } from './dto/consent-request.dto';

@ApiTags('people')
@Controller('consents')
export class ConsentsController {
  constructor(private readonly consents: ConsentsService) {}

  @Get(':token')
  @Public()
  @ApiOperation({ summary: 'What an open consent link asks for (the teen’s first name, the guardian, the deadline)' })
  @ApiParam({ name: 'token', description: 'The token from the consent link' })
  @ApiOkResponse({ type: ConsentRequestDto })
  @ApiProblems(404, 410)
  describe(@Param('token') token: string): Promise<ConsentRequestDto> {
    return this.consents.describe(token);
  }

  @Post(':token')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'A guardian grants or declines consent through the one-time link they were e-mailed' })
  @ApiParam({ name: 'token', description: 'The token from the consent link' })
  @ApiOkResponse({ type: ConsentAnswerDto })
  @ApiProblems(400, 404, 410)
  answer(@Param('token') token: string, @Body() dto: AnswerConsentDto): Promise<ConsentAnswerDto> {
    return this.consents.answer(token, dto);
  }
}
