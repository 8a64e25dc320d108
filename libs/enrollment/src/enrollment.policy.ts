import type { Principal } from '@codeshelf/identity';
import { MentorsService, SchedulingPolicy } from '@codeshelf/scheduling';
import { Injectable } from '@nestjs/common';
import { EnrollmentNotFoundError, EnrollSelfOnlyError, NotStaffOfProgramError, RosterNotYoursError } from './enrollment.errors';

export type RosterView = 'staff' | 'mentor';

/**
 * Who may enroll whom and see which enrollments. Staff are admins and the coordinators of the program's
 * branch; a teen reaches only their own enrollments; a mentor reads the seated teens (trimmed) of programs
 * they currently mentor (MentorsService.currentMentor). Another owner's enrollment is a 404.
 */
@Injectable()
export class EnrollmentPolicy {
  constructor(
    private readonly scheduling: SchedulingPolicy,
    private readonly mentors: MentorsService,
  ) {}

  /** Staff enroll at their branch (which teens, people's rule decides); a teen only themself. */
  assertCanEnroll(principal: Principal, program: { id: string; branchId: string }, participantId: string | undefined, own: { id: string } | null): void {
    if (principal.role === 'participant') {
      if (participantId !== undefined && participantId !== own?.id) throw new EnrollSelfOnlyError();
      return;
    }
    if (!this.isStaff(principal, program.branchId)) throw new NotStaffOfProgramError(program.id, 'enroll teens in it');
  }

  isStaff(principal: Principal, branchId: string): boolean {
    return this.scheduling.runsBranch(principal, branchId);
  }

  /** Reading or withdrawing one enrollment: staff of the branch, or the teen it belongs to. */
  assertCanAccess(principal: Principal, enrollmentId: string, branchId: string, participant: { userId: string | null } | undefined): void {
    if (this.isStaff(principal, branchId)) return;
    if (principal.kind === 'user' && participant?.userId === principal.id) return;
    throw new EnrollmentNotFoundError(enrollmentId);
  }

  /** Staff see the full roster; a current mentor of the program the trimmed one; anyone else is refused. */
  async rosterView(principal: Principal, programId: string, branchId: string): Promise<RosterView> {
    if (this.isStaff(principal, branchId)) return 'staff';
    if (principal.role === 'mentor' && (await this.mentors.currentMentor(principal.id, { programId }))) return 'mentor';
    throw new RosterNotYoursError(programId);
  }
}
