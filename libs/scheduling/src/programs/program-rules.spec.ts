import { programRuleErrors, type ProgramShape } from './program-rules';

describe(programRuleErrors.name, () => {
  const valid: ProgramShape = {
    minAge: 13,
    maxAge: 17,
    startsOn: '2027-01-12',
    endsOn: '2027-05-25',
    enrollmentOpensAt: new Date('2026-12-01T15:00:00Z'),
    enrollmentClosesAt: new Date('2027-01-11T05:59:00Z'),
  };

  it('accepts a program whose fields agree, including a one-day program for one age', () => {
    expect(programRuleErrors(valid)).toEqual([]);
    expect(programRuleErrors({ ...valid, minAge: 15, maxAge: 15, endsOn: valid.startsOn })).toEqual([]);
  });

  it('names maxAge when it is below minAge', () => {
    expect(programRuleErrors({ ...valid, maxAge: 12 }).map((e) => e.field)).toEqual(['maxAge']);
  });

  it('names endsOn when the program would end before it starts (dates compare as calendar dates)', () => {
    expect(programRuleErrors({ ...valid, endsOn: '2027-01-11' }).map((e) => e.field)).toEqual(['endsOn']);
  });

  it('names enrollmentClosesAt when the window closes when or before it opens, and ignores an open-ended window', () => {
    expect(programRuleErrors({ ...valid, enrollmentClosesAt: valid.enrollmentOpensAt }).map((e) => e.field)).toEqual(['enrollmentClosesAt']);
    expect(programRuleErrors({ ...valid, enrollmentOpensAt: null })).toEqual([]);
  });

  it('names offerHours when the waitlist offers seats without saying for how long, and not while it promotes', () => {
    expect(programRuleErrors({ ...valid, waitlistMode: 'offer', offerHours: null }).map((e) => e.field)).toEqual(['offerHours']);
    expect(programRuleErrors({ ...valid, waitlistMode: 'offer', offerHours: 48 })).toEqual([]);
    expect(programRuleErrors({ ...valid, waitlistMode: 'promote', offerHours: null })).toEqual([]);
  });

  it('lists every broken rule at once', () => {
    expect(programRuleErrors({ ...valid, maxAge: 5, endsOn: '2026-01-01' })).toHaveLength(2);
  });
});
