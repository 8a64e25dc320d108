-- The SQL of erasure.ts, written by `npm run lint:tables -- --write`: do not edit.

-- scrubParticipant
UPDATE participant pt SET
     erased_age_bands = (SELECT COALESCE(jsonb_object_agg(pr.program_id, ${ageBandSql(`date_part('year', age(pr.starts_on, pt.birth_date))::int`)}), '{}')
                           FROM ${programs} pr WHERE pr.participant_id = pt.id),
     gender = NULLIF(${genderGroupSql('pt.gender')}, 'not stated'),
     first_name = 'Erased', last_name = '', birth_date = NULL, school = NULL, grade = NULL, contact_email = NULL,
     guardian_name = '', guardian_email = '', guardian_phone = NULL, postal_code = NULL, erased_at = now(), updated_at = now()
   WHERE pt.id = $1

-- deleteConsentTokens
DELETE FROM guardian_consent_token WHERE participant_id = $1
