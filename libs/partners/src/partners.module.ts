import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SponsorEntity } from './sponsors/sponsor.entity';
import { SponsorsController } from './sponsors/sponsors.controller';
import { SponsorsPolicy } from './sponsors/sponsors.policy';
import { SponsorsService } from './sponsors/sponsors.service';

/** The companies behind the clubs: sponsors (sponsorships and internships come later). */
@Module({
  imports: [TypeOrmModule.forFeature([SponsorEntity])],
  controllers: [SponsorsController],
  providers: [SponsorsService, SponsorsPolicy],
  exports: [SponsorsService],
})
export class PartnersModule {}
