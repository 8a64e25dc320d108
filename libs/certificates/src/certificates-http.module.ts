import { Module } from '@nestjs/common';
import { CertificatesController } from './certificates.controller';
import { CertificatesModule } from './certificates.module';
import { VerificationController } from './verification.controller';

/** The certificates' routes, for the API only. */
@Module({
  imports: [CertificatesModule],
  controllers: [CertificatesController, VerificationController],
})
export class CertificatesHttpModule {}
