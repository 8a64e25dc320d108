import { Injectable } from '@nestjs/common';

/** The read models of the teens' places in programs, as relations (see ParticipantPlaces). */
export interface PlaceRelations {
  /** Columns participant_id, branch_id: a branch where the teen has a place that makes them its club's teen. */
  branches: () => string;
  /** Columns participant_id, program_id, starts_on: every program the teen ever had a place in, whatever became of it. */
  programs: () => string;
}

/**
 * Where the teens have places: which coordinators reach a teen, and which programs an erasure keeps an age
 * band for, depend on it. The feature that keeps places (enrollment) sits above people, so it hands its read
 * models over here in its onModuleInit instead of people importing it (which would be a cycle).
 */
@Injectable()
export class ParticipantPlaces {
  private places?: PlaceRelations;

  provide(places: PlaceRelations): void {
    this.places = places;
  }

  /** Relation: participant_id, branch_id. */
  branches(): string {
    return this.kept().branches();
  }

  /** Relation: participant_id, program_id, starts_on. */
  programs(): string {
    return this.kept().programs();
  }

  private kept(): PlaceRelations {
    if (!this.places) throw new Error('no feature keeps the teens’ places: load EnrollmentModule');
    return this.places;
  }
}
