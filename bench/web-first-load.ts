import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

/**
 * The JavaScript a browser downloads to show the catalogue (`/`) the first time: the scripts and
 * module preloads that the built index.html names (every other page is a lazy chunk), compressed as
 * the API serves them. Prints the figure; fails above the budget (150 KiB). Run after `npm run build:web`:
 *   ts-node bench/web-first-load.ts [apps/web/dist]
 */
const budget = 150 * 1024;
const dist = resolve(process.argv[2] ?? 'apps/web/dist');
const index = join(dist, 'index.html');
if (!existsSync(index)) {
  console.error(`${index} is missing: run npm run build:web first`);
  process.exit(2);
}
const html = readFileSync(index, 'utf8');
const scripts = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/([^"]+\.js)"/g)].map((m) => m[1]);
let raw = 0;
let gzip = 0;
let br = 0;
for (const file of new Set(scripts)) {
  const body = readFileSync(join(dist, file));
  const [g, b] = [gzipSync(body, { level: 9 }).length, brotliCompressSync(body).length];
  raw += body.length;
  gzip += g;
  br += b;
  console.info(`${file}: ${(body.length / 1024).toFixed(1)} KiB, gzip ${(g / 1024).toFixed(1)} KiB, br ${(b / 1024).toFixed(1)} KiB`);
}
console.info(`catalogue first-load JavaScript: ${(gzip / 1024).toFixed(1)} KiB gzip (${(br / 1024).toFixed(1)} KiB br, ${(raw / 1024).toFixed(1)} KiB raw) — budget ${budget / 1024} KiB`);
if (gzip > budget) {
  console.error('over the budget');
  process.exit(1);
}
