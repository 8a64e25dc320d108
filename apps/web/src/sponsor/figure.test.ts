import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { figureText, monthBounds } from './figure';

describe('figureText', () => {
  const t = i18n.getFixedT('en');
  it('writes a suppressed cell as "fewer than" the minimum cell, never as a number', () => {
    expect(figureText({ value: null, suppressed: true }, 'count', 10, t, 'en')).toBe('fewer than 10');
    expect(figureText({ value: null, suppressed: true }, 'rate', 10, t, 'en')).toMatch(/fewer than 10/);
  });
  it('marks a sum that leaves hidden programs out as a lower bound, and a missing rate as no data', () => {
    expect(figureText({ value: 43, suppressed: false, partial: true }, 'count', 10, t, 'en')).toBe('at least 43');
    expect(figureText({ value: 0.756, suppressed: false }, 'rate', 10, t, 'en')).toBe('75.6%');
    expect(figureText({ value: null, suppressed: false }, 'rate', 10, t, 'en')).toBe('no data');
    expect(figureText({ value: 0, suppressed: false }, 'count', 10, t, 'en')).toBe('0');
  });
  it('writes an average rating out of 5; a mean that leaves hidden programs out says so, and is no lower bound', () => {
    expect(figureText({ value: 4.31, suppressed: false }, 'rating', 10, t, 'en')).toBe('4.31 out of 5');
    expect(figureText({ value: 4, suppressed: false, partial: true }, 'rating', 10, t, 'en')).toBe('4.0 out of 5 (clubs shown)');
    expect(figureText({ value: 0.756, suppressed: false, partial: true }, 'rate', 10, t, 'en')).toBe('75.6% (clubs shown)');
    expect(figureText({ value: null, suppressed: true }, 'rating', 10, t, 'en')).toBe('hidden (fewer than 10 teens)');
  });
  it('says it in Spanish too', () => {
    expect(figureText({ value: null, suppressed: true }, 'count', 10, i18n.getFixedT('es'), 'es')).toBe('menos de 10');
    expect(figureText({ value: 4.31, suppressed: false }, 'rating', 10, i18n.getFixedT('es'), 'es')).toBe('4,31 de 5');
  });
});

describe('monthBounds', () => {
  it('gives the first and last day of a whole month, leap years included', () => {
    expect(monthBounds('2028-02')).toEqual({ first: '2028-02-01', last: '2028-02-29' });
    expect(monthBounds('2027-12')).toEqual({ first: '2027-12-01', last: '2027-12-31' });
  });
});
