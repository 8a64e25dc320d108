import { Module } from '@nestjs/common';
import { ConfigModule, ConfigType, registerAs } from '@nestjs/config';
import { validateEnv } from './env';

/** The validated environment, injected with `@Inject(envConfig.KEY) env: AppEnv`. */
export const envConfig = registerAs('env', () => validateEnv(process.env));
export type AppEnv = ConfigType<typeof envConfig>;

@Module({
  imports: [ConfigModule.forRoot({ isGlobal: true, cache: true, load: [envConfig] })],
})
export class AppConfigModule {}
