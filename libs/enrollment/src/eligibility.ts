import { ageOn, isMinor } from '@codeshelf/people';
import { DateTime } from 'luxon';
import { AgeNotEligibleError, EnrollmentWindowClosedError, GuardianConsentRequiredError, ProgramNotPublishedError } from './enrollment.errors';

export interface ProgramTerms {
  id: string;
  status: string;
  minAge: number;
  maxAge: number;
  startsOn: string;
  endsOn: string;
  enrollmentOpensAt: Date | null;
  enrollmentClosesAt: Date | null;
  /** The branch's IANA zone: a program without a closing time closes when its last day ends there. */
  timezone: string;
}

export interface Applicant {
  birthDate: string;
  consentStatus: string;
}

/**
 * Rule 3, except the one-active-enrollment part (a unique index): the first rule the teen fails, as the
 * problem to answer, or null when they may enroll.
 */
export function eligibilityProblem(program: ProgramTerms, teen: Applicant, ageOfMajority: number, now = new Date()) {
  if (program.status !== 'published') return new ProgramNotPublishedError(program.id, program.status);
  const window = { opensAt: program.enrollmentOpensAt, closesAt: program.enrollmentClosesAt ?? program.endsOn };
  if (program.enrollmentOpensAt && now < program.enrollmentOpensAt) {
    return new EnrollmentWindowClosedError(`Enrollment opens at ${program.enrollmentOpensAt.toISOString()}.`, window);
  }
  if (program.enrollmentClosesAt ? now >= program.enrollmentClosesAt : DateTime.fromJSDate(now, { zone: program.timezone }).toISODate()! > program.endsOn) {
    return new EnrollmentWindowClosedError(
      program.enrollmentClosesAt ? `Enrollment closed at ${program.enrollmentClosesAt.toISOString()}.` : `The program ended on ${program.endsOn}.`,
      window,
    );
  }
  const age = ageOn(teen.birthDate, program.startsOn);
  if (age < program.minAge || age > program.maxAge) return new AgeNotEligibleError(age, program.minAge, program.maxAge, program.startsOn);
  if (isMinor(teen.birthDate, ageOfMajority, now.toISOString().slice(0, 10)) && teen.consentStatus !== 'granted') {
    return new GuardianConsentRequiredError(teen.consentStatus);
  }
  return null;
}
