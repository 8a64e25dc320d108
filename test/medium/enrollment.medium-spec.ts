import { AlreadyEnrolledError, EnrollmentsService, ProgramFullError } from '@codeshelf/enrollment';
import { actorOf, type Principal } from '@codeshelf/identity';
import { ErasureService } from '@codeshelf/people';
import { ProgramsService } from '@codeshelf/scheduling';
import type { TestingModule } from '@nestjs/testing';
import { enrollmentConsistency, expectEnrollmentsWhole } from '../support/enrollment-consistency';
import { enrollInTurnViaServices, insertTeens, publishedProgramViaServices, seatState, type Teen } from '../support/enrollment-factories';
import { principalOf } from '../support/identity';
import { queryOf, startMediumContext } from '../support/medium';

describe(EnrollmentsService.name, () => {
  let context: TestingModule;
  let enrollments: EnrollmentsService;
  let query: ReturnType<typeof queryOf>;

  beforeAll(async () => {
    context = await startMediumContext();
    enrollments = context.get(EnrollmentsService);
    query = queryOf(context);
  });

  afterAll(async () => {
    await context.close();
  });

  const teenPrincipal = async (teen: Teen): Promise<Principal> => (await principalOf(context, teen.userId))!;
  const statusesOf = async (programId: string, teens: Teen[]) => {
    const { enrolled, waitlisted } = await seatState(context, programId);
    const seated = new Set(enrolled.map((r) => r.participant_id));
    return teens.map((t) => (seated.has(t.participantId) ? 'enrolled' : (waitlisted.find((r) => r.participant_id === t.participantId)?.waitlist_position ?? 'none')));
  };

  it('gives a teen a free seat, with one outbox message and one audit event naming the teen', async () => {
    const { program } = await publishedProgramViaServices(context, { capacity: 5 });
    const [teen] = await insertTeens(context, 1);

    const [placed] = await enrollInTurnViaServices(context, program.id, [teen]);

    expect(placed).toMatchObject({ programId: program.id, participantId: teen.participantId, status: 'enrolled', waitlistPosition: null, source: 'self' });
    expect(placed.enrolledAt).toBeInstanceOf(Date);
    const messages = await query(`SELECT topic, payload FROM outbox_message WHERE payload->>'enrollmentId' = $1`, [placed.id]);
    expect(messages).toEqual([{ topic: 'enrollment.enrolled', payload: expect.objectContaining({ programId: program.id, participantId: teen.participantId }) }]);
    const audits = await query(`SELECT action, actor_id, actor_kind FROM audit_event WHERE entity_id = $1`, [placed.id]);
    expect(audits).toEqual([{ action: 'enrollment.created', actor_id: teen.userId, actor_kind: 'user' }]);
    await expect(context.get(ProgramsService).get(undefined, program.id)).resolves.toMatchObject({ enrolledCount: 1, waitlistedCount: 0, seatsLeft: 4 });
  });

  it('puts the third teen of a two-seat program first in line, and tells them they wait', async () => {
    const { program } = await publishedProgramViaServices(context, { capacity: 2 });
    const teens = await insertTeens(context, 3);

    const placed = await enrollInTurnViaServices(context, program.id, teens);

    expect(placed.map((e) => [e.status, e.waitlistPosition])).toEqual([
      ['enrolled', null],
      ['enrolled', null],
      ['waitlisted', 1],
    ]);
    const [message] = await query(`SELECT topic FROM outbox_message WHERE payload->>'enrollmentId' = $1`, [placed[2].id]);
    expect(message.topic).toBe('enrollment.waitlisted');
    await expectEnrollmentsWhole(query, program.id);
  });

  it('refuses a teen twice in one program, and a full program without a waitlist refuses the next', async () => {
    const { program } = await publishedProgramViaServices(context, { capacity: 1, waitlistEnabled: false });
    const [first, second] = await insertTeens(context, 2);
    await enrollInTurnViaServices(context, program.id, [first]);

    await expect(enrollInTurnViaServices(context, program.id, [first])).rejects.toBeInstanceOf(AlreadyEnrolledError);
    await expect(enrollInTurnViaServices(context, program.id, [second])).rejects.toBeInstanceOf(ProgramFullError);
    await expect(seatState(context, program.id)).resolves.toMatchObject({ enrolledCount: 1, waitlistedCount: 0 });
  });

  it('gives a withdrawn seat to the head of the line, and the line closes up', async () => {
    const { program } = await publishedProgramViaServices(context, { capacity: 2 });
    const teens = await insertTeens(context, 5);
    const placed = await enrollInTurnViaServices(context, program.id, teens);

    const withdrawn = await enrollments.withdraw(await teenPrincipal(teens[0]), placed[0].id, actorOf(await teenPrincipal(teens[0])));

    expect(withdrawn).toMatchObject({ status: 'withdrawn', waitlistPosition: null });
    await expect(statusesOf(program.id, teens)).resolves.toEqual(['none', 'enrolled', 'enrolled', 1, 2]);
    const promoted = await query(`SELECT payload->>'participantId' AS teen FROM outbox_message WHERE topic = 'enrollment.promoted' AND payload->>'programId' = $1`, [program.id]);
    expect(promoted).toEqual([{ teen: teens[2].participantId }]);
    await expectEnrollmentsWhole(query, program.id);
  });

  it('a teen leaving the line moves those behind them up one place, and frees no seat', async () => {
    const { program } = await publishedProgramViaServices(context, { capacity: 1 });
    const teens = await insertTeens(context, 4);
    const placed = await enrollInTurnViaServices(context, program.id, teens);
    const principal = await teenPrincipal(teens[1]);

    await enrollments.withdraw(principal, placed[1].id, actorOf(principal));

    await expect(statusesOf(program.id, teens)).resolves.toEqual(['enrolled', 'none', 1, 2]);
    await expectEnrollmentsWhole(query, program.id);
  });

  it('fills seats a raised capacity adds from the waitlist, in the same change', async () => {
    const { program, coordinator } = await publishedProgramViaServices(context, { capacity: 1 });
    const teens = await insertTeens(context, 4);
    await enrollInTurnViaServices(context, program.id, teens);

    const raised = await context.get(ProgramsService).update(coordinator.principal, program.id, { capacity: 3 }, actorOf(coordinator.principal));

    // The answer is read inside the program change's transaction: the promotions are already in it.
    expect(raised).toMatchObject({ capacity: 3, enrolledCount: 3, waitlistedCount: 1, seatsLeft: 0 });
    await expect(statusesOf(program.id, teens)).resolves.toEqual(['enrolled', 'enrolled', 'enrolled', 1]);
    const audits = await query(`SELECT actor_id FROM audit_event WHERE action = 'enrollment.promoted' AND changes->>'programId' = $1`, [program.id]);
    expect(audits).toEqual([{ actor_id: coordinator.id }, { actor_id: coordinator.id }]);
    await expectEnrollmentsWhole(query, program.id);
  });

  it('gives the seat of an erased teen to the next in line, in the erasure', async () => {
    const { program } = await publishedProgramViaServices(context, { capacity: 1 });
    const teens = await insertTeens(context, 3);
    const placed = await enrollInTurnViaServices(context, program.id, teens);
    const principal = await teenPrincipal(teens[0]);

    await context.get(ErasureService).erase(principal, teens[0].participantId, actorOf(principal));

    await expect(statusesOf(program.id, teens)).resolves.toEqual(['none', 'enrolled', 1]);
    const [gone] = await query(`SELECT status FROM enrollment WHERE id = $1`, [placed[0].id]);
    expect(gone.status).toBe('withdrawn');
    const [reason] = await query(`SELECT changes->>'reason' AS reason FROM audit_event WHERE action = 'enrollment.withdrawn' AND entity_id = $1`, [placed[0].id]);
    expect(reason).toEqual({ reason: 'participant erased' });
    const { counters, rows } = await enrollmentConsistency(query, program.id);
    expect(counters).toEqual(rows);
    // What was pending for the erased teen is dropped with the rest of their data.
    await expect(query(`SELECT topic FROM outbox_message WHERE payload->>'participantId' = $1`, [teens[0].participantId])).resolves.toEqual([]);
  });
});
