import { IdentityModule } from '@codeshelf/identity';
import { PeopleModule } from '@codeshelf/people';
import { SchedulingModule } from '@codeshelf/scheduling';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttendanceController } from './attendance.controller';
import { AttendanceErasure } from './attendance-erasure';
import { AttendanceEntity } from './attendance.entity';
import { AttendancePolicy } from './attendance.policy';
import { CheckInAttemptEntity, CheckInSecretEntity } from './check-in-secret.entity';
import { CheckInService } from './check-in.service';
import { MentorAttendanceEntity } from './mentor-attendance.entity';
import { RatesService } from './rates.service';
import { RollCallService } from './roll-call.service';

/** Who came: roll call, self check-in with rotating codes, attendance rates and completion, mentor hours. */
@Module({
  imports: [IdentityModule, PeopleModule, SchedulingModule, TypeOrmModule.forFeature([AttendanceEntity, MentorAttendanceEntity, CheckInSecretEntity, CheckInAttemptEntity])],
  controllers: [AttendanceController],
  providers: [RollCallService, CheckInService, RatesService, AttendancePolicy, AttendanceErasure],
  exports: [RatesService],
})
export class AttendanceModule {}
