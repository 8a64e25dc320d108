export * from './attendance.module';
export * from './attendance.entity';
export * from './mentor-attendance.entity';
export * from './rates.service';
