import { ApiProblems, ProblemError, UuidPipe } from '@codeshelf/core';
import { actorOf, CurrentPrincipal, type Principal, Roles } from '@codeshelf/identity';
import { Body, Controller, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RosterImportDto, RosterImportQuery } from './dto/roster-import.dto';
import { ROSTER_COLUMNS } from './roster-csv';
import { MAX_ROSTER_ROWS, RosterImportsService } from './roster-imports.service';

const EXAMPLE = `first_name,last_name,birth_date,school,grade,guardian_name,guardian_email,language
Ana,Diaz,2012-03-04,Lincoln Middle School,8,Rosa Diaz,rosa.diaz@example.org,es
`;

@ApiTags('enrollment')
@Controller('branches/:id/roster-imports')
export class RosterImportsController {
  constructor(private readonly imports: RosterImportsService) {}

  @Post()
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary: 'Import a partner school’s roster CSV at a branch you run, optionally enrolling the teens in one of its programs',
    description:
      `The body is the CSV (Content-Type text/csv, UTF-8, a header row, at most ${MAX_ROSTER_ROWS} rows). Columns: ${Object.keys(ROSTER_COLUMNS).join(', ')} ` +
      '(header names match whatever their case, spaces or punctuation; school is needed unless schoolId is given, grade and language may be empty; ' +
      'grade K is 0). Every row is checked first by the rules of a new teen; a row with problems makes the whole import a 422 roster-invalid that ' +
      'lists each row and column, and nothing is written, unless importGoodRows=true. A teen already known (same name and birth date, or same ' +
      'name and guardian e-mail) is never created twice: one you look after is matched, one of another branch is reported as known-elsewhere ' +
      'and left alone. Each new minor starts with consent pending and their guardian is mailed the consent link, in the row’s language. With ' +
      'programId the new and matched teens are enrolled (rule 3: a minor only once the guardian consented; capacity and waitlist as ever). ' +
      'Audited; one transaction; imports run one at a time.',
  })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: EXAMPLE } })
  @ApiCreatedResponse({ type: RosterImportDto })
  @ApiProblems(400, 403, 404, 409, 413, 415, 422)
  import(
    @Param('id', UuidPipe) branchId: string,
    @Query() query: RosterImportQuery,
    @Body() csv: unknown,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RosterImportDto> {
    if (typeof csv !== 'string') throw new ProblemError(415, 'unsupported-media-type', 'Unsupported Media Type', 'Send the roster as the body, with Content-Type: text/csv.');
    return this.imports.import(principal, branchId, query, csv, actorOf(principal));
  }
}
