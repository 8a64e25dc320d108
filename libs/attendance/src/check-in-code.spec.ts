import { codeMatches, currentCode, hotp } from './check-in-code';

// RFC 4226 appendix D: the secret "12345678901234567890" and its first HOTP values.
const RFC_SECRET = Buffer.from('12345678901234567890').toString('hex');

describe('check-in codes', () => {
  it('are RFC 4226 HOTP values', () => {
    expect([0, 1, 2, 3, 9].map((c) => hotp(RFC_SECRET, c))).toEqual(['755224', '287082', '359152', '969429', '520489']);
  });

  it('rotate every period, and the previous code is still accepted but not the one before', () => {
    const t0 = new Date('2027-03-02T16:00:00Z'); // a multiple of 60 s
    const { code, expiresAt } = currentCode(RFC_SECRET, 60, t0);
    expect(expiresAt).toEqual(new Date('2027-03-02T16:01:00Z'));
    expect(codeMatches(RFC_SECRET, 60, code, new Date('2027-03-02T16:00:59Z'))).toBe(true);
    expect(codeMatches(RFC_SECRET, 60, code, new Date('2027-03-02T16:01:30Z'))).toBe(true);
    expect(codeMatches(RFC_SECRET, 60, code, new Date('2027-03-02T16:02:00Z'))).toBe(false);
    expect(currentCode(RFC_SECRET, 60, new Date('2027-03-02T16:01:00Z')).code).not.toBe(code);
  });

  it('refuse anything but six digits', () => {
    const { code } = currentCode(RFC_SECRET, 60);
    expect(codeMatches(RFC_SECRET, 60, code)).toBe(true);
    expect(codeMatches(RFC_SECRET, 60, `${code}0`)).toBe(false);
    expect(codeMatches(RFC_SECRET, 60, code.slice(0, 5))).toBe(false);
    expect(codeMatches(RFC_SECRET, 60, 'abcdef')).toBe(false);
  });
});
