import { Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppEnv, envConfig } from '../config/config.module';
import { redactUrl } from './redact-url';

/** JSON logs through pino; every line of a request carries its id (see `requestIdOf`). */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [envConfig.KEY],
      useFactory: (env: AppEnv) => ({
        pinoHttp: {
          level: env.LOG_LEVEL,
          // Fastify stores the id it generated on the raw request, and pino-http reads it from there.
          customAttributeKeys: { reqId: 'requestId' },
          redact: ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers.cookie'],
          serializers: { req: (req: { url?: string }) => ({ ...req, url: redactUrl(req.url) }) },
        },
        // Health probes would flood the log: requests are logged everywhere but there.
        forRoutes: [{ path: '{/*splat}', method: RequestMethod.ALL }],
        exclude: [{ path: 'health/{*probe}', method: RequestMethod.ALL }],
      }),
    }),
  ],
})
export class LoggingModule {}
