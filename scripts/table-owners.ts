/**
 * Who owns each table, and who names another owner's table: `npm run lint:tables [-- --check]`.
 *
 * The owner of a table is the library (libs/<name>) that declares its entity, or the one whose code creates it
 * without an entity (rate_limit_counter, jwt_signing_secret). For every library the script reads each SQL text in
 * its code (string and template literals, parsed with the TypeScript compiler, that read like SQL; a `${…}` hole,
 * such as another owner's read model, is not part of the text) and lists the tables it names after FROM, JOIN,
 * INTO, UPDATE or TABLE, every other library's entity class it imports, every SQL text outside the library's
 * `src/queries/` folder, and how many times each rule of RULES is written out. --write puts beside each queries
 * file a `.sql` of its statements, for review. With --check it exits 1 when any of those is not as the house
 * keeps it: no crossing, no SQL outside queries/, each rule written once, every .sql current.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

/** Tables made by SQL in their owner's code instead of by an entity. */
const TABLES_WITHOUT_ENTITY: Record<string, string> = { rate_limit_counter: 'core', jwt_signing_secret: 'identity' };

/** Rules other features read, each to be written out once, in its owner's read model. */
export const RULES: Record<string, RegExp> = {
  'who holds a seat': /status\s+IN\s*\(\s*'enrolled',\s*'completed'\s*\)/gi,
  'which sessions are held': /status\s*=\s*'scheduled'\s+AND\s+(?:\w+\.)?starts_at\s*<=\s*now\(\)/gi,
  'what an hour of volunteering is': /mentor_attendance\b[^`]*?\bstatus\s*=\s*'present'/gi,
};

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

function owners(libs: string[], libsDir: string): Owned {
  const tables = new Map(Object.entries(TABLES_WITHOUT_ENTITY));
  const entities = new Map<string, string>();
  for (const lib of libs) {
    for (const file of files(join(libsDir, lib, 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/@Entity\(\s*(?:'([a-z_]+)'|\{\s*name:\s*'([a-z_]+)')?[^)]*\)\s*(?:(?:\/\/[^\n]*|@[\w.]+\([^)]*\))\s*)*export class (\w+)/g)) {
        tables.set(match[1] ?? match[2] ?? snake(match[3]), lib);
        entities.set(match[3], lib);
      }
    }
  }
  return { tables, entities };
}

interface SqlText {
  line: number;
  /** The statement with its `${…}` holes left out. */
  text: string;
  /** The statement as written, holes shown as `${expression}`, for the reviewable .sql file. */
  written: string;
  /** The declaration it belongs to (`seatHolders`, `ENROLL`). */
  name: string;
}

/** The name of the innermost named declaration around a node. */
function declarationOf(node: ts.Node): string {
  for (let at: ts.Node | undefined = node.parent; at; at = at.parent) {
    if ((ts.isFunctionDeclaration(at) || ts.isVariableDeclaration(at) || ts.isMethodDeclaration(at) || ts.isPropertyAssignment(at)) && at.name) {
      return at.name.getText();
    }
  }
  return '(top level)';
}

/** Each literal that reads like SQL. */
function sqlTexts(file: string): SqlText[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: SqlText[] = [];
  const visit = (node: ts.Node) => {
    let text: string | undefined;
    let written: string | undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = written = node.text;
    else if (ts.isTemplateExpression(node)) {
      text = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ');
      written = node.head.text + node.templateSpans.map((span) => `\${${span.expression.getText()}}${span.literal.text}`).join('');
    }
    if (text !== undefined && /\b(SELECT|INSERT\s+INTO|UPDATE|DELETE\s+FROM|WITH)\b/.test(text) && /\b(FROM|INTO|SET|JOIN|AS)\b/.test(text)) {
      found.push({ line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text, written: written!, name: declarationOf(node) });
      return; // a hole's own templates are parts of this statement
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * The reviewable .sql beside a queries file: each of its statements under the name of its declaration, so a
 * change to a statement shows in review as a change to SQL. Written by --write, compared by --check.
 */
function reviewableSql(file: string, statements: SqlText[]): string {
  const name = file.split(sep).pop()!;
  const parts = statements.map((s) => `-- ${s.name}\n${s.written.trim().replace(/^ {2,}/gm, (indent) => indent.slice(Math.min(indent.length, 2)))}\n`);
  return `-- The SQL of ${name}, written by \`npm run lint:tables -- --write\`: do not edit.\n\n${parts.join('\n')}`;
}

export interface Crossing {
  lib: string;
  where: string;
  names: string;
  owner: string;
}

export interface Survey {
  /** library → its SQL statements */
  statements: Map<string, number>;
  crossings: Crossing[];
  /** file:line of each SQL text outside its library's src/queries/ folder */
  outsideQueries: string[];
  /** rule → file:line of each statement that writes it out */
  rules: Map<string, string[]>;
  /** path of each queries file's reviewable .sql → its text as it should be */
  sqlFiles: Map<string, string>;
}

/** Reads the libraries under `root`/libs. */
export function survey(root: string): Survey {
  const libsDir = join(root, 'libs');
  const libs = readdirSync(libsDir).filter((lib) => existsSync(join(libsDir, lib, 'src')));
  const { tables, entities } = owners(libs, libsDir);
  const result: Survey = { statements: new Map(), crossings: [], outsideQueries: [], rules: new Map(Object.keys(RULES).map((rule) => [rule, []])), sqlFiles: new Map() };
  for (const lib of libs) {
    result.statements.set(lib, 0);
    const queries = join(libsDir, lib, 'src', 'queries') + sep;
    for (const file of files(join(libsDir, lib, 'src'))) {
      const where = relative(root, file);
      const statements = sqlTexts(file);
      if (file.startsWith(queries) && statements.length) result.sqlFiles.set(file.replace(/\.ts$/, '.sql'), reviewableSql(file, statements));
      for (const { line, text } of statements) {
        result.statements.set(lib, result.statements.get(lib)! + 1);
        if (!file.startsWith(queries)) result.outsideQueries.push(`${where}:${line}`);
        for (const [rule, pattern] of Object.entries(RULES)) {
          for (const _ of text.matchAll(pattern)) result.rules.get(rule)!.push(`${where}:${line}`);
        }
        const named = new Set([...text.matchAll(/\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\s+"?([a-z_]+)"?/gi)].map((m) => m[1].toLowerCase()));
        for (const table of named) {
          const owner = tables.get(table);
          if (owner && owner !== lib) result.crossings.push({ lib, where: `${where}:${line}`, names: table, owner });
        }
      }
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/import\s*(?:type\s*)?\{([^}]+)\}\s*from\s*'@codeshelf\/(\w+)'/g)) {
        for (const name of match[1].split(',').map((part) => part.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0])) {
          const owner = entities.get(name);
          if (owner && owner !== lib) result.crossings.push({ lib, where, names: name, owner });
        }
      }
    }
  }
  return result;
}

/** What --check refuses, one line each. */
export function violations({ crossings, outsideQueries, rules, sqlFiles }: Survey, root: string): string[] {
  const stale = [...sqlFiles].filter(([path, text]) => !existsSync(path) || readFileSync(path, 'utf8') !== text).map(([path]) => relative(root, path));
  return [
    ...stale.map((path) => `${path}: not the SQL of its queries file (npm run lint:tables -- --write)`),
    ...crossings.map((c) => `${c.where}: ${c.lib} names ${c.names} (owned by ${c.owner})`),
    ...outsideQueries.map((where) => `${where}: SQL outside its library's src/queries/`),
    ...[...rules].filter(([, copies]) => copies.length > 1).map(([rule, copies]) => `"${rule}" is written ${copies.length} times: ${copies.join(', ')}`),
  ];
}

function main(): void {
  const root = join(__dirname, '..');
  const found = survey(root);
  console.info('library        SQL statements   naming another owner’s table   outside queries/');
  for (const [lib, count] of found.statements) {
    const crossing = new Set(found.crossings.filter((c) => c.lib === lib && !/Entity$/.test(c.names)).map((c) => c.where));
    const outside = found.outsideQueries.filter((where) => where.startsWith(join('libs', lib, 'src'))).length;
    console.info(`  ${lib.padEnd(14)} ${String(count).padStart(6)}   ${String(crossing.size).padStart(14)}   ${String(outside).padStart(14)}`);
  }
  for (const [rule, copies] of found.rules) console.info(`  rule "${rule}": written ${copies.length} time(s)`);
  if (process.argv.includes('--write')) for (const [path, text] of found.sqlFiles) writeFileSync(path, text);
  const refused = violations(found, root);
  for (const line of refused) console.info(`  ${line}`);
  if (process.argv.includes('--check') && refused.length > 0) process.exitCode = 1;
}

if (require.main === module) main();
