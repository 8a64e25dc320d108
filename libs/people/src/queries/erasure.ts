import type { EntityManager } from 'typeorm';
import { ageBandSql, genderGroupSql } from './report-groups';

/**
 * Scrubs the teen's record (rule 10): the birth date becomes the age band each of their programs' reports
 * gives it (`programs`, the relation participant_id, program_id, starts_on of ParticipantPlaces.programs()),
 * the free-text gender its group; names, contacts, guardian, school and postal code go. The partner school id
 * stays: it is a report group (reports break down by it) and names no one.
 */
export async function scrubParticipant(db: EntityManager, participantId: string, programs: string): Promise<void> {
  await db.query(
    `UPDATE participant pt SET
       erased_age_bands = (SELECT COALESCE(jsonb_object_agg(pr.program_id, ${ageBandSql(`date_part('year', age(pr.starts_on, pt.birth_date))::int`)}), '{}')
                             FROM ${programs} pr WHERE pr.participant_id = pt.id),
       gender = NULLIF(${genderGroupSql('pt.gender')}, 'not stated'),
       first_name = 'Erased', last_name = '', birth_date = NULL, school = NULL, grade = NULL, contact_email = NULL,
       guardian_name = '', guardian_email = '', guardian_phone = NULL, postal_code = NULL, erased_at = now(), updated_at = now()
     WHERE pt.id = $1`,
    [participantId],
  );
}

/** The teen's consent links go, used or not. */
export async function deleteConsentTokens(db: EntityManager, participantId: string): Promise<void> {
  await db.query(`DELETE FROM guardian_consent_token WHERE participant_id = $1`, [participantId]);
}
