import { ApiPageResponse, ApiProblems, assertValid, Page, UuidPipe } from '@codeshelf/core';
import { actorOf, CurrentPrincipal, type Principal, Roles } from '@codeshelf/identity';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { ConsentsService } from '../consents/consents.service';
import { ParticipantsPolicy } from '../participants.policy';
import { CreateParticipantDto } from './dto/create-participant.dto';
import { ListParticipantsQuery } from './dto/list-participants.query';
import { ParticipantDto } from './dto/participant.dto';
import { SetConsentDto } from './dto/set-consent.dto';
import { UpdateOwnParticipantDto, UpdateParticipantDto } from './dto/update-participant.dto';
import { ParticipantsService } from './participants.service';

@ApiTags('people')
@Controller()
export class ParticipantsController {
  constructor(
    private readonly participants: ParticipantsService,
    private readonly consents: ConsentsService,
    private readonly policy: ParticipantsPolicy,
  ) {}

  @Get('participants')
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary: 'List participants (a coordinator sees the teens of their branches), oldest first; audited as a read',
    description: 'A teen of a coordinator’s branches has their home there, or a place (enrolled, waitlisted, completed) in one of its programs.',
  })
  @ApiPageResponse(ParticipantDto)
  @ApiProblems(400)
  list(@Query() query: ListParticipantsQuery, @CurrentPrincipal() principal: Principal): Promise<Page<ParticipantDto>> {
    return this.participants.list(principal, query, actorOf(principal));
  }

  @Post('participants')
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Register a participant without a login; a minor’s guardian is e-mailed a consent link' })
  @ApiCreatedResponse({ type: ParticipantDto })
  @ApiProblems(400, 422)
  create(@Body() dto: CreateParticipantDto, @CurrentPrincipal() principal: Principal): Promise<ParticipantDto> {
    return this.participants.create(principal, dto, actorOf(principal));
  }

  @Get('me/participant')
  @Roles('participant')
  @ApiOperation({ summary: 'The signed-in teen’s own participant record' })
  @ApiOkResponse({ type: ParticipantDto })
  @ApiProblems(404)
  own(@CurrentPrincipal() principal: Principal): Promise<ParticipantDto> {
    return this.participants.getOwn(principal);
  }

  @Get('participants/:id')
  @Roles('admin', 'coordinator', 'participant')
  @ApiOperation({
    summary: 'One participant: an admin, a coordinator of their branches, or the teen themself; a staff read is audited',
    description: 'The teen’s branches: their home branch, and those of the programs they hold a place in. Any other teen, like an unknown id, is a 404.',
  })
  @ApiOkResponse({ type: ParticipantDto })
  @ApiProblems(400, 404)
  get(@Param('id', UuidPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<ParticipantDto> {
    return this.participants.get(principal, id, actorOf(principal));
  }

  @Patch('participants/:id')
  @Roles('admin', 'coordinator', 'participant')
  @ApiOperation({
    summary: 'Change a participant',
    description:
      'A teen may change only school, grade, contactEmail, mediaConsent (withdraw it, while a minor), gender and postalCode; staff of the teen’s branches ' +
      '(home branch, or a place in one of their programs) may also change names, birth date, guardian (with the language, en or es, the guardian is written to) and home branch (a coordinator moves a teen ' +
      'only from one of their branches, or from none, to another of theirs: else a 403 naming homeBranchId). Any other teen is a 404.',
  })
  @ApiExtraModels(UpdateParticipantDto, UpdateOwnParticipantDto)
  @ApiBody({
    schema: { oneOf: [{ $ref: getSchemaPath(UpdateParticipantDto) }, { $ref: getSchemaPath(UpdateOwnParticipantDto) }] },
    description: 'UpdateParticipantDto for staff, UpdateOwnParticipantDto for the teen',
  })
  @ApiOkResponse({ type: ParticipantDto })
  @ApiProblems(400, 403, 404, 422)
  async update(@Param('id', UuidPipe) id: string, @Body() body: Record<string, unknown>, @CurrentPrincipal() principal: Principal): Promise<ParticipantDto> {
    // The global pipe cannot pick the body by role: validate here, with its rules, against the caller's DTO.
    const dto = await assertValid(this.policy.updateDtoFor(principal), body);
    return this.participants.update(principal, id, dto, actorOf(principal));
  }

  @Put('participants/:id/consent')
  @Roles('admin', 'coordinator')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record a guardian’s consent, or its withdrawal, that reached the library another way (audited)',
    description: 'For an admin or a coordinator of the teen’s branches (home branch, or a place in one of their programs); any other teen is a 404.',
  })
  @ApiOkResponse({ type: ParticipantDto })
  @ApiProblems(400, 404)
  setConsent(@Param('id', UuidPipe) id: string, @Body() dto: SetConsentDto, @CurrentPrincipal() principal: Principal): Promise<ParticipantDto> {
    return this.consents.record(principal, id, dto, actorOf(principal));
  }
}
