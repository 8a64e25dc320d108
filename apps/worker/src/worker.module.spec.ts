import type { DynamicModule, Type } from '@nestjs/common';
import { AppModule } from '../../api/src/app.module';
import { EnrollmentSeatsModule, OfferExpiry } from '@codeshelf/enrollment';
import { WorkerModule } from './worker.module';

// The house has no forwardRef, so an import is a module, a dynamic module or a promise of one.
type Import = Type | DynamicModule | Promise<DynamicModule> | undefined;

/** Every module `root` loads, through its imports (static and dynamic), with the controllers each declares. */
async function controllersBy(root: Type): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  const seen = new Set<unknown>();
  const visit = async (entry: Import): Promise<void> => {
    const resolved = await entry;
    if (!resolved || seen.has(resolved)) return;
    seen.add(resolved);
    const dynamic = 'module' in resolved ? resolved : undefined;
    const type = dynamic ? dynamic.module : (resolved as Type);
    const controllers: Type[] = [...(Reflect.getMetadata('controllers', type) ?? []), ...(dynamic?.controllers ?? [])];
    if (controllers.length) found.set(type.name, [...(found.get(type.name) ?? []), ...controllers.map((c) => c.name)]);
    for (const imported of [...(Reflect.getMetadata('imports', type) ?? []), ...(dynamic?.imports ?? [])]) await visit(imported);
  };
  await visit(root);
  return found;
}

describe('the worker module', () => {
  it('loads no module that declares a controller (the worker serves no HTTP)', async () => {
    expect(Object.fromEntries(await controllersBy(WorkerModule))).toEqual({});
  });

  it('runs the expiry of waitlist offers (so an unanswered offer passes on without the API)', () => {
    expect(Reflect.getMetadata('imports', WorkerModule)).toContain(EnrollmentSeatsModule);
    expect(Reflect.getMetadata('providers', EnrollmentSeatsModule)).toContain(OfferExpiry);
  });

  it('the walk does find the controllers the API loads (so the check above is not empty by mistake)', async () => {
    const api = await controllersBy(AppModule);
    expect(api.get('HealthModule')).toEqual(['HealthController']);
    expect(api.get('NotificationsHttpModule')).toEqual(['AdminOutboxController']);
    expect(api.get('PartnersModule')).toContain('WebhooksController');
  });
});
