import { ApiProblems, Public } from '@codeshelf/core';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ConsentsService } from './consents.service';
import { AnswerConsentDto } from './dto/answer-consent.dto';
import { ConsentAnswerDto } from './dto/consent-answer.dto';
import { ConsentRequestDto } from './dto/consent-request.dto';

// randomBytes(32) in base64url: no other string is ever looked up to anything but a 404.
const CONSENT_TOKEN = { type: 'string', minLength: 43, maxLength: 43, pattern: '^[A-Za-z0-9_-]{43}$' } as const;

@ApiTags('people')
@Controller('consents')
export class ConsentsController {
  constructor(private readonly consents: ConsentsService) {}

  @Get(':token')
  @Public()
  @ApiOperation({ summary: 'What an open consent link asks for (the teen’s first name, the guardian, the deadline)' })
  @ApiParam({ name: 'token', schema: CONSENT_TOKEN, description: 'The token from the consent link; any other value is a 404' })
  @ApiOkResponse({ type: ConsentRequestDto })
  @ApiProblems(404, 410)
  describe(@Param('token') token: string): Promise<ConsentRequestDto> {
    return this.consents.describe(token);
  }

  @Post(':token')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'A guardian grants or declines consent through the one-time link they were e-mailed' })
  @ApiParam({ name: 'token', schema: CONSENT_TOKEN, description: 'The token from the consent link; any other value is a 404' })
  @ApiOkResponse({ type: ConsentAnswerDto })
  @ApiProblems(400, 404, 410)
  answer(@Param('token') token: string, @Body() dto: AnswerConsentDto): Promise<ConsentAnswerDto> {
    return this.consents.answer(token, dto);
  }
}
