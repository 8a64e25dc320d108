import { SchedulerModule } from '@codeshelf/core';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EnrollmentEntity } from '../enrollment.entity';
import { OfferExpiry } from './offer-expiry';
import { SeatPassing } from './seat-passing';

/**
 * Where freed seats go, and the job that passes on offers nobody took in time. No routes and no module that
 * has any, so the worker loads it (EnrollmentModule, with the routes, builds on it).
 */
@Module({
  imports: [SchedulerModule, TypeOrmModule.forFeature([EnrollmentEntity])],
  providers: [SeatPassing, OfferExpiry],
  exports: [SeatPassing],
})
export class EnrollmentSeatsModule {}
