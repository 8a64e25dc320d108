import { ageBandOf, attendanceBandOf, both, type Cohort, type DisclosurePlan, disclosurePlan, eligibilityFacts, EVERY_TEEN, inRates, shownOf } from './applicant-profile';

/** The walk `ApplicantCohorts.disclose` runs in SQL, over `enough`: the first band alternative that holds, then each program in turn. */
async function walk(plan: DisclosurePlan, enough: (cohort: Cohort) => Promise<boolean>) {
  let band: number | null = null;
  let cohort = plan.start;
  for (const [i, alternative] of plan.bands.entries()) {
    if (await enough(alternative.cohort)) {
      [band, cohort] = [i, alternative.cohort];
      break;
    }
  }
  const kept: string[] = [];
  for (const programId of plan.programIds) if (await enough(both(cohort, { programIds: [...kept, programId] }))) kept.push(programId);
  return shownOf(plan, band, kept);
}
const disclose = (teen: Parameters<typeof disclosurePlan>[0], enough: (cohort: Cohort) => Promise<boolean>) => walk(disclosurePlan(teen), enough);

describe('a private applicant’s profile', () => {
  it('bands ages as the outcome reports do, and rates coarsely', () => {
    expect([12, 13, 14, 15, 16, 17, 18, 19, 40].map(ageBandOf)).toEqual(['under 13', '13-14', '13-14', '15-16', '15-16', '17-18', '17-18', '19 and over', '19 and over']);
    expect([null, 0, 0.4999, 0.5, 0.74, 0.75, 0.8333, 1].map(attendanceBandOf)).toEqual([
      'no sessions yet',
      'under 50%',
      'under 50%',
      '50-74%',
      '50-74%',
      '75% and over',
      '75% and over',
      '75% and over',
    ]);
  });

  it('says of each rule whether it is met, and describes the teens who answer the same', () => {
    const internship = { minAge: 16, minAttendanceRate: 0.6 };
    const met = eligibilityFacts(internship, { age: 17, attendanceRate: 0.9 });
    expect(met.eligibility).toEqual({ eligible: true, minAge: true, minAttendanceRate: true });
    expect(met.cohort).toEqual({ age: { min: 16, max: null }, rate: { unheld: false, held: { min: 0.6, below: null } }, programIds: [] });
    const missed = eligibilityFacts(internship, { age: 15, attendanceRate: null });
    expect(missed.eligibility).toEqual({ eligible: false, minAge: false, minAttendanceRate: false });
    expect(missed.cohort.age).toEqual({ min: null, max: 15 });
    expect([null, 0.59, 0.6].map((r) => inRates(missed.cohort.rate, r))).toEqual([true, true, false]);
    expect(eligibilityFacts({ minAge: null, minAttendanceRate: null }, { age: 9, attendanceRate: 0.1 })).toEqual({
      eligibility: { eligible: true, minAge: null, minAttendanceRate: null },
      cohort: EVERY_TEEN,
    });
    expect(eligibilityFacts({ minAge: null, minAttendanceRate: 0 }, { age: 15, attendanceRate: null })).toEqual({
      eligibility: { eligible: true, minAge: null, minAttendanceRate: true },
      cohort: EVERY_TEEN,
    });
  });

  it('intersects cohorts', () => {
    const c = both(both(EVERY_TEEN, { age: { min: 16, max: null }, rate: { unheld: false, held: { min: 0.6, below: null } } }), {
      age: { min: 15, max: 16 },
      rate: { unheld: false, held: { min: 0.5, below: 0.75 } },
      programIds: ['p'],
    });
    expect(c).toEqual({ age: { min: 16, max: 16 }, rate: { unheld: false, held: { min: 0.6, below: 0.75 } }, programIds: ['p'] });
    expect(both(EVERY_TEEN, { rate: { unheld: true, held: null } }).rate).toEqual({ unheld: true, held: null });
  });

  /** A library of teens; `enough` as ApplicantCohorts answers it, over them. */
  function library(teens: { age: number; rate: number | null; programs: string[] }[], k: number) {
    const asked: Cohort[] = [];
    const enough = async (c: Cohort) => {
      asked.push(c);
      const n = teens.filter(
        (t) => (c.age.min === null || t.age >= c.age.min) && (c.age.max === null || t.age <= c.age.max) && inRates(c.rate, t.rate) && c.programIds.every((p) => t.programs.includes(p)),
      ).length;
      return n >= k;
    };
    return { enough, asked };
  }

  const many = (n: number, teen: { age: number; rate: number | null; programs: string[] }) => Array.from({ length: n }, () => teen);

  it('shows both bands and each program that enough teens share with everything shown', async () => {
    const { enough } = library([...many(3, { age: 15, rate: 1, programs: ['big', 'tiny'] }), ...many(7, { age: 16, rate: 0.8, programs: ['big'] })], 10);
    const teen = { eligibility: EVERY_TEEN, age: 15, rate: 1, programIds: ['big', 'tiny'] };
    // 10 teens are 15-16 at 75% and over, all in big; only 3 in tiny.
    expect(await disclose(teen, enough)).toEqual({ ageBand: '15-16', attendanceBand: '75% and over', programIds: ['big'] });
  });

  it('withholds the age band, then the attendance band, where too few share them', async () => {
    const lonelyAge = library([{ age: 18, rate: 0.9, programs: [] }, ...many(9, { age: 14, rate: 0.8, programs: [] })], 10);
    expect(await disclose({ eligibility: EVERY_TEEN, age: 18, rate: 0.9, programIds: [] }, lonelyAge.enough)).toEqual({ ageBand: null, attendanceBand: '75% and over', programIds: [] });
    const lonelyRate = library([{ age: 14, rate: 0.2, programs: ['p'] }, ...many(9, { age: 14, rate: 0.8, programs: ['p'] })], 10);
    expect(await disclose({ eligibility: EVERY_TEEN, age: 14, rate: 0.2, programIds: ['p'] }, lonelyRate.enough)).toEqual({ ageBand: '13-14', attendanceBand: null, programIds: ['p'] });
    const alone = library([{ age: 14, rate: 0.2, programs: ['p'] }, ...many(20, { age: 17, rate: 0.9, programs: [] })], 10);
    expect(await disclose({ eligibility: EVERY_TEEN, age: 14, rate: 0.2, programIds: ['p'] }, alone.enough)).toEqual({ ageBand: null, attendanceBand: null, programIds: [] });
  });

  it('plans both bands, then the attendance band alone, then the age band alone, each within the eligibility cohort, then each program once', () => {
    const { cohort } = eligibilityFacts({ minAge: 16, minAttendanceRate: null }, { age: 17, attendanceRate: 0.6 });
    const plan = disclosurePlan({ eligibility: cohort, age: 17, rate: 0.6, programIds: ['a', 'b', 'a'] });
    expect(plan.start).toEqual(cohort);
    expect(plan.bands.map((b) => [b.ageBand, b.attendanceBand])).toEqual([['17-18', '50-74%'], [null, '50-74%'], ['17-18', null]]);
    expect(plan.bands[0].cohort).toEqual({ age: { min: 17, max: 18 }, rate: { unheld: false, held: { min: 0.5, below: 0.75 } }, programIds: [] });
    expect(plan.bands[2].cohort.rate).toEqual(EVERY_TEEN.rate);
    expect(plan.programIds).toEqual(['a', 'b']);
    expect(shownOf(plan, null, [])).toEqual({ ageBand: null, attendanceBand: null, programIds: [] });
    expect(shownOf(plan, 1, ['b'])).toEqual({ ageBand: null, attendanceBand: '50-74%', programIds: ['b'] });
  });

  it('counts the posting’s rules into the cohort: a threshold cannot single a teen out', async () => {
    // Ten teens are 15-16 at 75% and over, but only one of them meets a posting's 95% minimum.
    const { enough, asked } = library([{ age: 15, rate: 1, programs: [] }, ...many(9, { age: 15, rate: 0.8, programs: [] })], 10);
    const { cohort } = eligibilityFacts({ minAge: null, minAttendanceRate: 0.95 }, { age: 15, attendanceRate: 1 });
    expect(await disclose({ eligibility: cohort, age: 15, rate: 1, programIds: [] }, enough)).toEqual({ ageBand: null, attendanceBand: null, programIds: [] });
    expect(asked.every((c) => c.rate.held?.min === 0.95)).toBe(true);
  });
});
