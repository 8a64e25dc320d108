import { dataSourceOptions, runMigrations, schemaDrift, validateEnv } from '@codeshelf/core';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

describe('Schema', () => {
  it('is what the entities describe once the migrations ran (no migration missing)', async () => {
    const dataSource = await new DataSource(dataSourceOptions(validateEnv(process.env))).initialize();
    try {
      expect((await schemaDrift(dataSource)).up).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('reverts every migration down to an empty database, and migrates up again', async () => {
    const url = new URL(process.env.DATABASE_URL!);
    const scratch = `${url.pathname.slice(1)}_revert`;
    const admin = new Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${scratch}"`);
    await admin.query(`CREATE DATABASE "${scratch}"`);
    url.pathname = `/${scratch}`;
    const dataSource = await new DataSource({ ...dataSourceOptions({ ...validateEnv({}), DATABASE_URL: url.toString() }), entities: [] }).initialize();
    try {
      const applied = await runMigrations(dataSource);
      for (let i = 0; i < applied.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
      const [{ tables }] = await dataSource.query(`SELECT count(*)::int AS tables FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`);
      expect(tables).toBe(0);
      expect(await runMigrations(dataSource)).toHaveLength(applied.length);
    } finally {
      await dataSource.destroy();
      await admin.query(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`);
      await admin.end();
    }
  });
});
