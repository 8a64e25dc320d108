import { Global, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppEnv, envConfig } from '../config/config.module';
import { dataSourceOptions } from './data-source.options';
import { runMigrations } from './migrations';
import { TransactionService } from './transaction.service';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [envConfig.KEY],
      useFactory: (env: AppEnv) => ({
        ...dataSourceOptions(env),
        // In the app every feature registers its own entities through TypeOrmModule.forFeature.
        entities: [],
        autoLoadEntities: true,
        migrationsRun: env.DB_MIGRATE_ON_START,
      }),
      dataSourceFactory: async (options) => {
        // Migrations run here rather than by TypeORM, to hold the advisory lock across processes.
        const dataSource = await new DataSource({ ...options!, migrationsRun: false }).initialize();
        if (options!.migrationsRun) {
          const applied = await runMigrations(dataSource);
          if (applied.length > 0) new Logger('Database').log(`applied ${applied.length} migration(s)`);
        }
        return dataSource;
      },
    }),
  ],
  providers: [TransactionService],
  exports: [TransactionService],
})
export class DatabaseModule {}
