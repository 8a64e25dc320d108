export * from './auth/access.guard';
export * from './identity.errors';
export * from './identity.module';
export * from './principal';
export * from './roles.decorator';
export * from './users/user.entity';
export * from './users/users.service';
export * from './users/dto/create-user.dto';
