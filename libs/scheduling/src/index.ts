export * from './scheduling.module';
export * from './scheduling.errors';
export * from './branches/branch.entity';
export * from './branches/branches.service';
export * from './branches/dto/branch.dto';
export * from './branches/time-zone';
