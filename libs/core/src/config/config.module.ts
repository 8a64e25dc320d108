import { Module } from '@nestjs/common';
import { ConfigModule, ConfigType, registerAs } from '@nestjs/config';
import { validateEnv } from './env';

/** The validated environment, injected with `@Inject(envConfig.KEY) env: AppEnv`. */
export const envConfig = registerAs('env', () => validateEnv(process.env));
export type AppEnv = ConfigType<typeof envConfig>;

@Module({
  // Settings come from the environment only, the same for the API, the scripts and the tests.
  imports: [ConfigModule.forRoot({ isGlobal: true, cache: true, ignoreEnvFile: true, load: [envConfig] })],
})
export class AppConfigModule {}
