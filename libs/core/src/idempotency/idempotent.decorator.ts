import { applyDecorators, CallHandler, ExecutionContext, Injectable, NestInterceptor, UseInterceptors } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { Reflector } from '@nestjs/core';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, lastValueFrom, Observable } from 'rxjs';
import { ValidationFailedError } from '../errors/problem';
import { type HeldClaim, heldClaims, IDEMPOTENCY_LEASE_SECONDS, IDEMPOTENCY_TTL_HOURS, IdempotencyService, requestFingerprint } from './idempotency.service';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_SHAPE = /^[\x21-\x7e]{1,255}$/;

/**
 * Honours `Idempotency-Key` on a POST: the first request with a key runs; a replay of it gets the stored
 * answer (with `Idempotent-Replayed: true`); the key with another body is a 422; a duplicate while the first
 * still runs is a 409 with Retry-After. A request that fails releases its key. The handler runs with the claim
 * in context: a service that calls `IdempotencyService.complete` stores the answer in its own transaction;
 * for one that does not, the answer is stored here, after the handler.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly keys: IdempotencyService,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: { kind: string; id: string } }>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const header = request.headers[IDEMPOTENCY_HEADER];
    if (header === undefined || !request.user) return next.handle();
    const key = Array.isArray(header) ? header[0] : header;
    if (!KEY_SHAPE.test(key)) {
      throw new ValidationFailedError([{ field: 'Idempotency-Key', code: 'isIdempotencyKey', message: 'Idempotency-Key must be 1 to 255 visible ASCII characters' }]);
    }
    const scope = `${request.user.kind}:${request.user.id}`;
    const status = this.reflector.get<number>(HTTP_CODE_METADATA, context.getHandler()) ?? (request.method === 'POST' ? 201 : 200);
    // No body and `{}` are the same request.
    return from(this.run(scope, key, requestFingerprint(request.method, request.url.split('?')[0], request.body ?? {}), status, reply, next));
  }

  private async run(scope: string, key: string, fingerprint: string, status: number, reply: FastifyReply, next: CallHandler): Promise<unknown> {
    const claim = await this.keys.claim(scope, key, fingerprint);
    if (claim.kind === 'replay') {
      reply.header('Idempotent-Replayed', 'true');
      return claim.body;
    }
    const held: HeldClaim = { scope, key, token: claim.token, status };
    try {
      const body = await heldClaims.run(held, () => lastValueFrom(next.handle(), { defaultValue: undefined }));
      await this.keys.finish(held, body);
      return body;
    } catch (error) {
      await this.keys.release(held);
      throw error;
    }
  }
}

/** Marks a POST as honouring `Idempotency-Key`, and documents the header and its answers. */
export function Idempotent() {
  return applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      schema: { type: 'string', minLength: 1, maxLength: 255 },
      description:
        `Makes a retry safe: the first request with a key runs, a repeat of it (same body) gets the first answer back ` +
        `with \`Idempotent-Replayed: true\` for ${IDEMPOTENCY_TTL_HOURS} hours; the same key with another body is a 422 ` +
        `\`idempotency-key-reused\`; a repeat while the first still runs is a 409 \`idempotency-key-in-flight\` with ` +
        `Retry-After. The answer is stored with the request's own write, so a retry after any failure past that write gets ` +
        `the answer; a claim lapses after ${IDEMPOTENCY_LEASE_SECONDS} s (a crashed request's key frees), and a request still ` +
        `running when a retry takes its key over writes nothing and answers that 409. Keys are per caller.`,
    }),
  );
}
