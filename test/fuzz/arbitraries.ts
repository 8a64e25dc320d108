import fc from 'fast-check';

/** The slice of OpenAPI 3 schema this API's document uses. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  pattern?: string;
  nullable?: boolean;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
}

/** Ids of rows the fixtures made, by what they are (`branch`, `program`…), so some requests reach real records. */
export type KnownIds = Record<string, string[]>;

/** Values an attacker or a broken client sends: huge, odd unicode, injection fragments, wrong types, bad dates and UUIDs. */
export const HOSTILE: unknown[] = [
  '',
  ' ',
  'x'.repeat(20_000),
  '\u0000',
  'nul\u0000inside',
  '\uD800',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ✓ مرحبا 🧑‍💻',
  '\u202Eevil',
  "'; DROP TABLE branch; --",
  "' OR '1'='1",
  '{"$ne":null}',
  '{"__proto__":{"admin":true}}',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '=HYPERLINK("http://x")',
  '%00',
  '%',
  '_',
  '\\',
  'null',
  'true',
  '1e400',
  'NaN',
  'Infinity',
  '-1',
  '0x10',
  -1,
  0,
  -0.5,
  1.5,
  2 ** 31,
  2 ** 53 + 1,
  -(2 ** 63),
  1e308,
  true,
  false,
  null,
  [],
  [null],
  {},
  { $gt: '' },
  '2027-02-30',
  '2027-13-01',
  '0000-00-00',
  '99999-01-01',
  '2027-01-01T25:00:00Z',
  '2027-01-01T10:00:00',
  '2027-01-01T10:00:00.0000000000000000000001+01:00',
  '275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00Z',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
  '123e4567-e89b-12d3-a456-42661417400',
  '123e4567-e89b-12d3-a456-4266141740000',
];

export const hostile = () => fc.constantFrom(...HOSTILE);

/** A string that fits the schema's format as well as a generator can guess it. */
function stringOf(schema: Schema, name: string, ids: KnownIds): fc.Arbitrary<string> {
  const max = schema.maxLength ?? 300;
  const min = schema.minLength ?? 0;
  switch (schema.format) {
    case 'uuid': {
      const known = idsFor(name, ids);
      return known.length ? fc.oneof(fc.constantFrom(...known), fc.uuid()) : fc.uuid();
    }
    case 'date':
      return fc.date({ min: new Date('2020-01-01'), max: new Date('2032-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    case 'date-time':
      return fc
        .tuple(fc.date({ min: new Date('2020-01-01'), max: new Date('2032-12-31'), noInvalidDate: true }), fc.constantFrom('Z', '+02:00', '-06:00'))
        .map(([d, zone]) => d.toISOString().replace('Z', zone));
    case 'email':
      return fc.emailAddress().filter((e) => e.length <= max);
    case 'uri':
      return fc.webUrl().filter((u) => u.length <= max);
    default:
      if (/time/i.test(name)) return fc.tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 })).map(([h, m]) => `${h}:${String(m).padStart(2, '0')}`);
      if (/rrule/i.test(name)) return fc.constantFrom('FREQ=WEEKLY;BYDAY=TU,TH', 'FREQ=DAILY', 'FREQ=WEEKLY;COUNT=3', 'FREQ=YEARLY', 'FREQ=WEEKLY;INTERVAL=0');
      if (/timezone/i.test(name)) return fc.constantFrom('America/Chicago', 'Europe/Berlin', 'Mars/Olympus', 'UTC');
      return fc.string({ minLength: min, maxLength: Math.min(max, 60), unit: 'grapheme' });
  }
}

/** Ids of the kind a field or parameter names: `programId` → programs, `employerSponsorId` → sponsors. */
export function idsFor(name: string, ids: KnownIds): string[] {
  const kind = name.replace(/Ids?$/, '').replace(/^(employer|home)/, '').toLowerCase();
  return ids[kind] ?? Object.values(ids).flat();
}

/**
 * An arbitrary of values valid for `schema` (following $ref); when `hostileToo`, each value now and then
 * swapped for a hostile one. Without hostile values a request gets past validation to the service.
 */
export function arbitraryOf(schema: Schema | undefined, resolve: (ref: string) => Schema, ids: KnownIds, name = '', depth = 0, hostileToo = true): fc.Arbitrary<unknown> {
  const valid = validOf(schema, resolve, ids, name, depth, hostileToo);
  return hostileToo ? fc.oneof({ weight: 5, arbitrary: valid }, { weight: 1, arbitrary: hostile() }) : valid;
}

function validOf(schema: Schema | undefined, resolve: (ref: string) => Schema, ids: KnownIds, name: string, depth: number, hostileToo: boolean): fc.Arbitrary<unknown> {
  if (!schema) return fc.anything({ maxDepth: 2 });
  if (schema.$ref) return validOf(resolve(schema.$ref), resolve, ids, name, depth, hostileToo);
  if (schema.allOf?.length) return validOf(schema.allOf[0], resolve, ids, name, depth, hostileToo);
  if (schema.oneOf?.length) return fc.oneof(...schema.oneOf.map((s) => validOf(s, resolve, ids, name, depth, hostileToo)));
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const base = ((): fc.Arbitrary<unknown> => {
    switch (schema.type) {
      case 'string':
        return stringOf(schema, name, ids);
      case 'integer':
      case 'number': {
        const min = schema.minimum ?? -1000;
        const max = schema.maximum ?? 100_000;
        return fc.oneof(fc.integer({ min: Math.ceil(min), max: Math.floor(max) }), fc.double({ min, max, noNaN: true }), fc.constantFrom(min - 1, max + 1));
      }
      case 'boolean':
        return fc.boolean();
      case 'array': {
        const maxLength = Math.min(schema.maxItems ?? 5, 5);
        const items = fc.array(arbitraryOf(schema.items, resolve, ids, name, depth + 1, hostileToo), { maxLength });
        return schema.maxItems ? fc.oneof({ weight: 9, arbitrary: items }, { weight: 1, arbitrary: fc.constant(Array.from({ length: schema.maxItems + 1 }, () => null)) }) : items;
      }
      case 'object':
      default:
        return objectOf(schema, resolve, ids, depth, hostileToo);
    }
  })();
  return schema.nullable ? fc.oneof({ weight: 5, arbitrary: base }, { weight: 1, arbitrary: fc.constant(null) }) : base;
}

function objectOf(schema: Schema, resolve: (ref: string) => Schema, ids: KnownIds, depth: number, hostileToo: boolean): fc.Arbitrary<unknown> {
  if (depth > 4 || !schema.properties) return fc.dictionary(fc.string({ maxLength: 10 }), fc.anything({ maxDepth: 1 }), { maxKeys: 3 });
  const required = new Set(schema.required ?? []);
  const fields = Object.fromEntries(
    Object.entries(schema.properties).map(([key, property]) => {
      const value = arbitraryOf(property, resolve, ids, key, depth + 1, hostileToo);
      // A required field is sent most of the time, an optional one half of the time.
      return [key, required.has(key) ? fc.option(value, { freq: 12, nil: undefined }) : fc.option(value, { freq: 2, nil: undefined })];
    }),
  );
  if (!hostileToo) return fc.record(fields).map((record) => Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)));
  const extra = fc.option(fc.constantFrom<[string, unknown]>(['role', 'admin'], ['status', 'enrolled'], ['id', '00000000-0000-0000-0000-000000000000'], ['__proto__', { admin: true }]), { freq: 8 });
  return fc.tuple(fc.record(fields), extra).map(([record, added]) => {
    const body: Record<string, unknown> = Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
    if (added) Object.defineProperty(body, added[0], { value: added[1], enumerable: true, writable: true, configurable: true });
    return body;
  });
}
