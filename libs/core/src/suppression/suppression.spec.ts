import fc from 'fast-check';
import { hidden, meanOfParts, partOf, shown, sumOfParts, suppressPartition } from './suppression';

const MIN = 10;

describe('suppressPartition', () => {
  it('shows a breakdown whose every cell reaches the threshold', () => {
    expect(suppressPartition(60, { a: 30, b: 20, c: 10 }, MIN)).toEqual({ total: shown(60), cells: { a: shown(30), b: shown(20), c: shown(10) } });
  });

  it('hides a second cell when one alone would be recovered by subtraction', () => {
    const { cells } = suppressPartition(60, { a: 30, b: 25, c: 5 }, MIN);
    expect(cells).toEqual({ a: shown(30), b: { value: null, suppressed: true }, c: { value: null, suppressed: true } });
  });

  it('keeps hiding until the hidden cells together reach the threshold', () => {
    // 3 and 4 are hidden, but their sum (7) would be; the next smallest (12) joins them.
    const { cells } = suppressPartition(55, { a: 36, b: 12, c: 3, d: 4 }, MIN);
    expect(Object.entries(cells).filter(([, f]) => f.suppressed).map(([k]) => k).sort()).toEqual(['b', 'c', 'd']);
  });

  it('hides everything under a small total, and refuses cells that are not a breakdown of it', () => {
    expect(suppressPartition(12, { a: 7, b: 5 }, MIN)).toEqual({ total: shown(12), cells: { a: { value: null, suppressed: true }, b: { value: null, suppressed: true } } });
    expect(() => suppressPartition(12, { a: 7 }, MIN)).toThrow(/add up/);
    expect(suppressPartition(9, { a: 9 }, MIN)).toEqual({ total: { value: null, suppressed: true }, cells: { a: { value: null, suppressed: true } } });
  });

  it('shows an empty cell as 0, and needs no partner for it', () => {
    expect(suppressPartition(30, { a: 30, b: 0 }, MIN).cells).toEqual({ a: shown(30), b: shown(0) });
    expect(suppressPartition(0, { a: 0 }, MIN).total).toEqual(shown(0));
  });

  it('shows a part of a whole only when the rest also reaches the threshold', () => {
    expect(partOf(25, shown(30), MIN).suppressed).toBe(true); // the other 5 would be known
    expect(partOf(20, shown(30), MIN)).toEqual(shown(20));
    expect(partOf(20, { value: null, suppressed: true }, MIN).suppressed).toBe(true);
  });

  it('for any breakdown, lets no count under the threshold be recovered, and shows the rest as they are', () => {
    const breakdown = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), fc.nat({ max: 40 }), { minKeys: 1 });
    fc.assert(
      fc.property(breakdown, fc.integer({ min: 2, max: 15 }), (cells, min) => {
        const total = Object.values(cells).reduce((a, b) => a + b, 0);
        const out = suppressPartition(total, cells, min);
        const hiddenKeys = Object.keys(cells).filter((k) => out.cells[k].suppressed);
        // Every figure shown is the true count, and at least the threshold.
        for (const [k, f] of Object.entries(out.cells)) if (!f.suppressed) expect(f.value).toBe(cells[k]);
        // An empty cell is no group: it is shown as 0.
        for (const [, f] of Object.entries(out.cells)) if (!f.suppressed && f.value !== 0) expect(f.value).toBeGreaterThanOrEqual(min);
        if (!out.total.suppressed) {
          expect(out.total.value).toBe(total);
          // What subtraction recovers is the sum of the hidden cells: never one cell alone, never under the threshold.
          if (hiddenKeys.length) {
            expect(hiddenKeys.length).toBeGreaterThanOrEqual(2);
            expect(hiddenKeys.reduce((s, k) => s + cells[k], 0)).toBeGreaterThanOrEqual(min);
          }
        } else {
          expect(total).toBeLessThan(min);
          expect(total).toBeGreaterThan(0);
          expect(hiddenKeys).toHaveLength(Object.keys(cells).length);
        }
      }),
      { seed: 20261128, numRuns: 2000 },
    );
  });
});

describe('sumOfParts and meanOfParts', () => {
  it('sum only the shown parts, marked partial when some are hidden, hidden when all are', () => {
    expect(sumOfParts([shown(12), shown(20)])).toEqual(shown(32));
    expect(sumOfParts([shown(12), hidden, shown(0)])).toEqual({ value: 12, suppressed: false, partial: true });
    expect(sumOfParts([hidden, hidden])).toEqual(hidden);
    expect(sumOfParts([])).toEqual(shown(0));
  });

  it('weigh each shown rate by its shown count and leave hidden ones out', () => {
    expect(meanOfParts([{ rate: shown(1), weight: shown(10) }, { rate: shown(0.5), weight: shown(30) }])).toEqual(shown(0.625));
    expect(meanOfParts([{ rate: shown(1), weight: shown(10) }, { rate: hidden, weight: hidden }])).toEqual({ value: 1, suppressed: false, partial: true });
    expect(meanOfParts([{ rate: hidden, weight: shown(12) }])).toEqual(hidden);
    expect(meanOfParts([{ rate: { value: null, suppressed: false }, weight: shown(12) }])).toEqual({ value: null, suppressed: false });
  });
});
