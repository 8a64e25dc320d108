/**
 * The top self-time functions of a V8 CPU profile (`npm run bench -- --profile` writes the API's to
 * the system temp directory): `npx ts-node bench/profile-top.ts <file.cpuprofile> [--top 25]`. Also sums self time
 * by package, which says more than single functions do (how much went to TypeORM, class-validator, pino…).
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file] = process.argv.slice(2);
const top = process.argv.includes('--top') ? Number(process.argv[process.argv.indexOf('--top') + 1]) : 25;
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);

/** `node_modules/<package>` of a script, or what kind of code it is. */
function packageOf(url: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (match) return match[1];
  if (!url) return '(native, gc, idle)';
  if (url.startsWith('node:')) return '(node core)';
  return url.includes('/dist/') ? '(codeshelf)' : url;
}

const functions = new Map<string, number>();
const packages = new Map<string, number>();
for (const [id, us] of selfUs) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  const key = `${functionName || '(anonymous)'} ${url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/dist\//, 'dist/')}:${lineNumber + 1}`;
  functions.set(key, (functions.get(key) ?? 0) + us);
  packages.set(packageOf(url), (packages.get(packageOf(url)) ?? 0) + us);
}
const print = (title: string, entries: Map<string, number>, n: number) => {
  console.info(`\n${title}`);
  for (const [name, us] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, n)) {
    console.info(`${((us / total) * 100).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(7)} ms  ${name}`);
  }
};
console.info(`${file}: ${(total / 1e6).toFixed(1)} s sampled`);
print('self time by package', packages, 15);
print(`top ${top} functions by self time`, functions, top);
