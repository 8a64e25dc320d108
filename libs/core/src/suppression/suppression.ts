/**
 * Rule 9 for sponsor reports: small counts of teens are never published, nor left recoverable by
 * subtraction. A figure is `{ value, suppressed }`; a suppressed one has `value: null`.
 */
export interface Figure {
  value: number | null;
  suppressed: boolean;
  /** On a sum over programs: some programs' own figure is hidden and left out of it. */
  partial?: boolean;
}

export const shown = (value: number): Figure => ({ value, suppressed: false });
export const hidden: Figure = { value: null, suppressed: true };

/** A count of teens, alone: hidden under `min` (none at all is no group, and shown). */
export const countFigure = (count: number, min: number): Figure => (count > 0 && count < min ? hidden : shown(count));

/** A rate (or average) over a group of teens is hidden whenever the group's count is. */
export const rateOver = (rate: number | null, basis: Figure): Figure => (basis.suppressed ? hidden : { value: rate, suppressed: false });

export interface SuppressedPartition<K extends string> {
  total: Figure;
  cells: Record<K, Figure>;
}

/**
 * A breakdown of `total` teens into disjoint groups (every teen in exactly one cell). Cells of 1 to `min` − 1
 * teens are hidden (primary suppression; an empty cell is no group and is shown). If the total is published,
 * the hidden cells' sum is total − the shown ones, so more cells are hidden, smallest first, until at least
 * two are hidden and together they count `min` or more (complementary suppression): then no hidden cell,
 * nor the group of them, can be recovered. A total of 1 to `min` − 1 hides everything.
 */
export function suppressPartition<K extends string>(total: number, cells: Record<K, number>, min: number): SuppressedPartition<K> {
  const keys = Object.keys(cells) as K[];
  if (keys.reduce((sum, k) => sum + cells[k], 0) !== total) throw new Error(`cells do not add up to the total ${total}`);
  if (total > 0 && total < min) return { total: hidden, cells: Object.fromEntries(keys.map((k) => [k, hidden])) as Record<K, Figure> };
  const hide = new Set(keys.filter((k) => cells[k] > 0 && cells[k] < min));
  const hiddenSum = () => [...hide].reduce((sum, k) => sum + cells[k], 0);
  while (hide.size > 0 && (hide.size < 2 || hiddenSum() < min)) {
    const next = keys.filter((k) => !hide.has(k) && cells[k] > 0).sort((a, b) => cells[a] - cells[b] || (a < b ? -1 : 1))[0];
    if (next === undefined) break;
    hide.add(next);
  }
  return {
    total: shown(total),
    cells: Object.fromEntries(keys.map((k) => [k, hide.has(k) ? hidden : shown(cells[k])])) as Record<K, Figure>,
  };
}

export const partOf = (part: number, whole: Figure, min: number): Figure =>
  whole.suppressed ? hidden : suppressPartition(whole.value!, { part, rest: whole.value! - part }, min).cells.part;

/**
 * A figure over several programs made from the programs' own published figures only: the sum of the shown
 * ones, `partial` when some are hidden, hidden when all are. It tells nothing the parts do not.
 */
export function sumOfParts(parts: Figure[]): Figure {
  const known = parts.filter((f) => !f.suppressed);
  if (parts.length > 0 && known.length === 0) return hidden;
  const total = shown(round4(known.reduce((sum, f) => sum + f.value!, 0)));
  return known.length < parts.length ? { ...total, partial: true } : total;
}

/**
 * The mean of the programs' published rates, each weighted by a published count of its teens: like
 * `sumOfParts`, a function of what is shown, so no hidden weight can be read back from it.
 */
export function meanOfParts(parts: { rate: Figure; weight: Figure }[]): Figure {
  const known = parts.filter((p) => !p.rate.suppressed && p.rate.value !== null && !p.weight.suppressed && p.weight.value! > 0);
  const someHidden = parts.some((p) => p.rate.suppressed || p.weight.suppressed);
  if (known.length === 0) return someHidden ? hidden : { value: null, suppressed: false };
  const weight = known.reduce((sum, p) => sum + p.weight.value!, 0);
  const mean = { value: round4(known.reduce((sum, p) => sum + p.rate.value! * p.weight.value!, 0) / weight), suppressed: false };
  return someHidden ? { ...mean, partial: true } : mean;
}

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;
