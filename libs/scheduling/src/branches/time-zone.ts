import { registerDecorator, ValidationOptions } from 'class-validator';

// `Area/Location` as the tz database spells it, or UTC. Offsets (+01:00) and abbreviations (EST) are
// refused: they do not follow a place's daylight-saving rules, and session series are expanded by them.
const ZONE_NAME = /^(?:UTC|[A-Z][A-Za-z_-]*(?:\/[A-Za-z0-9_+-]+)+)$/;

/**
 * Whether `value` is an IANA time zone this runtime knows. Links such as `Asia/Calcutta` are accepted;
 * a miscased name (`America/CHICAGO`) is not, so that one zone is never stored under two spellings.
 */
export function isIanaTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 64 || !ZONE_NAME.test(value)) return false;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return false;
  }
  return resolved === value || resolved.toLowerCase() !== value.toLowerCase();
}

/** class-validator rule for {@link isIanaTimeZone}. */
export function IsIanaTimeZone(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isIanaTimeZone',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be an IANA time zone such as America/Chicago', ...options },
      validator: { validate: isIanaTimeZone },
    });
}
