import { FieldErrorDto, ValidationFailedError } from '@codeshelf/core';

export interface ProgramShape {
  minAge: number;
  maxAge: number;
  startsOn: string;
  endsOn: string;
  enrollmentOpensAt: Date | null;
  enrollmentClosesAt: Date | null;
  waitlistMode?: string;
  offerHours?: number | null;
}

/** The rules between a program's fields, checked on the whole program as it would be after a change. */
export function programRuleErrors(p: ProgramShape): FieldErrorDto[] {
  const errors: FieldErrorDto[] = [];
  if (p.maxAge < p.minAge) errors.push({ field: 'maxAge', code: 'ageOrder', message: `maxAge must be at least minAge (${p.minAge})` });
  if (p.endsOn < p.startsOn) errors.push({ field: 'endsOn', code: 'dateOrder', message: `endsOn must be on or after startsOn (${p.startsOn})` });
  if (p.enrollmentOpensAt && p.enrollmentClosesAt && p.enrollmentClosesAt <= p.enrollmentOpensAt) {
    errors.push({ field: 'enrollmentClosesAt', code: 'dateOrder', message: 'enrollmentClosesAt must be after enrollmentOpensAt' });
  }
  if (p.waitlistMode === 'offer' && !p.offerHours) errors.push({ field: 'offerHours', code: 'isDefined', message: 'offerHours is required when waitlistMode is offer' });
  return errors;
}

export function assertProgramRules(p: ProgramShape): void {
  const errors = programRuleErrors(p);
  if (errors.length) throw new ValidationFailedError(errors);
}
