/** The marker that takes the place of a teen's personal data in kept records (audit events, sent messages). */
export const ERASED = '[erased]';

/**
 * Replaces every whole-word occurrence of the given values (case-insensitive) in every string of a JSON
 * value, keys included: "Al" goes, "total" stays. Longer values go first, so a full name is replaced
 * before the first name inside it.
 */
export function scrubJson(value: unknown, personal: string[]): unknown {
  const needles = [...new Set(personal.map((v) => v.trim()).filter((v) => v.length > 0))].sort((a, b) => b.length - a.length);
  if (!needles.length) return value;
  const alternatives = needles.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'giu');
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return node.replace(pattern, ERASED);
    if (Array.isArray(node)) return node.map(walk);
    if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [walk(k) as string, walk(v)]));
    return node;
  };
  return walk(value);
}
