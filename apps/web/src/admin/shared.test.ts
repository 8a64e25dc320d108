import { describe, expect, it } from 'vitest';
import { temporaryPassword, timeZones } from './shared';

describe('temporaryPassword', () => {
  it('draws 18 characters without look-alikes, different each time', () => {
    const drawn = Array.from({ length: 50 }, () => temporaryPassword());
    for (const password of drawn) expect(password).toMatch(/^[a-hjkmnp-zA-HJ-NP-Z2-9]{18}$/);
    expect(new Set(drawn).size).toBe(drawn.length);
  });
});

describe('timeZones', () => {
  it('offers UTC and the IANA zones a branch may be in', () => {
    expect(timeZones()).toEqual(expect.arrayContaining(['UTC', 'America/Chicago', 'America/Denver']));
  });
});
