import 'reflect-metadata';
import { dataSourceOptions, runMigrations, schemaDrift, validateEnv } from '@codeshelf/core';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { openScriptDatabase } from './database';

const USAGE = 'usage: npm run db:migrate | db:revert | db:check | db:migration:generate -- <PascalCaseName>';

function migrationSource(name: string, timestamp: number, up: string[], down: string[]): string {
  const lines = (queries: string[]) => queries.map((q) => `    await queryRunner.query(\`${q.replace(/`/g, '\\`')}\`);`).join('\n');
  return `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${timestamp} implements MigrationInterface {
  name = '${name}${timestamp}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${lines(down)}
  }
}
`;
}

async function main(command: string | undefined, name: string | undefined) {
  const database = await openScriptDatabase();
  const dataSource = await new DataSource(dataSourceOptions({ ...validateEnv(process.env), DATABASE_URL: database.url })).initialize();
  try {
    switch (command) {
      case 'migrate': {
        const applied = await runMigrations(dataSource);
        console.info(applied.length ? applied.map((m) => `applied ${m.name}`).join('\n') : 'the schema is up to date');
        break;
      }
      case 'revert':
        await dataSource.undoLastMigration({ transaction: 'each' });
        break;
      case 'check': {
        await runMigrations(dataSource);
        const { up } = await schemaDrift(dataSource);
        if (up.length) {
          console.error(`The entities and the migrations disagree; a migration would need:\n${up.join(';\n')}`);
          process.exitCode = 1;
        } else console.info('the entities and the migrations agree');
        break;
      }
      case 'generate': {
        if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error(USAGE);
        await runMigrations(dataSource);
        const { up, down } = await schemaDrift(dataSource);
        if (!up.length) {
          console.info('no changes: the entities and the migrations agree');
          break;
        }
        const timestamp = Date.now();
        const file = resolve(__dirname, '..', 'migrations', `${timestamp}-${name}.ts`);
        writeFileSync(file, migrationSource(name, timestamp, up, down.reverse()));
        console.info(`wrote ${file}: read it and trim it before you commit`);
        break;
      }
      default:
        throw new Error(USAGE);
    }
  } finally {
    await dataSource.destroy();
    await database.close();
  }
}

main(process.argv[2], process.argv[3]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
