export * from './attendance.module';
export * from './attendance.entity';
export * from './mentor-attendance.entity';
export * from './rates.service';
export * from './roll-call.service';
export * from './dto/roll-call.dto';
export * from './queries/volunteer-hours';
export * from './queries/attendance-marks';
