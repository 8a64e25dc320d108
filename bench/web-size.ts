/**
 * The web app's first-load JavaScript: `npm run bench:web-size [-- --no-build] [-- --dist <dir>]`.
 * Builds the web app (`npm run build:web`, unless --no-build or --dist), then reads what a browser must fetch before
 * the catalogue (`/`) runs: the module scripts and modulepreload links of index.html and, recursively, the static
 * imports of those files (dynamic `import()` chunks load later and are not counted). Each file is compressed the
 * way the API serves it, gzip and brotli by node:zlib at their top levels, and the totals are printed against the
 * target of 150 KB (150,000 bytes) compressed.
 *
 * Then each staff console's first load, against 200 KB: the catalogue's files plus the chunks of the console's first
 * page and of the words it loads with it, following static and dynamic imports (from Vite's manifest, which also
 * gives the whole console: every page of it, printed beside). Exit code 1 when a gzip total (the larger) is over
 * its target.
 */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const ROOT = join(__dirname, '..');
const TARGET_BYTES = 150_000;
const CONSOLE_TARGET_BYTES = 200_000;
/** Each console's first page (where its role lands after signing in) and the consoles whose words it loads (ui/console-words.ts). */
const CONSOLES: Record<string, { home: string; words: string[] }> = {
  coordinator: { home: 'src/coordinator/DashboardPage.tsx', words: ['coordinator', 'mentor'] },
  mentor: { home: 'src/mentor/MentorHomePage.tsx', words: ['mentor', 'coordinator'] },
  sponsor: { home: 'src/sponsor/OutcomesPage.tsx', words: ['sponsor'] },
  admin: { home: 'src/admin/UsersPage.tsx', words: ['admin'] },
};
const argv = process.argv.slice(2);
const distArg = argv.includes('--dist') ? argv[argv.indexOf('--dist') + 1] : undefined;
const dist = distArg ? join(process.cwd(), distArg) : join(ROOT, 'apps', 'web', 'dist');

/** The URL paths of the scripts index.html loads before anything runs: module scripts and modulepreloads. */
export function entryScripts(html: string): string[] {
  const tags = html.match(/<(script|link)\b[^>]*>/gi) ?? [];
  return tags.flatMap((tag) => {
    const attr = (name: string) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`, 'i').exec(tag)?.[1];
    if (/^<script/i.test(tag) && attr('src')) return [attr('src')!];
    if (/^<link/i.test(tag) && attr('rel')?.split(/\s+/).includes('modulepreload') && attr('href')) return [attr('href')!];
    return [];
  });
}

/** The relative specifiers a built ES module imports statically (`import … from "./x.js"`, `import "./x.js"`, `export … from`). */
export function staticImports(code: string): string[] {
  const found = code.matchAll(/(?:^|[^\w$.])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g);
  return [...found].map((m) => m[1]).filter((specifier) => specifier.startsWith('.') || specifier.startsWith('/'));
}

/** Every file of the first load, as paths inside dist, each once. */
function firstLoad(seen = new Set<string>()): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const visit = (urlPath: string) => {
    const file = posix.normalize(urlPath.replace(/^\//, '').split(/[?#]/)[0]);
    if (seen.has(file) || /^https?:/.test(urlPath)) return;
    if (!existsSync(join(dist, file))) throw new Error(`index.html loads ${urlPath}, which is not in ${dist}`);
    seen.add(file);
    for (const specifier of staticImports(readFileSync(join(dist, file), 'utf8'))) {
      visit(specifier.startsWith('/') ? specifier : posix.join(posix.dirname(`/${file}`), specifier));
    }
  };
  for (const src of entryScripts(html)) visit(src.startsWith('/') || /^https?:/.test(src) ? src : `/${src}`);
  return [...seen];
}

interface ManifestChunk {
  file: string;
  src?: string;
  imports?: string[];
  dynamicImports?: string[];
}

/**
 * The catalogue's files plus every JavaScript chunk reached from the manifest entries `starts` picks.
 * A chunk of the catalogue's first load is counted already and not followed: its dynamic imports are other pages.
 */
function loadOf(starts: (source: string) => boolean, manifest: Record<string, ManifestChunk>): string[] {
  const catalogue = new Set(firstLoad());
  const files = new Set(catalogue);
  const visited = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || visited.has(key) || catalogue.has(chunk.file)) return;
    visited.add(key);
    if (chunk.file.endsWith('.js')) files.add(chunk.file);
    for (const next of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) visit(next);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.src && starts(chunk.src)) visit(key);
  return [...files];
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

interface Sized {
  file: string;
  raw: number;
  gzip: number;
  brotli: number;
}

function sized(file: string): Sized {
  const body = readFileSync(join(dist, file));
  return {
    file,
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }).length,
  };
}

const sum = (rows: Sized[]) => rows.reduce((total, r) => ({ raw: total.raw + r.raw, gzip: total.gzip + r.gzip, brotli: total.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });

function main(): void {
  if (!distArg && !argv.includes('--no-build')) execSync('npm run build:web', { cwd: ROOT, stdio: 'inherit' });
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`no ${join(dist, 'index.html')}: build the web app first (npm run build:web)`);
  const rows = firstLoad().map(sized);
  const total = sum(rows);
  console.info(`Catalogue (/) first-load JavaScript, from ${relative(ROOT, dist) || dist}/index.html and its static imports:`);
  for (const r of rows) console.info(`  ${r.file.padEnd(44)} ${kb(r.raw).padStart(10)} raw ${kb(r.gzip).padStart(10)} gzip ${kb(r.brotli).padStart(10)} brotli`);
  console.info(`  ${'total'.padEnd(44)} ${kb(total.raw).padStart(10)} raw ${kb(total.gzip).padStart(10)} gzip ${kb(total.brotli).padStart(10)} brotli`);
  const within = total.gzip <= TARGET_BYTES;
  console.info(`target: under ${kb(TARGET_BYTES)} compressed — ${within ? 'met' : 'MISSED'} (gzip ${kb(total.gzip)}, brotli ${kb(total.brotli)})`);
  if (!within) process.exitCode = 1;

  const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  console.info(`\nEach console's first load: the catalogue's files, its first page and the words it shows (target under ${kb(CONSOLE_TARGET_BYTES)}); all its pages beside:`);
  for (const [name, { home, words }] of Object.entries(CONSOLES)) {
    if (!Object.values(manifest).some((chunk) => chunk.src === home)) throw new Error(`${home} is not in the build: name the console's first page in bench/web-size.ts`);
    const first = sum(loadOf((src) => src === home || words.some((w) => src === `src/${w}/messages.ts`), manifest).map(sized));
    const all = sum(loadOf((src) => src.startsWith(`src/${name}/`) || words.some((w) => src === `src/${w}/messages.ts`), manifest).map(sized));
    const met = first.gzip <= CONSOLE_TARGET_BYTES;
    console.info(`  ${name.padEnd(12)} first ${kb(first.gzip).padStart(9)} gzip ${kb(first.brotli).padStart(9)} brotli — ${met ? 'met' : 'MISSED'}; every page ${kb(all.gzip).padStart(9)} gzip`);
    if (!met) process.exitCode = 1;
  }
}

if (require.main === module) main();

