import { dataSourceOptions, schemaDrift, validateEnv } from '@codeshelf/core';
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
});
