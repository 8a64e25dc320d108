import { assertValid, ValidationFailedError } from '@codeshelf/core';
import { CreateUserDto, UsersService } from '@codeshelf/identity';
import { parseArgs } from 'node:util';
import { withAppContext } from './app-context';

// npm run admin:create -- --email ada@library.example --password '…' [--name 'Ada Admin']
const { values } = parseArgs({ options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } } });

if (!values.email || !values.password) {
  console.error("usage: npm run admin:create -- --email <email> --password <12+ characters> [--name 'Display Name']");
  process.exit(2);
}

withAppContext(async (app) => {
  const dto = await assertValid(CreateUserDto, { email: values.email, password: values.password, role: 'admin', displayName: values.name ?? 'Administrator' });
  const user = await app.get(UsersService).create(dto, { id: null, kind: 'system' });
  console.info(`created admin ${user.email} (${user.id})`);
}).catch((error: unknown) => {
  const detail = error instanceof ValidationFailedError ? error.errors.map((e) => e.message).join('\n') : error instanceof Error ? error.message : error;
  console.error(detail);
  process.exit(1);
});
