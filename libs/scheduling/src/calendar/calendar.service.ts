import type { Principal } from '@codeshelf/identity';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ProgramEntity } from '../programs/program.entity';
import { SchedulingPolicy } from '../scheduling.policy';
import { ProgramNotFoundError } from '../scheduling.errors';
import { icalendar } from './icalendar';

@Injectable()
export class CalendarService {
  constructor(
    @InjectRepository(ProgramEntity) private readonly programs: Repository<ProgramEntity>,
    private readonly policy: SchedulingPolicy,
  ) {}

  /** The program's sessions as an iCalendar feed, in its branch's time zone; cancelled ones stay, marked so. */
  async programFeed(principal: Principal | undefined, programId: string): Promise<string> {
    const program = await this.programs.findOneBy({ id: programId });
    if (!program) throw new ProgramNotFoundError(programId);
    this.policy.assertCanReadProgram(principal, program);
    const rows: {
      id: string;
      starts_at: Date;
      ends_at: Date;
      topic: string;
      status: string;
      sequence: number;
      updated_at: Date;
      branch_name: string;
      branch_address: string | null;
      timezone: string;
      room_name: string | null;
    }[] = await this.programs.query(
      `SELECT s.id, s.starts_at, s.ends_at, s.topic, s.status, s.sequence, s.updated_at,
              b.name AS branch_name, b.address AS branch_address, b.timezone, r.name AS room_name
         FROM session s JOIN program p ON p.id = s.program_id JOIN branch b ON b.id = p.branch_id
         LEFT JOIN room r ON r.id = s.room_id
        WHERE s.program_id = $1 ORDER BY s.starts_at, s.id`,
      [programId],
    );
    const [{ timezone }] = rows.length ? rows : await this.programs.query(`SELECT timezone FROM branch WHERE id = $1`, [program.branchId]);
    return icalendar(
      program.title,
      timezone,
      rows.map((r) => ({
        uid: `${r.id}@codeshelf`,
        startsAt: r.starts_at,
        endsAt: r.ends_at,
        summary: r.topic ? `${program.title}: ${r.topic}` : program.title,
        location: [r.room_name, r.branch_name, r.branch_address].filter(Boolean).join(', '),
        cancelled: r.status === 'cancelled',
        sequence: r.sequence,
        updatedAt: r.updated_at,
      })),
    );
  }
}
