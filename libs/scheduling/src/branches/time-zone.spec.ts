import { isIanaTimeZone } from './time-zone';

describe(isIanaTimeZone.name, () => {
  it.each(['America/Chicago', 'UTC', 'Europe/Kyiv', 'Asia/Kolkata', 'Asia/Calcutta', 'America/Argentina/Buenos_Aires', 'Etc/GMT+5'])(
    'accepts the IANA zone %s',
    (zone) => expect(isIanaTimeZone(zone)).toBe(true),
  );

  it.each(['Mars/Olympus', 'EST', 'GMT', '+01:00', 'UTC+1', 'america/chicago', 'America/CHICAGO', '', ' America/Chicago', 'America/Chicago/', 'x'.repeat(65)])(
    'refuses %j',
    (zone) => expect(isIanaTimeZone(zone)).toBe(false),
  );

  it('refuses what is not a string', () => {
    for (const value of [null, undefined, 42, ['UTC'], { timeZone: 'UTC' }]) expect(isIanaTimeZone(value)).toBe(false);
  });
});
