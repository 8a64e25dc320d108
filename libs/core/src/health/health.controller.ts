import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { ApiProblems } from '../http/api-problems.decorator';
import { Public } from '../http/public.decorator';
import { RateLimitedInProcess } from '../rate-limit/rate-limits.decorator';

@ApiTags('health')
@Public()
@RateLimitedInProcess()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: the database answers a ping' })
  @ApiProblems(503)
  ready() {
    return this.health.check([() => this.database.pingCheck('database', { timeout: 1_500 })]);
  }
}
