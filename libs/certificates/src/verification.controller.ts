import { ApiProblems, Public } from '@codeshelf/core';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CertificatesService } from './certificates.service';
import { VerificationDto } from './dto/certificate.dto';

@ApiTags('certificates')
@Controller('certificates/verify')
export class VerificationController {
  constructor(private readonly certificates: CertificatesService) {}

  @Get(':code')
  @Public()
  @ApiOperation({
    summary: 'Whether a certificate is genuine: the page its QR code opens (public, rate-limited per address)',
    description:
      'A genuine certificate: `{ genuine: true, status: "valid", firstName, lastInitial, programTitle, issuedOn }` and nothing else about ' +
      'the teen. A revoked one: `{ genuine: false, status: "revoked", revokedOn }`; one whose teen was erased: `{ genuine: false, status: "erased" }` — ' +
      'no name either way. A code Codeshelf never issued is a 404 `certificate-not-genuine`.',
  })
  @ApiParam({ name: 'code', schema: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }, description: 'The code of the verification URL' })
  @ApiOkResponse({ type: VerificationDto })
  @ApiProblems(404)
  verify(@Param('code') code: string): Promise<VerificationDto> {
    return this.certificates.verify(code);
  }
}
