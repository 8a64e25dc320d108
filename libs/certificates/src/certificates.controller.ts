import { ApiProblems, UuidPipe } from '@codeshelf/core';
import { actorOf, CurrentPrincipal, type Principal, Roles } from '@codeshelf/identity';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CertificatesService } from './certificates.service';
import { CertificateDto, CertificateListDto, CertificatePdfQuery, IssueResultDto, RevokeCertificateDto } from './dto/certificate.dto';

@ApiTags('certificates')
@Controller()
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @Post('programs/:id/certificates')
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary: 'Issue certificates of completion for the whole program (staff of its branch)',
    description:
      'Once the program has ended (else 409 `program-not-ended`), every teen who completed it (rule 7: attendance rate ≥ the program’s ' +
      'threshold) and has no certificate in it yet gets one, in one transaction, audited. Calling it again issues none (`issued: 0`); a ' +
      'revoked certificate is not issued again. Answers the counts and the certificates issued by this call.',
  })
  @ApiCreatedResponse({ type: IssueResultDto })
  @ApiProblems(400, 404, 409)
  issue(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) programId: string): Promise<IssueResultDto> {
    return this.certificates.issue(principal, programId, actorOf(principal));
  }

  @Get('programs/:id/certificates')
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'The program’s certificates, revoked ones included, with the teens’ names (staff of its branch; audited)' })
  @ApiOkResponse({ type: CertificateListDto })
  @ApiProblems(400, 404)
  ofProgram(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) programId: string): Promise<CertificateListDto> {
    return this.certificates.ofProgram(principal, programId, actorOf(principal));
  }

  @Post('certificates/:id/revoke')
  @Roles('admin', 'coordinator')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Revoke a certificate, with a reason (staff of its program’s branch; audited)',
    description: 'Its verification page then says revoked, without a name, and its PDF is no longer made. A second revoke is a 409 `certificate-revoked`.',
  })
  @ApiOkResponse({ type: CertificateDto })
  @ApiProblems(400, 404, 409)
  revoke(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Body() dto: RevokeCertificateDto): Promise<CertificateDto> {
    return this.certificates.revoke(principal, id, dto, actorOf(principal));
  }

  @Get('certificates/:id/pdf')
  @Roles('admin', 'coordinator', 'participant')
  @ApiOperation({
    summary: 'The certificate as a PDF: for its teen, and the staff of its program’s branch (audited)',
    description:
      'A one-page PDF with the teen’s name, the program, branch and dates, the hours attended, the library’s and the sponsors’ names, ' +
      'and a QR code of its public verification URL. Anyone else’s certificate is a 404; a revoked one a 409 `certificate-revoked`; ' +
      'one of an erased teen a 410 `certificate-erased`.',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF, with a Content-Disposition filename', content: { 'application/pdf': { schema: { type: 'string', format: 'binary', maxLength: 2_000_000 } } } })
  @ApiProblems(400, 404, 409, 410)
  async pdf(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Query() query: CertificatePdfQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { pdf, filename } = await this.certificates.pdf(principal, id, query.language ?? 'en', actorOf(principal));
    reply.header('Content-Type', 'application/pdf').header('Content-Disposition', `attachment; filename="${filename}"`).header('Cache-Control', 'private, no-store');
    return pdf;
  }

  @Get('me/certificates')
  @Roles('participant')
  @ApiOperation({ summary: 'The signed-in teen’s certificates of completion, newest first' })
  @ApiOkResponse({ type: CertificateListDto })
  mine(@CurrentPrincipal() principal: Principal): Promise<CertificateListDto> {
    return this.certificates.mine(principal);
  }
}
