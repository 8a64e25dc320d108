/**
 * Rule 9 for sponsor reports: small counts of teens are never published, nor left recoverable by
 * subtraction. A figure is `{ value, suppressed }`; a suppressed one has `value: null`.
 */
export interface Figure {
  value: number | null;
  suppressed: boolean;
}

export const shown = (value: number): Figure => ({ value, suppressed: false });
export const hidden: Figure = { value: null, suppressed: true };

/** A count of teens, alone: hidden under `min`. */
export const countFigure = (count: number, min: number): Figure => (count < min ? hidden : shown(count));

/** A rate (or average) over a group of teens is hidden whenever the group's count is. */
export const rateOver = (rate: number | null, basis: Figure): Figure => (basis.suppressed ? hidden : { value: rate, suppressed: false });

export interface SuppressedPartition<K extends string> {
  total: Figure;
  cells: Record<K, Figure>;
}

/**
 * A breakdown of `total` teens into disjoint groups (every teen in exactly one cell). Cells under `min` are
 * hidden (primary suppression). If the total is published, the hidden cells' sum is total − the shown ones,
 * so more cells are hidden, smallest first, until at least two are hidden and together they count `min` or
 * more (complementary suppression): then no hidden cell, nor the group of them, can be recovered. When no
 * cell is left to hide, the total is hidden too. A total under `min` hides everything.
 */
export function suppressPartition<K extends string>(total: number, cells: Record<K, number>, min: number): SuppressedPartition<K> {
  const keys = Object.keys(cells) as K[];
  if (keys.reduce((sum, k) => sum + cells[k], 0) !== total) throw new Error(`cells do not add up to the total ${total}`);
  if (total < min) return { total: hidden, cells: Object.fromEntries(keys.map((k) => [k, hidden])) as Record<K, Figure> };
  const hide = new Set(keys.filter((k) => cells[k] < min));
  const hiddenSum = () => [...hide].reduce((sum, k) => sum + cells[k], 0);
  while (hide.size > 0 && (hide.size < 2 || hiddenSum() < min)) {
    hide.add(keys.filter((k) => !hide.has(k)).sort((a, b) => cells[a] - cells[b] || (a < b ? -1 : 1))[0]);
  }
  return {
    total: shown(total),
    cells: Object.fromEntries(keys.map((k) => [k, hide.has(k) ? hidden : shown(cells[k])])) as Record<K, Figure>,
  };
}

/**
 * A count of teens that is part of a published whole (active of enrolled, completed of finished): the
 * rest is `whole − part`, so the part is shown only when both it and the rest reach `min`.
 */
export const partOf = (part: number, whole: Figure, min: number): Figure =>
  whole.suppressed ? hidden : suppressPartition(whole.value!, { part, rest: whole.value! - part }, min).cells.part;
