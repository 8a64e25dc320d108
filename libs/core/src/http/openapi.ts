import type { INestApplication, Type } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '../errors/problem';
import { UuidPipe } from './uuid.pipe';

/** The OpenAPI document of everything the app registers; served at /docs-json, drawn at /docs. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Codeshelf API')
    .setDescription(
      'The API public libraries run their teen coding clubs on. Errors are RFC 9457 application/problem+json; ' +
        'lists answer { items, nextCursor } and take limit (≤ 200) and cursor.',
    )
    .setVersion('1')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: 'A JWS signed with HS256 from POST /v1/auth/login; verified per RFC8725: the algorithm is pinned (never "none" or one the token names), and the token expires.',
      },
      'bearer',
    )
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'A sponsor machine’s key; only its SHA-256 is stored' }, 'api-key')
    .addCookieAuth(
      'codeshelf_session',
      {
        type: 'apiKey',
        in: 'cookie',
        name: 'codeshelf_session',
        description:
          'A browser’s sign-in from POST /v1/auth/session (HttpOnly, SameSite=Lax). A POST, PUT, PATCH or DELETE signed in by it must carry an Origin header that is the API’s own origin or one of CORS_ORIGINS, else 403 csrf-refused.',
      },
      'session-cookie',
    )
    .build();
  const document = SwaggerModule.createDocument(app, config);
  documentRouteFacts(document, app);
  documentLimitsAndFaults(document);
  return document;
}

export function serveOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json', yamlDocumentUrl: 'docs-yaml' });
}

type Schema = Record<string, unknown> & { type?: string; format?: string };
type Operation = { operationId?: string; parameters?: { in: string; name: string; schema?: Schema }[]; responses: Record<string, unknown>; security?: unknown[] };

// What each format's validator lets through is at most this long: IsUUID and UuidPipe, IsCalendarDate, IsInstantWithOffset.
const FORMAT_MAX_LENGTH: Record<string, number> = { uuid: 36, date: 10, 'date-time': 40 };

/** What the handlers' own metadata says about each operation (by Nest's operationId, `Controller_method`): the path parameters read through UuidPipe. */
function uuidParametersOf(app: INestApplication): Map<string, Set<string>> {
  const facts = new Map<string, Set<string>>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      const controller = metatype as Type;
      for (const method of Object.getOwnPropertyNames(controller.prototype)) {
        const args: Record<string, { data?: string; pipes?: unknown[] }> = Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {};
        const uuidParameters = new Set(
          Object.entries(args)
            .filter(([key, arg]) => key.startsWith(`${RouteParamtypes.PARAM}:`) && arg.pipes?.some((pipe) => pipe === UuidPipe || pipe instanceof UuidPipe))
            .map(([, arg]) => arg.data!),
        );
        facts.set(`${controller.name}_${method}`, uuidParameters);
      }
    }
  }
  return facts;
}

/** What the handlers themselves decide, written into their operations: a path parameter read through UuidPipe is the UUID the pipe insists on. */
function documentRouteFacts(document: OpenAPIObject, app: INestApplication): void {
  const facts = uuidParametersOf(app);
  for (const operation of operations(document)) {
    const uuidParameters = facts.get(operation.operationId ?? '');
    if (!uuidParameters) continue;
    for (const parameter of operation.parameters ?? []) {
      if (parameter.in === 'path' && uuidParameters.has(parameter.name)) parameter.schema = { type: 'string', format: 'uuid' };
    }
  }
}

/**
 * What holds for every route, written once: a formatted string is as long as its format allows, integers are
 * 32-bit (PostgreSQL integer), a route with credentials answers 401 without them, any route may answer a 500
 * problem, any route but the liveness probe a 503 with Retry-After while the database is unavailable, every
 * route is rate-limited (the RateLimit-* headers on each 2xx and 4xx, a 429 past the limit), and a 429 always
 * carries Retry-After (the error filter sets it).
 */
type Response = { headers?: Record<string, unknown> };

// The AccessGuard's RateLimiter sends them on every answer of a route (draft-ietf-httpapi-ratelimit-headers).
const count = (description: string) => ({ description, schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 100_000_000 } });
const RATE_LIMIT_HEADERS = {
  'RateLimit-Limit': count('Requests allowed in the window of the limit that binds this caller on this route'),
  'RateLimit-Remaining': count('Requests left in that window'),
  'RateLimit-Reset': count('Seconds until that window starts over'),
};

/** The one route that never touches the database. */
const LIVENESS_OPERATION = 'HealthController_live';

function documentLimitsAndFaults(document: OpenAPIObject): void {
  const problem = (description: string) => ({ description, content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/ProblemDto' } } } });
  visitSchemas(document, (schema) => {
    if (schema.type === 'string' && schema.format && FORMAT_MAX_LENGTH[schema.format] && schema.maxLength === undefined) schema.maxLength = FORMAT_MAX_LENGTH[schema.format];
    if (schema.type === 'integer' && !schema.format) schema.format = 'int32';
  });
  for (const operation of operations(document)) {
    if (operation.security?.length && !operation.responses['401']) operation.responses['401'] = problem('No valid credentials');
    operation.responses['500'] ??= problem('A fault of ours (logged with the request id); never the answer to bad input');
    const retryAfter = { 'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer', format: 'int32', minimum: 1, maximum: 86_400 } } };
    if (operation.operationId !== LIVENESS_OPERATION) {
      operation.responses['503'] ??= { ...problem('The database is unavailable for the moment; try again after Retry-After'), headers: retryAfter };
    }
    operation.responses['429'] ??= problem('Too many requests; see Retry-After');
    (operation.responses['429'] as Response).headers = { ...(operation.responses['429'] as Response).headers, ...retryAfter };
    for (const [status, response] of Object.entries(operation.responses) as [string, Response][]) {
      if (/^[24]/.test(status)) response.headers = { ...response.headers, ...RATE_LIMIT_HEADERS };
    }
  }
}

function operations(document: OpenAPIObject): Operation[] {
  return Object.values(document.paths).flatMap((item) => Object.values(item as Record<string, Operation>).filter((op) => op && typeof op === 'object' && 'responses' in op));
}

function visitSchemas(node: unknown, visit: (schema: Schema) => void): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach((item) => visitSchemas(item, visit));
  if ('type' in node) visit(node as Schema);
  for (const value of Object.values(node)) visitSchemas(value, visit);
}
