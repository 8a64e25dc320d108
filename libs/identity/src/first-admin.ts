import type { AppEnv } from '@codeshelf/core';
import { envConfig, TransactionService } from '@codeshelf/core';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { EmailTakenError } from './identity.errors';
import { lockFirstAdmin } from './queries/first-admin';
import { UserEntity } from './users/user.entity';
import { UsersService } from './users/users.service';

/** ADMIN_EMAIL and ADMIN_PASSWORD make the first admin on a start that finds none. */
@Injectable()
export class FirstAdmin implements OnApplicationBootstrap {
  constructor(
    @Inject(envConfig.KEY) private readonly env: AppEnv,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly accounts: UsersService,
    private readonly transactions: TransactionService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { ADMIN_EMAIL: email, ADMIN_PASSWORD: password } = this.env;
    if (!email || !password || (await this.users.existsBy({ role: 'admin' }))) return;
    const created = await this.transactions.run(async (manager) => {
      // Several processes starting at once: one makes the admin, the others find it.
      await lockFirstAdmin(manager);
      if (await manager.getRepository(UserEntity).existsBy({ role: 'admin' })) return false;
      await this.accounts.createAccount(manager, { email, password, role: 'admin', displayName: 'Administrator' });
      return true;
    }).catch((error: unknown) => {
      if (!(error instanceof EmailTakenError)) throw error;
      new Logger('Identity').warn(`ADMIN_EMAIL ${email} belongs to an account that is not an admin: no first admin made`);
      return false;
    });
    if (created) new Logger('Identity').log(`created the first admin ${email}`);
  }
}
