import { AttendanceModule } from '@codeshelf/attendance';
import { PeopleModule } from '@codeshelf/people';
import { SchedulingModule } from '@codeshelf/scheduling';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CertificateEntity } from './certificate.entity';
import { CertificatesService } from './certificates.service';

/** Certificates of completion: issuing, revoking, the PDF and public verification. No routes (CertificatesHttpModule's). */
@Module({
  imports: [PeopleModule, SchedulingModule, AttendanceModule, TypeOrmModule.forFeature([CertificateEntity])],
  providers: [CertificatesService],
  exports: [CertificatesService],
})
export class CertificatesModule {}
