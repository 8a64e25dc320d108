import { ApiProblems, Public } from '@codeshelf/core';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ConsentsService } from './consents.service';
import { AnswerConsentDto } from './dto/answer-consent.dto';
import { ConsentAnswerDto } from './dto/consent-answer.dto';

@ApiTags('people')
@Controller('consents')
export class ConsentsController {
  constructor(private readonly consents: ConsentsService) {}

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
