import { eligibilityProblem, type ProgramTerms } from './eligibility';

const program: ProgramTerms = {
  id: 'p1',
  status: 'published',
  minAge: 13,
  maxAge: 17,
  startsOn: '2027-03-01',
  endsOn: '2027-05-31',
  enrollmentOpensAt: new Date('2027-02-01T14:00:00Z'),
  enrollmentClosesAt: new Date('2027-03-08T00:00:00Z'),
  timezone: 'America/Chicago',
};
const teen = { birthDate: '2012-06-15', consentStatus: 'granted' };
const now = new Date('2027-02-15T12:00:00Z');
const code = (...args: Parameters<typeof eligibilityProblem>) => eligibilityProblem(...args)?.code ?? null;

describe('eligibilityProblem', () => {
  it('lets an eligible teen in', () => {
    expect(code(program, teen, 18, now)).toBeNull();
  });

  it('refuses drafts and archived programs', () => {
    expect(code({ ...program, status: 'draft' }, teen, 18, now)).toBe('program-not-published');
    expect(code({ ...program, status: 'archived' }, teen, 18, now)).toBe('program-not-published');
  });

  it('keeps to the enrollment window: opens inclusive, closes exclusive', () => {
    expect(code(program, teen, 18, new Date('2027-02-01T13:59:59Z'))).toBe('enrollment-window-closed');
    expect(code(program, teen, 18, new Date('2027-02-01T14:00:00Z'))).toBeNull();
    expect(code(program, teen, 18, new Date('2027-03-07T23:59:59Z'))).toBeNull();
    expect(code(program, teen, 18, new Date('2027-03-08T00:00:00Z'))).toBe('enrollment-window-closed');
  });

  it('without a closing time, closes when the last day ends in the branch’s zone', () => {
    const open = { ...program, enrollmentOpensAt: null, enrollmentClosesAt: null };
    // 31 May 23:30 in Chicago is already 1 June in UTC.
    expect(code(open, teen, 18, new Date('2027-06-01T04:30:00Z'))).toBeNull();
    expect(code(open, teen, 18, new Date('2027-06-01T05:00:00Z'))).toBe('enrollment-window-closed');
  });

  it('checks the age on the day the program starts, both bounds inclusive', () => {
    expect(code(program, { ...teen, birthDate: '2014-03-01' }, 18, now)).toBeNull(); // 13 on 1 March
    expect(code(program, { ...teen, birthDate: '2014-03-02' }, 18, now)).toBe('age-not-eligible'); // 12 on 1 March
    expect(code(program, { ...teen, birthDate: '2009-03-02' }, 18, now)).toBeNull(); // still 17
    expect(code(program, { ...teen, birthDate: '2009-03-01' }, 18, now)).toBe('age-not-eligible'); // 18
  });

  it('needs granted consent for a minor only', () => {
    expect(code(program, { ...teen, consentStatus: 'pending' }, 18, now)).toBe('guardian-consent-required');
    expect(code(program, { ...teen, consentStatus: 'revoked' }, 18, now)).toBe('guardian-consent-required');
    const adult = { ...program, maxAge: 25 };
    expect(code(adult, { birthDate: '2008-01-01', consentStatus: 'pending' }, 18, now)).toBeNull();
    expect(code(adult, { birthDate: '2008-01-01', consentStatus: 'pending' }, 21, now)).toBe('guardian-consent-required');
  });
});
