import type { TFunction } from 'i18next';
import type { Schemas } from '../api/client';

export type Figure = Schemas['FigureDto'];
export type FigureKind = 'count' | 'rate' | 'hours' | 'rating';

/**
 * A report figure in words: a suppressed one is "fewer than 10" (the report's minimum cell), never a zero; a sum
 * that leaves hidden programs out is "at least 43" (a mean over them, "75% (clubs shown)"); a figure with no value (a rate before any session) is "no data";
 * a rating reads "4.31 out of 5".
 */
export function figureText(figure: Figure, kind: FigureKind, minCell: number, t: TFunction, language: string): string {
  if (figure.suppressed) return t(kind === 'rate' || kind === 'rating' ? 'sponsor.figure.suppressedRate' : 'sponsor.figure.suppressed', { min: minCell });
  if (figure.value === null) return t('sponsor.figure.none');
  const value = kind === 'rating' ? t('sponsor.figure.rating', { value: formatValue(figure.value, kind, language) }) : formatValue(figure.value, kind, language);
  // A mean that leaves hidden programs out is no bound of the whole: it is the shown programs' mean.
  if (figure.partial) return t(kind === 'rate' || kind === 'rating' ? 'sponsor.figure.partialMean' : 'sponsor.figure.partial', { value });
  return value;
}

export function formatValue(value: number, kind: FigureKind, language: string): string {
  if (kind === 'rate') return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(value);
  if (kind === 'rating') return new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 2 }).format(value);
  return new Intl.NumberFormat(language, { maximumFractionDigits: kind === 'hours' ? 1 : 0 }).format(value);
}

/** A whole month as the report's period bounds: 2027-03 → from 2027-03-01, to 2027-03-31. */
export function monthBounds(month: string): { first: string; last: string } {
  const [year, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { first: `${month}-01`, last: `${month}-${String(last).padStart(2, '0')}` };
}

/** "2027-03" in words, in the page's language (a calendar month has no zone). */
export function monthName(month: string, language: string): string {
  const [year, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(language, { timeZone: 'UTC', month: 'short', year: 'numeric' }).format(new Date(Date.UTC(year, m - 1, 1)));
}
