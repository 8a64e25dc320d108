import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { AppEnv } from '@codeshelf/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/** The API's own paths: the app never answers them, so an unknown one stays the API's problem+json 404. */
const API_PATHS = /^\/(v1|docs|health)([/?#-]|$)/;

// The pages' scripts are Vite's files, never inline (nor attributes), so a script injected into a page does not run.
const appCsp = (env: Pick<AppEnv, 'NODE_ENV'>) =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "script-src-attr 'none'",
    // Components set inline styles; a style cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(env.NODE_ENV === 'production' ? ['upgrade-insecure-requests'] : []),
  ].join('; ');

const safelyDecoded = (path: string): string | undefined => {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
};

/** Every file under `root`, as the URL path that names it (`/assets/index-3f2a.js`). */
function filesUnder(root: string): Set<string> {
  const files = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.add(`/${relative(root, path).split(sep).join('/')}`);
    }
  };
  walk(root);
  return files;
}

/** br, else gzip, for every text answer of more than 1 KiB; registered before any route, so that it reaches them all. */
export async function compressTextAnswers(app: NestFastifyApplication): Promise<void> {
  await app.register(fastifyCompress, { encodings: ['br', 'gzip'] });
}

/**
 * Serves the built web app at `/`: its files as they are, Vite's
 * hashed `/assets/` for a year, and `index.html` (never cached, with the app's CSP) for every other GET path
 * that is not the API's, so that the app's own routes load on a reload. The files are listed once at start-up.
 */
export async function serveWebApp(app: NestFastifyApplication, env: Pick<AppEnv, 'NODE_ENV' | 'WEB_DIST_DIR'>): Promise<void> {
  const root = resolve(process.cwd(), env.WEB_DIST_DIR);
  const built = existsSync(join(root, 'index.html')) && statSync(root).isDirectory();
  const files = built ? filesUnder(root) : new Set<string>();
  if (built) await app.register(fastifyStatic, { root, serve: false });
  const csp = appCsp(env);

  const answer = (request: FastifyRequest, reply: FastifyReply) => {
    const path = safelyDecoded(request.url.split('?')[0]);
    if (path === undefined) return reply.callNotFound();
    if (API_PATHS.test(path)) return reply.callNotFound();
    if (!built) {
      return reply
        .code(404)
        .type('text/plain; charset=utf-8')
        .send(`The Codeshelf web app is not built (no ${env.WEB_DIST_DIR}/index.html): run npm run build:web. The API is at /v1, its documentation at /docs.\n`);
    }
    if (files.has(path) && path !== '/index.html') {
      reply.header('Cache-Control', path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      return reply.sendFile(path.slice(1), { cacheControl: false });
    }
    // An unknown asset is a 404, not the page: a stale cached page must not get HTML for its script.
    if (path.startsWith('/assets/')) return reply.callNotFound();
    return reply.header('Cache-Control', 'no-cache').header('Content-Security-Policy', csp).sendFile('index.html', { cacheControl: false });
  };
  const instance = app.getHttpAdapter().getInstance();
  instance.get('/', answer);
  instance.get('/*', answer);
}
