/**
 * Who owns each table, and who names another owner's table: `npm run lint:tables [-- --check]`.
 *
 * The owner of a table is the library (libs/<name>) that declares its entity, or the one whose code creates it
 * without an entity (rate_limit_counter, jwt_signing_secret). For every library the script reads each SQL text in
 * its code (string and template literals, parsed with the TypeScript compiler, that read like SQL) and lists the
 * tables it names after FROM, JOIN, INTO, UPDATE or TABLE, and every other library's entity class it imports.
 * It prints, per library, its SQL statements and those naming another owner's table; with --check it exits 1
 * when any does.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '..');
const LIBS = join(ROOT, 'libs');

/** Tables made by SQL in their owner's code instead of by an entity. */
const TABLES_WITHOUT_ENTITY: Record<string, string> = { rate_limit_counter: 'core', jwt_signing_secret: 'identity' };

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

const snake = (name: string) => name.replace(/Entity$/, '').replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

interface Owned {
  /** table → owning library */
  tables: Map<string, string>;
  /** entity class → owning library */
  entities: Map<string, string>;
}

function owners(): Owned {
  const tables = new Map(Object.entries(TABLES_WITHOUT_ENTITY));
  const entities = new Map<string, string>();
  for (const lib of readdirSync(LIBS)) {
    for (const file of files(join(LIBS, lib, 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/@Entity\(\s*(?:'([a-z_]+)'|\{\s*name:\s*'([a-z_]+)')?[^)]*\)\s*(?:@[\w.]+\([^)]*\)\s*)*export class (\w+)/g)) {
        tables.set(match[1] ?? match[2] ?? snake(match[3]), lib);
        entities.set(match[3], lib);
      }
    }
  }
  return { tables, entities };
}

/** The text of each literal that reads like SQL, with `${…}` holes left out. */
function sqlTexts(file: string): { line: number; text: string }[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: { line: number; text: string }[] = [];
  const visit = (node: ts.Node) => {
    let text: string | undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
    else if (ts.isTemplateExpression(node)) text = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ');
    if (text !== undefined && /\b(SELECT|INSERT\s+INTO|UPDATE|DELETE\s+FROM|WITH)\b/.test(text) && /\b(FROM|INTO|SET|JOIN|AS)\b/.test(text)) {
      found.push({ line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text });
      return; // a hole's own templates are parts of this statement
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

export interface Crossing {
  lib: string;
  where: string;
  names: string;
  owner: string;
}

export function survey(): { statements: Map<string, number>; crossings: Crossing[] } {
  const { tables, entities } = owners();
  const statements = new Map<string, number>();
  const crossings: Crossing[] = [];
  for (const lib of readdirSync(LIBS)) {
    statements.set(lib, 0);
    for (const file of files(join(LIBS, lib, 'src'))) {
      const where = relative(ROOT, file);
      for (const { line, text } of sqlTexts(file)) {
        statements.set(lib, statements.get(lib)! + 1);
        const named = new Set([...text.matchAll(/\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\s+"?([a-z_]+)"?/gi)].map((m) => m[1].toLowerCase()));
        for (const table of named) {
          const owner = tables.get(table);
          if (owner && owner !== lib) crossings.push({ lib, where: `${where}:${line}`, names: table, owner });
        }
      }
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/import\s*(?:type\s*)?\{([^}]+)\}\s*from\s*'@codeshelf\/(\w+)'/g)) {
        for (const name of match[1].split(',').map((part) => part.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0])) {
          const owner = entities.get(name);
          if (owner && owner !== lib) crossings.push({ lib, where, names: name, owner });
        }
      }
    }
  }
  return { statements, crossings };
}

function main(): void {
  const { statements, crossings } = survey();
  console.info('library        SQL statements   naming another owner’s table');
  for (const [lib, count] of statements) {
    const crossing = new Set(crossings.filter((c) => c.lib === lib && !/Entity$/.test(c.names)).map((c) => c.where));
    console.info(`  ${lib.padEnd(14)} ${String(count).padStart(6)}   ${String(crossing.size).padStart(6)}`);
  }
  for (const c of crossings) console.info(`  ${c.where}: ${c.lib} names ${c.names} (owned by ${c.owner})`);
  if (process.argv.includes('--check') && crossings.length > 0) process.exitCode = 1;
}

if (require.main === module) main();
