import type { EntityManager } from 'typeorm';
import type { ProgramStatus } from '../programs/program.entity';
import { programTerms } from './program-terms';

/** A program as a certificate or a letter names it: title, term, and its branch by name and zone. */
export interface ProgramAtBranch {
  id: string;
  title: string;
  status: ProgramStatus;
  /** YYYY-MM-DD */
  startsOn: string;
  /** YYYY-MM-DD */
  endsOn: string;
  branchId: string;
  branchName: string;
  timezone: string;
  /** The program's last day has passed in its branch's zone. */
  ended: boolean;
}

/** Read model: these programs with their branches (see ProgramAtBranch); a program that is gone has no row. */
export function programsAtBranches(db: EntityManager, programIds: string[]): Promise<ProgramAtBranch[]> {
  return db.query(
    `SELECT p.id, p.title, p.status, p.starts_on::text AS "startsOn", p.ends_on::text AS "endsOn", p.branch_id AS "branchId", b.name AS "branchName", p.timezone, p.ended
       FROM ${programTerms()} p JOIN branch b ON b.id = p.branch_id WHERE p.id = ANY($1::uuid[])`,
    [programIds],
  );
}
