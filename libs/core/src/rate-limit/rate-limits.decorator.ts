import { SetMetadata } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Env } from '../config/env';

/** A limit of one route beside the caller's own: `limit(env)` requests per `windowSeconds` for each tracker. */
export interface RouteRateLimit {
  /** Names the counter; with the tracker, its key. */
  name: string;
  limit: (env: Env) => number;
  windowSeconds: number;
  /** Who is counted; the client address (TRUST_PROXY decides what that is) unless given. */
  tracker?: (request: FastifyRequest) => string;
}

export const ROUTE_RATE_LIMITS = 'codeshelf:route-rate-limits';
export const COUNTED_IN_PROCESS = 'codeshelf:rate-limit-in-process';

/** Adds these limits to the route's (all counted in the same round trip as the caller's). */
export const RateLimits = (...limits: RouteRateLimit[]) => SetMetadata(ROUTE_RATE_LIMITS, limits);

/** Counts the route in this process's memory: the health probes must answer while the database does not. */
export const RateLimitedInProcess = () => SetMetadata(COUNTED_IN_PROCESS, true);
