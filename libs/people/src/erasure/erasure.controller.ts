import { ApiProblems, UuidPipe } from '@codeshelf/core';
import { actorOf, CurrentPrincipal, type Principal, Roles } from '@codeshelf/identity';
import { Controller, Delete, HttpCode, Param } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErasureService } from './erasure.service';

@ApiTags('people')
@Controller()
export class ErasureController {
  constructor(private readonly erasure: ErasureService) {}

  @Delete('participants/:id')
  @Roles('admin', 'coordinator', 'participant')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Erase a participant’s personal data (rule 10): an admin, a coordinator of their branches, or the teen themself',
    description:
      'Names, contacts, guardian, school, postal code and birth date go (the birth date is kept only as the age band each of their programs reports, ' +
      'and the partner school a roster import linked only as the report group it is), ' +
      'the teen’s login is disabled and loses its e-mail, free text (application statements, attendance notes) is blanked, and copies in ' +
      'audit events and messages are replaced. In the same transaction the teen leaves every waitlist and the seats of programs not yet ended ' +
      '(on the branch’s calendar): each freed seat goes to the first in line, and places stay 1..n. Seats of ended programs, attendance and ' +
      'applications stay, so every report figure of ended programs stays the same. ' +
      'An erased participant is gone for the API: a second DELETE is a 404, as is any read.',
  })
  @ApiNoContentResponse({ description: 'Erased' })
  @ApiProblems(400, 404)
  erase(@Param('id', UuidPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.erasure.erase(principal, id, actorOf(principal));
  }
}
