import { describe, expect, it } from 'vitest';
import { weeklyRule } from './rrule';
import { addDays, localParts, zonedIso } from './zoned';

describe('zonedIso', () => {
  it('gives 16:00 in Chicago its own offset on both sides of the March change', () => {
    expect(zonedIso('2027-03-10', '16:00', 'America/Chicago')).toBe('2027-03-10T16:00:00-06:00');
    expect(zonedIso('2027-03-17', '16:00', 'America/Chicago')).toBe('2027-03-17T16:00:00-05:00');
    expect(zonedIso('2027-07-01', '09:30', 'Asia/Kolkata')).toBe('2027-07-01T09:30:00+05:30');
  });

  it('reads an instant back as the local date and time', () => {
    expect(localParts('2027-03-17T21:00:00.000Z', 'America/Chicago')).toEqual({ date: '2027-03-17', time: '16:00' });
    expect(addDays('2027-02-27', 3)).toBe('2027-03-02');
  });
});

describe('weeklyRule', () => {
  it('lists the days ticked in calendar order', () => {
    expect(weeklyRule(['TH', 'TU'])).toBe('FREQ=WEEKLY;BYDAY=TU,TH');
  });
});
