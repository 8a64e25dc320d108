export * from './enrollment.module';
export * from './enrollment.entity';
export * from './enrollment.errors';
export * from './enrollments.service';
export * from './dto/enrollment.dto';
export * from './queries/seat-holders';
export * from './queries/places';
export * from './queries/waitlist-peaks';
