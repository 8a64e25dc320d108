import { ageOn, isCalendarDate, isMinor } from './age';

describe('ageOn', () => {
  it('counts a year only once the birthday has come', () => {
    expect(ageOn('2010-06-15', '2028-06-14')).toBe(17);
    expect(ageOn('2010-06-15', '2028-06-15')).toBe(18);
    expect(ageOn('2010-06-15', '2028-12-01')).toBe(18);
  });

  it('lets a 29 February child turn a year older on 1 March of a common year', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });
});

describe('isMinor', () => {
  it('is true below the age of majority and false on the birthday it is reached', () => {
    expect(isMinor('2010-06-15', 18, '2028-06-14')).toBe(true);
    expect(isMinor('2010-06-15', 18, '2028-06-15')).toBe(false);
    expect(isMinor('2010-06-15', 21, '2028-06-15')).toBe(true);
  });
});

describe('isCalendarDate', () => {
  it('accepts real YYYY-MM-DD dates only', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2024-13-01')).toBe(false);
    expect(isCalendarDate('2024-1-01')).toBe(false);
    expect(isCalendarDate('2024-01-01T00:00:00Z')).toBe(false);
    expect(isCalendarDate(20240101)).toBe(false);
  });
});
