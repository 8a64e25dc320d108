import type { AppEnv } from '@codeshelf/core';
import { envConfig, TransactionService } from '@codeshelf/core';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
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
    await this.transactions.run((manager) => this.accounts.createAccount(manager, { email, password, role: 'admin', displayName: 'Administrator' }));
    new Logger('Identity').log(`created the first admin ${email}`);
  }
}
